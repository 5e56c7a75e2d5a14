#!/usr/bin/env bash
# The training benchmark in one command (run from the repository root):
#   scripts/bench-training.sh [--threads 2] [--repeats 3]
# Prints a markdown table: samples/s and peak RSS for the dense 784-256-64-32 AE (2 epochs) and the small conv AE
# (1 epoch) of ../shared/reference/pytorch_ae.py on full Fashion-MNIST, three ways, each in its own process:
# (a) an AeSweep trial (validation metrics, checkpoints, callbacks), (b) a bare TorchSharp loop, (c) the PyTorch script
# under Debian's python3-torch (OpenBLAS, and once with the reference BLAS); then two trials side by side with one
# thread each against one at a time. Needs dataset-fashion-mnist, python3-torch and libopenblas0-pthread.
#   scripts/bench-training.sh reuse dense|conv EPOCHS THREADS TRIALS [LIMIT]
# runs TRIALS trials back to back in one process, as a worker slot does, and prints what the first (cold) trial spends
# outside its epoch loop against the later ones, which reuse the decoded dataset and the PCA baseline.
#   scripts/bench-training.sh checkpoint-cost dense|conv [REPEATS]
# times, in one process, a synchronous checkpoint against the copy to memory the training thread pays per epoch now.
#   scripts/bench-training.sh fused SIZES EPOCHS THREADS REPEATS [LIMIT|all] [WIDTHS|conv]
# fused against unfused trials/hour (issue 13), e.g. `fused 4,8 2 2 3 10000 256,64,32`: N dense AEs of one sweep,
# four ways taking turns in one process (unfused one at a time / side by side, one fused pack / packs side by side);
# `fused 4 1 2 3 4000 conv`: the reference conv AE instead, fused as grouped convolutions.
set -euo pipefail
cd "$(dirname "$0")/.."
REFERENCE="${AESWEEP_REFERENCE_SCRIPT:-../shared/reference/pytorch_ae.py}"
dotnet build -c Release tests/AeSweep.Benchmarks.Training -v q -nologo >&2
if [ "${1:-}" = reuse ] || [ "${1:-}" = checkpoint-cost ] || [ "${1:-}" = fused ]; then
  exec tests/AeSweep.Benchmarks.Training/bin/Release/net10.0/linux-x64/AeSweep.Benchmarks.Training "$@"
fi
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  echo "installing python3-torch and libopenblas0-pthread for the PyTorch reference..." >&2
  apt-get install -y python3-torch libopenblas0-pthread >&2
fi
exec tests/AeSweep.Benchmarks.Training/bin/Release/net10.0/linux-x64/AeSweep.Benchmarks.Training table --reference "$REFERENCE" "$@"

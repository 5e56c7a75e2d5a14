#!/usr/bin/env bash
# Prepares build/gpu/ for scripts/gpu-check.sh, HERE (a machine with .NET and the NuGet cache), in the checkout the
# device tool sends (the lead's). The device machine has no .NET and no network, so everything it needs travels in
# build/gpu/ — ignored by git (/build/gpu/ in .gitignore) and named in the device tool's `carry`:
#
#   build/gpu/LibTorchSharp-src/   TorchSharp 0.107.0's native sources (src/Native, ~0.6 MB), from the fetch tool's
#                                  mirror of dotnet/TorchSharp at the 0.107.0 release commit (below). Copied, not
#                                  committed: they are TorchSharp's, and only the GPU check needs them.
#   build/gpu/benchmark.tar.xz     a self-contained publish (runtime included, no trimming) of
#                                  tests/AeSweep.Benchmarks.Training WITHOUT any libtorch or LibTorchSharp native file:
#                                  on the device it loads the LibTorchSharp built there and PyTorch's libtorch (CUDA)
#                                  through LD_LIBRARY_PATH. The CPU libtorch of TorchSharp-cpu (~500 MB) never travels.
#   build/gpu/MANIFEST             what was prepared, from which commit, and the sizes.
#
# Usage:  bash scripts/gpu-prepare.sh [--smoke]
#   --smoke  also unpacks the archive and runs it here on the CPU with the NuGet cache's libtorch on LD_LIBRARY_PATH
#            (a patched copy of libLibTorchSharp.so, see build/TorchSharp.Native.targets), proving that the stripped
#            publish loads native libraries from outside its folder, as it must on the device.
# Env:    TORCHSHARP_MIRROR  the fetch tool's git directory of dotnet/TorchSharp (default /work/.mirror/dotnet+TorchSharp/repo;
#                            get it with the device-free tool call `fetch github:dotnet/TorchSharp`).
#         MAX_CARRY_MB       refuse when build/gpu is larger (default 48: the tree and shared/ need the rest of 64 MiB).
set -euo pipefail
cd "$(dirname "$0")/.."

# TorchSharp's "Update release notes" commit for NuGet 0.107.0 (2026-05-07): build/BranchInfo.props says 0.107.0 and
# RELEASENOTES.md lists every 0.107.0 change; nothing after it in the mirror. The managed TorchSharp.dll 0.107.0 binds
# this native API (e.g. #1537 bool returns, #1538 fixed-size integers), so the sources must be exactly these.
TORCHSHARP_COMMIT=c20b6a1c
MIRROR=${TORCHSHARP_MIRROR:-/work/.mirror/dotnet+TorchSharp/repo}
MAX_CARRY_MB=${MAX_CARRY_MB:-48}
GPU=build/gpu
SMOKE=false
[[ "${1:-}" == "--smoke" ]] && SMOKE=true

mkdir -p "$GPU"

echo "== 1/3 LibTorchSharp sources (TorchSharp $TORCHSHARP_COMMIT, src/Native)"
if ! git --git-dir "$MIRROR" cat-file -e "$TORCHSHARP_COMMIT^{commit}" 2>/dev/null; then
    echo "gpu-prepare: no TorchSharp mirror with $TORCHSHARP_COMMIT at $MIRROR (fetch github:dotnet/TorchSharp, or set TORCHSHARP_MIRROR)" >&2
    exit 1
fi
grep -q '<MinorVersion>107</MinorVersion>' <(git --git-dir "$MIRROR" show "$TORCHSHARP_COMMIT:build/BranchInfo.props") \
    || { echo "gpu-prepare: $TORCHSHARP_COMMIT is not TorchSharp 0.107" >&2; exit 1; }
rm -rf "$GPU/LibTorchSharp-src"
mkdir -p "$GPU/LibTorchSharp-src"
git --git-dir "$MIRROR" archive "$TORCHSHARP_COMMIT" src/Native | tar -x -C "$GPU/LibTorchSharp-src" --strip-components=2

echo "== 2/3 self-contained publish of the training benchmark (native libtorch left out)"
PUBLISH=$(mktemp -d /tmp/aesweep-gpu-publish.XXXXXX)
trap 'rm -rf "$PUBLISH"' EXIT
# The published libLibTorchSharp.so is deleted below (the device builds its own against its libstdc++); the GLIBCXX
# patch stays on so the build folder's copy, which --smoke loads, keeps loading here.
nice dotnet publish tests/AeSweep.Benchmarks.Training -c Release -r linux-x64 --self-contained \
    -p:PublishTrimmed=false -v q -nologo -o "$PUBLISH/app"
# Every native file of the libtorch-cpu packages and of TorchSharp's own runtime folder goes: libtorch_cpu, libc10,
# libgomp, libLibTorchSharp, ... (SkiaSharp's and .NET's own native libraries stay).
mapfile -t NATIVE < <(find "$HOME/.nuget/packages/libtorch-cpu-linux-x64" "$HOME/.nuget/packages/torchsharp" \
    -path '*runtimes/linux-x64/native/*' -type f -printf '%f\n' 2>/dev/null | sort -u)
removed=0
for name in "${NATIVE[@]}"; do
    if [[ -e "$PUBLISH/app/$name" ]]; then rm -f "$PUBLISH/app/$name"; removed=$((removed + 1)); fi
done
# Also any fragment of a split libtorch (libtorch_cpu.so is shipped in parts and joined at build time).
rm -f "$PUBLISH/app/"libtorch*.so* "$PUBLISH/app/"libc10*.so* "$PUBLISH/app/libLibTorchSharp.so"
# The host refuses to start when deps.json names a native file that is missing: drop those entries.
python3 - "$PUBLISH/app" <<'PY'
import json, os, sys
app = sys.argv[1]
deps = next(f for f in os.listdir(app) if f.endswith(".deps.json"))
path = os.path.join(app, deps)
doc = json.load(open(path))
dropped = 0
for target in doc.get("targets", {}).values():
    for lib in target.values():
        native = lib.get("native")
        if not native:
            continue
        for asset in list(native):
            if not os.path.exists(os.path.join(app, os.path.basename(asset))):
                del native[asset]
                dropped += 1
        if not native:
            del lib["native"]
json.dump(doc, open(path, "w"), indent=2)
print(f"deps.json: {dropped} missing native asset(s) dropped")
PY
echo "removed $removed native libtorch/TorchSharp file(s); app folder $(du -sm "$PUBLISH/app" | cut -f1) MB"
tar -C "$PUBLISH/app" -cf - . | xz -6 -T2 > "$GPU/benchmark.tar.xz"

echo "== 3/3 sizes"
archive_mb=$(( $(stat -c %s "$GPU/benchmark.tar.xz") / 1048576 ))
total_mb=$(du -sm "$GPU" | cut -f1)
{
    echo "prepared $(date -u +%FT%TZ) from $(git rev-parse --short HEAD) ($(git branch --show-current))"
    echo "torchsharp_native_sources $TORCHSHARP_COMMIT"
    echo "benchmark.tar.xz ${archive_mb} MB (compressed); build/gpu ${total_mb} MB in all; limit ${MAX_CARRY_MB} MB"
} | tee "$GPU/MANIFEST"
if (( total_mb > MAX_CARRY_MB )); then
    echo "gpu-prepare: build/gpu is ${total_mb} MB, over ${MAX_CARRY_MB} MB: it would not travel with the tree" >&2
    exit 1
fi

if $SMOKE; then
    echo "== smoke: the stripped publish on the CPU, natives from outside its folder"
    SMOKE_DIR=$(mktemp -d /tmp/aesweep-gpu-smoke.XXXXXX)
    tar -xJf "$GPU/benchmark.tar.xz" -C "$SMOKE_DIR"
    LIBTORCH=$(dirname "$(find "$HOME/.nuget/packages/libtorch-cpu-linux-x64" -name 'libtorch_cpu.so' -path '*linux-x64/native*' | head -1)")
    # The NuGet LibTorchSharp needs GCC 13's libstdc++ here: use the build's patched copy (see TorchSharp.Native.targets).
    PATCHED=$(dirname "$(realpath "$(find tests/AeSweep.Benchmarks.Training/bin -name libLibTorchSharp.so | head -1)")")
    LD_LIBRARY_PATH="$PATCHED:$LIBTORCH" timeout 300 "$SMOKE_DIR/AeSweep.Benchmarks.Training" gpu --device cpu --models dense --packs 2 --epochs 1 --samples 400
    rm -rf "$SMOKE_DIR"
fi
echo "ready: name build/gpu in the device tool's carry (see scripts/gpu-check.sh)"

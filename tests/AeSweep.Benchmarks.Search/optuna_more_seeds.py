#!/usr/bin/python3
"""Optuna's TPE on the reference functions over more seeds than the benchmark's 20, to see how far a 20-seed
median wanders. Used once for docs/benchmarks/search.md (it takes minutes per function):
  /usr/bin/python3 tests/AeSweep.Benchmarks.Search/optuna_more_seeds.py branin,rosenbrock4_log 20 80"""
import importlib.util, json, statistics, sys
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
spec = importlib.util.spec_from_file_location("reference", "../shared/reference/optuna_functions.py")
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)

for name in sys.argv[1].split(","):
    best = {60: [], 100: []}
    for seed in range(int(sys.argv[2]), int(sys.argv[3])):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        study.optimize(reference.FUNCS[name], n_trials=100)
        values = [t.value for t in study.trials]
        for c in best:
            best[c].append(min(values[:c]))
    print(json.dumps({"function": name, "seeds": f"{sys.argv[2]}-{int(sys.argv[3]) - 1}",
                      "median": {c: statistics.median(v) for c, v in best.items()},
                      "quartiles": {c: statistics.quantiles(v, n=4) for c, v in best.items()}}), flush=True)

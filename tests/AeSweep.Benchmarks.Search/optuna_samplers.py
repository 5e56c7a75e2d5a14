#!/usr/bin/python3
"""Optuna's samplers side by side with ours (issue 12): the four reference functions of
../shared/reference/optuna_functions.py (imported from there, so the formulas have one owner) plus two of ours —
ackley5_shifted (continuous, multimodal), ae_conditional (an autoencoder-shaped space with conditional
parameters) and conditional_opt (an optimiser choice with per-optimiser parameters) — under Optuna's default TPE ("tpe"), multivariate TPE with group decomposition ("tpe-mv", Optuna 5.0's
default), CMA-ES ("cmaes"; Optuna's CmaEsSampler samples categoricals and conditional parameters with its
independent sampler) and random search. One JSON line per (function, sampler), in the shared script's format.
Usage: /usr/bin/python3 optuna_samplers.py --reference ../shared/reference/optuna_functions.py
       [--seeds 20] [--trials 100] [--checkpoints 30,60,100] [--samplers tpe,tpe-mv,cmaes,random] [--functions ...]
The new functions must stay identical to TestFunctions.cs (Ackley5Shifted, AeConditional) and ConditionalTestFunction.cs."""
import argparse, importlib.util, json, math, statistics, time, warnings
import optuna
optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore")  # Optuna 3.1 marks multivariate/group TPE as experimental

def ackley5_shifted(t):
    # Ackley in 5 dimensions over [-5, 10]^5, shifted so the minimum (0) sits at x_i = 1.5, off the box's centre.
    z = [t.suggest_float(f"x{i}", -5, 10) - 1.5 for i in range(5)]
    n = len(z)
    return (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in z) / n))
            - math.exp(sum(math.cos(2 * math.pi * v) for v in z) / n) + 20 + math.e)

def ae_conditional(t):
    # An autoencoder-shaped space: family decides which further parameters exist (kernel for conv, beta for vae).
    family = t.suggest_categorical("family", ["dense", "conv", "vae"])
    lr = t.suggest_float("lr", 1e-5, 1e-1, log=True)
    code = t.suggest_int("code_size", 2, 256, log=True)
    value = {"dense": 0.2, "conv": 0.0, "vae": 0.1}[family] + 0.3 * (math.log2(code) - 5) ** 2 / 4
    if family == "conv":
        kernel = t.suggest_int("kernel", 3, 7, step=2)
        value += 0.1 * (kernel - 5) ** 2 / 4 + (math.log10(lr) + 3.5) ** 2
    elif family == "vae":
        beta = t.suggest_float("beta", 1e-3, 10, log=True)
        value += 0.5 * (math.log10(beta) + 1) ** 2 + (math.log10(lr) + 3) ** 2
    else:
        value += (math.log10(lr) + 3) ** 2
    return value

def conditional_opt(t):
    # An optimiser choice with its own learning rate and momentum-like parameter each; the best learning rate moves
    # with the width (ConditionalTestFunction.cs). Minimum 0: adam, width 128, dropout 0.1, adam_lr 1e-3, beta1 0.9.
    optimizer = t.suggest_categorical("optimizer", ["sgd", "adam"])
    w = math.log2(t.suggest_int("width", 16, 1024, log=True)) - 7
    common = 4 * (t.suggest_float("dropout", 0, 0.5) - 0.1) ** 2 + 0.02 * w * w
    if optimizer == "sgd":
        lr = t.suggest_float("sgd_lr", 1e-4, 1, log=True)
        momentum = t.suggest_float("sgd_momentum", 0, 0.99)
        return 0.2 + common + (math.log10(lr) + 1 + 0.15 * w) ** 2 + 2 * (momentum - 0.9) ** 2
    lr = t.suggest_float("adam_lr", 1e-5, 1e-1, log=True)
    beta1 = t.suggest_float("adam_beta1", 0.8, 0.999)
    return common + (math.log10(lr) + 3 + 0.25 * w) ** 2 + 5 * (beta1 - 0.9) ** 2

def make_sampler(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe-mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed, warn_independent_sampling=False)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise SystemExit(f"unknown sampler {name}")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", required=True)
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--checkpoints", default="30,60,100")
    ap.add_argument("--samplers", default="tpe,tpe-mv,cmaes,random")
    ap.add_argument("--functions", default="")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("optuna_functions", a.reference)
    ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)
    funcs = dict(ref.FUNCS); funcs["ackley5_shifted"] = ackley5_shifted; funcs["ae_conditional"] = ae_conditional; funcs["conditional_opt"] = conditional_opt
    cps = [int(c) for c in a.checkpoints.split(",")]
    for name in (a.functions.split(",") if a.functions else list(funcs)):
        for sname in a.samplers.split(","):
            best = {c: [] for c in cps}; t0 = time.perf_counter()
            for seed in range(a.seeds):
                s = optuna.create_study(sampler=make_sampler(sname, seed))
                s.optimize(funcs[name], n_trials=a.trials)
                vals = [tr.value for tr in s.trials]
                for c in cps:
                    best[c].append(min(vals[:c]))
            q = lambda v: statistics.quantiles(v, n=4) if len(v) > 1 else [v[0]] * 3
            print(json.dumps({"impl": "optuna", "optuna": optuna.__version__, "function": name, "sampler": sname, "seeds": a.seeds,
                              "best": {str(c): {"q1": q(best[c])[0], "median": statistics.median(best[c]), "q3": q(best[c])[2]} for c in cps},
                              "seconds": time.perf_counter() - t0}), flush=True)

if __name__ == "__main__":
    main()

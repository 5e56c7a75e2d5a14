#!/usr/bin/python3
"""Side-by-side report of the end-to-end benchmark (scripts/bench-e2e.sh): AeSweep's run (its --json line and the
SQLite database it leaves) against optuna_ae_sweep.py's JSON.

  e2e_report.py pair --aesweep-json F --aesweep-db F --aesweep-t0 T --aesweep-end T --optuna-json F [--append F]
  e2e_report.py summary F        (the lines `pair --append` wrote: one row per repeat)

Times are seconds from the moment the benchmark launched each side's command (process start, data loading and
shutdown included). "Time to the best" is when the trial that holds the final best val_mse finished; only completed
trials count as best, on both sides (pruned trials stop early and are not candidates, as in Optuna's best_value).
"""
import argparse, json, sqlite3, statistics, sys


def aesweep_side(json_path, db_path, t0, end):
    with open(json_path) as f:
        summary = json.loads(f.read().strip().splitlines()[-1])
    db = sqlite3.connect(db_path)
    rows = db.execute(
        "SELECT Id, Number, State, ObjectiveValue, StartedAt, FinishedAt FROM trials WHERE SweepId = ? ORDER BY Number",
        (summary["sweep_id"],)).fetchall()
    epochs = {}
    for trial_id, metrics in db.execute("SELECT TrialId, MetricsJson FROM trial_epoch_metrics"):
        epochs.setdefault(trial_id, []).append(json.loads(metrics).get("epoch_seconds", 0.0))
    trials, overhead = [], []
    for trial_id, number, state, value, started, finished in rows:
        seconds = epochs.get(trial_id, [])
        trials.append({"number": number, "state": state.lower().replace("completed", "complete"), "value": value,
                       "finished_s": finished / 1000 - t0 if finished else None, "epochs": len(seconds)})
        if started and finished:
            overhead.append((finished - started) / 1000 - sum(seconds))
    counts = {s: sum(1 for t in trials if t["state"] == s) for s in ("complete", "pruned", "failed")}
    all_epoch_seconds = [s for v in epochs.values() for s in v]
    seed = db.execute("SELECT Seed FROM sweeps WHERE Id = ?", (summary["sweep_id"],)).fetchone()[0]
    return {
        "seed": seed, "trials": trials, "counts": counts, "total_s": end - t0, "epochs_trained": len(all_epoch_seconds),
        "epoch_seconds_sum": sum(all_epoch_seconds),
        "trial_overhead_median_s": statistics.median(overhead) if overhead else None,
        "first_trial_started_s": min((r[4] for r in rows if r[4]), default=0) / 1000 - t0,
        "best_params": (summary.get("best") or {}).get("parameters"),
    }


def best_of(trials):
    done = [t for t in trials if t["state"] == "complete" and t["value"] is not None]
    return min(done, key=lambda t: t["value"]) if done else None


def first_reaching(trials, target):
    """The earliest finish time of a completed trial with a value ≤ target, or None."""
    times = [t["finished_s"] for t in trials if t["state"] == "complete" and t["value"] is not None and t["value"] <= target]
    return min(times) if times else None


def fmt(x, spec=".1f"):
    return "—" if x is None else format(x, spec)


def pair(a):
    ours = aesweep_side(a.aesweep_json, a.aesweep_db, a.aesweep_t0, a.aesweep_end)
    with open(a.optuna_json) as f:
        theirs = json.loads(f.read().strip().splitlines()[-1])
    ours_best, theirs_best = best_of(ours["trials"]), best_of(theirs["trials"])
    reach = first_reaching(ours["trials"], theirs_best["value"]) if ours_best and theirs_best else None
    theirs_reach = first_reaching(theirs["trials"], ours_best["value"]) if ours_best and theirs_best else None
    ratio = reach / theirs_best["finished_s"] if reach is not None else None
    # Issue 12's form of the target: within 2 % of Optuna's best val_mse, in at most half Optuna's time to its best.
    reach2 = first_reaching(ours["trials"], theirs_best["value"] * 1.02) if ours_best and theirs_best else None
    ratio2 = reach2 / theirs_best["finished_s"] if reach2 is not None else None
    eps = lambda side: sum(t["epochs"] for t in side["trials"])
    if theirs.get("seed") is not None and theirs["seed"] != ours["seed"]:
        print(f"warning: the two sides ran with different seeds ({ours['seed']} vs {theirs['seed']})")
    print(f"{'seed ' + str(ours['seed']):40} {'AeSweep':>14} {'Optuna+PyTorch':>16}")
    rows = [
        ("best val_mse (completed trials)", fmt(ours_best and ours_best["value"], ".5f"), fmt(theirs_best and theirs_best["value"], ".5f")),
        ("  found by trial #", fmt(ours_best and ours_best["number"], "d"), fmt(theirs_best and theirs_best["number"], "d")),
        ("wall time to own best (s)", fmt(ours_best and ours_best["finished_s"]), fmt(theirs_best and theirs_best["finished_s"])),
        ("wall time to reach Optuna's best (s)", fmt(reach), fmt(theirs_best and theirs_best["finished_s"])),
        ("wall time to within 2 % of Optuna's best (s)", fmt(reach2), fmt(theirs_best and theirs_best["finished_s"])),
        ("wall time to reach AeSweep's best (s)", fmt(ours_best and ours_best["finished_s"]), fmt(theirs_reach)),
        ("total wall time (s)", fmt(ours["total_s"]), fmt(theirs["total_s"])),
        ("trials completed / pruned / failed",
         f"{ours['counts']['complete']} / {ours['counts']['pruned']} / {ours['counts']['failed']}",
         f"{theirs['counts']['complete']} / {theirs['counts']['pruned']} / {theirs['counts']['fail']}"),
        ("epochs trained (all trials)", str(eps(ours)), str(eps(theirs))),
    ]
    for name, x, y in rows:
        print(f"{name:40} {x:>14} {y:>16}")
    if reach is None:
        print(f"AeSweep never reached Optuna's best ({theirs_best['value']:.5f}); its best was "
              f"{ours_best['value']:.5f} at {ours_best['finished_s']:.1f} s" if ours_best and theirs_best else "no completed trial on one side")
    else:
        verdict = "met" if ratio <= 0.5 else "MISSED"
        print(f"AeSweep time to reach Optuna's best / Optuna's time to its best = {reach:.1f} / "
              f"{theirs_best['finished_s']:.1f} = {ratio:.2f} (target ≤ 0.50: {verdict})")
    if reach2 is not None:
        print(f"AeSweep time to within 2 % of Optuna's best / Optuna's time to its best = {reach2:.1f} / "
              f"{theirs_best['finished_s']:.1f} = {ratio2:.2f} (target ≤ 0.50: {'met' if ratio2 <= 0.5 else 'MISSED'})")
    print(f"AeSweep: first trial started {ours['first_trial_started_s']:.1f} s after launch; {ours['epoch_seconds_sum']:.1f} s of "
          f"epochs (train + validation + checkpoint) over {ours['epochs_trained']} epochs; median per-trial time outside "
          f"epochs (data loading, test metrics, PCA baseline, images) {fmt(ours['trial_overhead_median_s'], '.2f')} s")
    print(f"AeSweep best: {json.dumps(ours['best_params'])}")
    print(f"Optuna best:  {json.dumps(theirs_best and theirs_best['params'])} (Optuna {theirs['optuna']}, torch "
          f"{theirs['torch']}, {theirs['jobs']} processes × {theirs['threads_per_job']} thread, BLAS {theirs['blas'][-1:] or '?'})")
    if a.append:
        with open(a.append, "a") as f:
            f.write(json.dumps({
                "seed": ours["seed"], "ours_best": ours_best and ours_best["value"], "ours_best_s": ours_best and ours_best["finished_s"],
                "ours_reach_s": reach, "ours_total_s": ours["total_s"], "theirs_best": theirs_best and theirs_best["value"],
                "theirs_best_s": theirs_best and theirs_best["finished_s"], "theirs_reach_s": theirs_reach,
                "theirs_total_s": theirs["total_s"], "ratio": ratio, "ours_reach_2pct_s": reach2, "ratio_2pct": ratio2,
                "ours_counts": ours["counts"], "theirs_counts": theirs["counts"]}) + "\n")


def summary(path):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    print("seed  AeSweep best  @s     total s | Optuna best  @s     total s | AeSweep reaches Optuna's best @s  ratio | within 2 % @s  ratio")
    for r in runs:
        print(f"{fmt(r['seed'], 'd'):<5} {fmt(r['ours_best'], '.5f'):>12} {fmt(r['ours_best_s']):>6} {fmt(r['ours_total_s']):>8} | "
              f"{fmt(r['theirs_best'], '.5f'):>11} {fmt(r['theirs_best_s']):>6} {fmt(r['theirs_total_s']):>8} | "
              f"{fmt(r['ours_reach_s']):>33} {fmt(r['ratio'], '.2f'):>6} | {fmt(r.get('ours_reach_2pct_s')):>13} {fmt(r.get('ratio_2pct'), '.2f'):>6}")
    ratios = [r["ratio"] for r in runs]
    if len(runs) > 1:
        known = [x for x in ratios if x is not None]
        print(f"ratios: {', '.join(fmt(x, '.2f') for x in ratios)}; target ≤ 0.50 met in {sum(1 for x in known if x <= 0.5)} "
              f"of {len(runs)} repeats" + (f" (never reached in {len(runs) - len(known)})" if len(known) < len(runs) else ""))
        within = [r.get("ratio_2pct") for r in runs]
        print(f"within 2 %: ratios {', '.join(fmt(x, '.2f') for x in within)}; target ≤ 0.50 met in "
              f"{sum(1 for x in within if x is not None and x <= 0.5)} of {len(runs)} repeats")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("pair")
    p.add_argument("--aesweep-json", required=True)
    p.add_argument("--aesweep-db", required=True)
    p.add_argument("--aesweep-t0", type=float, required=True)
    p.add_argument("--aesweep-end", type=float, required=True)
    p.add_argument("--optuna-json", required=True)
    p.add_argument("--append", default="")
    s = sub.add_parser("summary")
    s.add_argument("file")
    a = ap.parse_args()
    pair(a) if a.mode == "pair" else summary(a.file)


if __name__ == "__main__":
    sys.exit(main())

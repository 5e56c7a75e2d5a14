#!/usr/bin/env python3
"""A tiny external trainer for AeSweep's program: sweeps. Reads --name=value arguments (AESWEEP_PARAMS holds
the same as JSON), prints one JSON line per step with an intermediate value, then a final line without a step."""
import json, math, os, sys

params = json.loads(os.environ.get("AESWEEP_PARAMS", "{}"))
for arg in sys.argv[1:]:
    if arg.startswith("--") and "=" in arg:
        key, value = arg[2:].split("=", 1)
        params.setdefault(key, value)

x, y = float(params["x"]), float(params["y"])
kind, steps = params.get("kind", "bowl"), int(params.get("steps", 5))
target = (x - 1.0) ** 2 + (math.log10(y) + 1.0) ** 2 + (0.0 if kind == "bowl" else 0.5)
for step in range(1, steps + 1):
    print(json.dumps({"step": step, "loss": target + 1.0 / step}), flush=True)
print(json.dumps({"loss": target}), flush=True)

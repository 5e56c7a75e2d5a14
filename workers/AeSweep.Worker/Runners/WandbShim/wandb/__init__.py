"""AeSweep's stand-in for the ``wandb`` package, so a W&B training script runs unchanged in an AeSweep trial.

AeSweep puts this folder first on PYTHONPATH for the trials of a W&B-flavoured sweep (``AESWEEP_WANDB_SHIM=0`` on the
worker, or ``wandb_shim: false`` in the sweep file, turns that off). Pure Python, no dependencies, nothing sent anywhere;
a real wandb installation is neither imported nor changed.

What it does:
- ``wandb.init(config=...)`` returns a run whose ``config`` holds the trial's parameters (AeSweep's, nested as in the
  sweep file) merged over the script's defaults; attribute and item access; sweep values win, as in W&B.
- ``wandb.log(dict, step=...)`` reports each value of the sweep's metric as an intermediate value, at the index of that
  value in the metric's history (W&B's hyperband counts those, not steps), so pruning works; the other numbers ride along.
- ``run.summary[...]`` and ``wandb.finish()`` (or the script's end) give the final metrics: the summary, which holds the
  last logged value of each key unless set explicitly.
- ``wandb.Image`` values and ``wandb.save`` files become trial artifacts (the first image logged is the trial's gallery).
- Anything else W&B has warns once on stderr and does nothing.
"""

import atexit
import glob as _glob
import json
import math
import os
import re
import shutil
import struct
import sys
import zlib

__version__ = "0.0.0+aesweep"
__all__ = ["init", "log", "finish", "save", "config", "summary", "run", "Image", "agent", "sweep", "login"]

_OUT = sys.stdout
_ARTIFACT_DIR = os.environ.get("AESWEEP_ARTIFACT_DIR") or os.getcwd()
_METRIC = os.environ.get("AESWEEP_METRIC", "")
_MAX_STEP = 1_000_000
_MAX_ARTIFACTS = 64
_warned = set()

run = None
config = None
summary = None


class Error(Exception):
    """wandb.Error, as scripts catch it."""


def _warn_once(what):
    if what in _warned:
        return
    _warned.add(what)
    print(f"wandb (AeSweep shim): {what} is not supported here and does nothing", file=sys.stderr, flush=True)


def _emit(payload):
    _OUT.write(json.dumps(payload, allow_nan=False) + "\n")
    _OUT.flush()


def _number(value):
    """A finite or infinite float from a Python, numpy or torch scalar; None for anything else."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    item = getattr(value, "item", None)
    shape = getattr(value, "shape", None)
    if callable(item) and (shape is None or len(shape) == 0 or _size(shape) == 1):
        try:
            inner = item()
        except Exception:
            return None
        return float(inner) if isinstance(inner, (int, float)) else None
    return None


def _size(shape):
    n = 1
    for d in shape:
        n *= int(d)
    return n


def _json_number(x):
    # JSON has no NaN or infinity: 1e999 reads back as infinity, which AeSweep refuses as a final metric (non-finite).
    return x if math.isfinite(x) else (1e999 if x > 0 or math.isnan(x) else -1e999)


def _flatten(data, prefix=""):
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, name + ".")
        else:
            yield name, value


class _Config:
    """wandb.config: attribute and item access, nested blocks as configs; the sweep's values cannot be overridden."""

    def __init__(self, values=None, locked=None):
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_locked", set(locked or ()))
        for key, value in (values or {}).items():
            self._values[key] = _Config(value) if isinstance(value, dict) else value

    def _set(self, key, value, from_sweep=False):
        if key in self._locked and not from_sweep:
            if self._values.get(key) != value:
                print(f"wandb (AeSweep shim): config.{key} is set by the sweep; keeping {self._values.get(key)!r}", file=sys.stderr, flush=True)
            return
        if isinstance(value, dict):
            existing = self._values.get(key)
            if isinstance(existing, _Config):
                existing._merge(value, from_sweep)
                return
            value = _Config(value, locked=value.keys() if from_sweep else ())
        self._values[key] = value
        if from_sweep:
            self._locked.add(key)

    def _merge(self, values, from_sweep=False):
        for key, value in values.items():
            self._set(key, value, from_sweep)

    def update(self, d=None, allow_val_change=False, **kwargs):
        values = dict(_as_dict(d) if d is not None else {})
        values.update(kwargs)
        self._merge(values)

    def setdefaults(self, d):
        for key, value in _as_dict(d).items():
            if key not in self._values:
                self._set(key, value)

    def as_dict(self):
        return {k: (v.as_dict() if isinstance(v, _Config) else v) for k, v in self._values.items()}

    def keys(self):
        return self._values.keys()

    def values(self):
        return self._values.values()

    def items(self):
        return self._values.items()

    def get(self, key, default=None):
        return self._values.get(key, default)

    def __getitem__(self, key):
        return self._values[key]

    def __setitem__(self, key, value):
        self._set(key, value)

    def __contains__(self, key):
        return key in self._values

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self._set(name, value)

    def __repr__(self):
        return repr(self.as_dict())


def _as_dict(source):
    if source is None:
        return {}
    if isinstance(source, _Config):
        return source.as_dict()
    if isinstance(source, dict):
        return source
    if hasattr(source, "__dict__"):
        return {k: v for k, v in vars(source).items() if not k.startswith("_")}
    _warn_once(f"a config of type {type(source).__name__}")
    return {}


class _Summary(dict):
    """run.summary: the final metrics (last logged values unless set)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


def _safe_name(text):
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(text)).strip("._-")[:60]
    return name or "artifact"


class Image:
    """wandb.Image: a path, a PIL image, a matplotlib figure, or an array (H×W, H×W×C or C×H×W; floats in [0, 1] scaled)."""

    def __init__(self, data_or_path, mode=None, caption=None, **kwargs):
        self._data = data_or_path
        self.caption = caption

    def _write(self, path):
        data = self._data
        if isinstance(data, str):
            shutil.copyfile(data, path)
        elif hasattr(data, "savefig"):
            data.savefig(path, format="png")
        elif hasattr(data, "save") and hasattr(data, "mode"):
            data.save(path, format="PNG")
        else:
            _write_png(path, _pixels(data))


def _pixels(data):
    for attr in ("detach", "cpu", "numpy"):
        if hasattr(data, attr):
            data = getattr(data, attr)()
    rows = data.tolist() if hasattr(data, "tolist") else data
    # C×H×W (torch's layout) to H×W×C when the first axis looks like channels and the last does not.
    if rows and isinstance(rows[0], list) and rows[0] and isinstance(rows[0][0], list):
        c = len(rows)
        last = len(rows[0][0])
        if c in (1, 3, 4) and last not in (1, 3, 4):
            rows = [[[rows[k][i][j] for k in range(c)] for j in range(len(rows[0][0]))] for i in range(len(rows[0]))]
    flat = [v for row in rows for px in row for v in (px if isinstance(px, list) else [px])]
    scale = 255.0 if flat and max(flat) <= 1.0 else 1.0
    return [[[min(255, max(0, int(round(v * scale)))) for v in (px if isinstance(px, list) else [px])] for px in row] for row in rows]


def _write_png(path, pixels):
    height, width = len(pixels), len(pixels[0])
    channels = len(pixels[0][0])
    color = {1: 0, 2: 4, 3: 2, 4: 6}[channels]
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


class _Noop:
    """What an unsupported part of wandb returns: callable, any attribute, usable as a context manager."""

    def __init__(self, name="wandb"):
        self._name = name

    def __call__(self, *args, **kwargs):
        _warn_once(self._name)
        return _Noop(self._name)

    def __getattr__(self, name):
        return _Noop(f"{self._name}.{name}")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        return iter(())

    def __bool__(self):
        return False


class Run:
    """The run wandb.init() returns."""

    def __init__(self, values, locked, name=None, project=None, entity=None, group=None, tags=None, notes=None):
        trial = os.environ.get("AESWEEP_TRIAL_ID", "local")
        self.id = trial
        self.name = name or f"trial-{trial}"
        self.project = project or "aesweep"
        self.entity = entity
        self.group = group
        self.tags = tuple(tags or ())
        self.notes = notes
        self.sweep_id = os.environ.get("AESWEEP_SWEEP_ID")
        self.dir = _ARTIFACT_DIR
        self.config = _Config()
        self.config._merge(values)
        self.config._merge(locked, from_sweep=True)
        self.summary = _Summary()
        self.step = 0
        self._history = {}
        self._artifacts = 0
        self._gallery = False
        self._finished = False

    def log(self, data, step=None, commit=None, sync=None):
        if self._finished:
            raise Error("wandb.log was called after the run finished")
        if not isinstance(data, dict):
            raise Error("wandb.log takes a dict")
        numbers = {}
        for key, value in _flatten(data):
            x = _number(value)
            if x is not None:
                numbers[key] = x
                self.summary[key] = x
            elif isinstance(value, Image):
                self._log_images(key, [value])
            elif isinstance(value, (list, tuple)) and value and all(isinstance(v, Image) for v in value):
                self._log_images(key, value)
            elif isinstance(value, str):
                self.summary[key] = value
            else:
                _warn_once(f"logging {type(value).__name__} values")
        if step is not None:
            self.step = max(self.step, int(step))
        elif commit is not False:
            self.step += 1
        if _METRIC in numbers:
            index = self._history.get(_METRIC, -1) + 1
            self._history[_METRIC] = index
            if index <= _MAX_STEP:
                _emit({"step": index, **{k: _json_number(v) for k, v in numbers.items()}})

    def _log_images(self, key, images):
        media = os.path.join(_ARTIFACT_DIR, "media")
        os.makedirs(media, exist_ok=True)
        for i, image in enumerate(images[:16]):
            name = _safe_name(key if len(images) == 1 else f"{key}_{i}")
            path = os.path.join(media, f"{name}.png")
            try:
                image._write(path)
            except Exception as error:
                print(f"wandb (AeSweep shim): could not write image {key}: {error}", file=sys.stderr, flush=True)
                continue
            self._artifact(name, path)
            if not self._gallery:
                self._gallery = True
                self._artifact("gallery", path)

    def _artifact(self, name, path):
        if self._artifacts >= _MAX_ARTIFACTS:
            _warn_once(f"more than {_MAX_ARTIFACTS} artifacts")
            return
        self._artifacts += 1
        _emit({"aesweep_artifact": name, "path": os.path.relpath(path, _ARTIFACT_DIR)})

    def save(self, glob_str=None, base_path=None, policy="live"):
        if glob_str is None:
            return []
        files = os.path.join(_ARTIFACT_DIR, "files")
        os.makedirs(files, exist_ok=True)
        saved = []
        for source in sorted(_glob.glob(os.fspath(glob_str)))[:32]:
            if not os.path.isfile(source):
                continue
            target = os.path.join(files, _safe_name(os.path.basename(source)))
            if os.path.abspath(source) != os.path.abspath(target):
                shutil.copyfile(source, target)
            self._artifact(_safe_name(os.path.basename(source)), target)
            saved.append(target)
        return saved

    def finish(self, exit_code=None, quiet=None):
        if self._finished:
            return
        self._finished = True
        final = {k: _json_number(v) for k, v in self.summary.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        _emit(final)
        global run
        if run is self:
            run = None

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.finish(exit_code=0 if kind is None else 1)
        return False

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Noop(f"run.{name}")


def _sweep_values():
    text = os.environ.get("AESWEEP_WANDB_CONFIG") or os.environ.get("AESWEEP_PARAMS") or "{}"
    try:
        values = json.loads(text)
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def init(project=None, entity=None, config=None, name=None, id=None, group=None, tags=None, notes=None,
         config_exclude_keys=None, config_include_keys=None, reinit=None, **kwargs):
    global run
    if run is not None and not run._finished:
        if reinit in (None, False, "return_previous"):
            return run
        run.finish()
    defaults = dict(_as_dict(config))
    if config_include_keys:
        defaults = {k: v for k, v in defaults.items() if k in config_include_keys}
    for key in config_exclude_keys or ():
        defaults.pop(key, None)
    run = Run(defaults, _sweep_values(), name=name, project=project, entity=entity, group=group, tags=tags, notes=notes)
    globals()["config"] = run.config
    globals()["summary"] = run.summary
    return run


def _current(what):
    if run is None:
        raise Error(f"You must call wandb.init() before {what}")
    return run


def log(data, step=None, commit=None, sync=None):
    _current("wandb.log()").log(data, step=step, commit=commit)


def save(glob_str=None, base_path=None, policy="live"):
    return _current("wandb.save()").save(glob_str, base_path, policy)


def finish(exit_code=None, quiet=None):
    if run is not None:
        run.finish(exit_code)


def login(*args, **kwargs):
    return True


def sweep(sweep, entity=None, project=None, prior_runs=None):
    _warn_once("wandb.sweep (AeSweep runs the sweep; this trial's parameters are already set)")
    return os.environ.get("AESWEEP_SWEEP_ID", "aesweep")


def agent(sweep_id, function=None, entity=None, project=None, count=None):
    # Inside an AeSweep trial the agent's job is done: run the training function once, for this trial.
    if function is not None:
        function()


@atexit.register
def _finish_at_exit():
    if run is not None and not run._finished:
        run.finish()


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _Noop(f"wandb.{name}")

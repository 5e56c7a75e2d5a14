#!/usr/bin/env bash
# Static checks of the deployment files, for machines without a container engine or a Kubernetes cluster:
#   1. every YAML file under deploy/ and docker-compose.yml parses;
#   2. docker-compose.yml refers only to files that exist (build contexts, Dockerfiles, env files, bind mounts), and the
#      Dockerfiles' COPY sources exist;
#   3. every `--option` of every aesweep command line in docker-compose.yml and deploy/kubernetes/ exists for that verb
#      (checked against `aesweep VERB --help` of the real program), and every $(VAR) in a Kubernetes command line is
#      defined in that container's env;
#   4. every Secret key and claim the manifests use is in secret.example.yaml / a PersistentVolumeClaim;
#   5. `kubectl kustomize deploy/kubernetes` renders, when kubectl is installed;
#   6. compose's own `config` accepts docker-compose.yml, when a compose CLI is installed.
# Usage: bash scripts/check-deploy.sh   (AESWEEP_BIN=path/to/aesweep to use another build; otherwise it uses the
# Release or Debug build of src/AeSweep.Cli and builds the Release one when neither exists).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

# Debian's python3-yaml installs for /usr/bin/python3 (the python3 first on PATH may be another interpreter).
ensure_apt_packages python3-yaml
python=/usr/bin/python3

bin="${AESWEEP_BIN:-}"
if [[ -z "$bin" ]]; then
  for config in Release Debug; do
    candidate="src/AeSweep.Cli/bin/$config/net10.0/linux-x64/aesweep"
    if [[ -x "$candidate" ]]; then bin="$candidate"; break; fi
  done
fi
if [[ -z "$bin" ]]; then
  require_dotnet
  echo "==> building the aesweep CLI (Release) to read its options" >&2
  dotnet build src/AeSweep.Cli -c Release -nologo -v quiet >&2
  bin="src/AeSweep.Cli/bin/Release/net10.0/linux-x64/aesweep"
fi
echo "==> aesweep: $bin" >&2

status=0
AESWEEP_BIN="$bin" "$python" - <<'PY' || status=1
import os, re, subprocess, sys, glob
import yaml

errors = []
def error(msg):
    errors.append(msg)
    print(f"FAIL {msg}")

# 1. Every YAML file parses (several documents per file allowed).
yaml_files = sorted(set(glob.glob("deploy/**/*.yaml", recursive=True) + glob.glob("deploy/**/*.yml", recursive=True))) + ["docker-compose.yml"]
docs = {}
for path in yaml_files:
    try:
        with open(path, encoding="utf-8") as f:
            docs[path] = [d for d in yaml.safe_load_all(f) if d is not None]
        print(f"ok   {path}: parses ({len(docs[path])} document(s))")
    except yaml.YAMLError as e:
        error(f"{path}: {e}")
        docs[path] = []

# Compose interpolation as `docker compose config` does it, enough for checking: ${VAR:-default} → default,
# ${VAR:?message} / ${VAR} → a stand-in value, $$ → $.
def interpolate(text):
    if not isinstance(text, str):
        return str(text)
    def sub(m):
        body = m.group(1)
        if ":-" in body:
            return body.split(":-", 1)[1]
        if "-" in body and ":" not in body:
            return body.split("-", 1)[1]
        return "VALUE"
    return re.sub(r"\$\{([^}]*)\}", sub, text).replace("$$", "$")

# 2. Files docker-compose.yml refers to.
compose = (docs.get("docker-compose.yml") or [{}])[0]
services = compose.get("services", {}) or {}
dockerfiles = set()
for name, svc in services.items():
    build = svc.get("build")
    if build is not None:
        context = build if isinstance(build, str) else build.get("context", ".")
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        context_path = os.path.normpath(interpolate(context))
        dockerfile_path = os.path.normpath(os.path.join(context_path, interpolate(dockerfile)))
        for p, what in ((context_path, "build context"), (dockerfile_path, "Dockerfile")):
            if os.path.exists(p):
                print(f"ok   compose {name}: {what} {p} exists")
            else:
                error(f"compose {name}: {what} {p} does not exist")
        dockerfiles.add((context_path, dockerfile_path))
    env_files = svc.get("env_file", [])
    for env_file in [env_files] if isinstance(env_files, str) else env_files:
        p = env_file if isinstance(env_file, str) else env_file.get("path")
        required = True if isinstance(env_file, str) else env_file.get("required", True)
        if required and not os.path.exists(interpolate(p)):
            error(f"compose {name}: env_file {p} does not exist")
    for volume in svc.get("volumes", []) or []:
        source = volume.split(":", 1)[0] if isinstance(volume, str) else (volume.get("source") if volume.get("type") == "bind" else None)
        if source and source.startswith((".", "/", "~")):
            p = os.path.expanduser(interpolate(source))
            if os.path.exists(p):
                print(f"ok   compose {name}: bind mount {p} exists")
            else:
                error(f"compose {name}: bind mount {p} does not exist")
        elif source and source not in (compose.get("volumes") or {}):
            error(f"compose {name}: volume '{source}' is not declared under volumes:")
    for dep in (svc.get("depends_on") or {}):
        if dep not in services:
            error(f"compose {name}: depends_on '{dep}' is not a service")

# Dockerfile COPY sources (from the build context; --from=stage copies come from another stage).
for context_path, dockerfile_path in sorted(dockerfiles):
    if not os.path.exists(dockerfile_path):
        continue
    with open(dockerfile_path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*(COPY|ADD)\s+(.*)", line)
            if not m or "--from=" in m.group(2):
                continue
            parts = [p for p in m.group(2).split() if not p.startswith("--")]
            for source in parts[:-1]:
                p = os.path.join(context_path, source)
                if glob.glob(p):
                    print(f"ok   {dockerfile_path}: COPY source {source} exists")
                else:
                    error(f"{dockerfile_path}: COPY source {source} does not exist in {context_path}")

# 3. Command lines: (where, argv) for every aesweep invocation.
command_lines = []
for name, svc in services.items():
    image = str(svc.get("image", ""))
    command = svc.get("command")
    if command and ("aesweep" in image or svc.get("build")):
        argv = command if isinstance(command, list) else command.split()
        command_lines.append((f"docker-compose.yml services.{name}", [interpolate(a) for a in argv], None))

k8s_secret_keys = {}
k8s_claims = set()
k8s_refs = []
for path, documents in docs.items():
    if not path.startswith("deploy/kubernetes/"):
        continue
    for doc in documents:
        kind = doc.get("kind")
        if kind == "Secret":
            k8s_secret_keys.setdefault(doc["metadata"]["name"], set()).update((doc.get("stringData") or {}).keys(), (doc.get("data") or {}).keys())
        if kind == "PersistentVolumeClaim":
            k8s_claims.add(doc["metadata"]["name"])
        spec = (doc.get("spec") or {})
        pod = (spec.get("template") or {}).get("spec") or (spec.get("jobTemplate") or {}).get("spec", {}).get("template", {}).get("spec")
        if not pod:
            continue
        for volume in pod.get("volumes", []) or []:
            if "persistentVolumeClaim" in volume:
                k8s_refs.append((path, "claim", volume["persistentVolumeClaim"]["claimName"], None))
        for container in (pod.get("containers", []) or []) + (pod.get("initContainers", []) or []):
            env_names = set()
            for env in container.get("env", []) or []:
                env_names.add(env["name"])
                ref = ((env.get("valueFrom") or {}).get("secretKeyRef"))
                if ref:
                    k8s_refs.append((path, "secret", ref["name"], ref["key"]))
            argv = (container.get("command") or []) + (container.get("args") or [])
            where = f"{path} {doc['metadata']['name']}/{container['name']}"
            for arg in argv:
                for var in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", str(arg)):
                    if var in env_names:
                        print(f"ok   {where}: $({var}) is defined in env")
                    else:
                        error(f"{where}: $({var}) is used but not defined in the container's env")
            if str(container.get("image", "")).startswith("aesweep") and argv:
                command_lines.append((where, [str(a) for a in argv], None))

# 4. Secret keys and claims the manifests use.
for path, what, name, key in k8s_refs:
    if what == "secret":
        if name not in k8s_secret_keys:
            error(f"{path}: Secret '{name}' has no template under deploy/kubernetes")
        elif key not in k8s_secret_keys[name]:
            error(f"{path}: key '{key}' is not in the Secret template '{name}'")
        else:
            print(f"ok   {path}: secret {name}/{key} is in the template")
    elif name not in k8s_claims:
        error(f"{path}: PersistentVolumeClaim '{name}' is not defined")
    else:
        print(f"ok   {path}: claim {name} is defined")

bin = os.environ["AESWEEP_BIN"]
help_cache = {}
def options_of(verb):
    if verb not in help_cache:
        result = subprocess.run([bin, verb, "--help"], capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or "Options:" not in result.stdout:
            help_cache[verb] = None
        else:
            section = result.stdout.split("Options:", 1)[1]
            help_cache[verb] = set(re.findall(r"^\s+(?:-\S+, )*(--[a-z0-9][a-z0-9-]*)", section, re.M))
    return help_cache[verb]

for where, argv, _ in command_lines:
    verb = argv[0]
    options = options_of(verb)
    if options is None:
        error(f"{where}: `aesweep {verb}` is not a command of {bin}")
        continue
    used = [a for a in argv[1:] if a.startswith("--")]
    missing = [a for a in used if a.split("=", 1)[0] not in options]
    if missing:
        error(f"{where}: `aesweep {verb}` has no option(s) {', '.join(missing)}")
    else:
        print(f"ok   {where}: aesweep {verb} {' '.join(used)}")

print()
if errors:
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print(f"all checks passed ({len(yaml_files)} YAML files, {len(command_lines)} aesweep command lines)")
PY

# 5. The kustomization renders (kubectl's built-in kustomize; no cluster needed).
if command -v kubectl >/dev/null 2>&1; then
  if out="$(kubectl kustomize deploy/kubernetes 2>&1)"; then
    echo "ok   kubectl kustomize deploy/kubernetes: $(grep -c '^kind:' <<<"$out") objects"
  else
    echo "FAIL kubectl kustomize deploy/kubernetes: $out"
    status=1
  fi
else
  echo "skip kubectl kustomize (kubectl not installed)"
fi

# 6. Compose's own validation where a compose CLI exists, with stand-in secrets (never written to disk). The Docker
#    CLI here has no compose plugin; Debian's docker-compose 1.29 predates the top-level `name:`, so it gets a copy
#    without that line.
stand_ins=(POSTGRES_PASSWORD=check AESWEEP_ADMIN_PASSWORD=check-password AESWEEP_API_KEY=check-key-0123456789)
if docker compose version >/dev/null 2>&1; then
  if env "${stand_ins[@]}" docker compose -f docker-compose.yml config -q; then
    echo "ok   docker compose config"
  else
    echo "FAIL docker compose config"; status=1
  fi
elif command -v docker-compose >/dev/null 2>&1; then
  v1="$(mktemp)"
  grep -v '^name: ' docker-compose.yml >"$v1"
  if env "${stand_ins[@]}" docker-compose --project-directory "$root" -f "$v1" config -q; then
    echo "ok   docker-compose (v1) config, without the top-level name:"
  else
    echo "FAIL docker-compose (v1) config"; status=1
  fi
  rm -f "$v1"
else
  echo "skip docker compose config (no compose CLI; Debian's docker-compose package provides one)"
fi
exit "$status"

#!/usr/bin/env bash
# Checks the deploy files against the services without Docker or a cluster:
#  1. every YAML file under deploy/ parses (python3 + PyYAML);
#  2. every key a service prints as `required` (dotnet <dll> --print-config-keys) is set, non-empty,
#     in its compose service and migration job, and in its kubernetes Deployment and migration Job
#     of both overlays (env, envFrom ConfigMaps/Secrets, as rendered by `kubectl kustomize` with
#     throw-away keys); `{name}` keys need at least one entry;
#  3. docker-compose.yml leaves networking to docker-compose.bridge.yml and docker-compose.hostnet.yml,
#     and each of them places every one of its containers.
# Usage: deploy/check.sh   (after dotnet build AmbassadorNet.sln; AMB_CONFIGURATION=release for Release builds)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
config="${AMB_CONFIGURATION:-debug}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

declare -A dlls=(
  [gateway]=AmbassadorNet.Gateway [creators]=AmbassadorNet.Creators [campaigns]=AmbassadorNet.Campaigns
  [tracking]=AmbassadorNet.Tracking [webhooks]=AmbassadorNet.Webhooks [payouts]=AmbassadorNet.Payouts
  [analytics]=AmbassadorNet.Analytics [audit]=AmbassadorNet.Audit
)
for svc in "${!dlls[@]}"; do
  dir="$root/artifacts/bin/${dlls[$svc]}/$config"
  [[ -f "$dir/${dlls[$svc]}.dll" ]] || { echo "missing $dir/${dlls[$svc]}.dll: run dotnet build AmbassadorNet.sln first" >&2; exit 2; }
  (cd "$dir" && dotnet "${dlls[$svc]}.dll" --print-config-keys) > "$work/$svc.keys"
done

command -v kubectl >/dev/null || { echo "kubectl (for its kustomize) not found" >&2; exit 2; }
for overlay in dev prod; do
  mkdir -p "$work/src"; cp -r "$root/deploy/k8s" "$work/src/$overlay"
  keys="$work/src/$overlay/overlays/$overlay/keys"; mkdir -p "$keys"
  # The kustomizations name the key files; contents do not matter for this check.
  grep -oE 'keys/[A-Za-z0-9._-]+' "$root/deploy/k8s/overlays/$overlay/kustomization.yaml" | sort -u |
    while read -r f; do echo "throw-away" > "$work/src/$overlay/overlays/$overlay/$f"; done
  kubectl kustomize "$work/src/$overlay/overlays/$overlay" > "$work/k8s-$overlay.yaml"
done

python3 - "$root" "$work" "${!dlls[@]}" <<'PY'
import glob, os, re, sys
import yaml

root, work, services = sys.argv[1], sys.argv[2], sys.argv[3:]
failures = []

# 1. every YAML file parses
files = sorted(glob.glob(f"{root}/deploy/**/*.yaml", recursive=True) + glob.glob(f"{root}/deploy/**/*.yml", recursive=True))
for f in files:
    try:
        list(yaml.safe_load_all(open(f)))
    except yaml.YAMLError as e:
        failures.append(f"{os.path.relpath(f, root)}: {e}")
print(f"parsed {len(files)} YAML files")

def required(svc):
    keys = []
    for line in open(f"{work}/{svc}.keys"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 4 and parts[3] == "required":
            keys.append(parts[1])
    return keys

def missing(keys, env):
    """keys not set (non-empty) in env; Name__{name} needs at least one Name__<x>."""
    out = []
    for k in keys:
        if "{name}" in k:
            prefix = k.split("{name}")[0]
            if not any(n.startswith(prefix) and len(n) > len(prefix) and v not in ("", None) for n, v in env.items()):
                out.append(k)
        elif env.get(k) in ("", None):
            out.append(k)
    return out

# 2a. compose: list-form environment; ${VAR} in a name stands for whatever .env gives it
compose = yaml.safe_load(open(f"{root}/deploy/compose/docker-compose.yml"))
def compose_env(service):
    env = service.get("environment") or {}
    if isinstance(env, dict):
        return {k: str(v) for k, v in env.items()}
    return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
for svc in services:
    for name in (svc, f"{svc}-migrate"):
        if name not in compose["services"]:
            failures.append(f"compose: no service {name}"); continue
        env = {re.sub(r"\$\{[^}]*\}", "X", k): v for k, v in compose_env(compose["services"][name]).items()}
        for k in missing(required(svc), env):
            failures.append(f"compose {name}: {k} not set")
        if svc != "gateway" and any(k.startswith("Gateway__SigningKey__Pem") for k in env):
            failures.append(f"compose {name}: has the gateway's private key")

# 2b. compose networking: docker-compose.yml names no network and publishes no port (neither can be taken
# away by a later file), and each networking file places every container of it
bridge = yaml.safe_load(open(f"{root}/deploy/compose/docker-compose.bridge.yml"))["services"]
hostnet = yaml.safe_load(open(f"{root}/deploy/compose/docker-compose.hostnet.yml"))["services"]
for name, service in compose["services"].items():
    for key in ("networks", "network_mode", "ports"):
        if key in service:
            failures.append(f"compose {name}: {key} belongs in the networking files, not docker-compose.yml")
    if not (bridge.get(name) or {}).get("networks"):
        failures.append(f"compose {name}: no network in docker-compose.bridge.yml")
    if (hostnet.get(name) or {}).get("network_mode") != "host":
        failures.append(f"compose {name}: not on the host's network in docker-compose.hostnet.yml")
for name in set(bridge) | set(hostnet):
    if name not in compose["services"]:
        failures.append(f"compose: {name} is in a networking file but not in docker-compose.yml")

# 2c. kubernetes: each overlay as rendered
for overlay in ("dev", "prod"):
    docs = [d for d in yaml.safe_load_all(open(f"{work}/k8s-{overlay}.yaml")) if d]
    data = {(d["kind"], d["metadata"]["name"]): d.get("data") or d.get("stringData") or {}
            for d in docs if d["kind"] in ("ConfigMap", "Secret")}
    workloads = {(d["kind"], d["metadata"]["name"]): d for d in docs if d["kind"] in ("Deployment", "Job")}
    for svc in services:
        for kind, name in (("Deployment", svc), ("Job", f"{svc}-migrate")):
            w = workloads.get((kind, name))
            if w is None:
                failures.append(f"k8s {overlay}: no {kind} {name}"); continue
            env = {}
            for c in w["spec"]["template"]["spec"]["containers"]:
                for ref in c.get("envFrom", []):
                    if "configMapRef" in ref:
                        key = ("ConfigMap", ref["configMapRef"]["name"])
                    else:
                        key = ("Secret", ref["secretRef"]["name"])
                    if key not in data:
                        failures.append(f"k8s {overlay} {kind} {name}: envFrom {key[0]} {key[1]} does not exist")
                    env.update({k: str(v) for k, v in data.get(key, {}).items()})
                    if svc != "gateway" and "Gateway__SigningKey__Pem" in data.get(key, {}):
                        failures.append(f"k8s {overlay} {kind} {name}: sees the gateway's private key")
                for e in c.get("env", []):
                    # valueFrom (operator secrets) counts as set; a plain value must not be empty
                    env[e["name"]] = "from-secret" if "valueFrom" in e else str(e.get("value", ""))
            for k in missing(required(svc), env):
                failures.append(f"k8s {overlay} {kind} {name}: {k} not set")
    print(f"k8s {overlay}: {len(docs)} objects rendered")

for f in failures:
    print("FAIL", f)
print("deploy check:", "failed" if failures else f"ok ({len(services)} services: compose, k8s dev and prod)")
sys.exit(1 if failures else 0)
PY

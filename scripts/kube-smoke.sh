#!/usr/bin/env bash
# `podman kube play` of the Kubernetes Deployment (deploy/kubernetes/overlays/podman-smoke,
# rendered by `kubectl kustomize`) with the image built from the Dockerfile, then: /ready
# and one annotation through the hostPort, the security context and the worker count
# (the overlay limits the pod to 1 CPU) checked inside, and `podman kube down`.
# Needs podman (../shared/tools/offline-container-base.sh sets it up offline) and kubectl.
set -euo pipefail
cd "$(dirname "$0")/.."
image=${HABARI_IMAGE:-localhost/habari:smoke}  # scripts/container-smoke.sh builds this tag too
port=${HABARI_KUBE_SMOKE_PORT:-18080}
python=${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}
offline_tool=../shared/tools/offline-container-base.sh

if [ -f "$offline_tool" ]; then
  CONTAINERS_CONF=$(bash "$offline_tool" | tail -n 1)
  export CONTAINERS_CONF
fi
podman image exists "$image" || podman build --pull=never --format docker -t "$image" .

work=$(mktemp -d)
kubectl kustomize deploy/kubernetes/overlays/podman-smoke > "$work/all.yaml"
# podman plays the Deployment; its ConfigMap goes in with --configmap; the Service, HPA,
# PDB and Secret are for a cluster.
"$python" - "$work" "$port" "$image" <<'PY'
import sys
import yaml
work, port, image = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for document in yaml.safe_load_all(open(f"{work}/all.yaml")):
    if document["kind"] == "Deployment":
        container = document["spec"]["template"]["spec"]["containers"][0]
        container["image"], container["ports"][0]["hostPort"] = image, port
        yaml.safe_dump(document, open(f"{work}/deployment.yaml", "w"))
    elif document["kind"] == "ConfigMap":
        yaml.safe_dump(document, open(f"{work}/configmap.yaml", "w"))
PY
cleanup() {
  [ -n "${container:-}" ] && podman logs "$container" 2>&1 | tail -n 20
  podman kube down "$work/deployment.yaml" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
podman kube play --configmap "$work/configmap.yaml" "$work/deployment.yaml" > "$work/played.txt"
container=$(awk '/^Container:/{getline; print; exit}' "$work/played.txt")
echo "ok   podman kube play: container ${container:0:12}"

url="http://127.0.0.1:$port"
scripts/wait-ready.sh "$url"
echo "ok   /ready through the hostPort"

[ "$(podman exec "$container" id -u)" = 10001 ] || { echo "FAIL: not running as uid 10001"; exit 1; }
if podman exec "$container" touch /app/written 2>/dev/null; then echo "FAIL: root filesystem writable"; exit 1; fi
echo "ok   non-root (uid 10001), read-only root filesystem"
workers=$(podman logs "$container" 2>&1 | grep -c "Booting worker")
[ "$workers" = 1 ] || { echo "FAIL: $workers gunicorn workers under a 1-CPU limit (want 1)"; exit 1; }
echo "ok   1 gunicorn worker under the 1-CPU limit (cgroup quota)"

code=$(curl -sS -o "$work/annotation.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --data '{"text": "Rais Amina Juma alisema jana mjini Dodoma kwamba serikali itajenga shule mpya."}' "$url/v1/annotate")
[ "$code" = 200 ] || { echo "FAIL: POST /v1/annotate gave HTTP $code"; exit 1; }
"$python" -c 'import json, sys; body = json.load(open(sys.argv[1])); assert body["people"] and body["places"], body; print("ok   POST /v1/annotate:", [p["name"] for p in body["people"]], [p["name"] for p in body["places"]])' "$work/annotation.json"

podman kube down "$work/deployment.yaml" >/dev/null
container=
echo "kube smoke test passed"

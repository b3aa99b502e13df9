#!/usr/bin/env bash
# Build the image, run it, wait for /ready, then run the smoke test and one sample article.
# Uses ../shared/tools/offline-container-base.sh (podman, offline) when present, else docker.
set -euo pipefail
cd "$(dirname "$0")/.."
image=${HABARI_IMAGE:-habari:smoke}
port=${HABARI_SMOKE_PORT:-18000}
offline_tool=../shared/tools/offline-container-base.sh

if [ -f "$offline_tool" ]; then
  CONTAINERS_CONF=$(bash "$offline_tool" | tail -n 1)
  export CONTAINERS_CONF
  engine=podman; build_flags=(--pull=never --format docker)  # docker format keeps HEALTHCHECK
else
  engine=docker; build_flags=()
fi

"$engine" build "${build_flags[@]}" -t "$image" .
container=$("$engine" run -d -p "127.0.0.1:$port:8000" "$image")
cleanup() { "$engine" logs "$container" 2>&1 | tail -n 20; "$engine" rm -f "$container" >/dev/null; }
trap cleanup EXIT

url="http://127.0.0.1:$port"
scripts/wait-ready.sh "$url"
echo "ok   container ready"

[ "$("$engine" exec "$container" id -u)" != 0 ] || { echo "FAIL: the container runs as root"; exit 1; }
echo "ok   runs as non-root"

scripts/smoke.sh "$url"

for sample in ../shared/samples/*.txt; do
  [ -f "$sample" ] || continue
  code=$(curl -sS -o /tmp/habari-sample.json -w '%{http_code}' -X POST \
    -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$sample" "$url/v1/annotate")
  [ "$code" = 200 ] || { echo "FAIL: $sample gave HTTP $code"; exit 1; }
  python3 -c 'import json,sys; b=json.load(open("/tmp/habari-sample.json")); print("ok  ", sys.argv[1], {k: len(b[k]) for k in ("people","organizations","places","dates","quotes")})' "$sample"
done
echo "container smoke test passed"

#!/usr/bin/env bash
# Wait until URL/ready answers 200, for up to SECONDS (default 120); fail loudly otherwise.
# Usage: scripts/wait-ready.sh URL [SECONDS]
set -euo pipefail
url=$1
for _ in $(seq 1 "${2:-120}"); do
  curl -sf "$url/ready" >/dev/null && exit 0
  sleep 1
done
curl -sf "$url/ready" >/dev/null || { echo "FAIL: $url/ready never answered 200"; exit 1; }

#!/usr/bin/env bash
# Installs what the benchmarks need beyond the test suite: the wrk load generator
# (Debian package) and the Python packages in benchmarks/requirements.txt.
# Usage (as root, from the repo root): bash benchmarks/install-tools.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v wrk >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
python -m pip install -q -r "$here/requirements.txt"  # from the repo root, in the venv
wrk --version 2>&1 | head -1 || true

#!/usr/bin/env bash
# Smoke test against any deployment: scripts/smoke.sh http://127.0.0.1:8000 [API_KEY]
# Exits non-zero on the first failure.
set -euo pipefail
url=${1:?usage: smoke.sh URL [API_KEY]}
auth=()
[ -n "${2:-}" ] && auth=(-H "X-API-Key: $2")
article='Rais Amina Juma alisema Jumatatu mjini Dodoma kwamba shule mpya zitajengwa. “Tutaanza mwezi ujao,” aliongeza Amina Juma.'
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

status() { curl -sS -o "$tmp/body" -w '%{http_code}' "$@"; }
expect() {  # expect STATUS WHAT CURL_ARGS...
  local want=$1 what=$2; shift 2
  local got; got=$(status "$@")
  if [ "$got" != "$want" ]; then echo "FAIL $what: HTTP $got, expected $want"; head -c 500 "$tmp/body"; echo; exit 1; fi
  echo "ok   $what (HTTP $got)"
}
check_annotation() {  # every kind present and every span's text at its offsets
  python3 - "$tmp/body" "$1" <<'PY'
import json, sys
body = json.load(open(sys.argv[1]))
text = sys.argv[2]
for kind in ("people", "organizations", "places", "dates", "quotes"):
    assert isinstance(body[kind], list), kind
spans = [m for k in ("people", "organizations", "places") for e in body[k] for m in e["mentions"]]
spans += body["dates"] + body["quotes"]
for span in spans:
    assert text[span["start"]:span["end"]] == span["text"], span
assert body["people"], "no person found"
PY
}

expect 200 "GET /health" "$url/health"
expect 200 "GET /ready" "$url/ready"
payload=$(python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1], "published": "2025-03-05"}))' "$article")
expect 200 "POST /v1/annotate (JSON)" -X POST -H 'Content-Type: application/json' "${auth[@]}" --data-binary "$payload" "$url/v1/annotate"
check_annotation "$article"
echo "ok   annotations well-formed"
expect 200 "POST /v1/annotate (text/plain)" -X POST -H 'Content-Type: text/plain; charset=utf-8' "${auth[@]}" --data-binary "$article" "$url/v1/annotate?published=2025-03-05"
check_annotation "$article"
echo "ok   annotations well-formed"
expect 422 "POST /v1/annotate (empty text)" -X POST -H 'Content-Type: application/json' "${auth[@]}" --data-binary '{"text": "  "}' "$url/v1/annotate"
python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); assert b["status"]==422 and "text" in b["errors"]' "$tmp/body"
echo "smoke test passed"

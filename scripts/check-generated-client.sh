#!/usr/bin/env bash
# Generates a Python client from /openapi.json with openapi-python-client 0.29 and checks
# that it reads a real response as typed models: quotes[i].speaker.name on a Speaker,
# document_date.value on a DocumentDate (issue 20). The generator lives in a throwaway
# venv (it would pin httpx and typer below what the test suite uses); it needs PyPI once.
#   scripts/check-generated-client.sh [PYTHON]   PYTHON: the repo's venv python (.venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${1:-.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "openapi-python-client==0.29.1"

# The document and one response for examples/makala.txt, from the app in-process.
"$PYTHON" - "$work" <<'PY' 2>/dev/null
import json, sys
from pathlib import Path
from service import create_app
work = Path(sys.argv[1])
client = create_app().test_client()
(work / "openapi.json").write_text(client.get("/openapi.json").get_data(as_text=True))
text = Path("examples/makala.txt").read_text(encoding="utf-8")
response = client.post("/v1/annotate", json={"text": text, "published": "2024-06-19"})
assert response.status_code == 200, response.get_data(as_text=True)
(work / "response.json").write_text(response.get_data(as_text=True))
PY

(cd "$work" && venv/bin/openapi-python-client generate --path openapi.json --meta none \
    --output-path habari_client >generate.log 2>&1) || { cat "$work/generate.log"; exit 1; }

cd "$work" && venv/bin/python - <<'PY'
import json
from habari_client.models import AnnotateResponse, DocumentDate, Mention, Speaker

result = AnnotateResponse.from_dict(json.load(open("response.json")))
assert isinstance(result.document_date, DocumentDate), type(result.document_date)
print(f"document_date.value = {result.document_date.value!r} ({type(result.document_date).__name__})")
spoken = [quote for quote in result.quotes if quote.speaker is not None]
assert spoken, "no attributed quote in examples/makala.txt"
for index, quote in enumerate(result.quotes):
    if quote.speaker is None:
        continue
    assert isinstance(quote.speaker, Speaker), type(quote.speaker)
    assert isinstance(quote.speaker.name, str)
    assert quote.cue is None or isinstance(quote.cue, Mention)
    assert quote.speaker.mention is None or isinstance(quote.speaker.mention, Mention)
    print(f"quotes[{index}].speaker.name = {quote.speaker.name!r} ({type(quote.speaker).__name__})")
print("ok: the generated client reads speakers and the document date as typed models")
PY

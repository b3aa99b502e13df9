"""Snapshots of what the service annotates on every VOA article, and the diff of two.

A refactor must not change the service's output. Take a snapshot before, one after, and
diff them:

    python -m scripts.diff_annotations snapshot /tmp/before.jsonl     # on the old code
    python -m scripts.diff_annotations snapshot /tmp/after.jsonl      # on the new code
    python -m scripts.diff_annotations diff /tmp/before.jsonl /tmp/after.jsonl

A snapshot is one JSON line per article of
../shared/data/raw/swa/voa_swahili_articles.jsonl: the Annotator's result for all kinds
(with the record's `published` date when it has one). The diff counts the documents that
changed, per kind, and apart from them the documents whose only change is an entity's
salience. Without ../shared, `snapshot` says so and exits 0 having written nothing.
"""
from __future__ import annotations

import os

# One BLAS thread, as the service's workers run (gunicorn.conf.py): with two OpenBLAS
# threads the order of the sums varies from run to run, and near-ties in the NER flip
# (2 of the 1,006 articles changed between two runs of the same code).
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"
BATCH = 16
_ENTITY_KINDS = ("people", "organizations", "places")


def _articles(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if line.strip():
                yield number, json.loads(line)


def snapshot(out: Path, articles: Path = ARTICLES) -> int:
    """Write the annotations of every article to `out`; return how many."""
    from service.annotator import KINDS, Annotator, Article
    from service.nlp import load_pipeline

    annotator = Annotator(load_pipeline())
    records = list(_articles(articles))
    with out.open("w", encoding="utf-8") as sink:
        for begin in range(0, len(records), BATCH):
            batch = records[begin:begin + BATCH]
            inputs = [Article(record["text"], _published(record)) for _, record in batch]
            for (number, _), result in zip(batch, annotator.annotate_many(inputs, KINDS)):
                sink.write(json.dumps({"line": number, "result": result}, ensure_ascii=False, sort_keys=True) + "\n")
    return len(records)


def _published(record: dict) -> dt.date | None:
    value = record.get("published")
    return dt.date.fromisoformat(value[:10]) if value else None


def _without_salience(result: dict) -> dict:
    stripped = dict(result)
    for kind in _ENTITY_KINDS:
        if kind in stripped:
            stripped[kind] = [{k: v for k, v in entity.items() if k != "salience"} for entity in stripped[kind]]
    return stripped


def diff(before: Path, after: Path) -> dict:
    """What changed from `before` to `after`: documents in all, changed, salience-only
    changed, and changed per kind (salience-only changes not counted there)."""
    old = {record["line"]: record["result"] for _, record in _articles(before)}
    new = {record["line"]: record["result"] for _, record in _articles(after)}
    if old.keys() != new.keys():
        raise SystemExit(f"the snapshots hold other articles: {len(old)} vs {len(new)} lines")
    changed, salience_only, per_kind = [], [], Counter()
    for line in sorted(old):
        if old[line] == new[line]:
            continue
        if _without_salience(old[line]) == _without_salience(new[line]):
            salience_only.append(line)
            continue
        changed.append(line)
        for key in sorted(old[line].keys() | new[line].keys()):
            if old[line].get(key) != new[line].get(key):
                per_kind[key] += 1
    return {"documents": len(old), "changed": changed, "salience_only": salience_only,
            "per_kind": dict(per_kind)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("snapshot", help="annotate every article into a JSONL snapshot")
    take.add_argument("out", type=Path)
    take.add_argument("--articles", type=Path, default=ARTICLES)
    compare = commands.add_parser("diff", help="count the documents whose annotations changed")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        if not args.articles.exists():
            print(f"skipped: {args.articles} is absent (needs ../shared)")
            return 0
        print(f"{snapshot(args.out, args.articles)} articles annotated into {args.out}")
        return 0
    report = diff(args.before, args.after)
    print(f"{len(report['changed'])} of {report['documents']} documents changed; "
          f"{len(report['salience_only'])} more changed only in salience")
    for kind, count in sorted(report["per_kind"].items()):
        print(f"  {kind}: {count}")
    if report["changed"]:
        print("changed (line numbers in the articles file):", " ".join(map(str, report["changed"][:40])))
    if report["salience_only"]:
        print("salience only:", " ".join(map(str, report["salience_only"][:40])))
    return 1 if report["changed"] or report["salience_only"] else 0


if __name__ == "__main__":
    sys.exit(main())

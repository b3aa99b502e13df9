"""Score entity grouping and country codes on the entities dev set.

    python -m dev.entities.evaluate [--gold dev/entities/gold.jsonl ...]
        [--articles ../shared/data/raw/swa/voa_swahili_articles.jsonl] [--model PATH] [-v]

Runs twice over each gold file (gold.jsonl: the articles the rules were developed on;
heldout.jsonl, fresh*.jsonl: annotated later, see README.md):
- "pipeline": the real pipeline (trained NER + habari components), what a client gets;
- "gold mentions": the gold mention spans and labels given to habari_entities as if the
  NER had found exactly them, so what is left wrong is the grouping rules' fault.
Failures of the pipeline run are split into NER errors (a gold mention not found, or
found with another label) and grouping errors.

Measures (gold entities as annotated in gold.jsonl, see README.md):
- fully grouped: share of gold entities with >= 2 mentions whose mentions are all found
  and all in one predicted entity;
- false merges: predicted entities holding mentions of two or more gold entities;
- country codes: share of gold mentions of a country whose predicted entity carries the
  gold code; and predicted codes on gold places that are not countries.
A predicted mention matches a gold mention when they share at least half of the longer
one's characters.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

GOLD_FILES = ("gold.jsonl", "heldout.jsonl", "fresh.jsonl", "fresh2.jsonl", "fresh3.jsonl", "fresh4.jsonl", "fresh5.jsonl")
DEFAULT_GOLD = [REPO / "dev" / "entities" / name for name in GOLD_FILES]
SHARED = REPO.parent / "shared"
DEFAULT_ARTICLES = SHARED / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"
SAMPLES = SHARED / "samples"
MIN_OVERLAP = 0.5


def load_gold(gold_paths: list[Path], articles_path: Path) -> list[tuple[dict, str]]:
    """(record, text) for every annotated article or sample."""
    texts = [json.loads(line)["text"] for line in articles_path.open(encoding="utf-8")]
    items = []
    for gold_path in gold_paths:
        for line in gold_path.open(encoding="utf-8"):
            record = json.loads(line)
            if "sample" in record:
                text = (SAMPLES / record["sample"]).read_text(encoding="utf-8")
                record["name"] = record["sample"]
            else:
                text = texts[record["article"]]
                record["name"] = f"a{record['article']}"
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != record["text_sha1"]:
                raise SystemExit(f"{record['name']}: text differs from the one annotated")
            items.append((record, text))
    return items


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(a[1] - a[0], b[1] - b[0]) if shared > 0 else 0.0


def score_document(record: dict, doc, report: Counter, problems: list[str], text: str) -> None:
    predicted = []  # (start, end, entity)
    for entity in doc._.entities:
        for mention in entity.mentions:
            predicted.append((mention.start_char, mention.end_char, entity))

    def match(span):
        best = max(predicted, key=lambda p: _overlap(span, p[:2]), default=None)
        return best if best and _overlap(span, best[:2]) >= MIN_OVERLAP else None

    gold_spans = [tuple(m) for gold in record["entities"] for m in gold["mentions"]]
    for start, end, _ in predicted:
        report["predicted mentions"] += 1
        if not any(_overlap((start, end), span) >= MIN_OVERLAP for span in gold_spans):
            report["predicted mentions not in gold"] += 1
    owners: dict[int, set[int]] = {}  # id(predicted entity) -> gold clusters in it
    merged_names: dict[int, object] = {}
    for gold in record["entities"]:
        spans = [tuple(m) for m in gold["mentions"]]
        matches = [match(span) for span in spans]
        report["gold mentions"] += len(spans)
        report["gold mentions found"] += sum(1 for found in matches if found)
        for found in matches:
            if found:
                owners.setdefault(id(found[2]), set()).add(gold["cluster"])
                merged_names[id(found[2])] = found[2]
        label = gold["label"]
        forms = sorted({text[s:e] for s, e in spans})
        if gold["country_code"]:
            for span, found in zip(spans, matches):
                report["country mentions"] += 1
                if found and found[2].country_code == gold["country_code"]:
                    report["country mentions right"] += 1
                else:
                    why = "not found" if not found else f"code {found[2].country_code}"
                    problems.append(f"  code  {record['name']} {text[span[0]:span[1]]!r} ({gold['country_code']}): {why}")
        elif label == "LOC":
            for found in matches:
                if found and found[2].country_code:
                    report["codes on non-countries"] += 1
                    problems.append(f"  code  {record['name']} {forms} got {found[2].country_code}")
        if len(spans) < 2:
            continue
        report["multi-mention entities"] += 1
        found_entities = {id(f[2]) for f in matches if f}
        missing = sum(1 for f in matches if not f)
        if not missing and len(found_entities) == 1:
            report["fully grouped"] += 1
            continue
        if len({id(f[2]) for f in matches if f}) <= 1:
            report["split: NER missed a mention"] += 1
            problems.append(f"  miss  {record['name']} {label} {forms}: {missing} of {len(spans)} mentions not found")
        else:
            labels = {f[2].label for f in matches if f}
            inexact = any(f and f[:2] != span for f, span in zip(matches, spans))
            if len(labels) > 1 or inexact:
                kind = "split: NER label or span differs"
            else:
                kind = "split: grouping"
            report[kind] += 1
            groups = Counter(f[2].name for f in matches if f)
            problems.append(f"  split {record['name']} {label} {forms} -> {dict(groups)}" + (f" (+{missing} not found)" if missing else ""))
    for key, clusters in owners.items():
        if len(clusters) > 1:
            report["false merges"] += 1
            entity = merged_names[key]
            problems.append(f"  MERGE {record['name']} {entity.name!r}: {[m.text for m in entity.mentions]}")


def run(items, make_doc, title: str, verbose: bool) -> Counter:
    report: Counter = Counter()
    problems: list[str] = []
    for record, text in items:
        score_document(record, make_doc(record, text), report, problems, text)
    multi = report["multi-mention entities"]
    countries = report["country mentions"]
    print(f"== {title}")
    print(f"  fully grouped: {report['fully grouped']}/{multi} = {report['fully grouped'] / max(multi, 1):.1%}")
    for kind in ("split: NER missed a mention", "split: NER label or span differs", "split: grouping"):
        print(f"    {kind}: {report[kind]}")
    print(f"  false merges: {report['false merges']}")
    print(
        f"  country mentions with the right code: {report['country mentions right']}/{countries}"
        f" = {report['country mentions right'] / max(countries, 1):.1%}"
    )
    print(f"  codes on places that are not countries: {report['codes on non-countries']}")
    print(
        f"  mentions: {report['gold mentions found']}/{report['gold mentions']} gold mentions found,"
        f" {report['predicted mentions not in gold']}/{report['predicted mentions']} predicted ones not in the gold"
    )
    if verbose:
        print("\n".join(problems))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--model", default=None, help="model directory (default: load_pipeline's)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failure")
    args = parser.parse_args()
    if not args.articles.exists():
        print(f"skipped: {args.articles} not found (the shared data lives next to the repo)")
        return

    from service.nlp import load_pipeline

    nlp = load_pipeline(args.model)

    def with_gold_mentions(record, text):
        doc = nlp.make_doc(text)
        spans = [
            doc.char_span(s, e, label=entity["label"], alignment_mode="expand")
            for entity in record["entities"]
            for s, e in entity["mentions"]
        ]
        doc.ents = [span for span in spans if span is not None]
        return nlp.get_pipe("habari_entities")(doc)

    for gold in args.gold:
        items = load_gold([gold], args.articles)
        mentions = sum(len(e["mentions"]) for record, _ in items for e in record["entities"])
        print(f"\n# {gold.name}: {len(items)} articles, {mentions} gold mentions")
        run(items, lambda record, text: nlp(text), "pipeline (trained NER)", args.verbose)
        run(items, with_gold_mentions, "gold mentions (grouping rules alone)", args.verbose)


if __name__ == "__main__":
    main()

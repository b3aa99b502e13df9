"""Entity P/R/F1 per label on the newspaper sentences of dev/entities (Maneno Yetu).

    python -m dev.entities.newspaper [--half dev|dev2|dev3|dev4|dev5|dev6|dev7|blind] [--layer ents|api] [--model PATH] [-v]

Each annotated sentence of `../shared/data/raw/swa/maneno_yetu_news_sentences.txt.gz`
(referenced by 0-based line number, guarded by the SHA-1 of its text) goes through
`load_pipeline()` as raw text, `nlp(text)`, as a client's text would, and two layers of
the result are compared with the gold character spans:
- `ents`: `doc.ents`, the layer `make evaluate-ner` scores on MasakhaNER, which keeps its
  conventions where ANNOTATION.md differs ("Wizara ya Fedha ya [Tanzania]");
- `api`: what the API returns, every mention of every entity typed as its entity, and the
  dates; the outside checks score mentions from the API, and the gold follows ANNOTATION.md.
Two matchings are printed for each:
- exact: same start, end and label (seqeval's rule, as `make evaluate-ner`);
- overlap: same label and at least half of the longer span's characters shared, one
  predicted span per gold span (ANNOTATION.md matches dates this way, and the outside
  newspaper check scored mentions so).
`-v` lists the errors, on the dev sets only (`dev`, and `dev2`..`dev7`, drawn later by
`dev.entities.newspaper_draw`): the blind half is for reporting a figure,
never for reading its errors (README.md). Prints "skipped" without ../shared.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SENTENCES = REPO.parent / "shared" / "data" / "raw" / "swa" / "maneno_yetu_news_sentences.txt.gz"
HALVES = {"dev": HERE / "newspaper_dev.jsonl", "dev2": HERE / "newspaper_dev2.jsonl",
          "dev3": HERE / "newspaper_dev3.jsonl",
          "dev4": HERE / "newspaper_dev4.jsonl", "dev5": HERE / "newspaper_dev5.jsonl",
          "dev6": HERE / "newspaper_dev6.jsonl", "dev7": HERE / "newspaper_dev7.jsonl",
          "blind": HERE / "newspaper_blind.jsonl"}
LABELS = ("PER", "ORG", "LOC", "DATE")
MIN_OVERLAP = 0.5


def load(half: str, sentences_path: Path = SENTENCES) -> list[tuple[dict, str]]:
    """(record, sentence text) for every annotated line of one half."""
    records = [json.loads(line) for line in HALVES[half].open(encoding="utf-8")]
    wanted = {record["line"] for record in records}
    texts = {}
    with gzip.open(sentences_path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number in wanted:
                texts[number] = line.rstrip("\n")
    items = []
    for record in records:
        text = texts[record["line"]]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != record["text_sha1"]:
            raise SystemExit(f"line {record['line']}: text differs from the one annotated")
        items.append((record, text))
    return items


def _overlap(a, b) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(a[1] - a[0], b[1] - b[0]) if shared > 0 else 0.0


def match(gold: list[tuple], predicted: list[tuple], exact: bool) -> list[tuple[tuple, tuple]]:
    """Pairs (gold, predicted) of one sentence, each span used at most once."""
    pairs, used = [], set()
    for g in gold:
        best, best_score = None, 0.0
        for i, p in enumerate(predicted):
            if i in used or p[2] != g[2]:
                continue
            score = 1.0 if p[:2] == g[:2] else (0.0 if exact else _overlap(g, p))
            if score > best_score:
                best, best_score = i, score
        if best is not None and (best_score == 1.0 or (not exact and best_score >= MIN_OVERLAP)):
            used.add(best)
            pairs.append((g, predicted[best]))
    return pairs


def prf(counts: Counter, label: str) -> tuple[float, float, float, int]:
    tp, n_pred, n_gold = counts[label, "tp"], counts[label, "pred"], counts[label, "gold"]
    p = 100 * tp / n_pred if n_pred else 0.0
    r = 100 * tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, n_gold


LAYERS = ("ents", "api")


def predicted_spans(doc, layer: str) -> list[tuple[int, int, str]]:
    if layer == "ents":
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return ([(m.start_char, m.end_char, entity.label) for entity in doc._.entities for m in entity.mentions]
            + [(span.start_char, span.end_char, "DATE") for span in doc.spans.get("dates", [])])


def score(items, nlp, verbose: bool = False, layer: str = "ents") -> dict[str, Counter]:
    results = {"exact": Counter(), "overlap": Counter()}
    for record, text in items:
        doc = nlp(text)
        gold = [tuple(span) for span in record["entities"]]
        predicted = predicted_spans(doc, layer)
        for name, counts in results.items():
            pairs = match(gold, predicted, exact=name == "exact")
            for key in ("overall", record["topic"]):
                counts[key, "gold"] += len(gold)
                counts[key, "pred"] += len(predicted)
                counts[key, "tp"] += len(pairs)
            for label in LABELS:
                counts[label, "gold"] += sum(g[2] == label for g in gold)
                counts[label, "pred"] += sum(p[2] == label for p in predicted)
                counts[label, "tp"] += sum(g[2] == label for g, _ in pairs)
            if verbose and name == "exact":
                matched = {g for g, _ in pairs}, {p for _, p in pairs}
                for s, e, label in gold:
                    if (s, e, label) not in matched[0]:
                        print(f"  {record['line']}: missed {label} {text[s:e]!r}")
                for s, e, label in predicted:
                    if (s, e, label) not in matched[1]:
                        print(f"  {record['line']}: spurious {label} {text[s:e]!r}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=sorted(HALVES), default="dev")
    parser.add_argument("--layer", choices=LAYERS, action="append",
                        help="ents and/or api (default: both, one after the other)")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list errors (dev sets only)")
    args = parser.parse_args()
    if not SENTENCES.exists():
        print(f"skipped: {SENTENCES} not found")
        return
    if args.verbose and args.half == "blind":
        raise SystemExit("the blind half's errors are not listed (see dev/entities/README.md)")
    from service.nlp import load_pipeline

    items = load(args.half)
    nlp = load_pipeline(args.model)
    topics = sorted({record["topic"] for record, _ in items})
    print(f"newspaper {args.half}: {len(items)} sentences, "
          f"{sum(len(r['entities']) for r, _ in items)} gold entities")
    for layer in args.layer or LAYERS:
        results = score(items, nlp, verbose=args.verbose, layer=layer)
        for name, counts in results.items():
            print(f"layer {layer}, {name} match")
            print(f"  {'type':<10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
            for key in ("overall", *LABELS, *topics):
                p, r, f, n = prf(counts, key)
                print(f"  {key:<10}{p:7.2f}{r:7.2f}{f:7.2f}{n:6d}")


if __name__ == "__main__":
    main()

"""Score `habari_quotes` on the quotes development set (issue 4, item 3).

    python -m dev.quotes.evaluate [--errors] [--model PATH] [--gold FILE ...]
    python -m dev.quotes.evaluate --blind     # the frozen blind set: figures only

Each gold file is scored and reported on its own (default: voa.jsonl, the set the
component was tuned on, then fresh.jsonl to fresh5.jsonl, fresh5_maneno.jsonl,
fresh_spans.jsonl to fresh_spans5.jsonl, fresh6.jsonl, fresh6_maneno.jsonl, fresh7.jsonl,
fresh8.jsonl, fresh9.jsonl, fresh10.jsonl, fresh11.jsonl, fresh12.jsonl, fresh13_maneno.jsonl and fresh15_maneno.jsonl, whose articles were annotated before the component first ran on them). A gold file holds every quote of its VOA Swahili articles,
annotated by ../shared/ANNOTATION.md: the article's line number in
../shared/data/raw/swa/voa_swahili_articles.jsonl, a hash prefix of its text (offsets go
stale if the file changes), and per quote its kind, char offsets into "text" and the
speaker's names in the article (null for an unnamed or generic source). The text itself
stays in ../shared; without it the command says so and exits 0.

Scoring, exactly as the issue states: a prediction matches a gold quote when
|overlap| / max(|pred|, |gold|) >= 0.8 for direct and partial quotes (scored together)
and >= 0.5 for indirect ones (scored separately), one-to-one, best overlap first.
Speaker accuracy: the share of matched quotes whose predicted speaker (the name the API
gives it, or its mention) is one of the gold speaker's names; a null gold speaker needs a
null prediction. Also printed: the same by the API's `speaker.name` alone, for a client
or check that reads nothing else. A record with `scored` (a list of kinds) holds only quotes of those kinds
and is scored for them only.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ARTICLES = REPO.parent / "shared" / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"
# One sentence a line: a record with "line" instead of "article" points here.
SENTENCES = REPO.parent / "shared" / "data" / "raw" / "swa" / "maneno_yetu_news_sentences.txt.gz"
BLIND = [HERE / "blind.jsonl", HERE / "blind_maneno.jsonl"]
# Every dev file, in the order they were annotated (the frozen BLIND ones are not dev).
DEV_GOLD = [HERE / "voa.jsonl"] + [HERE / f"fresh{n}.jsonl" for n in ("", 2, 3, 4, 5)] \
    + [HERE / "fresh5_maneno.jsonl"] + [HERE / f"fresh_spans{n}.jsonl" for n in ("", 2, 3, 4, 5)] \
    + [HERE / f"{name}.jsonl" for name in ("fresh6", "fresh6_maneno", "fresh7", "fresh8", "fresh9", "fresh10",
                                                "fresh11", "fresh12", "fresh13_maneno", "fresh15_maneno")]

GROUPS = {"direct+partial": ({"direct", "partial"}, 0.8), "indirect": ({"indirect"}, 0.5)}


def overlap_ratio(a: dict, b: dict) -> float:
    shared = min(a["end"], b["end"]) - max(a["start"], b["start"])
    longest = max(a["end"] - a["start"], b["end"] - b["start"])
    return shared / longest if shared > 0 and longest > 0 else 0.0


def one_to_one(gold: list[dict], predicted: list[dict], threshold: float) -> list[tuple[int, int]]:
    scored = sorted(
        ((overlap_ratio(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        reverse=True,
    )
    used_gold, used_pred, pairs = set(), set(), []
    for ratio, gi, pi in scored:
        if ratio < threshold:
            break
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


# The calibration bar: at least 90% of the speakers given this confidence are right.
SURE = 0.9


def _norm(name: str | None) -> str | None:
    return " ".join(name.split()).casefold() if name else None


def speaker_correct(gold: dict, predicted: dict, by_name_alone: bool = False) -> bool:
    """`by_name_alone`: only the first name, the one the API gives as `speaker.name`."""
    names = predicted["speaker_names"][:1] if by_name_alone else predicted["speaker_names"]
    if not gold["speaker"]:
        return names == []
    gold_names = {_norm(n) for n in gold["speaker"]}
    return any(_norm(n) in gold_names for n in names)


def speaker_names(quote) -> list[str]:
    """The API's name for the speaker first, then the mention's text."""
    names = [quote.speaker_name] if quote.speaker_name is not None else []
    return names + ([quote.speaker.text] if quote.speaker is not None else [])


def predicted_quotes(doc) -> list[dict]:
    return [{"kind": q.kind, "start": q.start, "end": q.end, "speaker_names": speaker_names(q),
             "confidence": q.confidence} for q in doc._.quotes]


def load_gold(path: Path = HERE / "voa.jsonl", articles: Path = ARTICLES,
              sentences: Path = SENTENCES) -> list[dict]:
    """The gold records of one file, each with the `text` its offsets point into: a VOA
    article (`article`: its line in ARTICLES) or one newspaper sentence (`line`: its line
    in SENTENCES, scored as an article of its own)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if any("line" in r for r in records):
        with gzip.open(sentences, "rt", encoding="utf-8") as f:
            texts = f.read().split("\n")
        key = "line"
    else:
        texts = [json.loads(line)["text"] for line in articles.open(encoding="utf-8")]
        key = "article"
    for record in records:
        record["text"] = texts[record[key]]
        record.setdefault("article", f"line {record.get('line')}")
        if hashlib.sha1(record["text"].encode()).hexdigest()[:12] != record["sha1"]:
            raise SystemExit(f"{key} {record[key]} changed: the offsets are stale")
    return records


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(nlp, records: list[dict], show_errors: bool = False) -> dict:
    counts = {g: {"tp": 0, "pred": 0, "gold": 0} for g in GROUPS}
    speakers_right = speakers_total = speakers_right_by_name = 0
    sure_right = sure_total = 0  # speakers given confidence >= SURE: is the figure honest?
    errors = []
    docs = nlp.pipe(r["text"] for r in records)
    for record, doc in zip(records, docs):
        text = record["text"]
        predicted = predicted_quotes(doc)
        for group, (kinds, threshold) in GROUPS.items():
            if not kinds & set(record.get("scored", kinds)):
                continue  # a record annotated for some kinds only says nothing of the others
            gold = [q for q in record["quotes"] if q["kind"] in kinds]
            pred = [q for q in predicted if q["kind"] in kinds]
            pairs = one_to_one(gold, pred, threshold)
            counts[group]["tp"] += len(pairs)
            counts[group]["pred"] += len(pred)
            counts[group]["gold"] += len(gold)
            matched_gold = {gi for gi, _ in pairs}
            matched_pred = {pi for _, pi in pairs}
            for gi, pi in pairs:
                speakers_total += 1
                # as clients see it: the API returns a confidence only with a named speaker
                sure = bool(pred[pi]["speaker_names"]) and pred[pi]["confidence"] is not None \
                    and pred[pi]["confidence"] >= SURE
                sure_total += sure
                speakers_right_by_name += speaker_correct(gold[gi], pred[pi], by_name_alone=True)
                if speaker_correct(gold[gi], pred[pi]):
                    speakers_right += 1
                    sure_right += sure
                else:
                    errors.append((record["article"], "speaker", gold[gi]["start"],
                                   f"{text[gold[gi]['start']:gold[gi]['end']][:60]!r} gold "
                                   f"{gold[gi]['speaker']} pred {pred[pi]['speaker_names']}"))
            for gi, g in enumerate(gold):
                if gi not in matched_gold:
                    errors.append((record["article"], f"missed {g['kind']}", g["start"],
                                   f"{text[g['start']:g['end']][:80]!r}"))
            for pi, p in enumerate(pred):
                if pi not in matched_pred:
                    errors.append((record["article"], f"spurious {p['kind']}", p["start"],
                                   f"{text[p['start']:p['end']][:80]!r}"))
    figures = {}
    for group, c in counts.items():
        p, r, f = prf(c["tp"], c["pred"], c["gold"])
        figures[group] = {"precision": p, "recall": r, "f1": f, **c}
    figures["speaker_accuracy"] = speakers_right / speakers_total if speakers_total else 0.0
    figures["speaker_matched"] = speakers_total
    figures["speaker_accuracy_by_name"] = speakers_right_by_name / speakers_total if speakers_total else 0.0
    figures["sure_speakers"], figures["sure_speakers_right"] = sure_total, sure_right
    if show_errors:
        for article, kind, start, detail in sorted(errors):
            print(f"[{article}@{start}] {kind}: {detail}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every error")
    parser.add_argument("--model", default=None, help="model path (default: the bundled one)")
    parser.add_argument("--gold", nargs="+", type=Path, default=DEV_GOLD,
                        help="gold files, each scored separately (default: every dev file, blind ones excluded)")
    parser.add_argument("--blind", action="store_true",
                        help="score the frozen blind files (README: once per session, figures only)")
    args = parser.parse_args(argv)
    if args.blind:
        if args.errors:
            parser.error("--blind reports figures only: its errors must not steer changes")
        args.gold = BLIND
    if not ARTICLES.exists():
        print(f"skipped: {ARTICLES} is absent")
        return 0
    from service.nlp import load_pipeline

    nlp = load_pipeline(args.model)
    for gold in args.gold:
        records = load_gold(gold)
        print(f"== {gold.name}: {len(records)} articles, "
              f"{sum(len(r['quotes']) for r in records)} gold quotes")
        figures = evaluate(nlp, records, args.errors)
        for group in GROUPS:
            f = figures[group]
            print(f"{group:15s} P {100 * f['precision']:5.1f}  R {100 * f['recall']:5.1f}  "
                  f"F1 {100 * f['f1']:5.1f}   (tp {f['tp']}, pred {f['pred']}, gold {f['gold']})")
        print(f"speaker accuracy {100 * figures['speaker_accuracy']:5.1f}% over "
              f"{figures['speaker_matched']} matched quotes; named speakers given confidence >= {SURE}: "
              f"{figures['sure_speakers']}, {figures['sure_speakers_right']} of them right")
        print(f"speaker accuracy by speaker.name alone {100 * figures['speaker_accuracy_by_name']:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the learned speaker chooser of habari_quotes on dev/quotes and write its JSON
coefficients (models/quote_speakers.json).

    python -m training.quote_speakers [--out models/quote_speakers.json] [--report]

scikit-learn's LogisticRegression (pinned in training/requirements.txt) is the learner:
a linear model over a few dozen features trains in a second, its coefficients ship as a
small JSON file read without scikit-learn (service/components/quotes/model.py), and with
~600 training quotes a richer learner (boosting) would mostly fit the articles it saw.

Every cue whose quote matches a gold quote gives one group of candidates
(quotes/candidates.py) labelled by the gold speaker's names; cues where no candidate is
right are left out of training (counted). `--report` adds the figures of issue 16 on
dev, all cross-validated by article (5 folds, GroupKFold, no article scored by a model
that saw it): speaker accuracy and span F1 end to end, the learning curve (25/50/100% of
the training cues, three seeds) and the ablation of each feature group. `--by-file`
reports the same over every dev file (dev.quotes.evaluate.DEV_GOLD) with whole files held
out: each file scored by a model trained on the other files (articles of one batch share
an annotator's evening and the fixes made for it, so folds by article are optimistic),
and the files annotated last (HELD_OUT) scored by a model trained on the earlier ones.
The frozen blind set (dev/quotes/blind*.jsonl) is never read here.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from dev.quotes.evaluate import DEV_GOLD, GROUPS, HERE, load_gold, one_to_one, prf, speaker_correct, speaker_names
from service.components.quotes import Reading, find_quotes, quote_items
from service.components.quotes.candidates import FEATURE_GROUPS, FEATURES
from service.components.quotes.model import DEFAULT_MODEL, SpeakerModel
from service.nlp import load_pipeline

REPO = Path(__file__).resolve().parent.parent

DEV_FILES = [HERE / "voa.jsonl"] + [HERE / f"fresh{n}.jsonl" for n in ("", 2, 3, 4)]
# The batch annotated last, scored by a model trained on all the earlier files.
HELD_OUT = ("fresh6", "fresh6_maneno", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11")
C = 1.0  # L2 strength: the default; 0.1 and 10 gave the same CV accuracy within 0.3 points


def load_docs(nlp, files: list[Path] = DEV_FILES) -> list[dict]:
    """Dev records with their Doc after entities (quotes are found here, per model) and
    the name of their file."""
    records = [dict(r, file=path.stem) for path in files for r in load_gold(path)]
    with nlp.select_pipes(disable=["habari_quotes"]):
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
            record["doc"] = doc
    return records


def cue_groups(records: list[dict]) -> list[dict]:
    """One group a matched cue: features (n_candidates × n_features), labels, article."""
    groups, uncovered = [], 0
    for a, record in enumerate(records):
        trace: dict = {}
        items = quote_items(Reading(record["doc"], record["text"], None, trace))
        seen = set()
        for kinds, threshold in GROUPS.values():
            gold = [q for q in record["quotes"] if q["kind"] in kinds]
            pred = [it for it in items if it.kind in kinds]
            for gi, pi in one_to_one(gold, [vars(p) for p in pred], threshold):
                ev = pred[pi].event
                if ev is None or ev.start not in trace or ev.start in seen:
                    continue
                seen.add(ev.start)
                cands = trace[ev.start]
                y = [speaker_correct(gold[gi], {"speaker_names": c.names()}) for c in cands]
                if not any(y):
                    uncovered += 1
                    continue
                groups.append({"X": np.array([[c.features.get(f, 0.0) for f in FEATURES] for c in cands]),
                               "y": np.array(y, dtype=int), "article": a, "file": record["file"]})
    print(f"{len(groups)} cues with a right candidate, {uncovered} without one", file=sys.stderr)
    return groups


def fit(groups: list[dict], columns: list[int]) -> dict:
    X = np.vstack([g["X"][:, columns] for g in groups])
    y = np.concatenate([g["y"] for g in groups])
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=2000).fit((X - mean) / scale, y)
    names = [FEATURES[i] for i in columns]
    return {"features": names, "mean": mean.tolist(), "scale": scale.tolist(),
            "coef": lr.coef_[0].tolist(), "intercept": float(lr.intercept_[0])}


def score(records: list[dict], model) -> dict:
    """Span F1 and speaker accuracy of find_quotes with `model` (None: the rules)."""
    counts = {g: [0, 0, 0] for g in GROUPS}
    right = total = 0
    confident = []
    for record in records:
        quotes = find_quotes(record["doc"], model)
        pred = [{"kind": q.kind, "start": q.start, "end": q.end, "confidence": q.confidence,
                 "speaker_names": speaker_names(q)} for q in quotes]
        for group, (kinds, threshold) in GROUPS.items():
            gold = [q for q in record["quotes"] if q["kind"] in kinds]
            p = [q for q in pred if q["kind"] in kinds]
            pairs = one_to_one(gold, p, threshold)
            counts[group][0] += len(pairs)
            counts[group][1] += len(p)
            counts[group][2] += len(gold)
            for gi, pi in pairs:
                ok = speaker_correct(gold[gi], p[pi])
                right += ok
                total += 1
                if p[pi]["confidence"] is not None and p[pi]["speaker_names"]:
                    confident.append((p[pi]["confidence"], ok))
    out = {g: 100 * prf(*c)[2] for g, c in counts.items()}
    out["speaker"] = 100 * right / total
    out["right"], out["matched"] = right, total
    sure = [ok for conf, ok in confident if conf >= 0.9]
    out["sure"] = (sum(sure), len(sure))
    return out


def cross_validate(records, groups, columns, fraction=1.0, seed=0) -> dict:
    """Every article scored by a model trained on the other folds' cues."""
    articles = np.array([g["article"] for g in groups])
    rng = np.random.default_rng(seed)
    figures = {}
    folds = GroupKFold(n_splits=5, shuffle=True, random_state=seed)
    held_records = []
    for train, test in folds.split(np.zeros(len(groups)), groups=articles):
        train = [i for i in train if rng.random() < fraction] if fraction < 1 else train
        model = SpeakerModel(fit([groups[i] for i in train], columns))
        test_articles = set(articles[test])
        held_records.append((model, [r for a, r in enumerate(records) if a in test_articles]))
    # records without a matched cue were never in a fold: score them with the last model
    covered = set(articles)
    held_records[-1][1].extend(r for a, r in enumerate(records) if a not in covered)
    parts = [score(recs, model) for model, recs in held_records]
    for key in ("direct+partial", "indirect"):
        figures[key] = statistics.fmean(p[key] for p in parts)  # (per-fold mean; totals below)
    total = sum(p["matched"] for p in parts)
    figures["speaker"] = sum(p["speaker"] * p["matched"] for p in parts) / total
    figures["sure"] = tuple(map(sum, zip(*(p["sure"] for p in parts))))
    return figures


def trained_without(groups: list[dict], files: set[str], columns: list[int], fraction: float = 1.0,
                    seed: int = 0) -> SpeakerModel:
    """A model that saw no cue of these files (and, below 1, only that share of the rest)."""
    rng = np.random.default_rng(seed)
    train = [g for g in groups if g["file"] not in files and (fraction >= 1 or rng.random() < fraction)]
    return SpeakerModel(fit(train, columns))


def by_file(records: list[dict], groups: list[dict], columns: list[int], fraction: float = 1.0,
            seed: int = 0) -> dict[str, tuple[int, int]]:
    """Leave one file out: (right, matched) speakers of each file, by a model trained on
    the cues of the other files."""
    out = {}
    for name in dict.fromkeys(r["file"] for r in records):
        model = trained_without(groups, {name}, columns, fraction, seed)
        s = score([r for r in records if r["file"] == name], model)
        out[name] = (s["right"], s["matched"])
    return out


def pooled(counts: dict[str, tuple[int, int]]) -> float:
    return 100 * sum(r for r, _ in counts.values()) / sum(m for _, m in counts.values())


def report_by_file(records: list[dict], groups: list[dict]) -> None:
    """Speaker accuracy with whole files held out (module docstring): the rules, the
    learned chooser, and the chooser without the rules' pick and readings."""
    configs = {"learned": (), "no verdict": ("verdict",), "no verdict, no readings": ("verdict", "readings")}
    columns = {name: [i for i, f in enumerate(FEATURES) if not any(f in FEATURE_GROUPS[g] for g in drop)]
               for name, drop in configs.items()}
    files = list(dict.fromkeys(r["file"] for r in records))
    rules = {}
    for name in files:
        s = score([r for r in records if r["file"] == name], None)
        rules[name] = (s["right"], s["matched"])
    table = {"rules": rules} | {name: by_file(records, groups, cols) for name, cols in columns.items()}
    print("leave one file out, speaker accuracy (right/matched):")
    print(f"{'file':16s}" + "".join(f"{name:>26s}" for name in table))
    for name in files:
        print(f"{name:16s}" + "".join(f"{f'{t[name][0]}/{t[name][1]} {100 * t[name][0] / t[name][1]:.1f}':>26s}"
                                     for t in table.values()))
    print(f"{'pooled':16s}" + "".join(f"{pooled(t):26.1f}" for t in table.values()))
    for fraction in (0.25, 0.5):
        acc = [pooled(by_file(records, groups, columns["learned"], fraction, seed)) for seed in (0, 1, 2)]
        print(f"learned, {fraction:.0%} of the other files' cues: pooled {statistics.fmean(acc):.1f} "
              f"± {statistics.pstdev(acc):.1f}% (seeds 0-2)")
    held = set(HELD_OUT) & set(files)
    for name, cols in columns.items():
        model = trained_without(groups, held, cols)
        parts = [score([r for r in records if r["file"] == f], model) for f in sorted(held)]
        print(f"{name} trained on the files before {', '.join(sorted(held))}: "
              + "; ".join(f"{f} {p['right']}/{p['matched']} {p['speaker']:.1f}%" for f, p in zip(sorted(held), parts))
              + " (rules: " + "; ".join(f"{f} {rules[f][0]}/{rules[f][1]}" for f in sorted(held)) + ")")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--report", action="store_true", help="cross-validated figures too")
    parser.add_argument("--by-file", action="store_true",
                        help="only the figures with whole dev files held out (writes no model)")
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    if args.by_file:
        records = load_docs(nlp, DEV_GOLD)
        report_by_file(records, cue_groups(records))
        return 0
    records = load_docs(nlp)
    groups = cue_groups(records)
    all_columns = list(range(len(FEATURES)))
    if args.report:
        rules = score(records, None)
        print(f"rules alone: speaker {rules['speaker']:.1f}% of {rules['matched']}, "
              f"direct+partial F1 {rules['direct+partial']:.1f}, indirect F1 {rules['indirect']:.1f}")
        for fraction in (0.25, 0.5, 1.0):
            runs = [cross_validate(records, groups, all_columns, fraction, seed) for seed in (0, 1, 2)]
            acc = [r["speaker"] for r in runs]
            sure = runs[0]["sure"]
            print(f"learned, {fraction:.0%} of training cues: speaker {statistics.fmean(acc):.1f} "
                  f"± {statistics.pstdev(acc):.1f}% (seeds 0-2); seed 0: ≥0.9 confident "
                  f"{sure[0]}/{sure[1]} right")
        # each group left out of the full model, and of the model without the rules' pick
        verdict = FEATURE_GROUPS["verdict"]
        for name, group in FEATURE_GROUPS.items():
            for base, dropped in (("", ()), ("no verdict, ", verdict)):
                if base and name == "verdict":
                    continue
                columns = [i for i, f in enumerate(FEATURES) if f not in group and f not in dropped]
                acc = [cross_validate(records, groups, columns, 1.0, seed)["speaker"] for seed in (0, 1, 2)]
                print(f"{base}without {name:10s}: speaker {statistics.fmean(acc):.1f} "
                      f"± {statistics.pstdev(acc):.1f}%")
    params = fit(groups, all_columns)
    params["trained_on"] = f"{len(groups)} cues of {', '.join(p.name for p in DEV_FILES)}"
    params["command"] = "python -m training.quote_speakers"
    args.out.write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

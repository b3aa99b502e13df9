"""Entity-level precision/recall/F1 of the Habari pipeline on a CoNLL file.

The MasakhaNER protocol, as the outside check runs it: each sentence's gold words become
`Doc(nlp.vocab, words=...)` (no tokenizer), EVERY component of `nlp.pipeline` from
`service.nlp.load_pipeline()` runs on it, `doc.ents` are read back as BIO tags and scored
with seqeval (exact span and type). The figures of the trained NER alone are printed
too when they differ. `--ner-only` skips the Habari rule components entirely (to compare
training runs while those are being written).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from seqeval.metrics import classification_report, f1_score
from seqeval.metrics.sequence_labeling import precision_recall_fscore_support
from spacy.tokens import Doc

from training.convert import read_conll

REPO = Path(__file__).resolve().parent.parent

DEFAULT_CONLL = REPO.parent / "shared" / "data" / "masakhaner" / "swa" / "v2" / "dev.txt"
LABELS = ("PER", "ORG", "LOC", "DATE")


def predict_tags(nlp, sentences, component_names) -> list[list[str]]:
    components = [nlp.get_pipe(name) for name in component_names]
    predicted = []
    for words, _ in sentences:
        doc = Doc(nlp.vocab, words=words)
        for component in components:
            doc = component(doc)
        tags = ["O"] * len(doc)
        for ent in doc.ents:
            tags[ent.start] = f"B-{ent.label_}"
            for i in range(ent.start + 1, ent.end):
                tags[i] = f"I-{ent.label_}"
        predicted.append(tags)
    return predicted


def scores(gold, predicted) -> dict[str, tuple[float, float, float, int]]:
    """(precision, recall, F1, gold count) overall and per label, in percent."""
    p, r, f, n = precision_recall_fscore_support(gold, predicted, average="micro")
    table = {"overall": (100 * p, 100 * r, 100 * f, int(n))}
    report = classification_report(gold, predicted, output_dict=True, digits=4)
    for label in LABELS:
        row = report.get(label, {"precision": 0, "recall": 0, "f1-score": 0, "support": 0})
        table[label] = (100 * row["precision"], 100 * row["recall"],
                        100 * row["f1-score"], int(row["support"]))
    return table


def print_table(title: str, table) -> None:
    print(title)
    print(f"  {'type':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for name, (p, r, f, n) in table.items():
        print(f"  {name:<8}{p:7.2f}{r:7.2f}{f:7.2f}{n:7d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("conll", nargs="?", type=Path, default=DEFAULT_CONLL)
    parser.add_argument("--model", type=Path, default=None,
                        help="model directory (default: load_pipeline's default)")
    parser.add_argument("--ner-only", action="store_true",
                        help="load the model with spacy.load, without Habari's components")
    args = parser.parse_args()

    sentences = list(read_conll(args.conll))
    gold = [tags for _, tags in sentences]
    n_words = sum(len(words) for words, _ in sentences)
    if args.ner_only:
        import spacy

        import service.lang.sw  # noqa: F401  (registers "sw")
        from service.nlp import DEFAULT_MODEL_PATH
        nlp = spacy.load(args.model or DEFAULT_MODEL_PATH)
        model_names = list(nlp.pipe_names)
    else:
        from service.nlp import HABARI_COMPONENTS, load_pipeline
        nlp = load_pipeline(args.model)
        model_names = [name for name in nlp.pipe_names if name not in HABARI_COMPONENTS]
    print(f"{args.conll}: {len(sentences)} sentences, {n_words} words")

    runs = [("ner only: " + " + ".join(model_names), model_names)]
    if not args.ner_only:
        runs.insert(0, ("full pipeline: " + " + ".join(nlp.pipe_names), nlp.pipe_names))
    results = []
    for title, names in runs:
        start = time.perf_counter()
        predicted = predict_tags(nlp, sentences, names)
        elapsed = time.perf_counter() - start
        if results and predicted == results[0]:
            print(f"{title}: identical predictions")
            continue
        results.append(predicted)
        print_table(f"{title} ({n_words / elapsed:,.0f} words/s)", scores(gold, predicted))
    # A single machine-readable line, for scripts comparing runs.
    print(f"F1 {100 * f1_score(gold, results[0]):.2f}")


if __name__ == "__main__":
    main()

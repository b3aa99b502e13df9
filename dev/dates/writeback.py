"""MasakhaNER DATE figures with and without habari_dates writing its spans into doc.ents.

    python -m dev.dates.writeback [CONLL]

The outside check's protocol (training/evaluate.py): each sentence's gold words become
`Doc(nlp.vocab, words=...)`, the components run, doc.ents are scored with seqeval.
Here only tok2vec, ner and habari_dates run, once with `write_ents` off and once on, so
the difference is the write-back alone. Decides the factory's `write_ents` default.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from training.convert import read_conll
from training.evaluate import DEFAULT_CONLL, predict_tags, scores

REPO = Path(__file__).resolve().parent.parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("conll", nargs="?", type=Path, default=DEFAULT_CONLL)
    args = parser.parse_args()

    from service.nlp import load_pipeline

    nlp = load_pipeline()
    names = [name for name in nlp.pipe_names if name not in ("habari_entities", "habari_quotes")]
    sentences = list(read_conll(args.conll))
    gold = [tags for _, tags in sentences]
    dates = nlp.get_pipe("habari_dates")
    default = dates.write_ents
    for write_ents in (False, True):
        dates.write_ents = write_ents
        table = scores(gold, predict_tags(nlp, sentences, names))
        p, r, f, n = table["DATE"]
        print(f"write_ents={write_ents!s:<5} DATE P {p:.2f} R {r:.2f} F1 {f:.2f} (gold {n})"
              f" | all types F1 {table['overall'][2]:.2f}")
    print(f"(pipeline: {' + '.join(names)}; factory default write_ents={default})")


if __name__ == "__main__":
    main()

"""Copy a trained pipeline to models/sw_habari (or another bundled model's directory)
with its name and provenance in meta.json."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy

import service.lang.sw  # noqa: F401  (registers "sw")

REPO = Path(__file__).resolve().parent.parent

META = {
    "name": "habari",
    "version": "1.0.0",
    "description": "Swahili news NER (PER, ORG, LOC, DATE): tok2vec + floret vectors + ner, "
                   "trained from scratch for Habari. See MODEL_CARD.md.",
    "license": "CC BY-NC 4.0",
    "sources": [
        {"name": "MasakhaNER 1.0 (Swahili: train, dev, test)", "license": "CC BY-NC 4.0",
         "author": "Adelani et al., TACL 2021"},
        {"name": "MasakhaNER 2.0 (Swahili: train)", "license": "CC BY-NC 4.0",
         "author": "Adelani et al., EMNLP 2022"},
        {"name": "VOA Swahili news (vectors)", "license": "CC BY-NC 4.0"},
        {"name": "MAFAND-MT Swahili news (vectors)", "license": "CC BY-NC 4.0",
         "author": "Adelani et al., NAACL 2022"},
        {"name": "Maneno Yetu news sentences (vectors)",
         "license": "open license for academic and research use",
         "author": "University of Dar es Salaam and Hanyang University"},
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("trained", type=Path, help="e.g. training/output/model/model-best")
    parser.add_argument("output", type=Path, nargs="?", default=REPO / "models" / "sw_habari")
    parser.add_argument("--name", default=META["name"],
                        help="the model's name in meta.json and in responses (sw_<name>), e.g. habari_fast")
    args = parser.parse_args()

    nlp = spacy.load(args.trained)
    nlp.meta.update(META, name=args.name)
    if args.output.exists():
        shutil.rmtree(args.output)
    nlp.to_disk(args.output)
    size = sum(path.stat().st_size for path in args.output.rglob("*") if path.is_file())
    print(f"{args.output}: {' + '.join(nlp.pipe_names)}, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

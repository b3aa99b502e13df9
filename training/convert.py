"""Convert MasakhaNER CoNLL files (`token TAG`, BIO, blank line between sentences) to DocBin.

One Doc per sentence, as in the MasakhaNER protocol. Sentences of the evaluation file
given with --exclude are dropped from the output, so that the few sentences v1 shares
with v2/dev never leak into training.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Iterator

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.iob_utils import biluo_tags_to_spans, iob_to_biluo

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if not fields:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            words.append(fields[0])
            tags.append(fields[-1] if len(fields) > 1 else "O")
    if words:
        yield words, tags


def sentence_to_doc(vocab, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(vocab, words=words)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="DocBin file to write (.spacy)")
    parser.add_argument("inputs", nargs="+", type=Path, help="CoNLL files")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="CoNLL file whose sentences must not appear in the output")
    args = parser.parse_args()

    excluded = {tuple(words) for path in args.exclude for words, _ in read_conll(path)}
    vocab = spacy.blank("xx").vocab
    docs = DocBin(store_user_data=False)
    kept = dropped = 0
    for path in args.inputs:
        for words, tags in read_conll(path):
            if tuple(words) in excluded:
                dropped += 1
                continue
            docs.add(sentence_to_doc(vocab, words, tags))
            kept += 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(args.output)
    print(f"{args.output}: {kept} sentences ({dropped} dropped as in {args.exclude or 'none'})")


if __name__ == "__main__":
    main()

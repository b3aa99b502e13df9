"""Silver NER data for self-training: raw news labelled by a teacher pipeline (issue 17).

The teacher is the full pipeline of `service.nlp.load_pipeline()` (the trained NER plus
Habari's rule components), because its `doc.ents` are better than the NER's alone on
every label of the dev set: the silver data then also carries what the rules add (the
organization descriptors, clubs, dates).

spaCy's greedy NER gives no span probabilities, so a sentence is kept only when the
NER was sure of every move: each word's move is the argmax of a softmax over the move
scores (spaCy trains the NER with that softmax), and the sentence's weakest word must
have a probability of at least --min-prob. The NER's probabilities are read while the
full pipeline runs, so the labels kept are the pipeline's and the confidence is the
model's.

Sources: the Maneno Yetu newspaper sentences and the VOA articles. Left out: every
sentence of the MasakhaNER files given (training and dev, compared as text without
spaces), the Maneno Yetu lines and VOA articles referenced by the dev sets
(dev/entities/*.jsonl, dev/quotes/*.jsonl, blind halves included; only their line and
article numbers are read).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path
from typing import Iterator

import numpy
from spacy.tokens import Doc, DocBin, Span

from training.convert import read_conll

REPO = Path(__file__).resolve().parent.parent
RAW = REPO.parent / "shared" / "data" / "raw" / "swa"
DEV_SETS = [REPO / "dev" / "entities", REPO / "dev" / "quotes"]
LABELS = {"PER", "ORG", "LOC", "DATE"}


def text_key(text: str) -> str:
    """The same sentence whether tokenized (CoNLL) or raw."""
    return "".join(text.split()).lower()


def referenced(dev_dirs: list[Path]) -> tuple[set[int], set[int]]:
    """Maneno Yetu line numbers and VOA article numbers the dev sets annotate."""
    lines: set[int] = set()
    articles: set[int] = set()
    for directory in dev_dirs:
        for path in sorted(directory.glob("*.jsonl")):
            for row in path.open(encoding="utf-8"):
                record = json.loads(row)
                if "line" in record:
                    lines.add(record["line"])
                if "article" in record:
                    articles.add(record["article"])
    return lines, articles


def raw_pool(raw_dir: Path, skip_lines: set[int], skip_articles: set[int],
             excluded: set[str]) -> Iterator[str]:
    with gzip.open(raw_dir / "maneno_yetu_news_sentences.txt.gz", "rt", encoding="utf-8") as rows:
        sentences = [row.strip() for number, row in enumerate(rows) if number not in skip_lines]
    # A referenced article's sentences are left out wherever they occur, also in the
    # newspaper file (the same story in several outlets).
    with open(raw_dir / "voa_swahili_articles.jsonl", encoding="utf-8") as rows:
        for number, row in enumerate(rows):
            article = json.loads(row)
            article_sentences = [s.strip() for s in article["text"].splitlines()]
            if number in skip_articles:
                excluded.update(text_key(s) for s in article_sentences + [article["title"]])
            else:
                sentences.extend(article_sentences)
    for sentence in sentences:
        if sentence and text_key(sentence) not in excluded:
            yield sentence


class MoveConfidence:
    """Records the probability of the NER's best move at each word while the pipeline runs."""

    def __init__(self, nlp) -> None:
        ner = nlp.get_pipe("ner")
        if not ner._decodable():
            raise SystemExit("the teacher's NER is not decoded by service/greedy_ner.py")
        self.probabilities: list[float] = []
        transition_states = ner.transition_states

        def recording(states, scores):
            row = numpy.asarray(scores[0], dtype="float64")
            self.probabilities.append(1.0 / numpy.exp(row - row.max()).sum())
            return transition_states(states, scores)

        ner.transition_states = recording

    def weakest(self, doc: Doc) -> float:
        probabilities, self.probabilities = self.probabilities, []
        if len(probabilities) != len(doc):  # one move per word in the NER's transition system
            raise RuntimeError(f"{len(probabilities)} moves for {len(doc)} words")
        return min(probabilities, default=1.0)


def silver_doc(vocab, doc: Doc) -> Doc | None:
    if any(token.is_space for token in doc):
        return None
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS]
    if not ents:
        return None
    silver = Doc(vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    silver.ents = [Span(silver, start, end, label=label) for start, end, label in ents]
    return silver


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="DocBin file to write (.spacy)")
    parser.add_argument("--model", type=Path, default=None, help="teacher (default: the shipped model)")
    parser.add_argument("--raw", type=Path, default=RAW)
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="MasakhaNER CoNLL file whose sentences are left out")
    parser.add_argument("--sentences", type=int, default=6000, help="silver sentences wanted")
    parser.add_argument("--min-prob", type=float, default=0.9)
    parser.add_argument("--max-words", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from service.nlp import load_pipeline

    excluded = {text_key(" ".join(words)) for path in args.exclude for words, _ in read_conll(path)}
    skip_lines, skip_articles = referenced(DEV_SETS)
    pool = list(raw_pool(args.raw, skip_lines, skip_articles, excluded))
    random.Random(args.seed).shuffle(pool)

    nlp = load_pipeline(args.model)
    confidence = MoveConfidence(nlp)
    docs = DocBin(store_user_data=False)
    labelled = unsure = kept = 0
    counts = dict.fromkeys(sorted(LABELS), 0)
    for text in pool:
        if kept >= args.sentences:
            break
        if len(text.split()) > args.max_words:
            continue
        doc = nlp(text)
        labelled += 1
        if confidence.weakest(doc) < args.min_prob:
            unsure += 1
            continue
        silver = silver_doc(nlp.vocab, doc)
        if silver is None:
            continue
        docs.add(silver)
        kept += 1
        for ent in silver.ents:
            counts[ent.label_] += 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(args.output)
    print(f"{args.output}: {kept} sentences kept of {labelled} labelled ({unsure} below "
          f"{args.min_prob}; pool {len(pool)} after {len(excluded)} excluded texts, "
          f"{len(skip_lines)} lines, {len(skip_articles)} articles); entities {counts}")


if __name__ == "__main__":
    main()

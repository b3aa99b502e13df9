"""Train floret vectors on the raw Swahili news and turn them into a spaCy vectors table.

The raw sentences are tokenized with Habari's own `sw` tokenizer first (the rules of
habari 1.0.0, see VECTORS_TOKENIZER), so that the vectors are keyed by the same tokens the
NER model sees. floret (rather than plain
fastText) stores only `bucket` subword rows, which keeps the shipped model small and
gives every unseen word a vector.
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Iterator

import floret
import spacy
from spacy.training.initialize import convert_vectors

import service.lang.sw  # noqa: F401  (registers "sw")

REPO = Path(__file__).resolve().parent.parent

RAW = REPO.parent / "shared" / "data" / "raw" / "swa"


def raw_sentences(raw_dir: Path) -> Iterator[str]:
    for name in ("maneno_yetu_news_sentences.txt.gz", "lafand_news_sentences.txt.gz"):
        with gzip.open(raw_dir / name, "rt", encoding="utf-8") as lines:
            yield from lines
    # The VOA articles hold the same text as voa_swahili_sentences.txt, plus titles.
    with open(raw_dir / "voa_swahili_articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            yield article["title"]
            yield from article["text"].splitlines()


# The tokenizer rules of habari 1.0.0, which the shipped vectors were trained with (a copy
# of the tokenizer that model saved). Rules added to service/lang/sw/ since (quotation
# marks, commas and caption pipes glued to words) serve raw text better, but they change
# the tokenized corpus, hence the vectors and, through them, the whole training run: the
# rebuilt model would no longer be the shipped one. A new model may adopt them.
VECTORS_TOKENIZER = REPO / "training" / "tokenizer-1.0"


def write_tokenized(raw_dir: Path, out_path: Path) -> int:
    tokenizer = spacy.blank("sw").tokenizer.from_disk(VECTORS_TOKENIZER)
    n_words = 0
    with open(out_path, "w", encoding="utf-8") as out:
        texts = (line.strip() for line in raw_sentences(raw_dir))
        for doc in tokenizer.pipe(text for text in texts if text):
            words = [token.text for token in doc if not token.is_space]
            n_words += len(words)
            out.write(" ".join(words) + "\n")
    return n_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="directory for the spaCy vectors")
    parser.add_argument("--raw", type=Path, default=RAW)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=50000)
    parser.add_argument("--epoch", type=int, default=5)
    parser.add_argument("--minn", type=int, default=3)
    parser.add_argument("--maxn", type=int, default=5)
    parser.add_argument("--model", default="cbow", choices=["cbow", "skipgram"])
    # With one thread floret's training is deterministic (its random generator is
    # seeded by the thread number).
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    work = args.output.parent
    work.mkdir(parents=True, exist_ok=True)
    text_path = work / "raw_tokenized.txt"
    if not text_path.exists():  # shared by the vector variants of one build
        n_words = write_tokenized(args.raw, text_path)
        print(f"{text_path}: {n_words} words", flush=True)

    model = floret.train_unsupervised(
        str(text_path), model=args.model, mode="floret", hashCount=2,
        bucket=args.bucket, dim=args.dim, minn=args.minn, maxn=args.maxn,
        epoch=args.epoch, minCount=3, thread=args.threads, verbose=1,
    )
    floret_path = work / f"{args.output.name}.floret"
    model.save_floret_vectors(str(floret_path))
    nlp = spacy.blank("sw")
    convert_vectors(nlp, floret_path, truncate=0, prune=-1, mode="floret")
    nlp.to_disk(args.output)
    print(f"{args.output}: vectors {nlp.vocab.vectors.shape}")


if __name__ == "__main__":
    main()

"""Cost of a deployment's known-entity list (SPEC.md "Known entities") of N names.

Writes a list of N made-up entities (deterministic: a fixed seed; two- or three-word
names of Swahili-like syllables, every tenth with two aliases, plus a few real names
that the articles mention) to a temporary JSONL file, then prints, each in a fresh
measurement:
- load: CPU seconds to read, check and index the file (`KnownEntities.from_jsonl`), and
  the growth of the process's resident memory;
- `--phrase-matcher`: for comparison, CPU seconds to put the same names into spaCy's
  PhraseMatcher (each name tokenized into a Doc first);
- words/s of the full pipeline on the bench's articles, with and without the list,
  alternating (`--rounds`), one `nlp(text)` per article on one thread.

    python -m benchmarks.known_entities [--names 50000] [--articles 100] [--rounds 3] [--phrase-matcher]
"""
from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from benchmarks.ner_speed import read_articles

_SYLLABLES = "ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu " \
             "sa se si so su ta te ti to tu wa ya za ja cha sha nga mba nda".split()
REAL = [("Q1", "Samia Suluhu Hassan", "PER"), ("Q2", "Umoja wa Mataifa", "ORG"), ("Q3", "Nairobi", "LOC")]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def write_list(path: Path, n: int) -> None:
    rng = random.Random(17)
    with path.open("w", encoding="utf-8") as out:
        for qid, name, label in REAL:
            out.write(json.dumps({"id": qid, "name": name, "type": label}) + "\n")
        for i in range(n - len(REAL)):
            name = " ".join(_word(rng) for _ in range(rng.randint(2, 3)))
            item = {"id": f"X{i}", "name": name, "type": rng.choice(("PER", "ORG", "LOC"))}
            if i % 10 == 0:
                item["aliases"] = [name.split()[-1] + " " + _word(rng), _word(rng).upper()[:4]]
            out.write(json.dumps(item) + "\n")


def rss_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def words_per_second(nlp, texts: list[str]) -> float:
    words = sum(len(text.split()) for text in texts)
    start = time.process_time()
    for text in texts:
        nlp(text)
    return words / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--phrase-matcher", action="store_true")
    args = parser.parse_args()

    from service.known_entities import KnownEntities
    from service.nlp import load_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "known.jsonl"
        write_list(path, args.names)
        plain = load_pipeline()
        texts = read_articles(args.articles)
        plain(texts[0])
        before = rss_mb()
        start = time.process_time()
        known = KnownEntities.from_jsonl(path)
        load = time.process_time() - start
        print(f"{args.names} names ({path.stat().st_size / 1e6:.1f} MB, {len(known.by_key)} keys): "
              f"load {load:.2f} CPU s, RSS +{rss_mb() - before:.0f} MB")
        if args.phrase_matcher:
            from spacy.matcher import PhraseMatcher

            start = time.process_time()
            matcher = PhraseMatcher(plain.vocab, attr="LOWER")
            names = [e.name for e in known.entities] + [a for e in known.entities for a in e.aliases]
            matcher.add("KNOWN", list(plain.tokenizer.pipe(names)))
            print(f"PhraseMatcher of the same names: {time.process_time() - start:.2f} CPU s")
        with_list = load_pipeline(known_entities=path)
        with_list(texts[0])
        for round_ in range(args.rounds):
            a, b = words_per_second(plain, texts), words_per_second(with_list, texts)
            print(f"round {round_ + 1}: without {a:,.0f} words/s, with the list {b:,.0f} words/s ({b / a - 1:+.1%})")


if __name__ == "__main__":
    main()

"""Speed of habari_quotes alone, on real articles and on long ones made by joining them.

    python -m benchmarks.quotes_speed [--articles N] [--repeat R]

The rest of the pipeline runs first (untimed); then only the quotes component is timed
on its output (it reads the Doc and writes doc._.quotes, so it can be rerun). Prints
words/s (whitespace-separated words of the text) and CPU milliseconds per quote found
on the first N VOA articles, and words/s on single documents made of 1, 4 and 16 joined
articles, to show that the time grows linearly with the length. Times are the process's
CPU time (best of R runs): the machine is shared, wall-clock time is not this
component's.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO.parent / "shared" / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"


def best_cpu_seconds(component, docs, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            component(doc)
        best = min(best, time.process_time() - start)
    return best


def words_per_second(component, docs, repeat: int) -> float:
    return sum(len(doc.text.split()) for doc in docs) / best_cpu_seconds(component, docs, repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not ARTICLES.exists():
        print(f"skipped: {ARTICLES} is absent")
        return 0
    from service.nlp import load_pipeline

    nlp = load_pipeline()
    quotes = nlp.get_pipe("habari_quotes")
    with ARTICLES.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.articles), lines)]
    with nlp.select_pipes(disable=["habari_quotes"]):
        docs = list(nlp.pipe(texts))
        joined = {n: nlp("\n".join(texts[:n])) for n in (1, 4, 16)}
    n_quotes = sum(len(quotes(doc)._.quotes) for doc in docs)
    seconds = best_cpu_seconds(quotes, docs, args.repeat)
    n_words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} VOA articles, {n_words} words, {n_quotes} quotes: "
          f"{n_words / seconds:,.0f} words/s, {1000 * seconds / max(n_quotes, 1):.3f} CPU ms per quote")
    for n, doc in joined.items():
        print(f"one document of {n:2d} articles ({len(doc.text.split()):6d} words): "
              f"{words_per_second(quotes, [doc], args.repeat):,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Words per second of `habari_dates` alone, over the VOA Swahili articles.

    python -m benchmarks.dates_speed [--articles PATH] [--repeat 3]

Tokenizes every article once with the `sw` tokenizer (not timed), then times the date
component over all of them (best of `--repeat` runs, one thread). The service's budget
is >= 10k words/s for the whole pipeline, so this component should take a small share.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = REPO.parent / "shared" / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import spacy

    import service.components  # noqa: F401  (registers the factories)
    import service.lang.sw  # noqa: F401
    from service.components.dates import DateAnnotator

    nlp = spacy.blank("sw")
    texts = [json.loads(line)["text"] for line in args.articles.open(encoding="utf-8")]
    docs = [nlp.make_doc(text) for text in texts]
    n_words = sum(len(doc) for doc in docs)
    component = DateAnnotator()
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        n_dates = sum(len(component(doc).spans["dates"]) for doc in docs)
        best = min(best, time.perf_counter() - start)
    print(f"habari_dates: {len(docs)} docs, {n_words:,} tokens, {n_dates:,} dates, "
          f"{best:.3f} s, {n_words / best:,.0f} tokens/s (best of {args.repeat})")


if __name__ == "__main__":
    main()

"""CPU time per ~600-word request through the Annotator with given glibc malloc thresholds.

    python -m benchmarks.malloc_thresholds 16777216 16777216   # mmap and trim thresholds, bytes
    python -m benchmarks.malloc_thresholds 0 0                  # glibc's own (dynamic) thresholds

Run each setting in its own process (mallopt is process-wide), alternating, on a quiet core.
"""
from __future__ import annotations

import argparse
import time

import service.annotator as annotator
import service.runtime as runtime
from benchmarks.articles import articles_of_about
from service.nlp import load_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mmap_threshold", type=int, help="bytes; 0 leaves glibc's default")
    parser.add_argument("trim_threshold", type=int, help="bytes; 0 leaves glibc's default")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    runtime.fix_malloc_thresholds = lambda: runtime.set_malloc_thresholds(args.mmap_threshold, args.trim_threshold)
    texts, source = articles_of_about(600, args.articles, tolerance=0.25)
    annotate = annotator.Annotator(load_pipeline()).annotate
    for text in texts[:10]:  # warm caches and the allocator
        annotate(annotator.Article(text))
    start = time.process_time()
    for _ in range(args.repeat):
        for text in texts:
            annotate(annotator.Article(text))
    per_request = (time.process_time() - start) / (args.repeat * len(texts))
    print(f"mmap {args.mmap_threshold} trim {args.trim_threshold}: {source} x {args.repeat}, "
          f"{1000 * per_request:.2f} ms CPU per request")


if __name__ == "__main__":
    main()

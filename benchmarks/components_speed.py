"""Seconds each pipeline step takes on raw Swahili articles, on one thread.

    python -m benchmarks.components_speed [--articles N] [--passes P] [--only NAME ...]

The articles are those of benchmarks/ner_speed.py. Every pass tokenizes them afresh
and runs the components one Doc at a time as `nlp(text)` does, timing each step on its
own, in CPU seconds of this process (wall-clock seconds with `--wall`): on shared cores
the CPU time moves less. A warm-up pass comes first. Prints, per step, the fastest pass
and the median, and the load average beside them. `--only` times just the named components (the steps before
them still run, untimed), for comparing one component's versions in alternation.
"""
from __future__ import annotations

import os

# One thread: OpenBLAS reads these when numpy is first imported, so set them first.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import statistics
import sys
import time

from benchmarks.ner_speed import VOA_ARTICLES, read_articles


def one_pass(nlp, texts: list[str], timed: set[str], clock) -> dict[str, float]:
    seconds = dict.fromkeys(["tokenizer", *nlp.pipe_names], 0.0)
    for text in texts:
        start = clock()
        doc = nlp.make_doc(text)
        seconds["tokenizer"] += clock() - start
        for name, proc in nlp.pipeline:
            start = clock()
            doc = proc(doc)
            seconds[name] += clock() - start
        # The components' extensions hold Spans, which hold their Doc (see annotator.py).
        doc.user_data.clear()
    return {name: value for name, value in seconds.items() if name in timed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--only", nargs="+", default=None, help="component names to time")
    parser.add_argument("--wall", action="store_true", help="wall-clock seconds instead of CPU seconds")
    args = parser.parse_args()

    if not VOA_ARTICLES.exists():
        sys.exit(f"needs the shared data: {VOA_ARTICLES} not found")
    from service.nlp import load_pipeline
    nlp = load_pipeline()
    texts = read_articles(args.articles)
    timed = set(args.only or ["tokenizer", *nlp.pipe_names])

    load_before = os.getloadavg()[0]
    clock = time.perf_counter if args.wall else time.process_time
    one_pass(nlp, texts, timed, clock)  # warm-up: lazy imports, caches, first allocations
    passes = [one_pass(nlp, texts, timed, clock) for _ in range(args.passes)]
    print(f"{len(texts)} articles, {sum(len(t.split()) for t in texts)} words, "
          f"{args.passes} passes, {'wall-clock' if args.wall else 'CPU'} seconds; "
          f"load average before/after: {load_before:.2f}/{os.getloadavg()[0]:.2f}")
    print(f"{'step':<16} {'fastest s':>10} {'median s':>10}")
    for name in passes[0]:
        values = [p[name] for p in passes]
        print(f"{name:<16} {min(values):>10.3f} {statistics.median(values):>10.3f}")


if __name__ == "__main__":
    main()

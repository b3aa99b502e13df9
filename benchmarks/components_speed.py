"""Seconds each pipeline step takes on raw Swahili articles, on one thread.

    python -m benchmarks.components_speed [--articles N | --voa] [--passes P] [--only NAME ...]

The articles are those of benchmarks/ner_speed.py, or with `--voa` all 1,006 VOA articles
(title and text, no samples) for comparing the rule components on the text the
annotation diffs cover. Every pass tokenizes them afresh
and runs the components one Doc at a time as `nlp(text)` does, timing each step on its
own, in CPU seconds of this process (wall-clock seconds with `--wall`): on shared cores
the CPU time moves less. A warm-up pass comes first. Prints, per step, the fastest pass
and the median (seconds, and milliseconds per article), and the load average beside them.
The loaded model leaves the garbage collector's generations first, as in the service. `--only` times just the named components (the steps before
them still run, untimed), for comparing one component's versions in alternation.
"""
from __future__ import annotations

import os

# One thread: OpenBLAS reads these when numpy is first imported, so set them first.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import gc
import json
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


def voa_articles() -> list[str]:
    with open(VOA_ARTICLES, encoding="utf-8") as lines:
        return [article["title"] + "\n\n" + article["text"] for article in map(json.loads, lines)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--voa", action="store_true", help="all the VOA articles instead of --articles")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--only", nargs="+", default=None, help="component names to time")
    parser.add_argument("--wall", action="store_true", help="wall-clock seconds instead of CPU seconds")
    args = parser.parse_args()

    if not VOA_ARTICLES.exists():
        sys.exit(f"needs the shared data: {VOA_ARTICLES} not found")
    from service.nlp import load_pipeline
    nlp = load_pipeline()
    texts = voa_articles() if args.voa else read_articles(args.articles)
    # What the service's Annotator does once the pipeline is loaded (service/annotator.py):
    # a full collection no longer scans the model's objects inside whichever step it hits.
    gc.freeze()
    timed = set(args.only or ["tokenizer", *nlp.pipe_names])

    load_before = os.getloadavg()[0]
    clock = time.perf_counter if args.wall else time.process_time
    one_pass(nlp, texts, timed, clock)  # warm-up: lazy imports, caches, first allocations
    passes = [one_pass(nlp, texts, timed, clock) for _ in range(args.passes)]
    print(f"{len(texts)} articles, {sum(len(t.split()) for t in texts)} words, "
          f"{args.passes} passes, {'wall-clock' if args.wall else 'CPU'} seconds; "
          f"load average before/after: {load_before:.2f}/{os.getloadavg()[0]:.2f}")
    print(f"{'step':<20} {'fastest s':>10} {'median s':>10} {'fastest ms/article':>19} {'median ms/article':>18}")
    rules = [name for name in passes[0] if name.startswith("habari_")]
    for one in passes:
        one["rules (habari_*)"] = sum(one[name] for name in rules)
    for name in passes[0]:
        values = [p[name] for p in passes]
        fastest, median = min(values), statistics.median(values)
        print(f"{name:<20} {fastest:>10.3f} {median:>10.3f} "
              f"{1000 * fastest / len(texts):>19.3f} {1000 * median / len(texts):>18.3f}")


if __name__ == "__main__":
    main()

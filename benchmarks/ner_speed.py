"""Speed of the loaded Habari pipeline on raw Swahili articles, on one thread.

Raw article text in, annotated Docs out, one `nlp(text)` call per article as the service
makes it. Prints words/s (whitespace-separated words of the input, so the figure does not
depend on the tokenizer), tokens/s and the peak resident memory of the process.

    python -m benchmarks.ner_speed [--articles N] [--warmup N] [--ner-only] [--pipe] [--model DIR]
"""
from __future__ import annotations

import os

# One thread: OpenBLAS reads these when numpy is first imported, so set them first.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import gc
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
VOA_ARTICLES = SHARED / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"


def read_articles(limit: int) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "samples").glob("*.txt"))
             if path.name != "README.md"]
    with open(VOA_ARTICLES, encoding="utf-8") as lines:
        for line in lines:
            if len(texts) >= limit:
                break
            article = json.loads(line)
            texts.append(article["title"] + "\n\n" + article["text"])
    return texts[:limit]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def matrix_probe_seconds() -> float:
    """CPU seconds of a fixed float32 matrix workload shaped like tok2vec's.

    On this project's VM the same work took 1.8 to 2.8 s within minutes, idle, so
    words/s figures are only comparable beside this probe.
    """
    import numpy

    rows = numpy.random.default_rng(0).random((300, 384), dtype=numpy.float32)
    weights = numpy.random.default_rng(1).random((384, 384), dtype=numpy.float32)
    start = time.process_time()
    for _ in range(3000):
        rows @ weights
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--ner-only", action="store_true",
                        help="time the trained model alone as the service loads it (tokenizer, "
                             "embedding cache), without Habari's rule components")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the articles")
    parser.add_argument("--pipe", action="store_true",
                        help="one nlp.pipe(texts) per pass (the pipeline's default batch) "
                             "instead of one nlp(text) per article")
    parser.add_argument("--warmup", type=int, default=300,
                        help="other articles (the ones after those timed) run before timing, as "
                             "a worker that has served some news: its per-word caches are warm "
                             "for common words but not for the timed articles' own; 0 times a "
                             "fresh process")
    parser.add_argument("--no-gc-freeze", dest="gc_freeze", action="store_false",
                        help="leave the loaded model in the garbage collector's generations "
                             "(the service freezes them)")
    args = parser.parse_args()

    if not VOA_ARTICLES.exists():
        sys.exit(f"needs the shared data: {VOA_ARTICLES} not found")
    texts = read_articles(args.articles)
    n_words = sum(len(text.split()) for text in texts)

    from service.nlp import HABARI_COMPONENTS, load_pipeline

    start = time.perf_counter()
    nlp = load_pipeline(args.model)
    if args.ner_only:
        for name in HABARI_COMPONENTS:
            nlp.remove_pipe(name)
    load_seconds = time.perf_counter() - start
    rss_loaded = peak_rss_mb()
    if args.gc_freeze:
        # What the service's Annotator does once the pipeline is loaded: the model's
        # objects leave the collector's generations, so a full collection no longer
        # scans them (~0.35 s each, service/annotator.py).
        gc.freeze()

    # A warm-up: first-call allocations, lazy imports, and the per-word caches
    # (service/embeddings.py) filled with other articles' words.
    for text in read_articles(args.articles + args.warmup)[args.articles:] or texts[:1]:
        nlp(text)
    n_tokens = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(args.repeat):
        docs = nlp.pipe(texts) if args.pipe else (nlp(text) for text in texts)
        n_tokens += sum(len(doc) for doc in docs)
    elapsed = time.perf_counter() - start
    # CPU time of this process: the figure that stays meaningful when other processes
    # share the cores (the wall-clock one then drops).
    cpu_elapsed = time.process_time() - cpu_start

    print(f"pipeline: {' + '.join(nlp.pipe_names)}")
    print(f"articles: {len(texts)} x {args.repeat}, {n_words * args.repeat} words, {n_tokens} tokens"
          f" (after {args.warmup} other articles)")
    print(f"load: {load_seconds:.2f} s, peak RSS after load: {rss_loaded:.0f} MB")
    print(f"speed, wall clock: {n_words * args.repeat / elapsed:,.0f} words/s, "
          f"{n_tokens / elapsed:,.0f} tokens/s (1 thread)")
    print(f"speed, CPU time:   {n_words * args.repeat / cpu_elapsed:,.0f} words/s, "
          f"{n_tokens / cpu_elapsed:,.0f} tokens/s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    print(f"machine probe: {matrix_probe_seconds():.2f} CPU s for 3,000 products of 300x384 by "
          f"384x384 float32 matrices (lower is a faster machine)")


if __name__ == "__main__":
    main()

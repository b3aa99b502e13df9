"""Memory soak: many distinct documents through one long-running process; RSS must not grow.

Every document carries made-up names (benchmarks/articles.py), so without
`nlp.memory_zone()` the vocabulary and string store would grow with each one.

    python -m benchmarks.soak                       # 100,000 documents through the Annotator
    python -m benchmarks.soak --via app             # through the Flask app (batch endpoint)
    python -m benchmarks.soak --via batcher         # concurrent single-document requests, dynamic batching
    python -m benchmarks.soak --via bare-pipe -n 20000   # control: nlp.pipe without memory_zone
    python -m benchmarks.soak --cap-caches 1024     # the components' caches made smaller still

Prints RSS after 1,000 documents and at the end, and the growth between them (goal <= 5%);
also the lowest and highest RSS after a batch between two lines, and how both moved.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time
from collections.abc import Callable, Iterator

from benchmarks.articles import distinct_articles

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

BASELINE_AT = 1_000


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def batches(documents: int, size: int) -> Iterator[list[str]]:
    texts = distinct_articles(words=ARGS.words)
    done = 0
    while done < documents:
        batch = [next(texts) for _ in range(min(size, documents - done))]
        done += len(batch)
        yield batch


def annotator_runner(nlp) -> Callable[[list[str]], None]:
    from service.annotator import Annotator, Article

    annotator = Annotator(nlp)

    def run(texts):
        annotator.annotate_many([Article(text) for text in texts])

    return run


def app_runner(nlp) -> Callable[[list[str]], None]:
    from service import create_app

    client = create_app({"HABARI_PIPELINE": nlp}).test_client()

    def run(texts):
        documents = [{"id": str(index), "text": text} for index, text in enumerate(texts)]
        response = client.post("/v1/annotate/batch", json={"documents": documents, "language": "sw"})
        if response.status_code != 200:
            raise SystemExit(f"HTTP {response.status_code}: {response.get_data()[:300]!r}")

    return run


def batcher_runner(nlp) -> Callable[[list[str]], None]:
    """Each text POSTed alone from its own thread, as a gthread worker's connections do, so
    the app's dynamic batcher groups them: the threads, their malloc arenas and the
    batcher's queue are soaked too."""
    from concurrent.futures import ThreadPoolExecutor

    from service import create_app

    app = create_app({"HABARI_PIPELINE": nlp, "DYNAMIC_BATCHING": True})
    threads = ThreadPoolExecutor(max_workers=ARGS.batch)

    def post(text):
        response = app.test_client().post("/v1/annotate", json={"text": text, "language": "sw"})
        if response.status_code != 200:
            raise SystemExit(f"HTTP {response.status_code}: {response.get_data()[:300]!r}")

    def run(texts):
        list(threads.map(post, texts))

    return run


def bare_pipe_runner(nlp) -> Callable[[list[str]], None]:
    def run(texts):
        # What the service would do without memory_zone: the Docs are dropped, the strings stay.
        for doc in nlp.pipe(texts):
            [(ent.text, ent.label_) for ent in doc.ents]

    return run


def component_caches() -> list:
    """The functools caches of the pipeline components: bounded, but they fill with new words."""
    import sys

    caches = {
        id(value): value for name, module in sorted(sys.modules.items()) if name.startswith("service.components")
        for value in vars(module).values() if hasattr(value, "cache_info")
    }
    return list(caches.values())


RUNNERS = {"annotator": annotator_runner, "app": app_runner, "batcher": batcher_runner, "bare-pipe": bare_pipe_runner}


def cap_component_caches(maxsize: int) -> None:
    """Rebuild every component cache with `maxsize` entries, wherever a module refers to it:
    measures what smaller caches would save, without editing the components."""
    import functools
    import sys

    for cache in component_caches():
        smaller = functools.lru_cache(maxsize=min(maxsize, cache.cache_info().maxsize or maxsize))(cache.__wrapped__)
        for name, module in list(sys.modules.items()):
            if name.startswith("service.components"):
                for attribute, value in list(vars(module).items()):
                    if value is cache:
                        setattr(module, attribute, smaller)


def main() -> None:
    from service.nlp import default_model_path, load_pipeline

    nlp = load_pipeline(ARGS.model)
    if ARGS.cap_caches:
        cap_component_caches(ARGS.cap_caches)
    run = RUNNERS[ARGS.via](nlp)
    print(f"soak: {ARGS.documents:,} distinct generated documents of ~{ARGS.words} words via {ARGS.via}, "
          f"batches of {ARGS.batch}; component caches capped at {ARGS.cap_caches or 'their own sizes'}; model {nlp.meta.get('name')} {nlp.meta.get('version')} "
          f"({ARGS.model or default_model_path()})")
    print(f"machine: {platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"RSS after loading: {rss_mib():.1f} MiB; strings in the vocabulary: {len(nlp.vocab.strings):,}")
    started = time.perf_counter()
    done = 0
    baseline = None
    checkpoints: dict[int, float] = {}
    next_report = BASELINE_AT
    # RSS after every batch: the service hands freed memory back at most once a second, so
    # one reading lands anywhere between the floor (just after) and the peak (just before).
    window: list[float] = []
    first_window = None
    for batch in batches(ARGS.documents, ARGS.batch):
        run(batch)
        done += len(batch)
        window.append(rss_mib())
        if done >= next_report or done == ARGS.documents:
            rss = window[-1]
            if baseline is not None and first_window is None:
                first_window = (min(window), max(window))
            baseline = baseline or rss
            print(f"{done:>9,} documents  RSS {rss:8.1f} MiB  ({100 * (rss - baseline) / baseline:+.2f}% vs 1k)  "
                  f"since last line: min {min(window):6.1f} max {max(window):6.1f}  "
                  f"strings {len(nlp.vocab.strings):>9,}  {done / (time.perf_counter() - started):6.1f} docs/s",
                  flush=True)
            last_window = (min(window), max(window))
            window = []
            next_report = BASELINE_AT if done < BASELINE_AT else (done // ARGS.report_every + 1) * ARGS.report_every
            checkpoints[done] = rss
    final = rss_mib()
    growth = 100 * (final - baseline) / baseline
    print(f"RSS at 1k documents: {baseline:.1f} MiB; at {done:,}: {final:.1f} MiB; growth {growth:+.2f}% "
          f"(goal <= 5%): {'PASS' if growth <= 5 else 'FAIL'}")
    # A leak grows in proportion to the documents; warm-up (caches filling, the allocator
    # reaching its high-water mark) stops. The second half tells them apart.
    half = min(checkpoints, key=lambda count: abs(count - done / 2))
    print(f"second half ({half:,} to {done:,} documents): {100 * (final - checkpoints[half]) / checkpoints[half]:+.2f}%")
    for name, first, last in zip(("min", "max"), first_window or last_window, last_window):
        print(f"{name} of the RSS after each batch, from the window after 1k documents to the last: "
              f"{first:.1f} → {last:.1f} MiB ({100 * (last - first) / first:+.2f}%)")
    for cache in component_caches():
        info = cache.cache_info()
        bound = "no bound" if info.maxsize is None else f"{info.maxsize:,}"
        print(f"  cache {cache.__module__}.{cache.__qualname__}: {info.currsize:,} of {bound} entries")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--documents", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=60, help="words per generated document")
    parser.add_argument("--batch", type=int, default=16, help="documents per annotate_many call / batch request / concurrent requests")
    parser.add_argument("--via", choices=RUNNERS, default="annotator")
    parser.add_argument("--model", help="model directory (default: $HABARI_MODEL_PATH, else the bundled $HABARI_MODEL)")
    parser.add_argument("--report-every", type=int, default=10_000)
    parser.add_argument("--cap-caches", type=int, help="rebuild the components' functools caches with this maxsize")
    ARGS = parser.parse_args()
    main()

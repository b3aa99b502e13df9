"""Bulk annotation against plain `nlp.pipe`, on the same articles with the same number of
processes, in one run: documents/s for

  (a) plain `nlp.pipe`: PROCESSES spawned processes, each piping its share of the texts;
  (b) the local engine (`python -m service.bulk`): PROCESSES worker processes;
  (c) Dask distributed: a LocalCluster of PROCESSES single-threaded worker processes;

each timed from the moment every process has its pipeline loaded to the last document
(for (b) and (c), `run_bulk`: reading JSONL, validation, language check, annotation,
serialization, writing the output). Rounds alternate (a), (b), (c) so that a change in
the machine's load falls on all three.

    python -m benchmarks.bulk_throughput                      # 1,000 VOA articles, 2 processes, 3 rounds
    python -m benchmarks.bulk_throughput --documents 200 --rounds 1   # a quick look
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.articles import benchmark_articles

SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _pipe_worker(texts, barrier, results):
    os.environ.update(SINGLE_THREAD)
    from service.nlp import load_pipeline

    nlp = load_pipeline()
    barrier.wait()
    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts))
    results.put((count, started, time.perf_counter()))


def plain_pipe(texts: list[str], processes: int) -> float:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(processes), context.Queue()
    workers = [context.Process(target=_pipe_worker, args=(texts[index::processes], barrier, results))
               for index in range(processes)]
    for worker in workers:
        worker.start()
    outcomes = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    seconds = max(end for _, _, end in outcomes) - min(start for _, start, _ in outcomes)
    return sum(count for count, _, _ in outcomes) / seconds


def engine_run(engine, source: Path, partition_docs: int) -> float:
    from service.bulk import Job, run_bulk

    with tempfile.TemporaryDirectory(prefix="habari-bulk-bench-") as output, engine:
        summary = run_bulk([str(source)], Job(output=output), engine, partition_docs, progress=False)
    assert summary["documents"] == summary["planned_documents"] and not summary["failed_partitions"], summary
    if summary["errors"]:
        print(f"  error records: {summary['errors']}")
    return summary["docs_per_s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--partition-docs", type=int, default=25,
                        help="small enough that the last partitions do not leave a worker idle for long")
    arguments = parser.parse_args()

    from service.bulk import DaskEngine, LocalEngine

    texts, origin = benchmark_articles(arguments.documents)
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} documents ({words / len(texts):.0f} words on average) from {origin}")
    print(f"{arguments.processes} processes; {platform.python_version()}, {os.cpu_count()} cores; "
          f"load average before: {os.getloadavg()[0]:.1f}; partitions of {arguments.partition_docs} documents")
    with tempfile.TemporaryDirectory(prefix="habari-bulk-input-") as directory:
        source = Path(directory) / "articles.jsonl"
        source.write_text("".join(json.dumps({"id": f"doc-{index}", "text": text}, ensure_ascii=False) + "\n"
                                  for index, text in enumerate(texts)), encoding="utf-8")
        figures: dict[str, list[float]] = {"plain nlp.pipe": [], "local engine": [], "Dask LocalCluster": []}
        for round_ in range(1, arguments.rounds + 1):
            figures["plain nlp.pipe"].append(plain_pipe(texts, arguments.processes))
            figures["local engine"].append(engine_run(LocalEngine(arguments.processes), source, arguments.partition_docs))
            figures["Dask LocalCluster"].append(engine_run(DaskEngine(arguments.processes), source,
                                                           arguments.partition_docs))
            print(f"round {round_}: " + ", ".join(f"{name} {values[-1]:.1f} docs/s" for name, values in figures.items())
                  + f" (load average {os.getloadavg()[0]:.1f})")
    plain = figures["plain nlp.pipe"]
    print(f"\n{'':20} {'median docs/s':>14} {'min':>7} {'max':>7}   ratio to plain, per round (median)")
    for name, values in figures.items():
        ratios = [value / base for value, base in zip(values, plain)]
        print(f"{name:20} {statistics.median(values):14.1f} {min(values):7.1f} {max(values):7.1f}   "
              + " ".join(f"{ratio:.2f}" for ratio in ratios) + f" ({statistics.median(ratios):.2f})")


if __name__ == "__main__":
    main()

"""Memory of one service instance (gunicorn master + its workers), what a pod's memory
request and limit are sized from (deploy/kubernetes/README.md).

Starts gunicorn (gunicorn.conf.py, preloaded model shared copy-on-write) with WORKERS
workers, posts ARTICLES benchmark articles one by one, then prints each process's RSS
and PSS (its share of pages shared with the others) from /proc/PID/smaps_rollup: the sum
of PSS is what the processes occupy together, what a container's memory counts for them.

    python -m benchmarks.pod_memory                 # 2 workers, 400 articles
    python -m benchmarks.pod_memory --workers 1
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.articles import benchmark_articles
from benchmarks.server import running_service


def _memory_mib(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value) / 1024
    return {name: fields[name] for name in ("Rss", "Pss", "Private_Dirty")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=400)
    arguments = parser.parse_args()
    texts, origin = benchmark_articles(arguments.articles)
    started = time.monotonic()
    with running_service(arguments.workers) as service:
        print(f"ready after {time.monotonic() - started:.1f} s (model loaded and warmed up in the master)")
        for text in texts:
            status, _ = service.post_json("/v1/annotate", {"text": text})
            assert status == 200, status
        processes = [("master", service.process.pid)] + [("worker", pid) for pid in service.worker_pids()]
        print(f"after {len(texts)} articles from {origin}, one request at a time:")
        total = 0.0
        for role, pid in processes:
            memory = _memory_mib(pid)
            total += memory["Pss"]
            print(f"  {role:6} RSS {memory['Rss']:6.1f} MiB  PSS {memory['Pss']:6.1f} MiB  "
                  f"private dirty {memory['Private_Dirty']:6.1f} MiB")
        print(f"  together (sum of PSS): {total:.1f} MiB for {arguments.workers} workers")


if __name__ == "__main__":
    main()

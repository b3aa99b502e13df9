"""Where partitions are annotated: local worker processes, or a Dask cluster.

Both do the same three things: start workers and load the pipeline in each (entering the
engine, so a benchmark can time the work apart from the start-up), run a function over
partitions, yielding each outcome as it finishes, and shut down on exit. The scheduling
is theirs (concurrent.futures, Dask distributed); Habari only says what to run.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, Protocol

# (item, result, error): exactly one of result and error is None.
Outcome = tuple[Any, Any, BaseException | None]


class Engine(Protocol):
    workers: int

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc_info) -> None: ...

    def map_unordered(self, function: Callable, items: Iterable, *args) -> Iterator[Outcome]: ...


def _load_pipeline(model: str | None, ready=None) -> None:
    # One BLAS thread per process: the processes are the parallelism (as in
    # gunicorn.conf.py; Dask's nanny sets the same). Read when numpy is first imported,
    # so only set in a process that has not imported it yet.
    if "numpy" not in sys.modules:
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
    from service.bulk.worker import annotator_for

    annotator_for(model)
    if ready is not None:
        ready.put(None)


def _started() -> None:
    """Submitted once per worker so that all of them start at once."""


class LocalEngine:
    """Worker processes on this machine, one pipeline each."""

    def __init__(self, workers: int, model: str | None = None):
        self.workers = workers
        self.model = model
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        # spawn, not fork: the parent may run threads (the progress bar's), which fork
        # does not copy, and has no pipeline to share anyway.
        context = multiprocessing.get_context("spawn")
        ready = context.Queue()
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_load_pipeline,
                                         initargs=(self.model, ready))
        for future in [self._pool.submit(_started) for _ in range(self.workers)]:
            future.result()
        for _ in range(self.workers):
            ready.get()
        return self

    def __exit__(self, *exc_info) -> None:
        self._pool.shutdown(cancel_futures=True)

    def map_unordered(self, function: Callable, items: Iterable, *args) -> Iterator[Outcome]:
        futures = {self._pool.submit(function, item, *args): item for item in items}
        for future in as_completed(futures):
            error = future.exception()
            yield futures[future], None if error else future.result(), error


class DaskEngine:
    """A Dask distributed cluster: the one at `scheduler` (tcp://host:8786), else a
    LocalCluster of `workers` single-threaded worker processes started here."""

    def __init__(self, workers: int, model: str | None = None, scheduler: str | None = None,
                 processes: bool = True):
        self.workers = workers
        self.model = model
        self.scheduler = scheduler
        self.processes = processes
        self._cluster = None
        self._client = None

    def __enter__(self) -> DaskEngine:
        from distributed import Client, LocalCluster

        if self.scheduler:
            self._client = Client(self.scheduler)
        else:
            # The scheduler's HTTP server (dashboard, metrics) on a free port: a fixed one
            # collides with any other cluster on the machine.
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=self.processes,
                                         dashboard_address=":0")
            self._client = Client(self._cluster)
            self._client.wait_for_workers(self.workers)
        self.workers = len(self._client.scheduler_info()["workers"])
        # Each worker loads the pipeline from its own disk now; workers that join later
        # load it with their first partition. It never travels over the network.
        self._client.run(_load_pipeline, self.model)
        return self

    def __exit__(self, *exc_info) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def map_unordered(self, function: Callable, items: Iterable, *args) -> Iterator[Outcome]:
        from distributed import as_completed as dask_as_completed

        items = list(items)
        if not items:
            return
        # pure=False: a rerun must run again, not reuse a result the scheduler remembers.
        futures = self._client.map(function, items, *[[arg] * len(items) for arg in args], pure=False)
        item_of = {future.key: item for future, item in zip(futures, items)}
        for future in dask_as_completed(futures):
            error = future.exception() if future.status == "error" else None
            yield item_of[future.key], None if error else future.result(), error

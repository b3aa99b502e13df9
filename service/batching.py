"""Dynamic batching: concurrent requests in one worker share one call of a batch function,
the way inference servers batch. Plumbing only: it knows nothing of what it runs.

Each request thread submits a job (a key and a list of items) and waits; one thread per
process takes the oldest job, waits at most `max_wait_seconds` for more jobs of the same
key (up to `max_items` items in all; a larger job runs alone), calls `run(key, items)`
once for them all, and hands each job its own slice of the results. Jobs with different
keys never share a call. When a shared call fails, each of its jobs runs again alone, so
an item that breaks the call fails its own job only; errors listed in `final_errors` end
every job of the call instead (a time budget spent: run again, each job would wait for it
once more, and so would every request queued behind).
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Sequence
from typing import Any


class _Job:
    def __init__(self, key: Hashable, items: list):
        self.key = key
        self.items = items
        self.results: list | None = None
        self.error: BaseException | None = None
        self.done = threading.Event()

    def finish(self, results: list | None = None, error: BaseException | None = None) -> None:
        self.results, self.error = results, error
        self.done.set()


class DynamicBatcher:
    def __init__(self, run: Callable[[Hashable, list], Sequence], max_items: int, max_wait_seconds: float,
                 idle_seconds: float = 60.0, final_errors: tuple[type[BaseException], ...] = ()):
        self._run = run
        self._final_errors = final_errors
        self._max_items = max_items
        self._max_wait_seconds = max_wait_seconds
        # The thread ends after this long without work and starts again on the next job:
        # a forked worker starts its own, and an app that is dropped does not keep one.
        self._idle_seconds = idle_seconds
        self._pending: deque[_Job] = deque()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        # True while `run` works: a server can leave new requests to idle processes then.
        self.busy = False

    def submit(self, key: Hashable, items: Sequence) -> list[Any]:
        """`run(key, items)`'s results, computed in one call with other jobs of `key`."""
        job = _Job(key, list(items))
        with self._condition:
            self._pending.append(job)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._serve, name="habari-batcher", daemon=True)
                self._thread.start()
            self._condition.notify()
        job.done.wait()
        if job.error is not None:
            raise job.error
        return job.results

    def _serve(self) -> None:
        while (batch := self._next_batch()) is not None:
            try:
                self._run_together(batch)
            finally:
                self.busy = False
                # Only an exception beyond Exception gets here with jobs open; their
                # threads must not wait forever.
                for job in batch:
                    if not job.done.is_set():
                        job.finish(error=RuntimeError("the batch was interrupted"))

    def _next_batch(self) -> list[_Job] | None:
        with self._condition:
            if not self._condition.wait_for(lambda: self._pending, timeout=self._idle_seconds):
                self._thread = None
                return None
            key = self._pending[0].key
            # Busy from here until the call ends (_serve): while it waits for more jobs, the
            # server should not take new connections for this process, only let those it
            # has taken finish arriving.
            self.busy = True
            deadline = time.monotonic() + self._max_wait_seconds
            while self._pending_items(key) < self._max_items and (left := deadline - time.monotonic()) > 0:
                self._condition.wait(left)
            return self._take(key)

    def _pending_items(self, key: Hashable) -> int:
        return sum(len(job.items) for job in self._pending if job.key == key)

    def _take(self, key: Hashable) -> list[_Job]:
        """The oldest job of `key` and, in order, the others of `key` that still fit."""
        batch, size, kept = [], 0, deque()
        for job in self._pending:
            if job.key == key and (not batch or size + len(job.items) <= self._max_items):
                batch.append(job)
                size += len(job.items)
            else:
                kept.append(job)
        self._pending = kept
        return batch

    def _run_together(self, batch: list[_Job]) -> None:
        try:
            results = list(self._run(batch[0].key, [item for job in batch for item in job.items]))
        except Exception as error:
            if len(batch) == 1 or isinstance(error, self._final_errors):
                for job in batch:
                    job.finish(error=error)
                return
            for job in batch:
                self._run_together([job])
            return
        start = 0
        for job in batch:
            job.finish(results=results[start:start + len(job.items)])
            start += len(job.items)

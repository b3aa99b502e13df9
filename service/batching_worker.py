"""The gunicorn worker for dynamic batching: gthread, accepting only while its pipeline is
free (gunicorn.conf.py names it when HABARI_DYNAMIC_BATCHING is on).

A plain gthread worker accepts connections whenever it has threads to spare, so the next
request could wait behind a busy worker's batch while another worker sat idle: at two
connections it served ~half what sync workers do (benchmarks/README.md). Sync workers
leave each new connection to one that is free. This worker does the same: while its
batcher runs a pipeline call it takes no connection, and when the call ends it takes all
that are waiting at once (one per free thread), so those share the next call.
"""
from __future__ import annotations

from gunicorn.workers.gthread import ThreadWorker


class BatchingWorker(ThreadWorker):
    def _room(self) -> int:
        """Connections it may take now: none while its pipeline runs, else one per free
        thread (connections are closed after each response: each is one request)."""
        batcher = self.wsgi.extensions.get("habari_batcher")
        if batcher is not None and batcher.busy:
            return 0
        return max(self.cfg.threads - self.nr_conns, 0)

    def wait_for_and_dispatch_events(self, timeout):
        # The loop has just enabled accepting if it has room by gunicorn's count; this one
        # may say no. What ends a pipeline call or frees a thread wakes the loop: the
        # requests' completions come through the poller.
        if self._accepting and not self._room():
            self.set_accept_enabled(False)
        super().wait_for_and_dispatch_events(timeout)

    def accept(self, listener):
        # The pipeline may have got busy while the loop waited for a connection.
        room = self._room()
        if not room:
            self.set_accept_enabled(False)
        for _ in range(room):
            connections = self.nr_conns
            super().accept(listener)
            if self.nr_conns == connections:  # none left waiting
                return

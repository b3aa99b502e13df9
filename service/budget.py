"""A per-request time budget, so one pathological document cannot hold a worker until
gunicorn kills it unannounced: the request ends with a clear 503 instead."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class TimeBudgetExceeded(Exception):
    pass


def _expire(signum, frame):
    raise TimeBudgetExceeded


@contextmanager
def time_budget(seconds: float):
    # SIGALRM reaches only the main thread: that is where gunicorn's sync workers and the
    # Flask test client run requests. Elsewhere (a threaded dev server) no budget applies.
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

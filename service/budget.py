"""A per-request time budget, so one pathological document cannot hold a worker until
gunicorn kills it unannounced: the request ends with a clear 503 instead."""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager


class TimeBudgetExceeded(Exception):
    pass


def _expire(signum, frame):
    raise TimeBudgetExceeded


@contextmanager
def time_budget(seconds: float):
    """Raises TimeBudgetExceeded inside the block once it has run `seconds` (0: no budget).

    Either way the exception arrives between two Python bytecodes of the thread that runs
    the block, as a signal handler's would: a long call into compiled code ends first.
    """
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _thread_alarm(seconds):
            yield


@contextmanager
def _alarm(seconds: float):
    # SIGALRM reaches only the main thread: where gunicorn's sync workers and the Flask
    # test client run requests.
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _set_async_exception(thread_id: int, exception: type[BaseException] | None) -> None:
    # CPython's way to raise in another thread (what the interpreter does for a signal in
    # the main thread); None withdraws one not yet raised. No argtypes: ctypes passes
    # None as NULL.
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


@contextmanager
def _thread_alarm(seconds: float):
    # Elsewhere (the dynamic batcher's thread, a threaded server) a timer thread raises
    # the exception in this one. The lock keeps the timer from firing once the block is
    # over; if it fired, the block ends in TimeBudgetExceeded even when it was just done,
    # and no exception is left pending to surface later in the caller's code.
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire():
        with lock:
            if state["armed"]:
                state["fired"] = True
                _set_async_exception(target, TimeBudgetExceeded)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
        timer.cancel()
        if state["fired"]:
            _set_async_exception(target, None)
            raise TimeBudgetExceeded

"""Process tuning for a worker that annotates for a long time: glibc's malloc thresholds,
the garbage collector, and giving freed memory back to the OS. Kept apart from the
annotation itself (annotator.py), which calls it.
"""
from __future__ import annotations

import ctypes
import gc
import time


def _glibc():
    try:
        libc = ctypes.CDLL(None)
        trim, mallopt = libc.malloc_trim, libc.mallopt
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows)
        return None, None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return trim, mallopt


_malloc_trim, _mallopt = _glibc()
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h
# At 1 MiB both cost 13-27% CPU per ~600-word request (the heap's top given back and
# taken again on every large array); at 16 MiB nothing measurable
# (`python -m benchmarks.malloc_thresholds`, benchmarks/README.md section 2).
MALLOC_THRESHOLD_BYTES = 16 << 20


def set_malloc_thresholds(mmap_bytes: int, trim_bytes: int) -> None:
    """glibc's mmap and trim thresholds; 0 leaves one as glibc has it."""
    if _mallopt is not None:
        if mmap_bytes:
            _mallopt(_M_MMAP_THRESHOLD, mmap_bytes)
        if trim_bytes:
            _mallopt(_M_TRIM_THRESHOLD, trim_bytes)


def fix_malloc_thresholds() -> None:
    """glibc raises its mmap threshold to the size of each large block freed, and its trim
    threshold to twice that: after the first large arrays, ~28 MiB of freed heap stayed
    in a worker between requests. Fixed thresholds stop that drift (benchmarks/README.md,
    section 2)."""
    set_malloc_thresholds(MALLOC_THRESHOLD_BYTES, MALLOC_THRESHOLD_BYTES)


# Every so often, after a request: free the cyclic garbage spaCy's NER leaves per batch
# (its step models and their arrays) now rather than at the next full collection, then
# give the freed heap back to the OS; glibc would keep it (fragmented, it rarely shrinks
# by itself), and a worker's RSS would creep up to its high-water mark. Together 2-4 ms
# on a worker's heap, so at most once a second (benchmarks/README.md, section 2).
# malloc_trim is glibc's.
RELEASE_INTERVAL_SECONDS = 1.0
_last_release = 0.0


def release_freed_memory() -> None:
    global _last_release
    now = time.monotonic()
    if now - _last_release < RELEASE_INTERVAL_SECONDS:
        return
    _last_release = now
    gc.collect()
    if _malloc_trim is not None:
        _malloc_trim(0)


def settle_loaded_objects() -> None:
    # The oldest GC generation runs once its survivors grow by a quarter: with the
    # model's ~100k objects counted, garbage piled up for thousands of requests and
    # each collection took ~0.35 s. The objects loaded so far live as long as the
    # process: frozen, they are no longer counted or scanned (and stay shared
    # copy-on-write by gunicorn's forked workers).
    gc.freeze()
    fix_malloc_thresholds()

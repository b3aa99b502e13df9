"""How many CPUs this process may really use: the container's CPU limit, not the host's.

`os.cpu_count()` inside a container reports the host's cores; a Kubernetes CPU limit is
a CFS quota in the cgroup. Written here (a few lines) because the libraries that read it
(loky, for one) read fixed paths, which a test cannot point at a fake cgroup, and would
be a new dependency of the service image for this alone.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")


def cgroup_cpu_quota(root: Path | None = None) -> float | None:
    """CPUs allowed by the cgroup's CFS quota (v2 `cpu.max`, else v1), None without one."""
    root = root or CGROUP_ROOT
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]  # v2: "max 100000" or "150000 100000"
    except (OSError, ValueError):
        try:
            quota = (root / "cpu" / "cpu.cfs_quota_us").read_text().strip()  # v1: -1 when unlimited
            period = (root / "cpu" / "cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    if quota in ("max", "-1") or int(period) <= 0:
        return None
    return int(quota) / int(period)


def usable_cpus(root: Path | None = None) -> int:
    """Whole CPUs this process may keep busy: the quota rounded down (at least 1), and
    never more than the cores it is allowed to run on."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota(root)
    if quota is None:
        return cores
    # Down, not up: a CPU-bound worker beyond the quota makes CFS throttle every worker
    # in the middle of requests, a latency spike each period.
    return max(1, min(cores, math.floor(quota)))

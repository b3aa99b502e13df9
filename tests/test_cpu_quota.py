"""gunicorn's worker count follows the container's CPU limit (a fake cgroup here)."""
from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest

from service import cpu_quota
from service.cpu_quota import cgroup_cpu_quota, usable_cpus

REPO = Path(__file__).resolve().parent.parent


def _cgroup_v2(root: Path, cpu_max: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "cpu.max").write_text(cpu_max + "\n")
    return root


def _cgroup_v1(root: Path, quota: int, period: int) -> Path:
    (root / "cpu").mkdir(parents=True)
    (root / "cpu" / "cpu.cfs_quota_us").write_text(f"{quota}\n")
    (root / "cpu" / "cpu.cfs_period_us").write_text(f"{period}\n")
    return root


@pytest.fixture
def many_cores(monkeypatch):
    monkeypatch.setattr(cpu_quota.os, "sched_getaffinity", lambda pid: set(range(16)))


@pytest.mark.parametrize(("cpu_max", "expected"), [("200000 100000", 2.0), ("150000 100000", 1.5),
                                                   ("50000 100000", 0.5), ("max 100000", None)])
def test_cgroup_v2_quota(tmp_path, cpu_max, expected):
    assert cgroup_cpu_quota(_cgroup_v2(tmp_path, cpu_max)) == expected


def test_cgroup_v1_quota(tmp_path):
    assert cgroup_cpu_quota(_cgroup_v1(tmp_path / "a", 300000, 100000)) == 3.0
    assert cgroup_cpu_quota(_cgroup_v1(tmp_path / "b", -1, 100000)) is None


@pytest.mark.parametrize(("cpu_max", "workers"), [("200000 100000", 2), ("250000 100000", 2),
                                                  ("50000 100000", 1), ("max 100000", 16)])
def test_usable_cpus_rounds_the_quota_down_but_keeps_one(tmp_path, many_cores, cpu_max, workers):
    assert usable_cpus(_cgroup_v2(tmp_path, cpu_max)) == workers


def test_a_quota_above_the_cores_allowed_gives_the_cores(tmp_path, monkeypatch):
    monkeypatch.setattr(cpu_quota.os, "sched_getaffinity", lambda pid: {0, 1})
    assert usable_cpus(_cgroup_v2(tmp_path, "800000 100000")) == 2


def test_no_cgroup_files_means_no_quota(tmp_path, many_cores):
    assert cgroup_cpu_quota(tmp_path) is None and usable_cpus(tmp_path) == 16


def _gunicorn_workers(monkeypatch, tmp_path, environ: dict) -> int:
    # The config file sets environment variables (BLAS threads among them): it gets a copy
    # of the environment, so nothing it sets reaches this process or the next test.
    settings = {name: value for name, value in os.environ.items() if name != "HABARI_WORKERS"}
    settings.update(environ, PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "metrics"))
    monkeypatch.setattr(os, "environ", settings)
    return runpy.run_path(str(REPO / "gunicorn.conf.py"))["workers"]


def test_gunicorn_runs_one_worker_per_cpu_of_the_limit(monkeypatch, tmp_path, many_cores):
    monkeypatch.setattr(cpu_quota, "CGROUP_ROOT", _cgroup_v2(tmp_path / "cgroup", "300000 100000"))
    assert _gunicorn_workers(monkeypatch, tmp_path, {}) == 3
    assert _gunicorn_workers(monkeypatch, tmp_path, {"HABARI_WORKERS": "5"}) == 5

"""Start the real service under gunicorn (the repo's gunicorn.conf.py) on a free loopback
port, for the benchmarks and fault scripts; stop it afterwards."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.articles import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Service:
    url: str
    process: subprocess.Popen
    log: Path

    def get(self, path: str, timeout: float = 5) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post_json(self, path: str, payload: dict, timeout: float = 60) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return sorted(int(pid) for pid in children)


@contextlib.contextmanager
def running_service(workers: int, model: str | None = None, ready_within: float = 180, **env) -> Iterator[Service]:
    """gunicorn with `workers` workers (sync, or threaded with dynamic batching: gunicorn.conf.py);
    extra keyword arguments become environment variables."""
    port = free_port()
    scratch = Path(tempfile.mkdtemp(prefix="habari-bench-"))
    environment = {
        **os.environ,
        "HABARI_BIND": f"127.0.0.1:{port}",
        "HABARI_WORKERS": str(workers),
        "PROMETHEUS_MULTIPROC_DIR": str(scratch / "metrics"),
        **{key: str(value) for key, value in env.items()},
    }
    if model:
        environment["HABARI_MODEL_PATH"] = str(model)
    log = scratch / "gunicorn.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=REPO, env=environment, stdout=log_file, stderr=subprocess.STDOUT,
        )
    service = Service(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + ready_within
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log}")
            with contextlib.suppress(OSError):
                if service.get("/ready", timeout=2)[0] == 200 and len(service.worker_pids()) == workers:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"not ready after {ready_within} s; see {log}")
            time.sleep(0.5)
        yield service
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

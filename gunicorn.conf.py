"""gunicorn settings for Habari; each can be overridden by the HABARI_* variable named."""
import os
import shutil
import tempfile

from service.config import settings_from_env
from service.cpu_quota import usable_cpus

# One BLAS/OpenMP thread per worker: workers are the unit of parallelism. Set before the
# app (and numpy) is imported, which preload_app does right after this file is read.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

# Metrics from all workers are aggregated through files in this directory. It must exist
# and hold no stale files before the app is preloaded, which happens before any server hook.
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"])
else:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="habari-metrics-")

bind = os.environ.get("HABARI_BIND", "0.0.0.0:8000")
# One sync worker per CPU of the container's limit (its cgroup quota), not per host core:
# under Kubernetes os.cpu_count() is the node's.
workers = int(os.environ.get("HABARI_WORKERS") or usable_cpus())
# Annotation is CPU-bound: one worker per CPU. With dynamic batching (the default) each
# worker takes up to HABARI_DYNAMIC_BATCH_MAX_DOCUMENTS requests at once on threads, and one
# thread of its own runs their documents through the pipeline together (service/batching.py;
# spaCy's memory_zone wants one pipeline call at a time per process). Without it, a sync
# worker runs one request at a time.
_settings = settings_from_env()
if _settings["DYNAMIC_BATCHING"]:
    # gthread that accepts only while its pipeline is free (service/batching_worker.py).
    worker_class = "service.batching_worker.BatchingWorker"
    threads = _settings["DYNAMIC_BATCH_MAX_DOCUMENTS"]
    # A kept-alive connection stays with the worker that accepted it, whose next request
    # then waits for that worker while another may be idle (p99 of ~600-word articles at
    # half of peak up to 2.8 s, benchmarks/README.md). Closed after each response, as sync
    # workers do, the next connection goes to a worker that is free.
    keepalive = 0
else:
    worker_class = "sync"  # closes every connection after its response
# Load the model once in the master; workers share its pages copy-on-write.
preload_app = True
# gunicorn's control socket (under $HOME/.gunicorn) is not used; in the image the non-root
# user has no home, and it logged an ERROR at every start.
control_socket_disable = True
timeout = int(os.environ.get("HABARI_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("HABARI_GRACEFUL_TIMEOUT", "30"))
# A backstop against slow growth in a worker that runs for months.
max_requests = int(os.environ.get("HABARI_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("HABARI_ACCESS_LOG", "-")
loglevel = os.environ.get("HABARI_LOG_LEVEL", "info").lower()


def child_exit(server, worker):
    from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

    GunicornInternalPrometheusMetrics.mark_process_dead_on_child_exit(worker.pid)


def post_worker_init(worker):
    # Readiness turns 503 as soon as a worker is asked to stop, while it drains.
    import signal

    state = worker.wsgi.extensions["habari"]
    stop = signal.getsignal(signal.SIGTERM)

    def drain(signum, frame):
        state.draining = True
        stop(signum, frame)

    signal.signal(signal.SIGTERM, drain)

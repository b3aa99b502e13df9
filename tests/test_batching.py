"""Dynamic batching: concurrent requests share one pipeline call and still get their own
results and their own errors. A long max wait with a batch size equal to the number of
threads makes each batch form deterministically: it is full before the wait ends."""
from __future__ import annotations

import logging
import os
import runpy
import selectors
import socket
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from service.batching import DynamicBatcher
from service.batching_worker import BatchingWorker
from service.budget import TimeBudgetExceeded, time_budget
from service.config import settings_from_env
from tests.conftest import make_app

REPO = Path(__file__).resolve().parent.parent
NEVER = 600.0  # a max wait no batch in these tests reaches: each fills up first

ARTICLES = [
    "Waziri Mkuu Kassim Majaliwa alisema Jumanne kwamba serikali itajenga barabara mpya mjini Dodoma.",
    "“Tutashinda mechi ijayo,” alisema kocha Juma Mgunda baada ya timu ya Simba kufungwa jana.",
    "Mvua kubwa ilinyesha Mombasa tarehe 4 Aprili 2024, na Halima Mohamed alisema nyumba nyingi zimeharibika.",
    "Shirika la Afya Duniani lilitangaza Ijumaa kuwa chanjo mpya itafika Kenya mwezi ujao.",
]


def _in_threads(calls):
    """Runs each call on its own thread at once; their results (or exceptions) in order."""
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _recording_batcher(max_items, fail_on=None, **options):
    calls = []

    def run(key, items):
        calls.append((key, list(items)))
        if fail_on is not None and fail_on in items:
            raise ValueError(f"cannot handle {fail_on}")
        return [f"{key}:{item}" for item in items]

    return DynamicBatcher(run, max_items=max_items, max_wait_seconds=options.pop("max_wait", NEVER), **options), calls


def test_concurrent_jobs_share_one_call_and_each_gets_its_own_results():
    batcher, calls = _recording_batcher(max_items=3)
    outcomes = _in_threads([lambda item=item: batcher.submit("k", [item]) for item in ("a", "b", "c")])
    assert outcomes == [["k:a"], ["k:b"], ["k:c"]]
    assert len(calls) == 1 and sorted(calls[0][1]) == ["a", "b", "c"]


def test_jobs_with_different_keys_never_share_a_call():
    batcher, calls = _recording_batcher(max_items=2)
    jobs = [("x", "1"), ("y", "2"), ("x", "3"), ("y", "4")]
    outcomes = _in_threads([lambda key=key, item=item: batcher.submit(key, [item]) for key, item in jobs])
    assert outcomes == [["x:1"], ["y:2"], ["x:3"], ["y:4"]]
    assert sorted((key, sorted(items)) for key, items in calls) == [("x", ["1", "3"]), ("y", ["2", "4"])]


def test_a_failing_item_fails_only_its_own_job():
    batcher, calls = _recording_batcher(max_items=3, fail_on="bad")
    outcomes = _in_threads([lambda item=item: batcher.submit("k", [item]) for item in ("a", "bad", "c")])
    assert outcomes[0] == ["k:a"] and outcomes[2] == ["k:c"]
    assert isinstance(outcomes[1], ValueError)
    # The shared call, then each job alone.
    assert len(calls) == 4 and sorted(calls[0][1]) == ["a", "bad", "c"]
    assert sorted(items[0] for _, items in calls[1:]) == ["a", "bad", "c"]


def test_the_batcher_counts_as_busy_while_it_waits_for_more_jobs():
    # So the worker takes no new connection then (service/batching_worker.py): the wait is
    # for requests it has already taken, not for more of the listener's.
    batcher, calls = _recording_batcher(max_items=2)
    first = threading.Thread(target=batcher.submit, args=("k", ["a"]))
    first.start()
    waited = threading.Event()
    for _ in range(500):
        if batcher.busy:
            waited.set()
            break
        threading.Event().wait(0.01)
    assert waited.is_set() and calls == []
    assert batcher.submit("k", ["b"]) == ["k:b"]
    first.join()
    assert calls == [("k", ["a", "b"])]


def test_a_final_error_ends_every_job_of_the_call_without_running_them_again():
    calls = []

    def run(key, items):
        calls.append(list(items))
        raise TimeBudgetExceeded

    batcher = DynamicBatcher(run, max_items=3, max_wait_seconds=NEVER, final_errors=(TimeBudgetExceeded,))
    outcomes = _in_threads([lambda item=item: batcher.submit("k", [item]) for item in ("a", "b", "c")])
    assert all(isinstance(outcome, TimeBudgetExceeded) for outcome in outcomes)
    assert len(calls) == 1


def test_a_job_larger_than_the_batch_runs_alone_and_whole():
    batcher, calls = _recording_batcher(max_items=2)
    assert batcher.submit("k", ["a", "b", "c"]) == ["k:a", "k:b", "k:c"]
    assert calls == [("k", ["a", "b", "c"])]


def test_the_thread_starts_again_after_it_ended_idle():
    batcher, calls = _recording_batcher(max_items=4, max_wait=0, idle_seconds=0)
    assert batcher.submit("k", ["a"]) == ["k:a"]
    assert batcher.submit("k", ["b"]) == ["k:b"]
    assert calls == [("k", ["a"]), ("k", ["b"])]


def test_the_budget_cuts_work_on_a_thread_other_than_the_main_one():
    def spin():
        with time_budget(0.05):
            while True:
                pass

    outcome = _in_threads([spin])[0]
    assert isinstance(outcome, TimeBudgetExceeded)


def test_work_within_the_budget_on_a_thread_is_left_alone():
    def quick():
        with time_budget(60):
            return sum(range(1000))

    assert _in_threads([quick]) == [499500]


def _pipeline_calls(app) -> list[float]:
    """(number of calls, documents in all) from the app's histogram."""
    samples = {sample.name: sample.value
               for metric in app.extensions["habari_metrics"].pipeline_call_documents.collect()
               for sample in metric.samples}
    return [samples["habari_pipeline_call_documents_count"], samples["habari_pipeline_call_documents_sum"]]


def _post_all(app, payloads):
    def post(payload):
        with app.test_client() as client:
            response = client.post("/v1/annotate", json=payload)
            return response.status_code, response.get_json()

    return _in_threads([lambda payload=payload: post(payload) for payload in payloads])


def _batching_app(nlp, max_documents):
    return make_app(nlp, DYNAMIC_BATCHING=True, DYNAMIC_BATCH_MAX_DOCUMENTS=max_documents,
                    DYNAMIC_BATCH_MAX_WAIT_MS=NEVER * 1000)


@pytest.fixture(scope="module")
def unbatched(nlp):
    return make_app(nlp, DYNAMIC_BATCHING=False)


def test_concurrent_requests_get_the_results_they_would_get_alone(nlp, unbatched):
    app = _batching_app(nlp, len(ARTICLES))
    payloads = [{"text": text, "published": "2024-04-02"} for text in ARTICLES]
    batched = _post_all(app, payloads)
    assert _pipeline_calls(app) == [1, len(ARTICLES)]
    alone = [_post_all(unbatched, [payload])[0] for payload in payloads]
    assert batched == alone
    assert all(status == 200 for status, _ in batched)
    assert batched[0][1]["people"] and batched[1][1]["quotes"]


def test_requests_share_a_call_only_with_the_same_kinds(nlp, unbatched):
    app = _batching_app(nlp, 2)
    payloads = [{"text": text, "include": ["people"] if index % 2 else ["dates", "quotes"]}
                for index, text in enumerate(ARTICLES)]
    batched = _post_all(app, payloads)
    assert _pipeline_calls(app) == [2, len(ARTICLES)]
    assert batched == [_post_all(unbatched, [payload])[0] for payload in payloads]
    assert set(batched[1][1]) >= {"people"} and "dates" not in batched[1][1]


def test_an_article_that_breaks_the_pipeline_fails_only_its_own_request(nlp, unbatched):
    app = _batching_app(nlp, 3)
    annotator = app.extensions["habari"].annotator
    annotate_many = annotator.annotate_many

    def breaks_on_a_marker(articles, include):
        if any("Kasoro" in article.text for article in articles):
            raise RuntimeError("a component failed")
        return annotate_many(articles, include)

    annotator.annotate_many = breaks_on_a_marker
    payloads = [{"text": ARTICLES[0]}, {"text": "Kasoro ya mfumo ilitokea jana mjini Arusha."}, {"text": ARTICLES[2]}]
    outcomes = _post_all(app, payloads)
    assert [status for status, _ in outcomes] == [200, 500, 200]
    assert outcomes[0] == _post_all(unbatched, [payloads[0]])[0]
    assert outcomes[2] == _post_all(unbatched, [payloads[2]])[0]
    assert _pipeline_calls(app) == [4, 6]  # the shared call, then each request alone


def test_a_batch_request_is_one_job_and_keeps_its_order(nlp, unbatched):
    app = make_app(nlp, DYNAMIC_BATCHING=True, DYNAMIC_BATCH_MAX_DOCUMENTS=2)
    documents = [{"id": f"d{index}", "text": text} for index, text in enumerate(ARTICLES[:3])]
    batched = app.test_client().post("/v1/annotate/batch", json={"documents": documents})
    alone = unbatched.test_client().post("/v1/annotate/batch", json={"documents": documents})
    assert batched.status_code == 200 and batched.get_json() == alone.get_json()
    assert _pipeline_calls(app) == [1, 3]


def test_a_batched_request_over_the_budget_is_a_clear_503_and_the_pipeline_survives(nlp, unbatched):
    app = make_app(nlp, REQUEST_BUDGET_SECONDS=1e-4, DYNAMIC_BATCHING=True)
    with app.test_client() as client:
        response = client.post("/v1/annotate", json={"text": ARTICLES[0] * 20})
        assert response.status_code == 503 and "budget" in response.get_json()["detail"]
    assert _post_all(unbatched, [{"text": ARTICLES[1]}]) == _post_all(make_app(nlp, DYNAMIC_BATCHING=True),
                                                                      [{"text": ARTICLES[1]}])


def test_a_shared_call_over_the_budget_is_a_503_for_each_request_and_not_run_again(nlp):
    app = _batching_app(nlp, max_documents=3)
    app.config["REQUEST_BUDGET_SECONDS"] = 1e-4
    outcomes = _post_all(app, [{"text": text * 20} for text in ARTICLES[:3]])
    assert [status for status, _ in outcomes] == [503, 503, 503]
    assert _pipeline_calls(app) == [1, 3]


def test_with_batching_off_requests_call_the_pipeline_directly(unbatched):
    assert "habari_batcher" not in unbatched.extensions
    before = _pipeline_calls(unbatched)
    status, body = _post_all(unbatched, [{"text": ARTICLES[0]}])[0]
    assert status == 200 and body["people"]
    assert _pipeline_calls(unbatched) == [before[0] + 1, before[1] + 1]


def test_the_switch_reads_the_environment_and_refuses_nonsense():
    assert settings_from_env({"HABARI_DYNAMIC_BATCHING": "off"})["DYNAMIC_BATCHING"] is False
    assert settings_from_env({"HABARI_DYNAMIC_BATCHING": "1"})["DYNAMIC_BATCHING"] is True
    assert settings_from_env({})["DYNAMIC_BATCHING"] is True
    with pytest.raises(ValueError, match="HABARI_DYNAMIC_BATCHING"):
        settings_from_env({"HABARI_DYNAMIC_BATCHING": "maybe"})


@pytest.mark.parametrize(("switch", "worker_class", "threads"), [("on", "service.batching_worker.BatchingWorker", 6), ("off", "sync", None)])
def test_gunicorn_runs_threaded_workers_only_for_batching(monkeypatch, tmp_path, switch, worker_class, threads):
    # Threaded workers close connections after each response, as sync workers do, so that
    # the next request goes to whichever worker is free.
    settings = dict(os.environ, HABARI_DYNAMIC_BATCHING=switch, HABARI_DYNAMIC_BATCH_MAX_DOCUMENTS="6",
                    PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "metrics"))
    monkeypatch.setattr(os, "environ", settings)
    config = runpy.run_path(str(REPO / "gunicorn.conf.py"))
    assert config["worker_class"] == worker_class
    assert config.get("threads") == threads
    assert config.get("keepalive", 0) == 0


class _RecordingWorker(BatchingWorker):
    """The worker's accept policy, with the connections it takes recorded instead of served."""

    def enqueue_req(self, conn):
        self.taken.append(conn)


def test_the_worker_takes_no_connection_while_its_pipeline_runs_then_all_that_wait():
    from gunicorn.config import Config

    config = Config()
    config.set("threads", 4)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        worker = _RecordingWorker(0, os.getppid(), [listener], None, 30, config, logging.getLogger("test"))
        worker.taken, worker.poller = [], selectors.DefaultSelector()
        batcher = SimpleNamespace(busy=True)
        worker.wsgi = SimpleNamespace(extensions={"habari_batcher": batcher})
        clients = [socket.create_connection(listener.getsockname()) for _ in range(5)]
        worker.set_accept_enabled(True)
        worker.accept(listener)
        assert worker.taken == [] and not worker._accepting
        worker.set_accept_enabled(True)
        worker.wait_for_and_dispatch_events(0)
        assert worker.taken == [] and not worker._accepting
        batcher.busy = False
        worker.set_accept_enabled(True)
        worker.accept(listener)
        assert len(worker.taken) == 4  # one per thread, in one go
        worker.accept(listener)
        assert len(worker.taken) == 4 and not worker._accepting
        worker.nr_conns -= 3  # three requests done
        worker.set_accept_enabled(True)
        worker.accept(listener)
        assert len(worker.taken) == 5
        for connection in worker.taken:
            connection.sock.close()
        for client in clients:
            client.close()
        worker.poller.close()

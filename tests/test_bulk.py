"""Bulk annotation (service/bulk): the same records as the API, bad documents reported,
resumption after a kill, with the local engine and a Dask LocalCluster.

Kept fast (the whole file well under 30 s here): short documents, the local engine with
one worker process (one pipeline load), Dask in-process (processes=False) with the
pipeline the tests already loaded.
"""
from __future__ import annotations

import gzip
import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.articles import generated_article
from service.bulk import DaskEngine, Job, LocalEngine, run_bulk
from service.bulk.inputs import plan_partitions, read_partition
from service.bulk.worker import use_annotator
from tests.conftest import TEST_LIMITS

REPO = Path(__file__).resolve().parent.parent
MAX_TEXT_CHARS = TEST_LIMITS["MAX_TEXT_CHARS"]

ENGLISH = ("The minister told reporters on Monday that the new road between the two towns would "
           "be finished before the rains, and that the contractors had been paid in full already.")
TOO_LONG = "Mvua kubwa ilinyesha mjini Tanga jana. " * 200


def _documents(count: int) -> list[dict]:
    documents = [{"id": f"habari-{index}", "text": generated_article(index, words=40)} for index in range(count)]
    for document in documents[::5]:
        document["published"] = "2024-06-19"
    return documents


def _poisoned_lines() -> list[bytes]:
    """Each must end as one error record, keyed by its id where it has one."""
    return [
        json.dumps({"id": "too-long", "text": TOO_LONG}).encode(),
        json.dumps({"id": "english", "text": ENGLISH}).encode(),
        b'{"id": "latin-1", "text": "Bei ya sukari imepanda \xe9"}',
        b'{"id": "broken", "text": ',
        json.dumps({"id": "habari-0", "text": "Nakala ya pili yenye kitambulisho kilichotumika."}).encode(),
        json.dumps({"id": "no-text"}).encode(),
    ]


def _write_jsonl(path: Path, documents: list[dict], extra_lines=()) -> Path:
    lines = [json.dumps(document, ensure_ascii=False).encode() for document in documents]
    # The poisoned lines go between good ones, not at the end, where they could be dropped.
    middle = len(lines) // 2
    data = b"\n".join(lines[:middle] + list(extra_lines) + lines[middle:]) + b"\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def _records(output: Path) -> list[dict]:
    records = []
    for path in sorted(output.glob("part-*.jsonl")):
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for path in sorted(output.glob("part-*.parquet")):
        import pyarrow.parquet as pq

        for row in pq.read_table(path).to_pylist():
            if row["error"] is None:
                records.append({"id": row["id"], **json.loads(row["annotation"])})
            else:
                records.append({"id": row["id"], "source": row["source"], "error": json.loads(row["error"])})
    return records


def _assert_close(actual, expected, where="record"):
    """Equal, except floats (salience) within rounding: vectors agree to float32 precision."""
    if isinstance(expected, float):
        assert math.isclose(actual, expected, abs_tol=2e-4), where
    elif isinstance(expected, dict):
        assert isinstance(actual, dict) and actual.keys() == expected.keys(), where
        for key in expected:
            _assert_close(actual[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for index, (left, right) in enumerate(zip(actual, expected)):
            _assert_close(left, right, f"{where}[{index}]")
    else:
        assert actual == expected, where


def _assert_same_as_api(client, records: list[dict], documents: list[dict]) -> None:
    by_id = {record["id"]: record for record in records if "error" not in record}
    assert set(by_id) == {document["id"] for document in documents}
    for start in range(0, len(documents), TEST_LIMITS["BATCH_MAX_DOCUMENTS"]):
        batch = documents[start:start + TEST_LIMITS["BATCH_MAX_DOCUMENTS"]]
        response = client.post("/v1/annotate/batch", json={"documents": batch})
        assert response.status_code == 200
        for result in response.get_json()["results"]:
            _assert_close(by_id[result["id"]], result, result["id"])


def _assert_poisoned_reported(records: list[dict]) -> None:
    errors = {record["id"]: record["error"] for record in records if "error" in record and record["id"]}
    assert errors["too-long"]["reason"] == "invalid" and "limit" in errors["too-long"]["errors"]["text"][0]
    assert errors["english"]["reason"] == "foreign_language"
    assert errors["no-text"]["errors"] == {"text": ["Missing data for required field."]}
    anonymous = sorted(record["error"]["reason"] for record in records if "error" in record and not record["id"])
    # the Latin-1 line, the truncated line, and the second use of the id habari-0
    assert anonymous == ["duplicate_id", "unreadable", "unreadable"]
    assert all(record["source"] for record in records if "error" in record)


@pytest.fixture
def in_process_annotator(app):
    """In-process engines use the pipeline the app already loaded."""
    use_annotator(None, app.extensions["habari"].annotator)


def test_partitions_cover_every_line_once(tmp_path):
    path = _write_jsonl(tmp_path / "in.jsonl", _documents(23), [b"   ", b"{}"])
    partitions = plan_partitions([str(path)], partition_docs=5)
    assert [partition.documents for partition in partitions] == [5, 5, 5, 5, 4]
    sources = [raw.source for partition in partitions for raw in read_partition(partition)]
    assert len(sources) == len(set(sources)) == 24  # the blank line is not a document


def test_local_engine_gives_the_api_records_and_reports_bad_documents(client, tmp_path):
    documents = _documents(16)
    source = _write_jsonl(tmp_path / "in.jsonl.gz", documents, _poisoned_lines())
    job = Job(output=str(tmp_path / "out"), max_text_chars=MAX_TEXT_CHARS)
    with LocalEngine(workers=1) as engine:
        summary = run_bulk([str(source)], job, engine, progress=False)
    records = _records(tmp_path / "out")
    assert summary["documents"] == summary["planned_documents"] == len(records) == 22
    assert summary["annotated"] == 16
    assert summary["errors"] == {"duplicate_id": 1, "foreign_language": 1, "invalid": 2, "unreadable": 2}
    _assert_same_as_api(client, records, documents)
    _assert_poisoned_reported(records)


def test_dask_cluster_gives_the_api_records_from_parquet(client, tmp_path, in_process_annotator):
    import pyarrow as pa
    import pyarrow.parquet as pq

    documents = _documents(15)
    table = pa.Table.from_pylist([{"published": None, **document} for document in documents])
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=5)
    job = Job(output=str(tmp_path / "out"), output_format="parquet", max_text_chars=MAX_TEXT_CHARS)
    with DaskEngine(workers=2, processes=False) as engine:
        summary = run_bulk([str(tmp_path / "in.parquet")], job, engine, progress=False)
    assert summary["partitions"] == 3 and summary["annotated"] == 15 and summary["errors"] == {}, summary
    _assert_same_as_api(client, _records(tmp_path / "out"), documents)


def test_a_failing_document_is_reported_and_its_batch_still_annotated(app, tmp_path):
    annotator = app.extensions["habari"].annotator

    class Poisoned:
        nlp = annotator.nlp
        foreign_language = staticmethod(annotator.foreign_language)

        def annotate_many(self, articles, include):
            if any("SUMU" in article.text for article in articles):
                raise RuntimeError("the pipeline choked")
            return annotator.annotate_many(articles, include)

    use_annotator("poisoned", Poisoned())
    documents = _documents(6)
    documents[2]["text"] += " SUMU"
    source = _write_jsonl(tmp_path / "in.jsonl", documents)
    job = Job(output=str(tmp_path / "out"), model="poisoned", max_text_chars=MAX_TEXT_CHARS)
    with DaskEngine(workers=1, model="poisoned", processes=False) as engine:
        summary = run_bulk([str(source)], job, engine, progress=False)
    assert summary["annotated"] == 5 and summary["errors"] == {"failed": 1}
    [failed] = [record for record in _records(tmp_path / "out") if "error" in record]
    assert failed["id"] == "habari-2" and "the pipeline choked" in failed["error"]["detail"]


def test_a_killed_run_resumes_and_writes_every_id_once(client, tmp_path, in_process_annotator):
    documents = _documents(20)
    source = _write_jsonl(tmp_path / "in.jsonl", documents, _poisoned_lines())
    output = tmp_path / "out"
    command = [sys.executable, "-m", "service.bulk", str(source), "--output", str(output), "--workers", "1",
               "--partition-docs", "2", "--max-text-chars", str(MAX_TEXT_CHARS), "--no-progress"]
    run = subprocess.Popen(command, cwd=REPO, start_new_session=True, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not list(output.glob("part-*.jsonl")) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the driver and its worker process
        run.wait()
    written = {path.name: path.stat().st_mtime_ns for path in output.glob("part-*.jsonl")}

    job = Job(output=str(output), max_text_chars=MAX_TEXT_CHARS)
    with DaskEngine(workers=1, processes=False) as engine:
        summary = run_bulk([str(source)], job, engine, partition_docs=2, progress=False)
    assert 0 < summary["resumed_partitions"] < summary["partitions"] == 13
    assert {path.name: path.stat().st_mtime_ns for path in output.glob("part-*.jsonl") if path.name in written} \
        == written  # the killed run's partitions were kept, not redone
    assert not list(output.glob("*.partial"))
    records = _records(output)
    ids = [record["id"] for record in records if record["id"] is not None]
    assert len(ids) == len(set(ids)) and len(records) == summary["documents"] == 26
    _assert_same_as_api(client, records, documents)
    _assert_poisoned_reported(records)


def test_a_rerun_with_other_settings_is_refused(tmp_path):
    source = _write_jsonl(tmp_path / "in.jsonl", _documents(3))
    job = Job(output=str(tmp_path / "out"))
    run_bulk([str(source)], job, _NoEngine(), partition_docs=2, progress=False)
    with pytest.raises(ValueError, match="partition_docs"):
        run_bulk([str(source)], job, _NoEngine(), partition_docs=3, progress=False)


class _NoEngine:
    """Runs nothing: for what run_bulk decides before any annotation."""

    workers = 0

    def map_unordered(self, function, items, *args):
        return iter(())

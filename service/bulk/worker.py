"""What every engine runs: annotate one partition and write its output file.

Runs in a worker process (local engine) or a Dask worker. The pipeline is loaded there,
once per process, and kept (`annotator_for`); it is never pickled. Each document is
checked by the same schema and language check as `/v1/annotate/batch`, annotated by the
same `Annotator` and serialized by the same response schema, so a record is what the API
returns for that document.
"""
from __future__ import annotations

import json
import os
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from service.bulk.inputs import Partition, RawDocument, document_id, read_partition


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the partition; small and picklable."""

    output: str  # directory
    output_format: str = "jsonl"  # or "parquet"
    model: str | None = None  # None: $HABARI_MODEL_PATH, else the model in the repo
    include: tuple[str, ...] | None = None  # None: every kind, as the API's default
    language: str | None = None  # given: the language check is skipped, as in the API
    max_text_chars: int = 100_000
    batch_size: int = 64  # documents per `Annotator.annotate_many` call


_annotators: dict[str | None, Any] = {}
_annotators_lock = threading.Lock()
# A Dask worker may run tasks in threads; the pipeline (memory zones, select_pipes) is
# used by one partition at a time.
_pipeline_lock = threading.Lock()


def annotator_for(model: str | None):
    """This process's Annotator for `model`, loaded on first use."""
    with _annotators_lock:
        if model not in _annotators:
            from service.annotator import Annotator
            from service.nlp import load_pipeline

            _annotators[model] = Annotator(load_pipeline(model))
        return _annotators[model]


def use_annotator(model: str | None, annotator) -> None:
    """Make an already loaded Annotator this process's for `model` (in-process runs)."""
    with _annotators_lock:
        _annotators[model] = annotator


def output_file(job: Job, partition: Partition) -> Path:
    return Path(job.output) / f"{partition.key}.{job.output_format}"


def counts_file(job: Job, partition: Partition) -> Path:
    return Path(job.output) / f"{partition.key}.counts.json"


def annotate_partition(partition: Partition, job: Job) -> dict:
    """Annotate a partition unless its output exists; return its counts.

    The output appears at once (written aside, then renamed), after its counts: a killed
    run leaves either the whole partition or nothing of it.
    """
    if output_file(job, partition).exists():
        return {**json.loads(counts_file(job, partition).read_text()), "resumed": True}
    annotator = annotator_for(job.model)
    with _pipeline_lock:
        records, counts = _annotate(partition, job, annotator)
    _write_atomically(counts_file(job, partition), json.dumps(counts).encode())
    _write_records(output_file(job, partition), records, job.output_format)
    return {**counts, "resumed": False}


def _annotate(partition: Partition, job: Job, annotator) -> tuple[list[dict], dict]:
    from schemas import BatchRequestSchema, BatchResponseSchema
    from service.annotator import KINDS, Article

    request_schema = BatchRequestSchema(max_text_chars=job.max_text_chars)
    response_schema = BatchResponseSchema()
    include = list(job.include or KINDS)
    records: list[tuple[str, dict]] = []  # (source, record), in input order
    errors: Counter = Counter()
    duplicates = dict(partition.duplicates)
    pending: list[tuple[int, str, Article]] = []  # (index in records, id, article)

    def annotate_pending():
        for index, record in _annotated(annotator, pending, include, response_schema, errors):
            if "error" in record:
                record["source"] = records[index][0]
            records[index] = (records[index][0], record)
        pending.clear()

    for raw in read_partition(partition):
        if raw.source in duplicates:
            # Keyed by its place, not its id: the output holds each id once.
            errors["duplicate_id"] += 1
            detail = f"Id {document_id(raw.fields)!r} was already used at {duplicates[raw.source]}."
            records.append((raw.source, _error(raw, None, "duplicate_id", 422, detail)))
            continue
        outcome = _validated(raw, request_schema, job, annotator)
        if isinstance(outcome, dict):
            errors[outcome["error"]["reason"]] += 1
            records.append((raw.source, outcome))
            continue
        identifier, article = outcome
        records.append((raw.source, {}))
        pending.append((len(records) - 1, identifier, article))
        if len(pending) == job.batch_size:
            annotate_pending()
    annotate_pending()
    counts = {"documents": len(records), "annotated": len(records) - sum(errors.values()), "errors": dict(errors)}
    return records, counts


def _validated(raw: RawDocument, schema, job: Job, annotator):
    """(id, Article), or an error record: the API's checks, by the API's code."""
    from marshmallow import ValidationError

    from service.annotator import Article

    if raw.fields is None:
        return _error(raw, None, "unreadable", 400, raw.problem)
    document = {name: raw.fields[name] for name in ("text", "published") if name in raw.fields}
    if "id" in raw.fields:
        document["id"] = document_id(raw.fields) or raw.fields["id"]
    payload: dict[str, Any] = {"documents": [document]}
    if job.language is not None:
        payload["language"] = job.language
    try:
        data = schema.load(payload)["documents"][0]
    except ValidationError as error:
        messages = error.messages.get("documents", {}).get(0, error.messages)
        return _error(raw, document.get("id"), "invalid", 422, "The document is invalid.", messages)
    if job.language is None:
        language = annotator.foreign_language(data["text"])
        if language:
            expected = annotator.nlp.lang
            return _error(raw, data["id"], "foreign_language", 422,
                          f"The text looks like {language!r}, not {expected!r}; "
                          f"run with --language {expected} to annotate it anyway.")
    return data["id"], Article(data["text"], data.get("published"))


def _annotated(annotator, pending, include, response_schema, errors):
    """(index, record) for each pending document. Should the pipeline raise on a batch,
    each document is annotated alone, so only the one that fails gets an error record."""
    if not pending:
        return []
    try:
        results = annotator.annotate_many([article for _, _, article in pending], include)
    except Exception:
        if len(pending) == 1:
            index, identifier, _ = pending[0]
            errors["failed"] += 1
            import traceback

            detail = traceback.format_exc(limit=1).strip().splitlines()[-1]
            return [(index, {"id": identifier, "error": {"reason": "failed", "status": 500, "detail": detail}})]
        return [pair for one in pending for pair in _annotated(annotator, [one], include, response_schema, errors)]
    dumped = response_schema.dump(
        {"results": [{"id": identifier, **result} for (_, identifier, _), result in zip(pending, results)]}
    )["results"]
    # The id first, for a reader of the file; the object is the API's batch result.
    return [(index, {"id": record["id"], **record}) for (index, _, _), record in zip(pending, dumped)]


def _error(raw: RawDocument, identifier, reason: str, status: int, detail: str, messages=None) -> dict:
    error: dict[str, Any] = {"reason": reason, "status": status, "detail": detail}
    if messages:
        error["errors"] = messages
    return {"id": identifier if isinstance(identifier, str) else None, "source": raw.source, "error": error}


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, path)


def _write_records(path: Path, records: list[tuple[str, dict]], output_format: str) -> None:
    if output_format == "jsonl":
        lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for _, record in records)
        _write_atomically(path, lines.encode("utf-8"))
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    # The annotation stays the API's JSON text: nested Arrow types inferred per partition
    # would differ between partitions (an empty list has no element type).
    rows = {"id": [], "source": [], "annotation": [], "error": []}
    for source, record in records:
        error = record.get("error")
        rows["id"].append(record.get("id"))
        rows["source"].append(source)
        annotation = None if error else {key: value for key, value in record.items() if key != "id"}
        rows["annotation"].append(None if annotation is None else json.dumps(annotation, ensure_ascii=False))
        rows["error"].append(None if error is None else json.dumps(error, ensure_ascii=False))
    table = pa.table({name: pa.array(values, pa.string()) for name, values in rows.items()})
    partial = path.with_name(path.name + ".partial")
    pq.write_table(table, partial)
    os.replace(partial, path)

"""Input documents for bulk annotation: JSONL (optionally gzip) and Parquet files, cut
into partitions that any worker can read on its own.

A partition is a byte range of a JSONL file (lines that start inside it), a whole .gz
file (gzip cannot be entered in the middle), or one row group of a Parquet file. The
plan is a pure function of the files and `partition_docs`, so a rerun finds the same
partitions, and with them the outputs it already wrote.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True)
class Partition:
    key: str  # names the partition's output file
    path: str
    documents: int  # non-blank lines or rows: what the progress bar counts
    start: int = 0  # JSONL: first byte; Parquet: row group
    end: int | None = None  # JSONL: byte after the last line; None to the end of the file
    duplicates: tuple[tuple[str, str], ...] = ()  # (source, source of the id's first use)


@dataclass(frozen=True)
class RawDocument:
    """One input line or row before validation; `problem` when it cannot even be read."""

    source: str  # file name and byte offset (JSONL) or row (Parquet), for error records
    fields: dict[str, Any] | None
    problem: str | None = None


def input_format(path: str | os.PathLike) -> str:
    name = str(path).lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    raise ValueError(f"{path}: not a .jsonl, .jsonl.gz or .parquet file")


def _safe_stem(path: str) -> str:
    stem = re.sub(r"\.(jsonl|ndjson|parquet|pq)(\.gz)?$", "", Path(path).name, flags=re.IGNORECASE)
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", stem)


def document_id(fields: dict) -> str | None:
    """The document's id as the output keys it: archives often number their articles,
    the API's ids are strings."""
    value = fields.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def plan_partitions(paths: list[str], partition_docs: int) -> list[Partition]:
    """The partitions of `paths`, each knowing which of its documents repeat an id seen
    earlier (in file order). Reads every input once, parsing the ids: a fraction of a
    per cent of what annotating them costs, and it makes ids unique across partitions
    without the workers talking to each other."""
    first_source: dict[str, str] = {}
    partitions = []
    for index, path in enumerate(paths):
        prefix = f"part-{index:03d}-{_safe_stem(path)}"
        if input_format(path) == "parquet":
            groups = _parquet_groups(path)
        else:
            groups = _jsonl_groups(path, partition_docs if not path.endswith(".gz") else None)
        for number, (start, end, sources_and_ids) in enumerate(groups):
            duplicates = []
            for source, identifier in sources_and_ids:
                if identifier is None:
                    continue
                if identifier in first_source:
                    duplicates.append((source, first_source[identifier]))
                else:
                    first_source[identifier] = source
            partitions.append(Partition(f"{prefix}-{number:05d}", path, len(sources_and_ids), start, end,
                                        tuple(duplicates)))
    return partitions


def _jsonl_groups(path: str, partition_docs: int | None):
    """(start, end, [(source, id)]) per `partition_docs` lines; a .gz file is one group."""
    name = Path(path).name
    opener = gzip.open if path.endswith(".gz") else open
    start = offset = 0
    group: list[tuple[str, str | None]] = []
    with opener(path, "rb") as lines:
        for line in lines:
            if line.strip():
                if len(group) == partition_docs:
                    yield start, offset, group
                    start, group = offset, []
                raw = _parse_line(f"{name}:{offset}", line)
                group.append((raw.source, document_id(raw.fields) if raw.fields else None))
            offset += len(line)
    if group:
        yield start, None if partition_docs is None else offset, group


def _parquet_groups(path: str):
    """(row group, None, [(source, id)]) per row group."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    name = Path(path).name
    row = 0
    for group in range(parquet.metadata.num_row_groups):
        count = parquet.metadata.row_group(group).num_rows
        if "id" in parquet.schema_arrow.names:
            ids = parquet.read_row_group(group, columns=["id"]).column("id").to_pylist()
        else:
            ids = [None] * count
        yield group, None, [(f"{name}:{row + offset}", document_id({"id": value})) for offset, value in enumerate(ids)]
        row += count


def read_partition(partition: Partition) -> Iterator[RawDocument]:
    if input_format(partition.path) == "parquet":
        yield from _read_parquet(partition)
    else:
        yield from _read_jsonl(partition)


def _read_jsonl(partition: Partition) -> Iterator[RawDocument]:
    name = Path(partition.path).name
    opener = gzip.open if partition.path.endswith(".gz") else open
    with opener(partition.path, "rb") as lines:
        lines.seek(partition.start)
        offset = partition.start
        for line in lines:
            if partition.end is not None and offset >= partition.end:
                break
            source = f"{name}:{offset}"
            offset += len(line)
            if line.strip():
                yield _parse_line(source, line)


def _parse_line(source: str, line: bytes) -> RawDocument:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return RawDocument(source, None, f"The line is not valid UTF-8 (byte {error.start}).")
    try:
        fields = json.loads(text)
    except json.JSONDecodeError as error:
        return RawDocument(source, None, f"Malformed JSON: {error.msg} (column {error.colno}).")
    except RecursionError:
        return RawDocument(source, None, "Malformed JSON: nested too deeply.")
    if not isinstance(fields, dict):
        return RawDocument(source, None, "The line is not a JSON object.")
    return RawDocument(source, fields)


def _read_parquet(partition: Partition) -> Iterator[RawDocument]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(partition.path)
    first_row = sum(parquet.metadata.row_group(group).num_rows for group in range(partition.start))
    columns = [name for name in ("id", "text", "published") if name in parquet.schema_arrow.names]
    name = Path(partition.path).name
    table = parquet.read_row_group(partition.start, columns=columns)
    for row, fields in enumerate(table.to_pylist(), start=first_row):
        source = f"{name}:{row}"
        if isinstance(fields.get("text"), bytes):  # a binary column: UTF-8 is not promised
            try:
                fields["text"] = fields["text"].decode("utf-8")
            except UnicodeDecodeError as error:
                yield RawDocument(source, None, f"The text is not valid UTF-8 (byte {error.start}).")
                continue
        yield RawDocument(source, fields)

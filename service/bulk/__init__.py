"""Bulk annotation of an archive: `python -m service.bulk` (see README, "Bulk annotation").

`run_bulk` plans partitions, skips those whose output exists (a rerun resumes), has a
started engine (`with engine:`) annotate the rest, and returns the counts. Needs requirements-bulk.txt (Dask,
pyarrow, tqdm), which the service image does not install.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from service.bulk.engines import DaskEngine, Engine, LocalEngine
from service.bulk.inputs import plan_partitions
from service.bulk.worker import Job, annotate_partition, counts_file, output_file

__all__ = ["DaskEngine", "Engine", "Job", "LocalEngine", "run_bulk"]

SETTINGS_FILE = "_bulk.json"


def _settings(inputs: list[str], job: Job, partition_docs: int) -> dict:
    return {
        "inputs": [str(Path(path).resolve()) for path in inputs],
        "partition_docs": partition_docs,
        "output_format": job.output_format,
        "include": list(job.include) if job.include else None,
        "language": job.language,
        "max_text_chars": job.max_text_chars,
    }


def _claim_output(output: Path, settings: dict) -> None:
    """Record the run's settings; a rerun must use the same ones to resume. Other inputs or
    partition sizes would make other partitions, and the output would mix two runs."""
    output.mkdir(parents=True, exist_ok=True)
    path = output / SETTINGS_FILE
    if path.exists():
        earlier = json.loads(path.read_text())
        if earlier != settings:
            changed = sorted(key for key in settings if earlier.get(key) != settings[key])
            raise ValueError(f"{output} holds a run with other settings ({', '.join(changed)}); "
                             "rerun with the same ones to resume, or use another output directory.")
        return
    path.write_text(json.dumps(settings, indent=1) + "\n")


def run_bulk(inputs: list[str], job: Job, engine: Engine, partition_docs: int = 256,
             progress: bool = True) -> dict:
    """Annotate every document of `inputs` into `job.output` with `engine`, already
    entered (its workers started, their pipelines loaded); return the counts."""
    import time

    from tqdm import tqdm

    output = Path(job.output)
    _claim_output(output, _settings(inputs, job, partition_docs))
    partitions = plan_partitions(inputs, partition_docs)
    done = [partition for partition in partitions if output_file(job, partition).exists()]
    todo = [partition for partition in partitions if not output_file(job, partition).exists()]
    totals: Counter = Counter()
    errors: Counter = Counter()

    def add(counts: dict) -> None:
        totals["documents"] += counts["documents"]
        totals["annotated"] += counts["annotated"]
        errors.update(counts["errors"])

    for partition in done:
        add(json.loads(counts_file(job, partition).read_text()))
    resumed_documents = totals["documents"]
    failed = []
    started = time.perf_counter()
    bar = tqdm(total=sum(partition.documents for partition in partitions), initial=resumed_documents,
               unit="doc", disable=not progress, smoothing=0.1)
    with bar:
        for partition, counts, error in engine.map_unordered(annotate_partition, todo, job):
            if error is not None:
                failed.append({"partition": partition.key, "error": f"{type(error).__name__}: {error}"})
                continue
            add(counts)
            bar.update(counts["documents"])
    seconds = time.perf_counter() - started
    planned = sum(partition.documents for partition in partitions)
    return {
        "documents": totals["documents"],
        "annotated": totals["annotated"],
        "errors": dict(sorted(errors.items())),
        "planned_documents": planned,
        "partitions": len(partitions),
        "resumed_partitions": len(done),
        "failed_partitions": failed,
        "workers": engine.workers,
        "seconds": round(seconds, 3),
        # This run's documents (not those resumed) over this run's time.
        "docs_per_s": round((totals["documents"] - resumed_documents) / seconds, 2) if seconds else None,
    }

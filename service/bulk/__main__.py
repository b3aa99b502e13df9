"""Annotate an archive of articles: JSONL (.gz) or Parquet in, one output file per partition.

    python -m service.bulk archive.jsonl.gz --output annotated/
    python -m service.bulk 2019.parquet 2020.parquet --output annotated/ --format parquet
    python -m service.bulk archive.jsonl --output annotated/ --engine dask --scheduler tcp://dask:8786

Input: one document per line or row, {"id", "text", "published"?}. Rerun the same command
to resume after an interruption. Prints the counts as JSON at the end.
"""
from __future__ import annotations

import argparse
import json
import sys


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    from service.annotator import KINDS

    parser = argparse.ArgumentParser(prog="python -m service.bulk", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help=".jsonl, .jsonl.gz or .parquet files")
    parser.add_argument("--output", required=True, help="directory for the output files (created)")
    parser.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="output format")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--workers", type=int, help="worker processes (default: the CPUs this process may use)")
    parser.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster of --workers)")
    parser.add_argument("--model", help="model directory (default: $HABARI_MODEL_PATH, else the bundled one)")
    parser.add_argument("--include", help="comma-separated kinds (default all): " + ",".join(KINDS))
    parser.add_argument("--language", choices=("sw",),
                        help="the texts' language; given, the language check is skipped (as in the API)")
    parser.add_argument("--max-text-chars", type=int, help="default: $HABARI_MAX_TEXT_CHARS, as the API's")
    parser.add_argument("--partition-docs", type=int, default=256,
                        help="documents per JSONL partition, the unit of work and of loss on interruption")
    parser.add_argument("--no-progress", action="store_true")
    arguments = parser.parse_args(argv)
    if arguments.include:
        arguments.include = tuple(kind.strip() for kind in arguments.include.split(",") if kind.strip())
        unknown = set(arguments.include) - set(KINDS)
        if unknown:
            parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    from service.bulk import DaskEngine, Job, LocalEngine, run_bulk
    from service.config import settings_from_env
    from service.cpu_quota import usable_cpus

    job = Job(
        output=arguments.output,
        output_format=arguments.format,
        model=arguments.model,
        include=arguments.include,
        language=arguments.language,
        max_text_chars=arguments.max_text_chars or settings_from_env()["MAX_TEXT_CHARS"],
    )
    workers = arguments.workers or usable_cpus()
    if arguments.engine == "dask":
        engine = DaskEngine(workers, arguments.model, scheduler=arguments.scheduler)
    else:
        engine = LocalEngine(workers, arguments.model)
    with engine:
        summary = run_bulk(arguments.inputs, job, engine, arguments.partition_docs,
                           progress=not arguments.no_progress)
    print(json.dumps(summary, indent=1))
    return 1 if summary["failed_partitions"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""CPU time per article: the raw pipeline, the Annotator, and a POST through the Flask app.

    python -m benchmarks.request_path [--articles N] [--rounds R] [--models DIR [DIR ...]]

One process, one thread. For each model directory (default: the bundled model) it builds
the service's app, then times, round after round and in turn, (1) `nlp.pipe` over the
articles without a memory zone, as benchmarks/throughput.py's raw run does (its own
pipeline, loaded apart), (2)
`Annotator.annotate` per article, (3) `POST /v1/annotate` through Flask's test client
(schemas, language check, memory zone, serialization, logging, metrics, memory release;
no HTTP server). Alternating the steps and the models within one process keeps a shared
machine's drift out of the ratios. Prints the median CPU ms per article of each step and
the ratios raw / service, which is what benchmarks/throughput.py's service / raw
compares without gunicorn and HTTP.
"""
from __future__ import annotations

import os

# One thread: OpenBLAS reads these when numpy is first imported, so set them first.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import logging  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

from benchmarks.articles import benchmark_articles  # noqa: E402

STEPS = ("raw nlp.pipe", "Annotator", "Flask POST")


def _timed(run, texts) -> float:
    start = time.process_time()
    run(texts)
    return (time.process_time() - start) * 1000 / len(texts)


def _steps(app, model):
    from service.nlp import load_pipeline
    # A pipeline of its own: outside a memory zone nlp.pipe keeps every word it meets
    # (lexemes, tokenizer cache), which would warm the service's pipeline for it.
    nlp = load_pipeline(model)
    annotator = app.extensions["habari"].annotator
    client = app.test_client()
    from service.annotator import Article

    def raw(texts):
        for doc in nlp.pipe(texts):
            doc.user_data.clear()

    def annotate(texts):
        for text in texts:
            annotator.annotate(Article(text))

    def post(texts):
        for text in texts:
            response = client.post("/v1/annotate", json={"text": text})
            assert response.status_code == 200, response.data[:200]

    return dict(zip(STEPS, (raw, annotate, post)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--models", nargs="+", default=[None], help="model directories (default: bundled)")
    args = parser.parse_args()

    from service import create_app

    texts, source = benchmark_articles(args.articles)
    apps = {}
    for model in args.models:
        apps[model or "bundled"] = create_app({"HABARI_MODEL_PATH": model})
    # One JSON line per request would go to the terminal; the logging call still runs.
    logging.getLogger("habari").handlers[0].setStream(open(os.devnull, "w"))  # noqa: SIM115
    # The articles the language check refuses (a VOA page that is one English line) would
    # time a 422, not an annotation.
    annotator = next(iter(apps.values())).extensions["habari"].annotator
    refused = [text for text in texts if annotator.foreign_language(text) is not None]
    texts = [text for text in texts if text not in refused]
    steps = {name: _steps(app, model) for (name, app), model in zip(apps.items(), args.models)}
    for runs in steps.values():  # warm-up: the word caches see the articles once
        for run in runs.values():
            run(texts)
    times = {(name, step): [] for name in steps for step in STEPS}
    for _ in range(args.rounds):
        for name, runs in steps.items():
            for step, run in runs.items():
                times[name, step].append(_timed(run, texts))
    words = sum(len(text.split()) for text in texts) / len(texts)
    print(f"{len(texts)} articles ({source}, {words:.0f} words on average; {len(refused)} refused by the "
          f"language check left out), {args.rounds} rounds, "
          f"CPU ms per article (median; min-max), load average {os.getloadavg()[0]:.1f}")
    for name in steps:
        medians = {}
        for step in STEPS:
            values = times[name, step]
            medians[step] = statistics.median(values)
            print(f"  {name:>20}  {step:<13} {medians[step]:7.2f}  ({min(values):.2f}-{max(values):.2f})")
        raw = medians["raw nlp.pipe"]
        print(f"  {name:>20}  raw / Annotator {raw / medians['Annotator']:.2f}, "
              f"raw / Flask POST {raw / medians['Flask POST']:.2f}")


if __name__ == "__main__":
    main()

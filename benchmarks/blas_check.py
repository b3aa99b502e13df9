"""blis vs numpy/OpenBLAS for the pipeline on this machine, one thread each, as the workers run.

thinc multiplies matrices with its bundled blis kernels unless NumpyOps(use_blis=False)
hands them to numpy's BLAS; service/lang/sw/ chooses the latter. This measures both,
each in a fresh process over the same articles, and says which is faster here.

    python -m benchmarks.blas_check              # 150 articles per variant

Some machines here set OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (older OpenBLAS builds misbehave
on their CPUs); a third run shows OpenBLAS with both unset, for information only.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time

from benchmarks.articles import REPO, benchmark_articles

# Best of three passes: the machine is shared, the slower passes measure the neighbours.
REPEATS = 3
VARIANTS = {
    "blis (thinc's bundled kernels)": {"use_blis": True, "unset": []},
    "numpy/OpenBLAS (the service's choice)": {"use_blis": False, "unset": []},
    "numpy/OpenBLAS, OPENBLAS_CORETYPE/L2_SIZE unset": {"use_blis": False,
                                                        "unset": ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"]},
}


def measure(use_blis: bool, articles: int, model: str | None) -> dict:
    """Runs in the child process: load with the chosen ops, time nlp.pipe."""
    from thinc.api import NumpyOps, set_current_ops
    from threadpoolctl import threadpool_info

    import service.lang.sw  # noqa: F401  (sets the service's ops on import)
    from service.nlp import HABARI_COMPONENTS, load_pipeline

    set_current_ops(NumpyOps(use_blis=use_blis))
    nlp = load_pipeline(model)
    ops = nlp.get_pipe("ner").model.ops
    texts, _ = benchmark_articles(articles)
    words = sum(len(text.split()) for text in texts)
    for _ in nlp.pipe(texts[:5]):
        pass
    speeds = {}
    # The trained part alone is where the matrix kernels matter; the full pipeline adds
    # the rule-based components, which no BLAS speeds up.
    for part, disabled in (("tok2vec+ner", list(HABARI_COMPONENTS)), ("full pipeline", [])):
        with nlp.select_pipes(disable=disabled):
            timings = []
            for _ in range(REPEATS):
                started = time.perf_counter()
                for _ in nlp.pipe(texts):
                    pass
                timings.append(time.perf_counter() - started)
            speeds[part] = words / min(timings)
    blas = [f"{pool['internal_api']} {pool.get('version')} {pool.get('architecture')} x{pool['num_threads']}"
            for pool in threadpool_info() if pool["user_api"] == "blas"]
    return {"ops": f"{type(ops).__name__}(use_blis={getattr(ops, 'use_blis', None)})", "blas": blas,
            "words_per_s": speeds}


def main(args) -> None:
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.machine()}; "
          f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; one thread per process; "
          f"{args.articles} articles per variant")
    results = {}
    for name, variant in VARIANTS.items():
        environment = {key: value for key, value in os.environ.items() if key not in variant["unset"]}
        environment.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        command = [sys.executable, "-m", "benchmarks.blas_check", "--child", str(variant["use_blis"]),
                   "--articles", str(args.articles)] + (["--model", args.model] if args.model else [])
        output = subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True, check=True).stdout
        results[name] = json.loads(output.strip().splitlines()[-1])
        result = results[name]
        speeds = "  ".join(f"{part} {speed:7,.0f} words/s" for part, speed in result["words_per_s"].items())
        print(f"{name:>48}: {speeds}  ({result['ops']}; BLAS {', '.join(result['blas'])})")
    blis, numpy_blas = (results[name]["words_per_s"] for name in list(VARIANTS)[:2])
    for part in blis:
        ratio = numpy_blas[part] / blis[part]
        print(f"{part}: numpy/OpenBLAS / blis = {ratio:.2f}: {'numpy/OpenBLAS' if ratio > 1 else 'blis'} is faster here")
    print("the service uses numpy/OpenBLAS (service/lang/sw/)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--model", help="model directory (default: $HABARI_MODEL_PATH, else the bundled $HABARI_MODEL)")
    parser.add_argument("--child", choices=["True", "False"], help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(measure(arguments.child == "True", arguments.articles, arguments.model)))
    else:
        main(arguments)

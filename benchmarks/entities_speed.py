"""Speed of habari_entities alone, on real articles and on long synthetic ones.

    python -m benchmarks.entities_speed [--articles N] [--repeat R]

The NER runs first (untimed); then only the entities component is timed, on fresh
copies of the NER output. Prints words/s on the first N VOA articles (when ../shared is
there) and on synthetic articles of growing length full of mentions (hundreds of names,
short forms and acronyms), to show that the time grows linearly with the length.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from spacy.tokens import Doc, DocBin

from service.nlp import load_pipeline

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"

_GIVEN = "Amina Juma Halima Baraka Neema Salim Zawadi Omari Rehema Faraji Upendo Hamisi".split()
_FAMILY = "Mushi Kombo Said Mrema Ndege Mdee Kabwe Otieno Wanjiru Mwakyusa Njoroge Lema".split()
_ORGS = ["Chama cha Wakulima", "Benki ya Maendeleo", "Tume ya Uchaguzi", "Shirika la Reli"]


def _synthetic_doc(nlp, sentences: int, seed: int) -> Doc:
    """An article of `sentences` sentences, each with a person (full or short name), an
    organization (name or initials) and a country or town, as NER output."""
    rng = random.Random(seed)
    people = [(g, f) for g in _GIVEN for f in _FAMILY]
    words, ents = [], []

    def add(tokens: list[str], label: str | None) -> None:
        if label:
            ents.extend([f"B-{label}"] + [f"I-{label}"] * (len(tokens) - 1))
        else:
            ents.extend(["O"] * len(tokens))
        words.extend(tokens)

    for _ in range(sentences):
        given, family = rng.choice(people)
        add(["Rais"], None)
        add([given, family] if rng.random() < 0.4 else [family], "PER")
        add(["wa"], None)
        org = rng.choice(_ORGS)
        add(org.split() if rng.random() < 0.5 else ["".join(w[0] for w in org.split()).upper()], "ORG")
        add(["alisema", "mjini"], None)
        add([rng.choice(["Dodoma", "Urusi", "Kenya", "Arusha", "Marekani"])], "LOC")
        add(["kwamba", "mkutano", "utafanyika", "."], None)
    return Doc(nlp.vocab, words=words, ents=ents)


def _time_component(nlp, docs: list[Doc], repeat: int) -> float:
    """Best words/s of habari_entities over `repeat` runs on fresh copies of `docs`."""
    component = nlp.get_pipe("habari_entities")
    stored = DocBin(docs=docs).to_bytes()
    words = sum(len(doc) for doc in docs)
    best = float("inf")
    for _ in range(repeat):
        fresh = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
        started = time.perf_counter()
        for doc in fresh:
            component(doc)
        best = min(best, time.perf_counter() - started)
    return words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nlp = load_pipeline()
    if ARTICLES.exists():
        texts = [json.loads(line)["text"] for line in ARTICLES.open(encoding="utf-8")][: args.articles]
        with nlp.select_pipes(enable=["tok2vec", "ner"]):
            docs = list(nlp.pipe(texts))
        mentions = sum(len(doc.ents) for doc in docs)
        print(f"VOA articles: {len(docs)} docs, {sum(map(len, docs))} tokens, {mentions} NER spans: "
              f"{_time_component(nlp, docs, args.repeat):,.0f} words/s")
    for sentences in (250, 1000, 4000):
        doc = _synthetic_doc(nlp, sentences, seed=sentences)
        print(f"synthetic article, {len(doc)} tokens, {len(doc.ents)} mentions: "
              f"{_time_component(nlp, [doc], args.repeat):,.0f} words/s")


if __name__ == "__main__":
    main()

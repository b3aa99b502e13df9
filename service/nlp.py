"""The one place that builds the spaCy pipeline the service uses."""
from __future__ import annotations

import os
from pathlib import Path

import spacy
from spacy.language import Language

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
# The pipelines bundled in the repo, by the name HABARI_MODEL takes (MODEL_CARD.md):
# "accurate" is the default; "fast" has a narrower tok2vec (width 64 instead of 128),
# for deployments that need throughput more than the last points of F1.
BUNDLED_MODELS = {"accurate": MODELS_DIR / "sw_habari", "fast": MODELS_DIR / "sw_habari_fast"}
DEFAULT_MODEL_PATH = BUNDLED_MODELS["accurate"]

# Rule-based components added on top of the trained NER. They are added here rather
# than saved in the model so that they evolve without retraining; order matters:
# quotes resolve speakers through the entity grouping.
HABARI_COMPONENTS = ("habari_entity_types", "habari_dates", "habari_entities", "habari_quotes")
PIPE_BATCH_SIZE = 16
# The raw news's most frequent words, written by training/frequent_words.py.
FREQUENT_WORDS_FILE = "frequent_words.txt"


def load_pipeline(path: str | os.PathLike | None = None,
                  known_entities: str | os.PathLike | None = None) -> Language:
    """Return the Swahili pipeline: the trained NER plus Habari's components.

    `path` defaults to $HABARI_MODEL_PATH, else the bundled model $HABARI_MODEL names
    ("accurate" when unset; see `bundled_model`).
    `known_entities`: a deployment's JSONL list of entities (service/known_entities.py);
    a bad file raises KnownEntitiesError. Needs no network.
    """
    # Importing these registers the `sw` language and the component factories.
    import service.known_entities  # noqa: F401  (registers habari_known_entities)
    from service import components, greedy_ner  # noqa: F401
    from service.embeddings import cache_word_embeddings
    from service.lang import sw
    from service.maxout_weights import transpose_maxout_weights

    model_path = path or default_model_path()
    # The tokenizer is code (service/lang/sw/), not a trained artifact: built from the
    # current rules rather than read back from the model's saved copy, so that tokenizer
    # fixes reach the service without re-saving the model. The NER never sees it in
    # training (gold tokens).
    # The NER as trained, decoded by service/greedy_ner.py (same decisions, two fifths of
    # the time on Python 3.11).
    nlp = spacy.load(model_path, exclude=["tokenizer"],
                     config={"components": {"ner": {"factory": "habari_greedy_ner"}}})
    preload_words(nlp, Path(model_path) / FREQUENT_WORDS_FILE)
    nlp.tokenizer = sw.BoundedTokenizer(nlp.tokenizer)
    # Each distinct word's embedding (the context-free half of tok2vec) is computed once
    # per process, not once per token: service/embeddings.py.
    cache_word_embeddings(nlp)
    # Its Maxout layers multiply by a contiguous copy of their weights' transpose, which
    # OpenBLAS packs faster for the few articles of a request: service/maxout_weights.py.
    transpose_maxout_weights(nlp)
    # the typing rules read the frequent words' casing ("TIMU" opening a story is a noun)
    configs = {"habari_entity_types": {"frequent_words": str(Path(model_path) / FREQUENT_WORDS_FILE)}}
    for name in HABARI_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=configs.get(name, {}))
    if known_entities:
        # After the typing rules: the owner's list has the last word on its names.
        nlp.add_pipe("habari_known_entities", after="habari_entity_types",
                     config={"path": str(known_entities)})
    # nlp.pipe's default batch (the service's too). With the trained config's 1,000
    # documents the tok2vec's arrays grow to tens of MB: over the bench's 300 articles
    # nlp.pipe ran 7,100-10,900 words/s with it against 12,200-14,900 with 16 (four runs
    # each, one thread).
    nlp.batch_size = PIPE_BATCH_SIZE
    return nlp


def default_model_path() -> Path:
    """The model a process loads when given none: $HABARI_MODEL_PATH, else the bundled
    model $HABARI_MODEL names."""
    return Path(os.environ.get("HABARI_MODEL_PATH") or bundled_model(os.environ.get("HABARI_MODEL")))


def bundled_model(name: str | None) -> Path:
    """The directory of the bundled model called `name` ("accurate" when empty)."""
    name = name or "accurate"
    if name not in BUNDLED_MODELS:
        raise ValueError(f"HABARI_MODEL={name!r}: the bundled models are {', '.join(BUNDLED_MODELS)}")
    return BUNDLED_MODELS[name]


def preload_words(nlp: Language, word_list: Path) -> int:
    """Tokenize the listed words once, outside any memory zone; returns how many.

    The service annotates inside `nlp.memory_zone()`, which discards the lexemes and
    strings a request created, and spaCy's tokenizer caches nothing inside a zone: every
    request re-split and re-created every word. Words met before any zone stay, with
    their tokenizer-cache entries, so a request creates only its rare words. A model
    directory without the list loads as before.
    """
    if not word_list.exists():
        return 0
    words = word_list.read_text(encoding="utf-8").split()
    tokenizer = nlp.tokenizer
    # Room for the list on top of what spaCy would cache (its default, 10,000 pieces).
    tokenizer.max_cache_size += len(words)
    tokenizer(" ".join(words))
    return len(words)

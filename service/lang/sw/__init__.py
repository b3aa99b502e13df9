"""The Swahili `Language` (code "sw"): spaCy ships none, so Habari defines its own.

Laid out as spaCy lays out spacy/lang/<code>/. Importing this package registers it
under ``spacy.registry.languages`` so that a pipeline saved with ``lang = "sw"`` loads
with ``spacy.load``.
"""
from __future__ import annotations

from spacy.attrs import LIKE_NUM
from spacy.language import BaseDefaults, Language
from spacy.util import registry
from thinc.api import NumpyOps, set_current_ops

# Absolute imports: `spacy train --code service/lang/sw/__init__.py` loads this file by
# path, outside its package.
from service.lang.sw.lex_attrs import like_num
from service.lang.sw.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from service.lang.sw.tokenizer import BoundedTokenizer
from service.lang.sw.tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class SwahiliDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    infixes = TOKENIZER_INFIXES
    suffixes = TOKENIZER_SUFFIXES
    lex_attr_getters = {**BaseDefaults.lex_attr_getters, LIKE_NUM: like_num}


@registry.languages("sw")
class Swahili(Language):
    lang = "sw"
    Defaults = SwahiliDefaults


# thinc's bundled blis matrix kernels ran 1.8x slower than numpy's OpenBLAS on the
# project's machine (tok2vec + ner, one thread: 20k vs 37k words/s predicting, 7.9k vs
# 14.7k training). Models are built with the ops current at their creation, so this
# must run before `spacy.load`; every Habari entry point (load_pipeline, `spacy train
# --code service/lang/sw/__init__.py`) imports this module first.
set_current_ops(NumpyOps(use_blis=False))

__all__ = ["BoundedTokenizer", "Swahili"]

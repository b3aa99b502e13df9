"""National bodies named by their head noun alone ("Bunge liweke kanuni", "aliliambia
Bunge", "Jeshi limesema"): organizations by docs/annotation.md, which the NER leaves
untagged, as the MasakhaNER data does (a bare capitalized "Bunge" is O 42 times of 43 in
the training data, "Jeshi" 9 of 9). They become mentions of the API's entities; doc.ents
keeps what the NER found.

Not a head that a name follows ("Bunge la Marekani": the place is the mention, or the
head-noun rule of mentions.py takes the whole name) or a capitalized word ("Jeshi
Mkuu"), nor a body inside a rank ("Amiri Jeshi", "Kamanda wa Jeshi"): a title names an
office, and the body in it is generic.
"""
from __future__ import annotations

from spacy.tokens import Doc

from service.components.mentions import Mention, is_title, keys_of, token_keys, with_found
from service.lang.sw.function_words import ASSOCIATIVES, FIRST_SECOND_PERSON_WORDS, POSSESSIVES
from service.lang.sw.nouns import BODIES_NAMED_BY_HEAD

_FORMS = frozenset(form for word in BODIES_NAMED_BY_HEAD for form in (word.capitalize(), word.upper()))
# "Of": after it the head opens a longer name ("kwa" is more often "by" or "to").
_GENITIVES = (ASSOCIATIVES - {"kwa"}) | {"mwa"}
_POSSESSIVES = POSSESSIVES | FIRST_SECOND_PERSON_WORDS


def bare_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with every untagged bare body of BODIES_NAMED_BY_HEAD added as an ORG
    mention that doc.ents leaves out."""
    keys = token_keys(doc)
    forms = keys_of(doc, _FORMS)
    if forms.isdisjoint(keys):
        return mentions  # most articles: one set intersection, no token read
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    found = []
    for i, key in enumerate(keys):
        if key not in forms or i in taken:
            continue
        if _opens_longer_name(doc, i):
            continue
        if _in_title(doc, i):
            continue
        found.append(Mention(doc[i : i + 1], "ORG", doc[i].text, ents=()))
    return with_found(mentions, found, set())


def _in_title(doc: Doc, i: int) -> bool:
    """After a title ("Amiri Jeshi Mkuu") or a title's "of" ("Kamanda wa Polisi")."""
    return i > 0 and (is_title(doc[i - 1]) or (i > 1 and doc[i - 1].lower_ in _GENITIVES and is_title(doc[i - 2])))


def _opens_longer_name(doc: Doc, i: int) -> bool:
    """A genitive after the head, or after its possessive ("Bunge letu la Katiba"), or a
    capitalized word on the same line ("Polisi Moro", a club)."""
    if i + 1 == len(doc):
        return False
    following = doc[i + 1]
    if following.is_alpha and following.is_title and "\n" not in doc[i].whitespace_:
        return True
    after = [token.lower_ for token in doc[i + 1 : i + 3]]
    return after[0] in _GENITIVES or (after[0] in _POSSESSIVES and after[1:2] != [] and after[1] in _GENITIVES)

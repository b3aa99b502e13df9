"""NER spans → name mentions, per the span conventions of ANNOTATION.md.

The NER follows the MasakhaNER data, but on news text it still keeps a title inside a
person span, runs two names together across a caption separator, leaves out the head
noun of an organization, or swallows boilerplate the page glued to a name. These rules
fix such spans before grouping; each says which convention it restores. Rules rather
than a model: each case is rare in the NER's training data, and the rules are short.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from service.components.countries import MAX_NAME_WORDS, country_code, may_end_country_name, normalize_name

# Titles and honorifics written before a name (lowercased, without the abbreviation's
# period). Role nouns are here too: "Msemaji Peter Ndege" is a role + name, and the
# NER sometimes keeps the role inside the span.
TITLE_WORDS = frozenset(
    """
    rais makamu waziri naibu katibu mkuu msemaji mwenyekiti kiongozi mkurugenzi balozi
    gavana meya mbunge seneta spika jaji hakimu mwanasheria kamishna kamanda jenerali
    jen kanali meja luteni brigedia sajenti koplo kapteni kapt askofu kardinali padri
    mchungaji mch sheikh shekhe shehe imamu mufti papa mfalme malkia mwanamfalme
    binti mwalimu mwl profesa prof daktari dkt dk dr bw bwana bi bibi mhe mh
    mheshimiwa ndg ndugu mzee marehemu hayati mama mtukufu msaidizi mshauri afisa
    ofisa mratibu mtendaji mhariri mwandishi mchambuzi mtaalamu wakili
    mr mrs ms president minister general sir
    """.split()
)

# Connectives that join a role or a head noun to what it belongs to ("of", "and").
CONNECTIVES = frozenset("wa ya la za cha vya kwa mwa na".split())

# Head nouns of organization names ("Tume ya ...", "Baraza la ...").
ORGANIZATION_HEADS = frozenset(
    """
    tume baraza bodi kamati wizara ofisi mahakama benki shirika jumuiya chama idara
    mamlaka taasisi kituo bunge halmashauri chuo umoja muungano mfuko ikulu
    """.split()
)

# Places and bodies named after a person: "Uwanja wa [Kim Il Sung]" is a place, not
# Kim Il Sung (ANNOTATION.md: facilities are places).
NAMED_AFTER_HEADS = {
    **dict.fromkeys(
        """
        uwanja barabara mtaa daraja hospitali shule ukumbi msikiti kanisa bandari kambi
        hoteli soko jengo kiwanja
        """.split(),
        "LOC",
    ),
    **dict.fromkeys("chuo taasisi wakfu mfuko tuzo".split(), "ORG"),
}

# Words a scraped page glues to a name: a photo credit ("PutinPicha:") or the DW
# section name before a headline ("SiasaKorea Kaskazini").
GLUE_WORDS = frozenset("picha siasa uchumi michezo utamaduni ulimwengu".split())
_GLUE_SUFFIX = re.compile(r"(?<=[a-z])(" + "|".join(w.capitalize() for w in GLUE_WORDS) + r")$")
_GLUE_PREFIX = re.compile(r"^(" + "|".join(w.capitalize() for w in GLUE_WORDS) + r")(?=[A-Z])")

# Lowercase descriptors before a name, outside the name (ANNOTATION.md; MasakhaNER):
# "serikali ya [Urusi]", "shirika la habari la [AFP]", "nchini [Kenya]". Longest first.
_DESCRIPTORS = sorted(
    (
        tuple(phrase.split())
        for phrase in (
            "serikali ya", "serikali za", "jeshi la", "majeshi ya", "shirika la habari la",
            "shirika la habari", "gazeti la", "kituo cha televisheni cha", "kituo cha redio cha",
            "chama cha", "kampuni ya", "mtandao wa", "utawala wa", "timu ya", "klabu ya",
            "nchi ya", "nchini", "mji wa", "mjini", "jiji la", "jijini", "mkoa wa", "mkoani",
            "wilaya ya", "wilayani", "kisiwa cha", "kisiwani", "kijiji cha", "kijijini",
        )
    ),
    key=len,
    reverse=True,
)

_DESCRIPTORS_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _DESCRIPTORS:
    _DESCRIPTORS_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)

# Head nouns of organization names that only say what kind of body follows: "Jumuia
# ya [IGAD]", "Shirika la ndege la [South Supreme]".
_DESCRIBING_ORGANIZATION_HEADS = frozenset("shirika jumuiya jumuia kampuni".split())

# Bodies with a name of their own that news writes after such a head.
_NAMES_OF_THEIR_OWN = frozenset(
    normalize_name(name) for name in ("Umoja wa Mataifa", "Umoja wa Ulaya", "Umoja wa Afrika")
)

# Descriptors after which a name is an organization's, unless it is a country's
# ("kampuni ya [Ufaransa]" is France): in the MasakhaNER training data every other
# entity after them is ORG (297 of 297), while the NER calls an unknown name there a
# place or a person ("gazeti la Politico").
_ORGANIZATION_DESCRIPTORS = frozenset(
    tuple(phrase.split())
    for phrase in (
        "gazeti la", "magazeti ya", "jarida la", "kampuni ya", "kundi la", "makundi ya",
        "kikundi cha", "mtandao wa", "shirika la", "shirika la habari la",
        "kituo cha televisheni cha",
    )
)
_ORGANIZATION_DESCRIPTOR_LENGTHS = sorted({len(phrase) for phrase in _ORGANIZATION_DESCRIPTORS})
_ORGANIZATION_DESCRIPTOR_ENDS = frozenset(phrase[-1] for phrase in _ORGANIZATION_DESCRIPTORS)

# Caption separators scraped pages glue to words: "Korea Kaskazini| Pyongyang|".
_SEPARATORS = ("|", "•")

# Words a name never ends with (Swahili connectives, English and French particles).
_FUNCTION_WORDS = CONNECTIVES | frozenset("for of and the de la du des".split())

# Speech verbs (subject + tense prefix + stem): never part of a name, also when
# capitalized at the start of a sentence ("Amesema Nsereko").
SPEECH_VERB = re.compile(
    r"^(?:a|wa|i|zi|li|ki|u|ya|vi)(?:li|me|na|ta|ki|nge)"
    r"(?:sema|sisitiza|ongeza|eleza|onya|dai|tangaza|bainisha|ambia|jibu|hoji|thibitisha|kiri)$"
)

# Subject + tense prefix of a finite verb ("alikutana", "wamesema"): no name or role
# noun starts this way.
VERB_LIKE = re.compile(r"^(?:a|wa|i|u|li|ki|zi|ya|vi)(?:li|me|na|ta|ki|nge)[a-z]{2,}$")
# Nouns and adjectives of that shape that end names in the MasakhaNER data ("Shirika la
# ... la kuhudumia wakimbizi", "serikali ya umoja wa kitaifa"): wa-ki-mbizi, ki-ta-ifa.
_VERB_SHAPED_NAME_WORDS = frozenset("wakimbizi kitaifa ulinzi wanawake walinda ulimwenguni wanamgambo".split())

# Words before a country name that make another place: "New Mexico", "Ziwa Chad".
_PLACE_PREFIXES = frozenset(
    """
    new north south east west upper lower lake river mount kaskazini kusini mashariki
    magharibi ziwa mto mlima bahari ghuba kisiwa visiwa
    """.split()
)

# Governments named by their seat (organizations, ANNOTATION.md), each name → the seat,
# so that "Ikulu ya Kremlin" and "Kremlin" are one organization.
_SEAT_NAMES = {
    "kremlin": ("Kremlin", "Ikulu ya Kremlin"),
    "white house": ("White House", "Ikulu ya White House", "Ikulu ya Marekani"),
    "downing street": ("Downing Street", "10 Downing Street"),
    "pentagon": ("Pentagon",),
}
SEATS = {normalize_name(name): seat for seat, names in _SEAT_NAMES.items() for name in names}

# Country names that are also Swahili words: "mali" (property) is always a common word
# when lowercase in the MasakhaNER training data, other lowercase country names there
# are the countries ("marekani", "kenya", "ujerumani").
_COMMON_WORD_COUNTRIES = frozenset({"mali"})


@dataclass(eq=False)
class Mention:
    span: Span
    label: str
    text: str  # the name as written, without glued boilerplate or separators
    names_previous: bool = False  # an acronym introduced by the previous mention: "X (ACR)"
    ner_span: Span | None = None  # the span for doc.ents when it differs from `span`
    # labelled spans doc.ents keeps instead of this mention: the NER's mentions inside an
    # organization name it did not tag ("Wizara ya Mambo ya Nje ya [Marekani]")
    ents: tuple[Span, ...] | None = None
    # the label doc.ents keeps when it differs from the entity's: LOC for a seat of
    # government the NER called a place (the MasakhaNER data tags "White House" 40 times
    # LOC, 32 times ORG)
    ents_label: str | None = None


def is_capitalized(text: str) -> bool:
    # "-Sissi" (a scraped "Al -Sissi") counts by its first letter
    letter = next((ch for ch in text if ch.isalnum()), "")
    return letter.isupper()


# Titles that are also given names ("Jen Psaki": every "Jen" in the MasakhaNER data):
# titles only written with their period ("Jen." for Jenerali).
_TITLES_ONLY_WITH_PERIOD = frozenset({"jen"})


def is_title(token) -> bool:
    word = token.lower_
    if word in _TITLES_ONLY_WITH_PERIOD or _is_acronym_not_title(token):
        return False
    return word.rstrip(".") in TITLE_WORDS


def _is_acronym_not_title(token) -> bool:
    """A short title word in capitals with no period after it: "DR Congo" (the one such
    word in the MasakhaNER training data, tagged B-LOC), not "DR. Slaa", whose period
    the tokenizer splits off."""
    text = token.text
    if not (text.isalpha() and text.isupper() and len(text) <= 3):
        return False
    following = token.i + 1
    return following == len(token.doc) or token.doc[following].text != "."


def acronym(text: str) -> str | None:
    letters = text.strip("-–—.()[]|• ").replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper():
        return letters
    return None


def name_text(span: Span) -> str:
    return _name_of(span.text)


def _name_of(text: str) -> str:
    """name_text of a span whose text is `text`: Span.text joins the tokens anew on
    each access, so callers that hold the text already pass it."""
    text = _GLUE_SUFFIX.sub("", _GLUE_PREFIX.sub("", text))
    return text.strip("".join(_SEPARATORS) + " -–—:;,")


def _token_texts(doc: Doc) -> list[str]:
    """Every token's text, read through an array: rules that look at every word of an
    article would otherwise make a Token object per word."""
    strings = doc.vocab.strings
    return [strings[key] for key in _token_keys(doc)]


def _token_keys(doc: Doc, attr: int = ORTH) -> list[int]:
    """Every token's string-store key of `attr`: compared with _keys_of, no string is
    decoded per token."""
    return doc.to_array(attr).tolist()


def _keys_of(doc: Doc, words: Iterable[str]) -> set[int]:
    # Looking a string's key up does not add the string to the store.
    strings = doc.vocab.strings
    return {strings[word] for word in words}


def clean_mentions(doc: Doc, labels: Iterable[str], is_acronym_of) -> list[Mention]:
    """The name mentions of the NER spans with a label in `labels`, in text order.

    `is_acronym_of(acronym, full_name)` decides whether "Full Name ACR" in one span is
    a name and its acronym."""
    labels = frozenset(labels)
    mentions: list[Mention] = []
    for ent in _join_broken_names([ent for ent in doc.ents if ent.label_ in labels]):
        for piece in _split_at_separators(ent):
            mentions.extend(_clean(piece, ent.label_, is_acronym_of))
    mentions = _join_head_nouns(mentions, labels)
    mentions = _with_dashed_acronyms(doc, mentions)
    mentions = _with_credit_lines(doc, mentions, labels)
    mentions = _without_trailing_surnames(mentions)
    mentions = _organizations_by_descriptor(doc, mentions)
    for previous, mention in zip(mentions, mentions[1:]):
        if acronym(mention.text) and not acronym(previous.text) and _introduces(previous.span, mention.span):
            mention.names_previous = True
    return mentions


def _organizations_by_descriptor(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A person or place the NER found right after an organization descriptor ("gazeti
    la [Politico]") is an organization, unless it is a country."""
    for mention in mentions:
        start = mention.span.start
        if (
            mention.label == "ORG"
            or start < 2
            or doc[start - 1].lower_ not in _ORGANIZATION_DESCRIPTOR_ENDS
            or country_code(mention.text)
        ):
            continue
        if any(
            length <= start and tuple(t.lower_ for t in doc[start - length : start]) in _ORGANIZATION_DESCRIPTORS
            for length in _ORGANIZATION_DESCRIPTOR_LENGTHS
        ):
            mention.label = "ORG"
    return mentions


_DASHES = ("-", "–", "—")


def _introduces(name: Span, short: Span) -> bool:
    """A full name followed by its acronym as a separate span: "... Duniani (WHO)",
    "Alliance for National Transformation -ANT", "Democratic party – DP"."""
    doc = name.doc
    gap = doc[name.end : short.start]
    if len(gap) == 1 and gap[0].text == "(":
        return short.end < len(doc) and doc[short.end].text == ")"
    if len(gap) == 1 and gap[0].text in _DASHES:
        return True
    return not len(gap) and short.text.startswith(_DASHES)


# A photo credit: "Picha: GAVRIIL GRIGOROV/AFP/Getty Images" (a photographer, agencies).
_CREDIT_CUES = frozenset({"Picha", "Photo", "Foto"})
_CREDIT_MAX_TOKENS = 20
# Credit jargon that names nobody ("Uncredited/Pool Sputnik", "KCNA via KNS").
_CREDIT_FILLERS = frozenset("uncredited pool handout via file".split())
# Words of agency names, which a photographer's name lacks.
_AGENCY_WORDS = frozenset("images image alliance agency service news press photo photos pictures media".split())


def _with_credit_lines(doc: Doc, mentions: list[Mention], labels: frozenset[str]) -> list[Mention]:
    """Every name of a photo credit (ANNOTATION.md: a photographer PER, an agency ORG),
    which the NER, trained on running text, tags in pieces ("[GAVRIIL] GRIGOROV"). The
    credit's own mentions replace the NER's there; entities of other labels (a date in
    the credit) stay, and no name runs over them."""
    credits = []
    keys, cues, colon = _token_keys(doc), _keys_of(doc, _CREDIT_CUES), doc.vocab.strings[":"]
    for i in range(len(doc) - 2):
        if keys[i] in cues and keys[i + 1] == colon:
            end = i + 2
            while end < len(doc) and end - i <= _CREDIT_MAX_TOKENS and (doc[end].text == "/" or not _no_word(doc[end])):
                end += 1
            # a credit names its sources with slashes and ends its line
            ends_line = end == len(doc) or "\n" in doc[end].text
            if end - i <= _CREDIT_MAX_TOKENS and ends_line and any(t.text == "/" for t in doc[i + 2 : end]):
                credits.append((i + 2, end))
    if not credits:
        return mentions
    found = []
    for start, end in credits:
        piece: list = []
        for token in [*doc[start:end], None]:
            if (
                token is None
                or token.text == "/"
                or token.lower_ in _CREDIT_FILLERS
                or (token.ent_type and token.ent_type_ not in labels)
            ):
                found.extend(_credit_names(doc, piece))
                piece = []
            else:
                piece.append(token)
    inside = {i for start, end in credits for i in range(start, end)}
    kept = [m for m in mentions if not any(i in inside for i in range(m.span.start, m.span.end))]
    return sorted(kept + found, key=lambda m: m.span.start)


def _credit_names(doc: Doc, tokens: list) -> list[Mention]:
    if not tokens or len(tokens) > MAX_NAME_WORDS or not all(t.is_alpha for t in tokens):
        return []
    span = doc[tokens[0].i : tokens[-1].i + 1]
    # "Sputnik Kremlin": an agency and the seat it photographed for
    for length in range(len(span) - 1, 0, -1):
        if normalize_name(span[-length:].text) in SEATS:
            return _credit_names(doc, list(span[:-length])) + [Mention(span[-length:], "ORG", span[-length:].text)]
    if normalize_name(span.text) in SEATS:
        return [Mention(span, "ORG", span.text)]
    if country_code(span.text):
        return [Mention(span, "LOC", span.text)]
    person = 2 <= len(span) <= 3 and all(is_capitalized(t.text) and t.lower_ not in _AGENCY_WORDS for t in span)
    return [Mention(span, "PER" if person else "ORG", span.text)]


def _without_trailing_surnames(mentions: list[Mention]) -> list[Mention]:
    """An organization or place span that ends with the surname of a person named in
    full elsewhere is the body and that person ("mkuu wa [Chama cha Kikomunisti Trong]"
    after "Nguyen Phu Trong"); one that ends with the whole name is named after the
    person ("Uwanja wa Kim Il Sung")."""
    people = {tuple(t.text for t in m.span) for m in mentions if m.label == "PER" and len(m.span) > 1}
    by_surname: dict[str, list[tuple[str, ...]]] = {}
    for words in people:
        by_surname.setdefault(words[-1], []).append(words)
    if not by_surname:
        return mentions
    result = []
    for mention in mentions:
        span = mention.span
        names = by_surname.get(span[-1].text, ()) if mention.label != "PER" and len(span) > 1 else ()
        named_after = any(tuple(t.text for t in span[-len(w) :]) == w for w in names)
        if names and not named_after and span[-2].lower_ not in CONNECTIVES and not mention.ents:
            body, person = span[:-1], span[-1:]
            result.append(Mention(body, mention.label, name_text(body)))
            result.append(Mention(person, "PER", name_text(person)))
        else:
            result.append(mention)
    return result


def _with_dashed_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An acronym the NER left untagged right after an organization and a dash, the
    writer's way to introduce it: "Shirika la Afya Duniani -WHO", "... Transformation
    – ANT"."""
    found = []
    for mention in mentions:
        i = mention.span.end
        if mention.label != "ORG" or i >= len(doc):
            continue
        if doc[i].text in _DASHES and i + 1 < len(doc):
            i += 1
        elif not doc[i].text.startswith(_DASHES):
            continue
        token = doc[i]
        if not token.ent_type and acronym(token.text) and not (token.text in _DASHES):
            found.append(Mention(doc[i : i + 1], "ORG", name_text(doc[i : i + 1])))
    return sorted(mentions + found, key=lambda m: m.span.start) if found else mentions


def _join_broken_names(ents: list[Span]) -> list[Span]:
    """"[Alliance for] [National Transformation]": a name does not end in a function
    word, so two spans of one label split after one are one name."""
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label_ == ent.label_
            and previous.end == ent.start
            and previous[-1].lower_ in _FUNCTION_WORDS
        ):
            joined[-1] = Span(ent.doc, previous.start, ent.end, label=ent.label_)
        else:
            joined.append(ent)
    return joined


def _join_head_nouns(mentions: list[Mention], labels: frozenset[str]) -> list[Mention]:
    """"[Uwanja] wa [Kim Il Sung]" tagged as two entities is one stadium, "[Tume] ya
    [Umoja wa Afrika]" one commission. The connective between may have been in the
    NER's span of the head ("[Uwanja wa] [Kim Il Sung]"), not in another kind of span."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is not None and len(previous.span) == 1 and mention.label in ("PER", "ORG"):
            head = previous.span[0].lower_
            label = NAMED_AFTER_HEADS.get(head) or ("ORG" if head in ORGANIZATION_HEADS else None)
            gap = previous.span.doc[previous.span.end : mention.span.start]
            if (
                label
                and len(gap) == 1
                and gap[0].lower_ in CONNECTIVES
                and (not gap[0].ent_type or gap[0].ent_type_ in labels)
            ):
                span = previous.span.doc[previous.span.start : mention.span.end]
                joined[-1] = Mention(span, label, span.text)
                continue
        joined.append(mention)
    return joined


def _split_at_separators(span: Span) -> list[Span]:
    text = span.text
    if not any(mark in text for mark in _SEPARATORS):
        return [span]
    doc, pieces, start = span.doc, [], span.start
    for i in range(span.start, span.end):
        if doc[i].text.endswith(_SEPARATORS):
            pieces.append(doc[start : i + 1])
            start = i + 1
    pieces.append(doc[start : span.end])
    return [p for p in pieces if len(p) and name_text(p)]


def _clean(span: Span, label: str, is_acronym_of) -> list[Mention]:
    split = _second_person_start(span) if label == "PER" else None
    if split:
        doc = span.doc
        return _clean(doc[span.start : split], label, is_acronym_of) + _clean(doc[split : span.end], label, is_acronym_of)
    mentions = _clean_span(span, label, is_acronym_of)
    if label == "PER" and len(mentions) == 1 and mentions[0].label == "PER":
        return _place_before_name(span, mentions[0].span.start) + mentions
    return mentions


def _second_person_start(span: Span) -> int | None:
    """Where a second person starts in a span the NER ran over two full names sharing a
    given name ("rais Paul Kagame Paul Rusesabagina", a comma lost): the span's first
    word again, with two words or more on each side, and the first person's last name
    also written elsewhere in the article. Names that repeat a part ("Mohamed Abdullahi
    Mohamed") fail these tests."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 4 or not is_capitalized(words[0].text):
        return None
    for k in range(2, len(words) - 1):
        if words[k].text == words[0].text:
            surname = words[k - 1]
            elsewhere = any(t.text == surname.text and not (span.start <= t.i < span.end) for t in span.doc)
            return words[k].i if elsewhere else None
    return None


def _place_before_name(span: Span, name_start: int) -> list[Mention]:
    """A seat of government or a country the NER ran into a person's span and the name
    rules cut off ("Msemaji wa Kremlin Dmitry Peskov", "Waziri wa Urusi Sergey Lavrov"):
    an entity of its own (ANNOTATION.md annotates both)."""
    doc = span.doc
    for length in range(min(MAX_NAME_WORDS, name_start - span.start), 0, -1):
        piece = doc[name_start - length : name_start]
        # a piece starting with a comma is the same place with the comma ("Putin ,
        # Kremlin Rais"): the shorter piece will be tried
        if _no_word(piece[0]) or not is_capitalized(piece.text):
            continue
        if normalize_name(piece.text) in SEATS:
            return [Mention(piece, "ORG", name_text(piece))]
        if country_code(piece.text):
            return [Mention(piece, "LOC", name_text(piece))]
    return []


def _clean_span(span: Span, label: str, is_acronym_of) -> list[Mention]:
    doc = span.doc
    start, end = span.start, span.end
    if label == "PER":
        head = _head_start(span, NAMED_AFTER_HEADS)
        if head < start:
            return [Mention(doc[head:end], NAMED_AFTER_HEADS[doc[head].lower_], doc[head:end].text)]
    if label == "ORG":
        # "Full Name (ACR)" or "Full Name ACR" as one span: two mentions of one organization.
        for i in range(start + 1, end - 1):
            if doc[i].text == "(" and doc[end - 1].text == ")" and acronym(doc[i + 1 : end - 1].text):
                return _with_acronym(_clean(doc[start:i], label, is_acronym_of), doc[i + 1 : end - 1])
        last = acronym(doc[end - 1].text)
        # a dash before it introduces it whatever its letters ("... ya Jinai -ICC")
        introduced = doc[end - 1].text.startswith(_DASHES)
        if end - start >= 3 and last and (introduced or is_acronym_of(last, doc[start : end - 1].text)):
            mentions = _with_acronym(_clean(doc[start : end - 1], label, is_acronym_of), doc[end - 1 : end])
            # without parentheses the MasakhaNER data tags name and acronym as one span
            # (64 of 66 such names; "Full Name (ACR)" is two spans there, 116 of 116)
            return _as_one_span(mentions[:-1], mentions[-1:], "ORG") if mentions[0].label == "ORG" else mentions
    ner_end = end
    if label == "LOC":
        split = _country_after_place(span)
        if split:
            # "Nairobi Kenya": two places, one span in the MasakhaNER data (51 of 51)
            place, country = _clean(doc[start:split], label, is_acronym_of), _clean(doc[split:end], label, is_acronym_of)
            return _as_one_span(place, country, label)
        end = _place_end(span)
    start = _name_start(doc, start, end, label)
    if start is None:
        return []
    if label == "ORG":
        start = _after_head_of_named_body(doc, _after_lowercase_descriptor(doc, start, end), end)
    # a name does not run on past a speech verb ("Shirika la ... la kuhudumia wakimbizi
    # linasema mzozo wa silaha")
    end = next((i for i in range(start + 1, end) if SPEECH_VERB.match(doc[i].lower_)), end)
    while start < end and (_no_word(doc[start]) or _glued_boilerplate(doc, start, start + 1, end)):
        start += 1
    while end > start and (
        _no_word(doc[end - 1])
        or _glued_boilerplate(doc, end - 1, start, end - 1)
        # a connective or verb the NER ran into ("Chama cha Kikomunisti cha", "Putin
        # alisema"); a lowercase name part stays ("Bobi wine": scraped text)
        or (end - 1 > start and (doc[end - 1].text in CONNECTIVES or _is_verb(doc[end - 1])))
    ):
        end -= 1
    if start >= end:
        return []
    name = doc[start:end]
    text = name.text
    if not _name_of(text):
        return []
    if end > ner_end > start:
        # the place's continuation ("[Afrika] Mashariki") is the entity's only: the
        # MasakhaNER data tags "Afrika" alone there too
        return [Mention(name, label, _name_of(text), ner_span=doc[start:ner_end])]
    ents_label = None
    if normalize_name(text) in SEATS and label != "ORG":
        # a government named by its seat is an organization (ANNOTATION.md), whatever the
        # NER said; doc.ents keeps the NER's place, as the MasakhaNER data often has it
        label, ents_label = "ORG", label if label == "LOC" else None
    head = _head_start(name, ORGANIZATION_HEADS) if label == "ORG" and not acronym(text) else start
    if head < start:
        # The entity is the whole body ("Tume ya Umoja wa Afrika", ANNOTATION.md), but
        # doc.ents keeps the NER's span: the MasakhaNER data leaves such heads out.
        return [Mention(doc[head:end], label, name_text(doc[head:end]), ner_span=name, ents_label=ents_label)]
    return [Mention(name, label, _name_of(text), ents_label=ents_label)]


# Compass words after a place that make a larger region of it ("Afrika Mashariki").
_COMPASS_WORDS = frozenset("Mashariki Magharibi Kaskazini Kusini".split())


def _place_end(span: Span) -> int:
    """End of a place the NER cut short: a country name that goes on after the span
    ("[Korea] K.", "[Afrika] Kusini", "[Sudan] Kusini"), or a region that is not a
    country followed by a capitalized compass word ("[Afrika] Mashariki"). Only words
    outside any other entity are taken."""
    doc, end = span.doc, span.end
    free = 0
    while free < MAX_NAME_WORDS and end + free < len(doc) and not doc[end + free].ent_type and not _no_word(doc[end + free]):
        free += 1
    # The text of the span with each number of free words, as Span.text gives it (the
    # last token without its whitespace), from one pass over the tokens.
    tokens = [(t.text_with_ws, t.text) for t in doc[span.start : end + free]]
    for extra in range(free, 0, -1):
        last = len(span) + extra - 1
        spaced = tokens[last - 1][0] != tokens[last - 1][1]  # the word is a word of its own
        if spaced and not may_end_country_name(tokens[last][1]):
            continue
        if country_code("".join(with_ws for with_ws, _ in tokens[:last]) + tokens[last][1]):
            return end + extra
    if free and doc[end].text in _COMPASS_WORDS and not country_code(span.text):
        return end + 1
    return end


def _after_lowercase_descriptor(doc: Doc, start: int, end: int) -> int:
    """Start of the capitalized name after a lowercase descriptive phrase ("shirika la
    kutoa misaada la [Hestia]", "shirika la wakimbizi la [Umoja wa Mataifa]"), else
    `start`. A lowercase head with its connective alone stays ("wizara ya Mambo ya
    Nje"): that is the body's name written in lowercase."""
    i = start
    # the head capitalized because it opens the sentence ("Shirika la ndege la [South
    # Supreme]") describes as much as a lowercase one
    if doc[i].lower_ in _DESCRIBING_ORGANIZATION_HEADS and _opens_sentence(doc, i):
        i += 1
    while i < end and doc[i].is_alpha and not is_capitalized(doc[i].text):
        i += 1
    # "Shirika la kuhudumia wakimbizi la Umoja wa Mataifa" is the agency's own name
    if (
        i - start >= 4
        and i < end
        and doc[i - 1].lower_ in CONNECTIVES
        and normalize_name(doc[i:end].text) not in _NAMES_OF_THEIR_OWN
    ):
        return i
    return start


def _after_head_of_named_body(doc: Doc, start: int, end: int) -> int:
    """Start of "[IGAD]" in "Jumuia ya IGAD", "[Umoja wa Mataifa]" in "shirika la Umoja wa
    Mataifa": a head noun that only says what kind of body a name of its own is (an
    acronym, or the full name of a well-known one) stays outside it, as in the MasakhaNER
    training data (9 of the 10 such spans there), else `start`."""
    if (
        end - start < 3
        or doc[start].lower_ not in _DESCRIBING_ORGANIZATION_HEADS
        or doc[start + 1].lower_ not in CONNECTIVES
    ):
        return start
    rest = doc[start + 2 : end]
    if (len(rest) == 1 and acronym(rest.text)) or normalize_name(rest.text) in _NAMES_OF_THEIR_OWN:
        return start + 2
    return start


def _no_word(token) -> bool:
    """Punctuation, blanks, and symbols spaCy does not count as punctuation ("|" is Sm)."""
    return token.is_punct or token.is_space or not any(ch.isalnum() for ch in token.text)


def _glued_boilerplate(doc: Doc, i: int, rest_start: int, rest_end: int) -> bool:
    """A page word (token i) written together with the name beside it in the span
    ("Putin" + "Picha"); doc[rest_start:rest_end] is the rest of the span, made only for
    the rare page word (a Span per token tried costs more than the test)."""
    token = doc[i]
    if token.lower_ not in GLUE_WORDS or rest_start >= rest_end:
        return False
    rest = doc[rest_start:rest_end]
    left = rest[-1] if rest[-1].i < token.i else token
    neighbour = rest[-1] if rest[-1].i < token.i else rest[0]
    return not left.whitespace_ and neighbour.is_alpha


def _with_acronym(full: list[Mention], acronym_span: Span) -> list[Mention]:
    return [*full, Mention(acronym_span, "ORG", name_text(acronym_span), names_previous=bool(full))]


def _as_one_span(first: list[Mention], second: list[Mention], label: str) -> list[Mention]:
    """The mentions of two names the NER tagged as one span: separate for the grouping,
    one `label` span in doc.ents when each is a single mention and nothing but a dash
    lies between them."""
    if len(first) == 1 and len(second) == 1 and first[0].ents is None and second[0].ents is None:
        a, b = first[0], second[0]
        doc = a.span.doc
        if all(token.text in _DASHES for token in doc[a.span.end : b.span.start]):
            a.ents = (Span(doc, (a.ner_span or a.span).start, (b.ner_span or b.span).end, label=label),)
            b.ents = ()
    return first + second


def _name_start(doc: Doc, start: int, end: int, label: str) -> int | None:
    """First token of the name, None if there is none. Cut off: titles and roles ("Rais
    [Putin]"), what follows a title up to the name ("Waziri wa Mambo ya Nje wa Urusi
    [Sergey Lavrov]"), lowercase descriptors ("shirika la habari la [AFP]", "serikali ya
    [Urusi]"). Other lowercase words stay, as in the MasakhaNER data ("benki ya Dunia",
    "mto Nile", "al-Sistani", a name written in lowercase)."""
    i, had_title = start, False
    while i < end:
        token = doc[i]
        if is_title(token):
            had_title = True
            i += 1
        elif token.is_punct or token.is_space or (had_title and not is_capitalized(token.text)) or _is_verb(token):
            i += 1
        elif descriptor := _descriptor_length(doc, i, end):
            i += descriptor
        else:
            break
    if i == end:
        return None if had_title else start
    name_start = i
    if label != "PER":
        return name_start
    if had_title:
        # "Waziri wa Mambo ya Nje wa Urusi Sergey Lavrov": the name follows the last
        # connective and the country or office named after it.
        lowercase = [j for j in range(start, end) if not is_capitalized(doc[j].text)]
        if lowercase and lowercase[-1] + 1 < end:
            name_start = lowercase[-1] + 1
            if doc[name_start - 1].lower_ in CONNECTIVES:
                skip = _country_prefix_length([t.text for t in doc[name_start:end]]) or 1
                name_start += skip if end - name_start > skip else 0
    # "Kremlin Yuri Ushakov" (an aide of the Kremlin), "Korea Kaskazini Kim Jong Un": a
    # seat of government or a country the NER ran into the name
    skip = _seat_or_country_prefix_length([t.text for t in doc[name_start:end]])
    if skip and end - name_start > skip:
        name_start += skip
    return name_start


def _is_verb(token) -> bool:
    """A finite verb the NER ran into a name ("akishindwa Kitgum", "Amesema Nsereko"):
    any lowercase verb form, and speech verbs also capitalized ("Amerika",
    "Ulimwenguni" look like verb forms but are names)."""
    if token.lower_ in _VERB_SHAPED_NAME_WORDS:
        return False
    return bool(VERB_LIKE.match(token.text) or SPEECH_VERB.match(token.lower_))


def _descriptor_length(doc: Doc, i: int, end: int) -> int:
    """Length of a lowercase descriptor phrase starting at token i with a name after it."""
    for phrase in _DESCRIPTORS_BY_FIRST_WORD.get(doc[i].text, ()):
        n = len(phrase)
        if i + n < end and all(doc[i + k].text == word for k, word in enumerate(phrase)):
            return n
    return 0


def _head_start(span: Span, heads) -> int:
    """Start of a name whose head noun the NER left out: "Tume ya [Umoja wa Afrika]"
    is the commission, "Uwanja wa [Kim Il Sung]" a stadium."""
    doc, i, start = span.doc, span.start, span.start
    for _ in range(3):
        if i < 2:
            break
        noun, connective = doc[i - 2], doc[i - 1]
        if connective.lower_ not in CONNECTIVES or not is_capitalized(noun.text) or noun.ent_type or connective.ent_type:
            break
        i -= 2
        if noun.lower_ in heads:
            start = i
    return start


def _country_prefix_length(words: Sequence[str]) -> int:
    for length in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        if country_code(" ".join(words[:length])):
            return length
    return 0


def _seat_or_country_prefix_length(words: Sequence[str]) -> int:
    # A one-word country before a one-word rest stays: it is a given name ("Jordan
    # Henderson" keeps "Jordan"); before a full name it is not ("Marekani Matthew Miller").
    for length in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        text = " ".join(words[:length])
        if normalize_name(text) in SEATS or (country_code(text) and (length > 1 or len(words) - length > 1)):
            return length
    return 0


def _country_after_place(span: Span) -> int | None:
    """Where a country name starts at the end of a longer place span that is no
    country itself ("Toronto Canada", a caption's "Xi Vietnam"), else None."""
    doc = span.doc
    if len(span) < 2 or country_code(span.text):
        return None
    for length in range(min(MAX_NAME_WORDS, len(span) - 1), 0, -1):
        split = span.end - length
        before = doc[split - 1]
        if (
            country_code(doc[split : span.end].text)
            and is_capitalized(before.text)
            and before.lower_ not in _PLACE_PREFIXES
            and before.lower_ not in CONNECTIVES
        ):
            return split
    return None


def repeated_name_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions the NER missed: other occurrences of a name it found elsewhere in the
    article ("Kiev" tagged once of twice), with the label it got most often, the
    surname alone of a person it found by full name, the other names of a seat of
    government it found ("Kremlin" after "Ikulu ya Kremlin"), and a country name
    written in lowercase ("kwa urusi").

    A news article repeats its names, and the NER, reading each sentence on its own,
    misses some repeats. Only a whole name counts: an occurrence inside a longer run of
    capitalized words ("Kim" in "Uwanja wa Kim Il Sung") is left alone, and so is a
    one-word name the article also writes in lowercase (then it is a common word)."""
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    surnames = set()
    for mention in mentions:
        words = tuple(t.text for t in mention.span)
        if is_capitalized(words[0]) and not (len(words) == 1 and (is_title(mention.span[0]) or len(words[0]) < 2)):
            label_votes = votes.setdefault(words, {})
            label_votes[mention.label] = label_votes.get(mention.label, 0) + 1
        if mention.label == "PER" and len(words) > 1 and len(words[-1]) > 2 and words[-1].isalpha():
            surnames.add(words[-1])
        seat = SEATS.get(normalize_name(mention.text))
        for other in _SEAT_NAMES.get(seat, ()):
            votes.setdefault(tuple(other.split()), {"ORG": 1})
    # A person named in full is then named by surname ("Naitore Nyamu" ... "alisema Nyamu").
    for surname in surnames:
        votes.setdefault((surname,), {"PER": 1})
    texts = _token_texts(doc)
    lowercase = {text for text in texts if text[:1].islower()}
    for text in lowercase:
        if _is_country_word(text):
            votes.setdefault((text,), {"LOC": 1})
    if not votes:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(votes, key=len, reverse=True):
        if len(words) == 1 and words[0].lower() in lowercase and not _is_country_word(words[0]):
            continue
        by_first.setdefault(words[0], []).append(words)
    # cleaned mentions may cover tokens outside the NER's spans ("Uwanja wa" + a name)
    taken = {i for mention in mentions for i in range(mention.span.start, mention.span.end)}
    found = []
    i, n = 0, len(doc)
    while i < n:
        candidates = by_first.get(texts[i])
        length = next((len(w) for w in candidates if _is_free_name(doc, i, w, taken)), 0) if candidates else 0
        if length:
            words = doc[i : i + length]
            label_votes = votes[tuple(t.text for t in words)]
            label = max(label_votes, key=lambda lab: label_votes[lab])
            found.append(Mention(words, label, name_text(words)))
            i += length
        else:
            i += 1
    return found


def _is_country_word(text: str) -> bool:
    return text.isalpha() and len(text) >= 4 and text.lower() not in _COMMON_WORD_COUNTRIES and bool(country_code(text))


def _is_free_name(doc: Doc, i: int, words: tuple[str, ...], taken: set[int]) -> bool:
    """`words` occur at token i, outside any entity and mention, as a whole name."""
    end = i + len(words)
    if end > len(doc) or any(
        doc[i + k].text != word or doc[i + k].ent_type or i + k in taken for k, word in enumerate(words)
    ):
        return False
    before = doc[i - 1] if i else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.is_alpha and is_capitalized(before.text) and not is_title(before):
        # a capitalized word before it belongs to the same name, unless it opens the
        # sentence ("Baadaye Neema Mushi aliondoka")
        opens_sentence = i == 1 or doc[i - 2].is_punct or doc[i - 2].is_space
        if not opens_sentence:
            return False
    glued_page_word = after is not None and after.lower_ in GLUE_WORDS and not doc[end - 1].whitespace_
    # a capitalized word after it continues the name, unless the NER put it in another
    # entity ("Msemaji wa Kremlin [Dmitry Peskov]")
    return (
        after is None
        or glued_page_word
        or bool(after.ent_type)
        or not (after.is_alpha and is_capitalized(after.text))
    )


def _opens_sentence(doc: Doc, i: int) -> bool:
    before = doc[i - 1] if i else None
    return before is None or "\n" in before.text or before.text in (".", "!", "?", ":", "“", '"', "|")


# Heads of the bodies of a state that are named by the state alone ("Bunge la Marekani",
# "Jeshi la Somalia"); other heads need a name of their own ("Wizara ya Mambo ya Nje"),
# so that "Mamlaka ya CAR" (the authorities) stays the place.
_STATE_BODY_HEADS = frozenset("bunge jeshi mahakama".split())
_UNTAGGED_HEADS = (ORGANIZATION_HEADS - {"ikulu", "umoja", "muungano"}) | _STATE_BODY_HEADS


# Companies news names as channels ("ujumbe wa Twitter"), organizations in ANNOTATION.md;
# the MasakhaNER data tags them about half the time, so doc.ents leaves them out.
_PLATFORMS = frozenset("Twitter Facebook YouTube Youtube Instagram WhatsApp Whatsapp TikTok Telegram".split())


def untagged_organizations(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the organization names the NER left untagged added: social
    media companies written capitalized, and a
    capitalized head noun followed by capitalized words, each after a connective or
    not, and places ("Wizara ya Mambo ya Nje ya Marekani", "Mahakama Kuu ya Kenya",
    "Kituo cha Televisheni cha Taifa cha Somalia"). ANNOTATION.md makes such a body one
    organization; the MasakhaNER data leaves it untagged except for the place inside, so
    doc.ents keeps that place. The name ends before a person (the body's spokesman) and
    anything lowercase; one followed by another organization is that organization's
    descriptor ("Shirika la Habari la [Reuters]")."""
    by_start = {m.span.start: m for m in mentions}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    found: list[Mention] = []
    absorbed: set[int] = set()
    keys, lowers = _token_keys(doc), _token_keys(doc, LOWER)
    platforms, heads = _keys_of(doc, _PLATFORMS), _keys_of(doc, _UNTAGGED_HEADS)
    i, n = 0, len(doc)
    while i < n:
        if i not in taken and keys[i] in platforms:
            found.append(Mention(doc[i : i + 1], "ORG", doc[i].text, ents=()))
            i += 1
            continue
        if i in taken or lowers[i] not in heads or not is_capitalized(doc[i].text):
            i += 1
            continue
        token = doc[i]
        end, inner, words = i + 1, [], 0
        while end < n:
            # "na" after a place joins another name to the body's ("Bunge la Marekani na
            # Waendesha mashtaka"), not a part of it
            if doc[end].lower_ == "na" and inner and inner[-1].span.end == end:
                break
            j = end + 1 if doc[end].lower_ in CONNECTIVES and end not in taken else end
            if j >= n:
                break
            mention = by_start.get(j)
            if mention is not None:
                if mention.label != "LOC":
                    break
                inner.append(mention)
                end = mention.span.end
            elif j not in taken and doc[j].is_alpha and is_capitalized(doc[j].text) and not doc[j].ent_type and not is_title(doc[j]):
                words += 1
                end = j + 1
            else:
                break
        follows_organization = (
            end + 1 < n and doc[end].lower_ in CONNECTIVES and (m := by_start.get(end + 1)) is not None and m.label == "ORG"
        )
        # at a sentence start a capital says nothing: "Jeshi la Ethiopia" there may be the
        # lowercase "jeshi la [Ethiopia]" of ANNOTATION.md
        state_body = inner and token.lower_ in _STATE_BODY_HEADS and not _opens_sentence(doc, i)
        if (words or state_body) and not follows_organization:
            span = doc[i:end]
            spans = [m.ner_span or m.span for m in inner]
            ents = tuple(Span(doc, s.start, s.end, label=m.label) for s, m in zip(spans, inner))
            found.append(Mention(span, "ORG", name_text(span), ents=ents))
            absorbed.update(id(m) for m in inner)
            i = end
        else:
            i += 1
    if not found:
        return mentions
    kept = [m for m in mentions if id(m) not in absorbed]
    return sorted(kept + found, key=lambda m: m.span.start)

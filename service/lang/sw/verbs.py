"""Swahili verb morphology: the prefix slots of a verb, and the tests built on them.

A finite verb is [negation] + subject + tense + [relative] + [object] + stem
(a-li-sema, wa-na-o-ishi, ha-ku-sema, a-li-wa-ambia, ha-i-wez-i). No maintained Swahili
morphological analyser ships for Python (spaCy has no Swahili lemmatizer or
morphologizer), so the slots are written out here once, and every rule that reads a
verb's prefixes builds its pattern from them: speech verbs (speech_verbs.py), tense
(the date component), finite and relative verbs (the quote rules), verb-shaped words
that cannot begin a name (the mention rules). A pattern that leaves a prefix out says why.
"""
from __future__ import annotations

import functools
import re

# Subject prefixes: the verb agrees with its subject's person or noun class.
FIRST_PERSON_SUBJECTS = ("ni", "tu")  # I, we
SECOND_PERSON_SUBJECTS = ("u", "m", "mu")  # you (one), you (several)
# He or she (yu- before the locative copula: yuko), they: noun classes 1 and 2.
PERSON_SUBJECTS = ("a", "yu", "wa")
# Classes 3-18: u (3, 11, 14), i (4, 9), li (5), ya (6), ki (7), vi (8), zi (10),
# ku (15, 17), pa (16), mu (18).
CLASS_SUBJECTS = ("u", "i", "li", "ya", "ki", "vi", "zi", "ku", "pa", "mu")
SUBJECTS = tuple(dict.fromkeys(FIRST_PERSON_SUBJECTS + SECOND_PERSON_SUBJECTS + PERSON_SUBJECTS
                               + CLASS_SUBJECTS))
# Prefixes that say the subject is a person, the tenseless headline form included
# (twa-: we, as in "twasema"); u- is also classes 3, 11 and 14, so it says nothing.
PERSON_PREFIXES = frozenset(FIRST_PERSON_SUBJECTS + ("m", "mu") + PERSON_SUBJECTS + ("twa",))

# Tense and aspect: past, perfect, present, future, participle ("while"), consecutive,
# conditionals, "not yet" (ha-ja-), "already" (me-sha-, me-shi-).
TENSES = ("li", "me", "na", "ta", "ki", "ka", "nge", "ngali", "ja", "mesha", "meshi")
# Relative markers after the tense, one per class: the verb then describes a noun
# (a-li-ye-sema: who said; ki-li-cho-semwa: what was said).
RELATIVES = ("ye", "o", "cho", "vyo", "lo", "yo", "zo", "po", "ko", "mo", "wo")
# Object markers before the stem (a-li-wa-ambia: told them).
OBJECTS = ("mw", "mu", "m", "wa", "ni", "tu", "ki", "vi", "li", "ya", "i", "zi", "u", "ji", "ku")
# The headline present fuses subject and "a" and drops the tense: a-sema, ya-sema.
A_PRESENT = ("a", "wa", "ya", "za", "la", "cha", "vya", "twa")


def alternation(prefixes, without=()) -> str:
    """A regex alternation of the prefixes, less `without`, longest first so that "mu"
    is tried before "m"."""
    kept = [p for p in dict.fromkeys(prefixes) if p not in without]
    return "|".join(sorted(kept, key=len, reverse=True))


# The relative markers that follow a tense marker directly; "o" and "wo" follow only
# the subjects that take them (wa-li-o-, u-na-o-), where after "a" an "o" would be the
# first vowel of a stem (a-ta-omba).
_CLASS_RELATIVES = alternation(RELATIVES, without=("o", "wo"))

# Nouns that look like verbs to the prefix grammar (wa-na-nchi, wa-li-mu, wa-ki-mbizi,
# u-ta-wala, m-li-puko).
VERB_LOOKALIKE_NOUNS = frozenset(
    """
    wananchi wanajeshi wanahabari wanasiasa wanafunzi wanaharakati wanachama wanamgambo
    wanawake wanaume walimu wanariadha wanasayansi wanamuziki wanasheria ulimwengu
    wanadamu wanandoa wanakijiji wanavijiji ulinzi wanamaji ulingo umeme ilani wakimbizi
    mkimbizi wakili mawakili wakilishi wawakilishi wanadiplomasia wanazuoni unafuu ulimi
    wanyama umaskini wataalamu wataalam watafiti watangazaji walinzi kinara wanahisa
    wanamapinduzi utafiti ulimwenguni utawala utaratibu utata utajiri utaifa utangazaji
    utamaduni utalii utaalamu watatu watano wanane watanzania wanafamilia hatari hatarini
    hatamu sikukuu kilimo vitambulisho vitabu kitabu kitaifa kitaaluma amerika wamarekani
    walinda habari harakati hadithi halmashauri hospitali hakimu hasira akili wakala
    mawakala makini watawala mlipuko milipuko mkataba mtandao mitandao mlinzi vilipuzi
    mlima kilimanjaro mtaalamu watalii italia utapiamlo vitani
    """.split()
)
# The locative copula ("yuko Berlin", "ziko hatarini", "umoja huo uko tayari"): present
# tense, no tense marker; subject + -ko/-po. Class 6 "yako" is left out: it is mostly the
# possessive "your".
LOCATIVE_COPULAS = frozenset(
    """
    yuko wako iko ziko liko kuko uko kiko viko tuko niko mko yupo wapo ipo zipo lipo kupo
    upo kipo vipo tupo nipo mpo yapo
    hayuko hawako haiko haziko haliko hakiko haviko hauko hayako hayupo hawapo haipo hazipo
    halipo hakipo havipo haupo hayapo
    """.split()
)
# Copulas and the like open a predicate; so does the modal "lazima" before a subjunctive
# ("orodha lazima iidhinishwe").
COPULAS = frozenset(
    """
    ni si lazima sio siyo ndiyo ndio ndiye ndicho ndilo ndizo ndivyo ndiwo hana hawana
    hayana haina hazina hakina halina havina hauna ana wana ina zina lina kina vina yana
    una tuna nina kuna kulikuwa kutakuwa hakuna hayupo kumekuwa kumekuwepo kulikuwepo
    kutakuwepo
    """.split()
) | LOCATIVE_COPULAS

# A finite verb: subject + tense + stem (a-li-fika, i-na-weza), the class-15 forms
# (ku-me-kuwa), and the negatives (ha-i-wez-i, ha-ku-sema, ha-pa-ta-kuwa). The subjects
# leave out ku- (the infinitive), m(u)- and yu-, which begin more nouns than verbs here
# (mtu, mwanasiasa, yuko is a copula).
_FINITE = re.compile(
    rf"(?:{alternation(SUBJECTS, without=('m', 'mu', 'yu', 'ku'))})"
    r"(?:li|me|na|ta|nge|ngali|mesha)\w{2,}"
    r"|ku(?:me|na)\w{3,}"
    # negative present: ha-i-wez-i, ha-tak-i
    rf"|ha(?:{alternation(SUBJECTS, without=('a', 'ni', 'm', 'mu', 'yu', 'ku', 'pa'))})?\w{{2,}}i"
    rf"|(?:ha|si)(?:{alternation(SUBJECTS, without=('a', 'ni', 'mu', 'yu'))})?(?:ku|ja|ta)\w{{2,}}"
    # negative subjunctive: a-si-wez-e
    rf"|(?:{alternation(SUBJECTS, without=('m', 'mu', 'yu', 'ku', 'pa'))})si\w{{2,}}e",
    re.IGNORECASE,
)
# The habitual (hu- + stem, no subject or tense: "watu huanza …", "hufanyika kila mwaka").
# Stems ending in -i are left out: hu- + stem + -i is also the negative "you" (huwezi,
# hujui), and "huwezi kusema …" is no report.
_HABITUAL = re.compile(r"hu[a-z]{3,}[au]")
# Words that begin like a habitual verb and are not one, or mostly not ("huenda": perhaps).
HABITUAL_LOOKALIKES = frozenset(
    """
    huduma husika huenda hususan hususani hukumu hujuma huohuo huruma huria huzuni hundi
    hulka hutuba hukohuko husni husna
    """.split()
)
_RELATIVE_VERB = re.compile(
    rf"(?:{alternation(SUBJECTS, without=('m', 'mu', 'yu'))})(?:li|na|ta|nge)(?P<rel>{_CLASS_RELATIVES})\w{{2,}}"
    r"|(?:wa|u|tu|m|ku)(?:li|na|ta|nge)(?P<rel_o>o)\w{2,}",
    re.IGNORECASE)
# Common stems that begin like a relative marker: a-li-pokea is "received", not
# a-li-po-kea; i-na-kosa is "lacks", not i-na-ko-sa.
_RELATIVE_LOOKALIKE_STEMS = ("pokea", "pokel", "pongez", "potea", "potez", "pona", "ponya",
                             "pokonya", "pora", "kosa", "kosea", "kosoa", "kosol", "komesh",
                             "kombo", "kopa", "chochea", "chora", "chokoz", "zoea", "zoez",
                             "lowa", "yeyusha", "mong")
_PARTICIPLE = re.compile(rf"(?:{alternation(SUBJECTS, without=('mu', 'yu', 'ku', 'pa'))})ki\w{{2,}}",
                         re.IGNORECASE)
# A verb in the first person ("tutaendelea", "nimeamua"): the speaker's own words.
FIRST_PERSON_VERB = re.compile(rf"(?:{alternation(FIRST_PERSON_SUBJECTS)})(?:li|me|na|ta|nge|ngali)\w{{2,}}",
                               re.IGNORECASE)
# Subject + tense of a finite verb in the third person or a noun class ("alikutana",
# "wamesema"), lowercase: no name or role noun starts this way.
VERB_LIKE = re.compile(
    rf"^(?:{alternation(PERSON_SUBJECTS + CLASS_SUBJECTS, without=('yu', 'ku', 'pa', 'mu'))})"
    r"(?:li|me|na|ta|ki|nge)[a-z]{2,}$")


# A verb whose subject is one person, third person: a- + tense, with a relative or not
# ("aliongeza", "akaongeza", "aliyetumika", "amesema").
PERSON_VERB = re.compile(r"^a(?:li|me|na|ta|ka|nge|mesha)[a-z]{2,}$")
# A verb whose subject is more than one person (wa-li-sema, wa-me-dai).
PEOPLE_VERB = re.compile(r"^wa(?:li|me|na|ta|ka|nge|mesha)[a-z]{2,}$")
# A verb whose subject is a body or a thing: a class prefix that is no person's + tense
# ("ilipokea", "limesema", "vimeeleza"; not u-, which is also "you").
THING_VERB = re.compile(r"^(?:i|li|ki|vi|zi|ya)(?:li|me|na|ta|ka|nge|mesha)[a-z]{2,}$")


# Small, so that new words cannot grow a worker (benchmarks/README.md, section 2).
CACHE_SIZE = 4096


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_relative_verb(word: str) -> bool:
    m = _RELATIVE_VERB.match(word)
    if m is None:
        return False
    at = m.start("rel") if m.group("rel") else m.start("rel_o")
    return not word[at:].lower().startswith(_RELATIVE_LOOKALIKE_STEMS)


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_finite_verb(word: str) -> bool:
    low = word.lower()
    if low in COPULAS:
        return True
    if low in VERB_LOOKALIKE_NOUNS:
        return False
    return bool(_FINITE.fullmatch(low)) or (
        low not in HABITUAL_LOOKALIKES and bool(_HABITUAL.fullmatch(low)))


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_verb(word: str) -> bool:
    return is_finite_verb(word) or (word.lower() not in VERB_LOOKALIKE_NOUNS
                                    and bool(_PARTICIPLE.fullmatch(word)))


# Tense, for dating an event by its verb. Class 15 "ku" is left out of the subjects
# because it is the infinitive. Past and future verbs may end in any vowel (Arabic
# loans: "aliwasili", "atajibu"); the present "-na-" is held to a final -a because
# "wana-" begins many nouns (wananchi).
_TENSE_SUBJECT = f"(?:{alternation(SUBJECTS, without=('yu', 'ku'))})"
_ENDING = f"(?:[aeiou]|{_CLASS_RELATIVES})"
_PAST = re.compile(
    rf"^(?:{_TENSE_SUBJECT}(?:li|me)[a-z]{{2,}}{_ENDING}|ha{_TENSE_SUBJECT}?(?:ku|ja)[a-z]{{2,}}{_ENDING})$"
)
FUTURE_VERB = re.compile(rf"^(?:{_TENSE_SUBJECT}|ha{_TENSE_SUBJECT}?)ta[a-z]{{2,}}{_ENDING}$")
# Present relatives ("yanayoangazia", "anayeongoza") describe rather than date an event.
_PRESENT = re.compile(rf"^{_TENSE_SUBJECT}na(?!{_CLASS_RELATIVES})[a-z]{{2,}}a$")
# A relative verb of any tense, by its prefixes alone ("uliofanyika", "zilizoendelea").
TENSED_RELATIVE_PREFIX = re.compile(rf"^{_TENSE_SUBJECT}(?:li|ta|na|me)(?:{_CLASS_RELATIVES})")


@functools.lru_cache(maxsize=CACHE_SIZE)
def verb_tense(word: str) -> int | None:
    """-1 for a past or perfect verb, +1 for a future or present one, else None; `word`
    lowercase."""
    if word in VERB_LOOKALIKE_NOUNS:
        return None
    if _PAST.match(word):
        return -1
    if FUTURE_VERB.match(word) or _PRESENT.match(word) or word in LOCATIVE_COPULAS:
        return 1
    return None

# Finite verbs that may stand before a speech verb as its auxiliary ("aliendelea kusema").
AUXILIARY_ENDINGS = ("endelea", "endea", "malizia", "ongeza", "rudia")

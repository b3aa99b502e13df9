"""Swahili grammar words: connectives, possessives, demonstratives, pronouns, the adverbs
and conjunctions a clause can open with, named by the role the rules give them.

spaCy ships no Swahili stop words or syntax iterators, and the rules need finer groups
than one stop list: each set below says which words a rule treats alike.
"""
from __future__ import annotations

from service.lang.sw.date_words import RELATIVE_DAYS, TIMES_OF_DAY, WEEKDAY_NAMES

# -- connectives and determiners

# The associative "of", agreeing with the class of the noun before it ("Waziri wa",
# "Tume ya", "Baraza la", "Chama cha").
ASSOCIATIVES = frozenset("wa ya la za cha vya kwa".split())
# What joins a role or a head noun to what it belongs to: "of" (also "mwa": "Kusini mwa
# Afrika") and "and".
CONNECTIVES = ASSOCIATIVES | {"mwa", "na"}
# Possessives after a noun ("nchi yake", "msemaji wao").
POSSESSIVES = frozenset("wake yake lake chake zake vyake yao zao wao".split())
# What a noun's owner follows: "of" or a possessive.
GENITIVES = ASSOCIATIVES | POSSESSIVES

# "This" and "that" after a noun; the person forms refer back to someone named before
# ("Waziri huyo"). Not the far plural forms of classes 2, 7 and 10, nor class 6 and 8,
# whose "hayo", "hivyo", "vile" are more often pronouns and adverbs.
PERSON_DEMONSTRATIVES = frozenset("huyo huyu yule".split())
PEOPLE_DEMONSTRATIVES = PERSON_DEMONSTRATIVES | {"hao", "hawa", "wale"}
DEMONSTRATIVES = PERSON_DEMONSTRATIVES | frozenset(
    "hao hawa hiyo hicho hilo hizo hii hili hiki hizi lile ile huo huu ule".split())

# -- clauses

COMPLEMENTIZERS = frozenset({"kwamba", "kuwa"})
# Modal adverbs that open a predicate ("perhaps"): after "kuwa" they make it "that"
# ("alieleza kuwa huenda …", "kuwa uamuzi huo huenda …"), since "to be perhaps" is no
# Swahili; the verb
# after them is often in a form the finite-verb test leaves (huenda ikawa, usiwe).
CLAUSE_MODAL_ADVERBS = frozenset("huenda labda pengine yamkini".split())

# Conjunctions that open a purpose clause: a complementizer after them is its verb's
# ("alidai mbolea ili kuhakikisha kuwa …").
PURPOSE_CONJUNCTIONS = frozenset({"ili"})
# Words that open a predicate without its subject ("ni ukiukaji …").
PREDICATE_STARTS = frozenset("ni si ndiyo ndio ndicho ndilo ndizo".split())

# Discourse connectives that open Swahili sentences; one- and two-word forms.
DISCOURSE_CONNECTIVES = frozenset(
    """
    isitoshe aidha hivyo pia lakini naye nao vilevile kadhalika hatimaye baadaye awali
    kisha ndipo hatahivyo halikadhalika zaidi tena ingawa ingawaje japo licha walakini mathalani
    """.split()
)
TWO_WORD_DISCOURSE_CONNECTIVES = frozenset({("hata", "hivyo"), ("hata", "hivi"), ("kwa", "hiyo"),
                                            ("wakati", "huo"), ("pamoja", "na"), ("mbali", "na"),
                                            ("kwa", "upande")})

# Words before a speech verb that are not its subject (adverbs, conjunctions, pronouns,
# times): a clause made only of these leaves the verb with the previous speaker.
NON_SUBJECT_WORDS = frozenset(
    """
    na naye nao nayo pia hata hivyo lakini aidha huku wakati hapo ambapo baadaye kisha
    vilevile vile sasa tena kadhalika mbali zaidi yeye wao sisi mimi hii ila ingawa
    ingawaje hatimaye awali mapema siku ya wa la mwaka mwezi wiki huo hiyo hilo kwa upande
    mwingine katika walakini halafu baada kabla tarehe mnamo hayo haya kwanza mwisho tu
    basi kama ili mara moja nyingine hadi tangu huu
    """.split()
) | WEEKDAY_NAMES | TIMES_OF_DAY | frozenset(RELATIVE_DAYS)
# Words right after a speech verb that are adjuncts, not a postposed subject.
POST_ADJUNCT_WORDS = NON_SUBJECT_WORDS | COMPLEMENTIZERS | frozenset(
    """
    kwenye mbele kupitia akiwa wakiwa ikiwa mjini nchini jijini hapa huko hivi kuhusu juu
    wazi bayana ndani nje rasmi
    """.split()
)
# Places an adjunct names ("nchini Kenya", "mkoani Arusha").
PLACE_ADJUNCTS = frozenset("nchini mjini jijini katika huko kwenye wilayani mkoani".split())
# "there, in": the name after it is the town, never its club ("huko Leverkusen").
TOWN_LOCATIVES = frozenset({"huko"})
# Words that name a day, ending a noun phrase before them ("polisi wa Ghana jana").
DAY_WORDS = WEEKDAY_NAMES | TIMES_OF_DAY | frozenset(RELATIVE_DAYS)

# Times that may follow the addressee before the clause's subject.
ADDRESSEE_TIMES = frozenset(
    "siku ya wiki mwezi mwaka hii huu iliyopita uliopita ijayo ujao".split()
) | WEEKDAY_NAMES | TIMES_OF_DAY | frozenset(RELATIVE_DAYS)
# Words that close an addressee's noun phrase ("nchi yake", "wanahabari hao").
ADDRESSEE_DETERMINERS = POSSESSIVES | frozenset("huyo hao hiyo hilo hicho hizo wote yote zote".split())
# Objects that close a speech verb without a clause ("alisema hayo").
OBJECT_PRONOUNS = frozenset("hayo haya hivyo hivi hilo hicho lolote chochote kuhusu juu".split())
# "hivi" (thus) opening a time adverb, not an object: "alisema hivi sasa wanafanya …".
TIME_ADVERB_PAIRS = frozenset({("hivi", "sasa"), ("hivi", "karibuni")})

# A quoted phrase right after these is a name, label or description, not speech.
NAMING_WORDS = frozenset(
    """
    kama kuitwa inayoitwa linaloitwa kinachoitwa aitwaye iitwayo maarufu jina neno
    lijulikanalo inayojulikana anayejulikana kinachojulikana linalojulikana unaoitwa
    wanaoitwa zinazoitwa kiitwacho mbiu inamaanisha maana yaani kumaanisha ikimaanisha alama
    """.split()
)
# Words between two names of one person: "Robert Kyagulanyi maarufu Bobi Wine".
ALIAS_CUES = frozenset({("maarufu",), ("almaarufu",), ("maarufu", "kama"), ("anayejulikana", "kama"),
                        ("anayejulikana", "zaidi", "kama"), ("ajulikanaye", "kama"),
                        ("aliyejulikana", "kama")})

# Pronouns and possessives of the first and second person: a speaker's own words.
FIRST_SECOND_PERSON_WORDS = frozenset(
    """
    mimi sisi wewe nyinyi ninyi kwangu kwetu kwenu kwako wangu yangu langu changu zangu
    vyangu wetu yetu letu chetu zetu vyetu wenu yenu lenu chenu zenu wako yako lako chako zako
    """.split()
)

# A line opening with these is the article's byline ("Imetayarishwa na mwandishi wetu"),
# where no quotation goes on.
BYLINE_OPENERS = ("imetayarishwa na", "imeandaliwa na")

"""The word lists of service/lang/sw/: one row per list, saying what it is for, with words
that belong to it and words that must not (each chosen because a rule would go wrong
if the list held it), then the relations the rules rely on between lists."""
import ast
import inspect

import pytest

from service.lang.sw import common_words, date_words, function_words, nouns

# (module, list, what it is for, words in it, words not in it)
LISTS = [
    (function_words, "ASSOCIATIVES", "the 'of' that agrees with its noun's class",
     ["wa", "ya", "cha", "kwa"], ["na", "yake"]),
    (function_words, "CONNECTIVES", "joins a role or head noun to what it belongs to",
     ["wa", "mwa", "na"], ["yake", "kama"]),
    (function_words, "POSSESSIVES", "a noun's owner after it", ["yake", "wao", "zao"], ["wa", "huyo"]),
    (function_words, "GENITIVES", "what an owner follows: 'of' or a possessive", ["ya", "yake"], ["na"]),
    (function_words, "PERSON_DEMONSTRATIVES", "'that person' refers back to someone named",
     ["huyo", "yule"], ["hao", "hiyo"]),
    (function_words, "PEOPLE_DEMONSTRATIVES", "a person or people referred back to",
     ["huyo", "hao", "wale"], ["hiyo"]),
    (function_words, "DEMONSTRATIVES", "'this'/'that' closing a noun phrase",
     ["huyo", "hiyo", "hilo", "ule"], ["hivyo", "hayo"]),
    (function_words, "COMPLEMENTIZERS", "'that' opening reported speech", ["kwamba", "kuwa"], ["kama"]),
    (function_words, "PREDICATE_STARTS", "a predicate with no subject before it", ["ni", "ndiyo"], ["na"]),
    (function_words, "CLAUSE_MODAL_ADVERBS", "'perhaps': after kuwa, a clause follows",
     ["huenda", "labda"], ["sasa", "hivyo"]),
    (function_words, "PURPOSE_CONJUNCTIONS", "'so that' opening a purpose clause", ["ili"], ["kwamba"]),
    (function_words, "DISCOURSE_CONNECTIVES", "sentence openers the NER glues to names",
     ["isitoshe", "aidha", "hatimaye"], ["juma", "rais"]),
    (function_words, "NON_SUBJECT_WORDS", "words before a speech verb that are not its subject",
     ["pia", "jana", "jumatatu", "asubuhi", "kesho"], ["rais", "polisi", "serikali"]),
    (function_words, "POST_ADJUNCT_WORDS", "adjuncts after a speech verb, not a postposed subject",
     ["nchini", "kwamba", "rasmi"], ["rais", "msemaji"]),
    (function_words, "PLACE_ADJUNCTS", "locatives that name where", ["nchini", "mkoani"], ["jana"]),
    # "katika Simba" may be in the club ("alicheza katika Simba")
    (function_words, "TOWN_LOCATIVES", "'there, in': a one-word name after it is the town, not its club",
     ["huko"], ["katika", "kwenye"]),
    (function_words, "DAY_WORDS", "days that end a noun phrase", ["jana", "jumatatu", "asubuhi"],
     ["wizara", "wiki"]),
    (function_words, "ADDRESSEE_TIMES", "times between an addressee and the clause",
     ["jana", "jumanne", "jioni", "iliyopita"], ["kwamba", "waziri"]),
    (function_words, "ADDRESSEE_DETERMINERS", "words that close an addressee's noun phrase",
     ["yake", "hao", "wote"], ["kwamba"]),
    (function_words, "OBJECT_PRONOUNS", "objects that close a speech verb without a clause",
     ["hayo", "hilo", "kuhusu"], ["kwamba", "kuwa"]),
    (function_words, "NAMING_WORDS", "a quoted phrase after these names or labels, not speech",
     ["kuitwa", "maarufu", "yaani"], ["alisema"]),
    (function_words, "FIRST_SECOND_PERSON_WORDS", "the speaker's own words", ["mimi", "wetu", "yako"],
     ["yeye", "wao"]),
    (nouns, "TITLE_WORDS", "titles and roles before a name", ["rais", "waziri", "bw", "dkt"],
     ["serikali", "juma"]),
    (nouns, "HONORIFICS", "courtesy titles that say nothing of a role", ["bw", "bi", "mhe"], ["rais"]),
    (nouns, "TITLE_ACRONYMS", "English acronyms of titles", ["IGP", "DCI", "SAW"], ["CCM", "TRA", "DP"]),
    (nouns, "TITLE_ACRONYMS_BEFORE_NAMES", "acronyms that are titles before a name", ["DP", "RC"], ["IGP", "CCM"]),
    (nouns, "ROLE_WORDS", "roles a later 'X huyo' refers back to", ["rais", "msemaji"], ["bw", "bi"]),
    (nouns, "PROFESSION_NOUNS", "descriptions of an article's protagonist", ["mwanasiasa", "wakili"],
     ["rais"]),
    (nouns, "OFFICIAL_HEADS", "officials who speak for their body", ["maafisa", "msemaji", "viongozi"], ["tume"]),
    # "amesema viongozi wa X …": one person's verb does not take them as its subject
    (nouns, "PLURAL_OFFICIAL_HEADS", "several officials: no subject of one person's verb",
     ["maafisa", "viongozi"], ["msemaji", "afisa"]),
    (nouns, "PERSON_OFFICE_HEADS", "an office that speaks as the person it is of", ["ofisi"], ["wizara", "tume"]),
    (nouns, "ORGANIZATION_HEADS", "head nouns of organization names", ["tume", "wizara", "benki"],
     ["mkoa", "rais"]),
    (nouns, "NAMED_BODY_HEADS", "heads the MasakhaNER data keeps in a named body's span",
     ["tume", "benki", "bodi"], ["wizara", "baraza", "shirika"]),
    (nouns, "STATE_BODY_HEADS", "bodies named by their state alone", ["bunge", "jeshi"], ["wizara"]),
    (nouns, "BODIES_NAMED_BY_HEAD", "state bodies named by the capitalized head alone", ["bunge", "jeshi"],
     ["ikulu", "polisi", "wizara"]),
    (nouns, "COMPETITION_HEADS", "capitalized heads of competitions' and awards' names", ["Kombe", "Ligi", "Tuzo"],
     ["kombe", "Klabu"]),
    (nouns, "CONTINENTS", "the continents as the news writes them", ["Afrika", "Ulaya"], ["Kenya", "Dunia"]),
    (nouns, "EVENT_NAME_ENDS", "English words ending event names", ["Cup", "Awards"], ["FC", "cup"]),
    (nouns, "BODY_HEADS", "unnamed bodies that still speak", ["tume", "jeshi", "ubalozi"], ["ripoti"]),
    (nouns, "IDENTIFIED_BODY_HEADS", "bodies that speak only where the article identifies them",
     ["polisi", "mamlaka", "ofisi"], ["tume", "serikali"]),
    (nouns, "DESCRIPTOR_HEADS", "descriptions before a body's name", ["kundi", "vuguvugu"], ["tume"]),
    (nouns, "DESCRIBING_HEADS", "heads that only say what kind of body follows", ["chama", "kampuni"],
     ["wizara"]),
    (nouns, "DESCRIBING_ORGANIZATION_HEADS", "heads outside a body's own name", ["shirika", "kampuni"],
     ["tume"]),
    (nouns, "NAMED_AFTER_HEADS", "places and bodies named after a person", ["uwanja", "chuo"], ["rais"]),
    (nouns, "PLACE_HEADS", "heads a place's name is known without", ["ukanda", "jimbo"], ["tume"]),
    (nouns, "PERSONAL_DAY_NAMES", "day names that are also people's names", ["juma", "jumanne"],
     ["jumatatu", "alhamisi"]),
    (nouns, "GROUND_HEADS", "a name opening with it is a place", ["uwanja", "viwanja"], ["hospitali", "kanisa"]),
    (nouns, "PLACE_PREFIXES", "words before a country that make another place", ["ziwa", "new"],
     ["nchini"]),
    (nouns, "COMPASS_WORDS", "compass words after a place that make a region", ["Mashariki"], ["Kenya"]),
    (nouns, "REGION_NAMES", "regions CLDR does not name", ["Mashariki ya Kati", "Pembe ya Afrika"], ["Kenya", "Afrika"]),
    (nouns, "DOCUMENT_HEADS", "documents that speak for who issued them", ["ripoti", "taarifa"],
     ["tume"]),
    (nouns, "PERSONAL_DOCUMENTS", "documents that speak for a person", ["barua"], ["ripoti"]),
    (nouns, "CONTENT_NOUNS", "nouns whose 'kwamba' clause is not speech", ["madai", "hofu"], ["rais"]),
    (nouns, "NON_SOURCE_NOUNS", "'kulingana na X' that is a rule, not a speaker", ["hali", "idadi"],
     ["ripoti", "polisi"]),
    (nouns, "SOURCE_HEADS", "a final 'kwa mujibu wa X' without a comma that names a source",
     ["msemaji", "idara", "wakala", "ripoti"], ["sheria", "ratiba"]),
    (nouns, "CHARGE_NOUNS", "charges whose quoted wording is not speech", ["kosa"], ["ripoti"]),
    (nouns, "CLUB_NAME_WORDS", "words at either end of a club's name", ["fc", "stars", "united"],
     ["timu", "ya", "simba"]),
    (nouns, "COMPANY_NAME_WORDS", "words that end a company's name", ["ltd", "services", "airways"],
     ["kampuni", "hotel", "stars"]),
    (nouns, "BODY_NAME_WORDS", "English words that end a body's name", ["union", "congress", "party"],
     ["chama", "stars", "bank"]),
    (nouns, "PARTY_MEMBER_STEMS", "stems of a party's members after M-/Wa-", ["republi", "demokra"], ["kenya"]),
    (nouns, "LOCATIVE_DESCRIPTORS", "one-word locatives outside a place's name", ["jijini", "visiwani"],
     ["jiji", "mji wa"]),
    (nouns, "SPORT_WORDS", "football context that makes a name a club", ["timu", "mechi", "kocha"],
     ["serikali"]),
    (date_words, "WEEKDAY_NAMES", "CLDR weekday names", ["jumatatu", "ijumaa"], ["alhamis"]),
    (date_words, "TIMES_OF_DAY", "parts of the day", ["asubuhi", "jioni"], ["saa", "jana"]),
    (date_words, "AFTER_DATE_TIMES", "words after a date outside its span", ["saa", "usiku"], ["mwaka"]),
    (date_words, "DATE_LEAD_INS", "words before a date outside its span", ["mwaka", "tangu"], ["jana"]),
    (date_words, "SINCE_WORDS", "a date something has lasted since", ["tangu", "tokea"], ["hadi"]),
    (date_words, "SINCE_LEAD_INS", "words between 'tangu' and its date", ["tarehe", "mwezi"], ["tangu"]),
    (date_words, "DATE_COORDINATORS", "a weekday joined to the one before takes its tense",
     ["na", "hadi"], ["-"]),
    (date_words, "NOT_DATES", "NER date spans that are no dates", ["kila", "sasa"], ["jana"]),
    (date_words, "RANGE_OPENERS", "words opening a range of dates", ["kati", "kuanzia"], ["baina"]),
    (date_words, "RANGE_JOINERS", "words between a range's two dates", ["na", "hadi", "-"], ["au"]),
    (date_words, "UNIT_LEAD_INS", "unit words before a range's first date", ["mwaka", "tarehe"],
     ["siku", "mapema"]),
    (common_words, "COMMON_WORDS", "frequent words that say a text is Swahili", ["na", "kwamba", "rais"],
     ["the", "und"]),
]


@pytest.mark.parametrize("module, name, purpose, members, outsiders", LISTS,
                         ids=[f"{name}: {purpose}" for _, name, purpose, _, _ in LISTS])
def test_each_list_holds_what_it_is_for(module, name, purpose, members, outsiders):
    words = getattr(module, name)
    assert all(word in words for word in members)
    assert not any(word in words for word in outsiders)


# Lists of phrases or of lists, whose own tests are below.
_TESTED_APART = {"ALIAS_CUES", "ROLE_FAMILIES", "TWO_WORD_DISCOURSE_CONNECTIVES", "TIME_ADVERB_PAIRS",
                 "ORGANIZATION_DESCRIPTORS",
                 "DESCRIPTOR_PHRASES", "BYLINE_OPENERS", "CHARGE_STEM", "PERSON_PLURAL_PREFIX"}


@pytest.mark.parametrize("module", [function_words, nouns, common_words], ids=lambda module: module.__name__)
def test_every_list_a_module_defines_has_a_row(module):
    defined = {node.targets[0].id for node in ast.parse(inspect.getsource(module)).body
               if isinstance(node, ast.Assign) and node.targets[0].id.isupper()}
    rows = {name for row_module, name, *_ in LISTS if row_module is module}
    assert defined - _TESTED_APART == rows


def test_the_lists_built_from_others_keep_their_parts():
    assert function_words.GENITIVES == function_words.ASSOCIATIVES | function_words.POSSESSIVES
    assert function_words.PERSON_DEMONSTRATIVES < function_words.DEMONSTRATIVES
    assert function_words.NON_SUBJECT_WORDS < function_words.POST_ADJUNCT_WORDS
    assert date_words.WEEKDAY_NAMES < function_words.NON_SUBJECT_WORDS
    assert nouns.ROLE_WORDS.isdisjoint(nouns.HONORIFICS)
    assert nouns.DESCRIPTOR_HEADS < nouns.DESCRIBING_HEADS
    # the untagged bodies are found by ORGANIZATION_HEADS; only those can be kept whole
    assert nouns.NAMED_BODY_HEADS < nouns.ORGANIZATION_HEADS


def test_titles_and_sentence_openers_do_not_overlap():
    # A word in both would be cut from a name as a title and as a connective alike.
    assert nouns.TITLE_WORDS.isdisjoint(function_words.DISCOURSE_CONNECTIVES)
    assert nouns.TITLE_WORDS.isdisjoint(function_words.NON_SUBJECT_WORDS)


def test_organization_and_place_heads_do_not_overlap():
    # "Jimbo la Tigray" is the place Tigray; "Tume ya …" an organization.
    assert nouns.ORGANIZATION_HEADS.isdisjoint(nouns.PLACE_HEADS)


@pytest.mark.parametrize("pair", sorted(function_words.TWO_WORD_DISCOURSE_CONNECTIVES
                                         | function_words.TIME_ADVERB_PAIRS))
def test_two_word_connectives_are_pairs_of_words(pair):
    assert len(pair) == 2 and all(word.isalpha() and word.islower() for word in pair)


@pytest.mark.parametrize("phrase", sorted(nouns.ORGANIZATION_DESCRIPTORS))
def test_organization_descriptors_end_with_of(phrase):
    # "gazeti la [Politico]": the descriptor ends with the associative before the name.
    assert phrase[-1] in function_words.ASSOCIATIVES


def test_alias_cues_and_role_families_are_lowercase_words():
    for cue in function_words.ALIAS_CUES:
        assert all(word.islower() for word in cue)
    for family, members in nouns.ROLE_FAMILIES.items():
        assert family in members and members <= nouns.ROLE_WORDS


def test_descriptor_phrases_come_longest_first():
    # "shirika la habari la [AFP]" must be tried before "shirika la habari".
    lengths = [len(phrase) for phrase in nouns.DESCRIPTOR_PHRASES]
    assert lengths == sorted(lengths, reverse=True)
    assert ("serikali", "ya") in nouns.DESCRIPTOR_PHRASES and ("nchini",) in nouns.DESCRIPTOR_PHRASES


def test_bylines_open_with_a_passive_and_by():
    assert all(opener == opener.lower() and opener.endswith(" na") for opener in function_words.BYLINE_OPENERS)


@pytest.mark.parametrize("word", ["mashtaka", "kushtakiwa", "alishtakiwa"])
def test_charge_words_share_the_stem(word):
    assert nouns.CHARGE_STEM in word

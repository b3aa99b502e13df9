"""habari_quotes on sentences written for these tests (entities set by hand)."""
from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

import service.lang.sw  # noqa: F401  (registers "sw")
from service import components  # noqa: F401  (registers the factories)
from service.components.quotes.cues import find_speech_cues
from service.components.quotes.marks import mask_letter_entities
from service.lang.sw.speech_verbs import SPEECH_STEMS, SPEECH_VERB


def annotate(nlp, text, per=(), org=(), loc=()):
    """Run the quote pipeline with every occurrence of the given names as entities."""
    doc = nlp.make_doc(text)
    spans = []
    for label, names in (("PER", per), ("ORG", org), ("LOC", loc)):
        for name in names:
            for m in re.finditer(re.escape(name), text):
                span = doc.char_span(m.start(), m.end(), label=label)
                assert span is not None, name
                spans.append(span)
    doc.ents = spacy.util.filter_spans(spans)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def quotes(doc):
    """(kind, text, speaker entity name or mention text or None) for each quote."""
    out = []
    for q in doc._.quotes:
        if q.speaker_entity is not None:
            speaker = q.speaker_entity.name
        else:
            speaker = q.speaker.text if q.speaker is not None else None
        out.append((q.kind, doc.text[q.start:q.end], speaker))
    return out


# ---------------------------------------------------------------- speech verbs

@pytest.mark.parametrize("word,stem", [
    ("alisema", "sema"), ("wamesema", "sema"), ("iliandika", "andika"),
    ("akieleza", "eleza"), ("kuongeza", "ongeza"), ("aliwaambia", "ambia"),
    ("Alisisitiza", "sisitiza"), ("yasema", "sema"), ("wanaosema", "sema"),
    ("husema", "sema"), ("ameongezea", "ongezea"), ("zilidai", "dai"),
])
def test_speech_verbs_from_stems(word, stem):
    cues = list(find_speech_cues(f"Kisha {word} jambo."))
    assert [c.stem for c in cues] == [stem]
    assert not cues[0].negated


@pytest.mark.parametrize("word", ["hakusema", "hawakusema", "hajasema", "hatasema"])
def test_negated_speech_verbs_are_marked(word):
    cues = list(find_speech_cues(f"Yeye {word} lolote."))
    assert len(cues) == 1 and cues[0].negated


@pytest.mark.parametrize("word", ["madai", "maelezo", "taarifa", "semina", "ripoti", "wasemaji"])
def test_nouns_are_not_speech_verbs(word):
    assert list(find_speech_cues(f"Kuna {word} mpya.")) == []


@pytest.mark.parametrize("text", [
    "ALISEMA, alisema’ na ali’sema; wa-lisema “Amesema” alisema_ 2alisema alisemaé",
    "Waziri ametaarifu, wameongezea na kuongeza. Hakusema. Alisema",
    "alikiri akariri kiri wakaririwa alijibu-jibu",
    "ali\u212airi al\u0131sema na \u0130sema; alisema",  # letters that match only ignoring case
])
def test_whole_text_scan_finds_what_the_regex_finds(text):
    # Over a whole text the cues come from a faster search than the regex's own scan.
    expected = [(m.span(), m.group("stem").lower()) for m in SPEECH_VERB.finditer(text)
                if m.group("stem").lower() in SPEECH_STEMS]
    assert [((c.start, c.end), c.stem) for c in find_speech_cues(text)] == expected


@pytest.mark.parametrize("word", ["ali\u017fema", "al\u0131sema", "\u0130sema", "ali\u212airi"])
def test_letters_that_match_only_ignoring_case_leave_only_listed_stems(quotes_nlp, word):
    # The regex ignores case, so "ſ" matches s (and "ı", "İ", Kelvin "K" match i, i, k):
    # "aliſema" used to yield the unlisted stem "ſema" and a KeyError out of the quote
    # component. The pipeline must run; every cue is a listed verb.
    text = f"Rais Samia {word} jambo hilo jana."
    assert all(cue.stem in SPEECH_STEMS for cue in find_speech_cues(text))
    assert isinstance(quotes_nlp(text)._.quotes, list)


def test_long_s_spelling_is_not_a_speech_verb():
    assert list(find_speech_cues("Rais ali\u017fema jambo hilo.")) == []


# ---------------------------------------------------------------- direct quotes

def test_direct_quote_with_speaker_after(quotes_nlp):
    text = "“Tutaendelea kujenga barabara mpya mwaka huu,” alisema Amina Juma."
    doc = annotate(quotes_nlp, text, per=["Amina Juma"])
    assert quotes(doc) == [("direct", "Tutaendelea kujenga barabara mpya mwaka huu,", "Amina Juma")]
    q = doc._.quotes[0]
    assert q.cue.text == "alisema"
    assert q.speaker.text == "Amina Juma"


@pytest.mark.parametrize("title", ["Bw.", "Bi.", "Dkt.", "Prof."])
def test_speaker_after_the_verb_behind_a_title(quotes_nlp, title):
    text = f"Mkutano uliisha jioni. “Tutaendelea kujenga barabara,” alisema {title} Amina Juma."
    doc = annotate(quotes_nlp, text, per=["Amina Juma"])
    assert quotes(doc) == [("direct", "Tutaendelea kujenga barabara,", "Amina Juma")]


def test_speaker_after_the_verb_ends_with_the_name_before_when_and_where(quotes_nlp):
    # Title, name and then the time and place of saying it: more than ten words after the verb.
    text = ("“Mazungumzo yameanza vizuri,” alisema Mwenyekiti wa Jumuiya ya Wakulima wa Pwani "
            "Rehema van der Berg mwanzoni mwa kikao cha Jumanne mjini Tanga.")
    doc = annotate(quotes_nlp, text, per=["Rehema van der Berg"])
    assert quotes(doc) == [("direct", "Mazungumzo yameanza vizuri,", "Rehema van der Berg")]


def test_a_title_qualified_by_a_relative_clause_speaks_as_the_name_after_it(quotes_nlp):
    text = ("Naibu katibu mkuu anayeshughulikia huduma za jamii Juma Mwinyi alisema kwamba "
            "juhudi za nchi zote zinaendelea kuzaa matunda.")
    doc = annotate(quotes_nlp, text, per=["Juma Mwinyi"])
    assert [speaker for _, _, speaker in quotes(doc)] == ["Juma Mwinyi"]


@pytest.mark.parametrize("text, per, not_speaker", [
    # The name before the relative verb is the subject; the one after it is its object.
    ("Naye wakili Hamisi Juma anayemtetea Rehema Ali alidai kwamba mteja wake hana hatia.",
     ["Hamisi Juma", "Rehema Ali"], "Rehema Ali"),
    # A name right after the relative verb is its object.
    ("Mwanamke aliyemshambulia Rehema Ali alisema kwamba alikuwa amekasirika sana.",
     ["Rehema Ali"], "Rehema Ali"),
])
def test_the_object_of_a_relative_verb_is_not_the_speaker(quotes_nlp, text, per, not_speaker):
    doc = annotate(quotes_nlp, text, per=per)
    assert not_speaker not in [speaker for _, _, speaker in quotes(doc)]


def test_a_colon_opens_the_quotation_after_an_adjunct(quotes_nlp):
    text = ("Mkuu wa shule Rehema Ali amesema katika mahojiano na redio ya jamii jana: "
            "“Tutajenga madarasa mawili mapya mwaka huu.”")
    doc = annotate(quotes_nlp, text, per=["Rehema Ali"])
    assert quotes(doc) == [("direct", "Tutajenga madarasa mawili mapya mwaka huu.", "Rehema Ali")]


def test_without_a_colon_a_finite_verb_after_an_adjunct_is_the_reporters_clause(quotes_nlp):
    # "alisema hukumu hiyo “inaonyesha …”": the quotation carries on the reporter's sentence.
    text = "Wakili Rehema Ali alisema hukumu hiyo “inaonyesha udhaifu mkubwa wa sheria.”"
    doc = annotate(quotes_nlp, text, per=["Rehema Ali"])
    assert all(kind != "direct" for kind, _, _ in quotes(doc))


def test_two_people_after_the_verb_are_not_cut_to_the_first(quotes_nlp):
    text = ("“Tumekubaliana,” walisema Mwenyekiti wa Jumuiya ya Wakulima wa Pwani Rehema Ali "
            "na Katibu wa Jumuiya ya Wavuvi wa Tanga Hamisi Omari mjini Tanga.")
    doc = annotate(quotes_nlp, text, per=["Rehema Ali", "Hamisi Omari"])
    assert [speaker for _, _, speaker in quotes(doc)] != ["Rehema Ali"]


@pytest.mark.parametrize("open_mark,close_mark", [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")])
def test_all_quotation_marks(quotes_nlp, open_mark, close_mark):
    text = f"Baraka Ali alisema: {open_mark}Hatutakubali ushuru huu mpya.{close_mark}"
    doc = annotate(quotes_nlp, text, per=["Baraka Ali"])
    assert quotes(doc) == [("direct", "Hatutakubali ushuru huu mpya.", "Baraka Ali")]


def test_bare_verb_continues_the_last_speaker(quotes_nlp):
    text = ("“Mvua imeharibu madaraja matatu,” Mkuu wa mkoa Halima Said alisema Jumatatu. "
            "“Tunahitaji msaada wa haraka kutoka serikalini.” Alisisitiza.")
    doc = annotate(quotes_nlp, text, per=["Halima Said"])
    assert quotes(doc) == [
        ("direct", "Mvua imeharibu madaraja matatu,", "Halima Said"),
        ("direct", "Tunahitaji msaada wa haraka kutoka serikalini.", "Halima Said"),
    ]
    assert doc._.quotes[1].cue.text.endswith("Alisisitiza")


def test_headline_quotation_attributed_after_a_dash(quotes_nlp):
    text = ("“Hatutakubali kuonewa” – Mbowe\n"
            "Mwenyekiti wa Chadema Freeman Mbowe amesema chama chake kitaendelea na mikutano.")
    doc = annotate(quotes_nlp, text, per=["Freeman Mbowe", "Mbowe"], org=["Chadema"])
    assert quotes(doc)[0] == ("direct", "Hatutakubali kuonewa", "Freeman Mbowe")


@pytest.mark.parametrize("text, speaker, parts", [
    # each paragraph reopens a quotation that closes only at its end
    ("Jaji Mkuu Ibrahim Juma alisema: “Mahakama itasikiliza kesi hizo haraka.\n“Hakuna atakayeonewa.”",
     "Ibrahim Juma", ("Mahakama itasikiliza kesi hizo haraka.", "Hakuna atakayeonewa.")),
    # a quotation split by an attribution whose verb takes the listeners (aliwaambia)
    ("“Benki itapunguza riba,” Gavana Florens Luoga aliwaambia waandishi wa habari. "
     "“Tunataka mikopo iwafikie wakulima.”",
     "Florens Luoga", ("Benki itapunguza riba,", "Tunataka mikopo iwafikie wakulima.")),
])
def test_two_quotations_of_one_speaker(quotes_nlp, text, speaker, parts):
    doc = annotate(quotes_nlp, text, per=[speaker])
    assert quotes(doc) == [("direct", part, speaker) for part in parts]


def test_role_speaker_is_the_person_introduced_with_that_role(quotes_nlp):
    text = ("Waziri wa Afya Ummy Mohamed alitembelea hospitali ya wilaya. "
            "“Tutaongeza wauguzi mia tano,” waziri huyo aliongeza.")
    doc = annotate(quotes_nlp, text, per=["Ummy Mohamed"])
    assert quotes(doc) == [("direct", "Tutaongeza wauguzi mia tano,", "Ummy Mohamed")]
    assert doc._.quotes[0].speaker_entity.name == "Ummy Mohamed"


def test_plural_role_is_one_of_the_people_just_named(quotes_nlp):
    text = ("Rais Hassan Mwinyi alikutana na Rais Yoweri Museveni mjini Arusha. "
            "Viongozi hao walisema kwamba biashara kati ya nchi zao itaongezeka.")
    doc = annotate(quotes_nlp, text, per=["Hassan Mwinyi", "Yoweri Museveni"], loc=["Arusha"])
    [(kind, content, speaker)] = quotes(doc)
    assert (kind, content) == ("indirect", "biashara kati ya nchi zao itaongezeka")
    assert speaker in ("Hassan Mwinyi", "Yoweri Museveni")


def test_main_clause_after_an_opening_participle(quotes_nlp):
    text = ("Akikiri kwamba wizara ilichelewa, Waziri Neema Lyimo alisema mvua zilizidi. "
            "Amesema barabara zitatengenezwa mwezi ujao.")
    doc = annotate(quotes_nlp, text, per=["Neema Lyimo"])
    assert [speaker for _, _, speaker in quotes(doc)] == ["Neema Lyimo"] * len(doc._.quotes)
    assert ("indirect", "barabara zitatengenezwa mwezi ujao", "Neema Lyimo") in quotes(doc)


@pytest.mark.parametrize("phrase", ["Kulingana na", "Kwa mujibu wa"])
def test_according_to_at_the_start(quotes_nlp, phrase):
    text = f"{phrase} Tume ya Uchaguzi, wapiga kura milioni kumi wamejiandikisha."
    doc = annotate(quotes_nlp, text, org=["Tume ya Uchaguzi"])
    assert quotes(doc) == [("indirect", "wapiga kura milioni kumi wamejiandikisha", "Tume ya Uchaguzi")]


def test_according_to_a_document_without_an_author(quotes_nlp):
    text = "Mkutano mkuu utafanyika kila mwaka, kwa mujibu wa katiba ya chama."
    assert quotes(annotate(quotes_nlp, text)) == [("indirect", "Mkutano mkuu utafanyika kila mwaka", None)]


@pytest.mark.parametrize("text", [
    "Safari za ndege zitaanza tena, kulingana na hali ya hewa.",
    "Kesi hiyo itasikilizwa kwa mujibu wa sheria za nchi na kwa haki.",
])
def test_according_to_as_manner_is_not_a_quote(quotes_nlp, text):
    assert quotes(annotate(quotes_nlp, text)) == []


def test_indirect_with_complementizer(quotes_nlp):
    text = "Mbunge Khamis Omar alisema kwamba wananchi wa jimbo lake wanahitaji maji safi."
    doc = annotate(quotes_nlp, text, per=["Khamis Omar"])
    assert quotes(doc) == [("indirect", "wananchi wa jimbo lake wanahitaji maji safi", "Khamis Omar")]
    assert doc._.quotes[0].cue.text == "alisema"


def test_sentence_final_attribution_by_generic_source(quotes_nlp):
    text = "Watu watatu walikamatwa mjini Mombasa usiku wa jana, polisi wamesema."
    assert quotes(annotate(quotes_nlp, text, loc=["Mombasa"])) == [
        ("indirect", "Watu watatu walikamatwa mjini Mombasa usiku wa jana", None)]


def test_generic_sources_have_no_speaker(quotes_nlp):
    text = "Baadhi ya wachambuzi wanasema kwamba uchumi utakua polepole."
    assert quotes(annotate(quotes_nlp, text)) == [("indirect", "uchumi utakua polepole", None)]


def test_speaker_resolves_through_the_entity_grouping(quotes_nlp):
    text = ("Kiongozi wa chama Tundu Mbowe aliwasili Arusha jana. "
            "“Hatutasusia uchaguzi,” alisema Mbowe.")
    doc = annotate(quotes_nlp, text, per=["Tundu Mbowe", "Mbowe"], loc=["Arusha"])
    q = doc._.quotes[0]
    assert q.speaker.text == "Mbowe"
    assert q.speaker_entity is not None and q.speaker_entity.name == "Tundu Mbowe"


def test_unattributed_paragraph_before_an_attributed_one(quotes_nlp):
    text = ("“Shule hii ilijengwa na wazazi wenyewe.\n\n"
            "“Tunaomba serikali itusaidie kununua madawati,” alisema mwalimu mkuu Rehema Lyimo.")
    doc = annotate(quotes_nlp, text, per=["Rehema Lyimo"])
    assert [speaker for _, _, speaker in quotes(doc)] == ["Rehema Lyimo", "Rehema Lyimo"]


@pytest.mark.parametrize("text", [
    "Wanakijiji walikiita kisima hicho “Mkombozi” kwa sababu kilimaliza shida ya maji.",
    "Mkataba huo unaoelezewa kama “ushirikiano wa kihistoria” ulisainiwa jana.",
    "Mchezaji huyo anajulikana kwa jina la utani “Simba wa Nyika” tangu utotoni.",
    "Soma pia: Wakulima na “mapinduzi ya kijani” katika bonde la Rufiji",
    "Wananchi wanaamini kuwa bei ya sukari itashuka hivi karibuni.",
    "Daktari huyo anahisi kwamba wagonjwa wengi hawapati dawa.",
    "Mbunge huyo hakusema kama atagombea tena.",
    "Serikali ilithibitisha mkutano wa viongozi hao siku ya Ijumaa.",
    "Kampuni hiyo ilikanusha tuhuma za ufisadi.",
    "Waziri alitoa wito wa kuimarisha usafi wa mazingira.",
    "Wizara imekanusha madai kwamba dawa hizo zimeisha muda wake.",
    "Tume ilimtangaza mgombea huyo kuwa mshindi wa kiti cha ubunge.",
    "Chama kilimteua mwanasiasa huyo kuwa mgombea mwenza wa urais.",
])
def test_not_quotes(quotes_nlp, text):
    assert quotes(annotate(quotes_nlp, text)) == []


@pytest.mark.parametrize("text", ["", "   \n\n ", "x" * 20000, "\x00\x01 “ \x02 ” \x03", "“", "” alisema"])
def test_never_crashes(quotes_nlp, text):
    doc = annotate(quotes_nlp, text)
    assert isinstance(doc._.quotes, list)


def test_bare_doc_from_words(quotes_nlp):
    doc = Doc(quotes_nlp.vocab, words=["“", "Tutashinda", "”", "alisema", "Juma", "."])
    doc.ents = [Span(doc, 4, 5, label="PER")]
    for _, proc in quotes_nlp.pipeline:
        doc = proc(doc)
    assert [(q.kind, doc.text[q.start:q.end]) for q in doc._.quotes] == [("direct", "Tutashinda")]


# ---------------------------------------------------------------- held-out patterns (fresh.jsonl)

def test_misspelled_attribution_phrase(quotes_nlp):
    doc = annotate(quotes_nlp, "Kwa mjibu wa Msalaba Mwekundu, familia mia mbili zimepoteza makazi yao.",
                   org=["Msalaba Mwekundu"])
    assert quotes(doc) == [("indirect", "familia mia mbili zimepoteza makazi yao", "Msalaba Mwekundu")]


@pytest.mark.parametrize("text, account", [
    # the source's name set off by commas is the attribution's, not the account's
    ("Kulingana na msemaji wa chama hicho, Halima Juma, mkutano utafanyika Dodoma kesho.",
     "mkutano utafanyika Dodoma kesho"),
    # so is a relative clause describing the source
    ("Kulingana na Halima Juma, ambaye ni mkulima wa kahawa, bei ya mbolea imepanda mara mbili.",
     "bei ya mbolea imepanda mara mbili"),
    ("Kwa mujibu wa mwenyekiti, ambaye alihudhuria kikao, Halima Juma, mkutano utafanyika Dodoma kesho.",
     "mkutano utafanyika Dodoma kesho"),
])
def test_an_attribution_phrase_keeps_its_source_out_of_the_account(quotes_nlp, text, account):
    doc = annotate(quotes_nlp, text, per=["Halima Juma"], loc=["Dodoma"])
    assert quotes(doc) == [("indirect", account, "Halima Juma")]


def test_postposed_speaker_ends_at_a_participle(quotes_nlp):
    text = ("Kazi ilianza mapema. Mwenyekiti Baraka Mtei alitembelea eneo hilo.\n"
            "“Tutarudi kesho,” amesema msemaji wa kamati ya mkutano wa Arusha "
            "Neema Mushi akiendelea kusema kwamba “Tumejiandaa vizuri.”")
    doc = annotate(quotes_nlp, text, per=["Baraka Mtei", "Neema Mushi"], loc=["Arusha"])
    assert [q for q in quotes(doc) if q[0] == "direct"] == [
        ("direct", "Tutarudi kesho,", "Neema Mushi"), ("direct", "Tumejiandaa vizuri.", "Neema Mushi")]


def test_body_anaphor_points_to_the_body_last_introduced_with_that_noun(quotes_nlp):
    text = ("Kampuni ya Safaricom ilisema huduma zitarudi leo.\n"
            "Baadaye kampuni ya Airtel ilisitisha huduma zake kwa saa tatu.\n"
            "Kampuni hiyo imesema kuwa hitilafu hiyo ilisababishwa na mvua kubwa.")
    doc = annotate(quotes_nlp, text, org=["Safaricom", "Airtel"])
    assert quotes(doc)[-1] == ("indirect", "hitilafu hiyo ilisababishwa na mvua kubwa", "Airtel")


def test_attribution_phrase_names_a_person_after_role_and_places(quotes_nlp):
    text = ("Kwa mujibu wa msemaji wa Ikulu ya Dodoma, Tanzania, Zuhura Yunus Rais atasafiri "
            "kwenda Kampala kesho.")
    doc = annotate(quotes_nlp, text, per=["Zuhura Yunus"], loc=["Dodoma", "Tanzania", "Kampala"])
    assert [(k, s) for k, _, s in quotes(doc)] == [("indirect", "Zuhura Yunus")]
    # With no place between, the name after the comma is the content's subject.
    doc = annotate(quotes_nlp, "Kulingana na makubaliano hayo, Juma Ali atakuwa mwenyekiti kwa miaka miwili.",
                   per=["Juma Ali"])
    assert [s for _, _, s in quotes(doc)] == [None]


def test_document_issued_by_a_body_speaks_for_it(quotes_nlp):
    # (a body the NER missed: the body word's noun phrase is the speaker's mention)
    text = "Taarifa iliyotolewa na kurugenzi ya mawasiliano ya Ikulu ilisema mbolea itafika mikoani."
    assert quotes(annotate(quotes_nlp, text)) == [("indirect", "mbolea itafika mikoani", "Ikulu")]


def test_unclosed_quotation_ends_with_its_unfinished_line(quotes_nlp):
    text = ("Waziri Ali Hassan amesema dawa zaidi zitafika.\n"
            "“Hii ni awamu ya kwanza tu, nyingine zitakuja\n"
            "Hospitali ya Mnazi Mmoja ilipokea dozi elfu moja jana.\n"
            "Wizara ya Afya imesema itagawa dozi hizo wiki ijayo.")
    doc = annotate(quotes_nlp, text, per=["Ali Hassan"], org=["Wizara ya Afya"])
    assert ("direct", "Hii ni awamu ya kwanza tu, nyingine zitakuja", "Ali Hassan") in quotes(doc)


@pytest.mark.parametrize("text,content", [
    ("Waziri Amina Said ameihakikishia nchi yake chakula zaidi kitawasili wiki ijayo.",
     "chakula zaidi kitawasili wiki ijayo"),
    ("Waziri Amina Said aliiambia Redio Tumaini (RT) mvua zitaanza mapema mwaka huu.",
     "mvua zitaanza mapema mwaka huu"),
    ("Waziri Amina Said aliwaambia waandishi wa habari shule zitafunguliwa Jumatatu.",
     "shule zitafunguliwa Jumatatu"),
])
def test_verb_of_telling_then_addressee_then_bare_clause(quotes_nlp, text, content):
    doc = annotate(quotes_nlp, text, per=["Amina Said"], org=["Redio Tumaini", "RT"])
    assert quotes(doc) == [("indirect", content, "Amina Said")]


def test_verb_of_telling_with_only_an_addressee_is_no_quote(quotes_nlp):
    text = "Haijulikani kile ambacho Amina Said atawaambia wabunge hao wala wabunge wangapi watafika."
    assert quotes(annotate(quotes_nlp, text, per=["Amina Said"])) == []


# ---------------------------------------------------------------- held-out patterns (fresh2.jsonl)

def test_union_named_without_a_proper_name_is_its_own_speaker(quotes_nlp):
    text = ("Muungano wa wamiliki wa vyombo vya habari ulikataa agizo hilo ukisema kwamba hauwezi "
            "kupeperusha kampeni ya mgombea mmoja.")
    assert [s for _, _, s in quotes(annotate(quotes_nlp, text))] == ["Muungano wa wamiliki wa vyombo vya habari"]


def test_ruling_and_panel_speak_for_the_court(quotes_nlp):
    text = ("Mahakama ya Rufaa ilisikiliza kesi hiyo Jumatatu.\n"
            "“Waziri alivunja sheria,” uamuzi huo ulieleza.\n"
            "Aidha, jopo hilo lilisema rufaa hiyo haina msingi wowote.")
    doc = annotate(quotes_nlp, text, org=["Mahakama ya Rufaa"])
    assert [(k, s) for k, _, s in quotes(doc)] == [("direct", "Mahakama ya Rufaa"),
                                                   ("indirect", "Mahakama ya Rufaa")]


def test_message_that_says_speaks_for_its_sender(quotes_nlp):
    text = ("Mahakama Kuu ilisema rufaa hiyo imekataliwa.\n"
            "Punde baada ya hukumu, naibu wa rais, Asha Juma, bila maelezo zaidi, alituma ujumbe "
            "kupitia mtandao wa Twitter uliosema, “Haki itatendeka.”")
    doc = annotate(quotes_nlp, text, per=["Asha Juma"], org=["Mahakama Kuu", "Twitter"])
    assert quotes(doc)[-1] == ("direct", "Haki itatendeka.", "Asha Juma")


def test_addressee_then_time_then_subject_with_relative_clause(quotes_nlp):
    text = ("Kamanda Musa Ali amewaambia waandishi wa habari siku ya Jumatatu wezi walioiba benki "
            "ya kijiji wamekamatwa.")
    doc = annotate(quotes_nlp, text, per=["Musa Ali"])
    assert quotes(doc) == [("indirect", "wezi walioiba benki ya kijiji wamekamatwa", "Musa Ali")]
    assert quotes(annotate(quotes_nlp, "Kamanda Musa Ali ameiambia redio kwa sharti jina lake lisitajwe.",
                           per=["Musa Ali"])) == []


def test_representative_anaphor_is_the_last_person_speaking(quotes_nlp):
    text = ("Mjumbe maalum Rose Mbeki amesema mazungumzo yataendelea wiki ijayo.\n"
            "Matokeo ya kura yatatangazwa kesho, ameongeza mwakilishi huyo.")
    doc = annotate(quotes_nlp, text, per=["Rose Mbeki"])
    assert [s for _, _, s in quotes(doc)] == ["Rose Mbeki", "Rose Mbeki"]


def test_speech_verb_joined_by_na_keeps_its_speaker(quotes_nlp):
    text = ("Waziri Musa Ali amewaambia wabunge kwamba wafungwa wanashikiliwa na polisi na "
            "aliongeza kusema “wanatendewa vizuri.”")
    doc = annotate(quotes_nlp, text, per=["Musa Ali"])
    assert ("direct", "wanatendewa vizuri.", "Musa Ali") in quotes(doc)


def test_grounds_of_a_belief_are_not_an_attribution(quotes_nlp):
    text = ("Hata hivyo, baadhi ya madiwani wanaamini meya bado yuko madarakani, kulingana na "
            "azimio lililopitishwa mwaka jana.")
    assert quotes(annotate(quotes_nlp, text)) == []


def test_final_attribution_after_a_quoted_phrase_with_the_subject_before_the_verb(quotes_nlp):
    text = ("Serikali hiyo mpya itakuwa “ni ya muda mfupi na ya watu wote,” msemaji wa Umoja wa "
            "Afrika amesema.")
    doc = annotate(quotes_nlp, text, org=["Umoja wa Afrika"])
    assert [(k, s) for k, _, s in quotes(doc)] == [("indirect", "Umoja wa Afrika"), ("partial", "Umoja wa Afrika")]


def test_quoted_clause_after_complementizer_is_direct_even_with_words_after_it(quotes_nlp):
    text = ("Msemaji Halima Ali aliongeza kwamba “Hatujaomba msaada wa nchi yoyote,” baada ya "
            "mkutano wa mawaziri kumalizika.")
    doc = annotate(quotes_nlp, text, per=["Halima Ali"])
    assert quotes(doc) == [("direct", "Hatujaomba msaada wa nchi yoyote,", "Halima Ali")]
    # A quoted phrase there is partial, inside the reported clause.
    text = "Msemaji Halima Ali amesema kuwa “baada ya kupokea barua hiyo,” chama kitaamua hatua zinazofuata."
    doc = annotate(quotes_nlp, text, per=["Halima Ali"])
    assert [k for k, _, _ in quotes(doc)] == ["indirect", "partial"]


# ---------------------------------------------------------------- held-out patterns (fresh3.jsonl)

def test_unnamed_source_inside_a_report_is_not_the_next_speaker(quotes_nlp):
    text = ("Juma Bakari alisema kuna hatari, akisisitiza kwamba katibu wa chama ameandika barua "
            "kuomba ulinzi.\nAlisema hana walinzi binafsi.")
    doc = annotate(quotes_nlp, text, per=["Juma Bakari"])
    assert quotes(doc)[-1] == ("indirect", "hana walinzi binafsi", "Juma Bakari")


def test_wajibu_is_a_noun():
    assert list(find_speech_cues("Ni wajibu wetu kulinda mazingira.")) == []


def test_infinitive_of_purpose_reports_nothing(quotes_nlp):
    text = "Utekaji nyara kwa ajili ya kudai fidia unaofanywa na magenge ni jambo la kawaida."
    assert quotes(annotate(quotes_nlp, text)) == []
    doc = annotate(quotes_nlp, "Juma Bakari alimalizia kwa kusema masharti hayo yalikuwa muhimu.",
                   per=["Juma Bakari"])
    assert quotes(doc) == [("indirect", "masharti hayo yalikuwa muhimu", "Juma Bakari")]
    # The narrative "na kusema" after a finite verb reports: "and said".
    doc = annotate(quotes_nlp, "Afisa mmoja alikanusha madai hayo na kusema ni uongo mtupu.")
    assert quotes(doc) == [("indirect", "ni uongo mtupu", None)]


# ---------------------------------------------------------------- the speaker seam

def test_speaker_candidates_offer_each_reading_and_the_rules_choose_one(quotes_nlp):
    from service.components.quotes.speakers import Reading, SpeakerCandidates, choose_speaker

    doc = annotate(quotes_nlp, "Waziri Amina Juma alisema kwamba shule zitafunguliwa. "
                          "Baadaye, alisema Baraka Mushi, bei zitashuka.",
                   per=("Amina Juma", "Baraka Mushi"))
    art = Reading(doc, doc.text)
    first, second = art.cues
    candidates = SpeakerCandidates(art, first, {True: None, False: None})
    assert candidates.before_verb[0] and candidates.before_verb[1].span.text == "Amina Juma"
    assert choose_speaker(candidates).mention.span.text == "Amina Juma"
    later = SpeakerCandidates(art, second, {True: None, False: None})
    assert later.after_verb[1].span.text == "Baraka Mushi"
    # what the rules chose is what the component reports
    assert [art.events[c.start].speaker.span.text for c in art.cues] == ["Amina Juma", "Baraka Mushi"]


# ---------------------------------------------------------------- who said what, one row a case

@pytest.mark.parametrize("text, entities, expected", [
    pytest.param(
        "Waziri wa Fedha Zuberi Mwakyusa alisema: “Bajeti hii italinda wakulima wadogo.”",
        dict(per=["Zuberi Mwakyusa"]),
        [("direct", "Bajeti hii italinda wakulima wadogo.", "Zuberi Mwakyusa")],
        id="speaker_before_with_colon"),
    pytest.param(
        "“Hatutaruhusu bei ya mafuta kupanda tena mwezi huu,”\n\n"
        "Msemaji wa wizara hiyo Rehema Kassim alisema siku ya Jumanne.",
        dict(per=["Rehema Kassim"]),
        [("direct", "Hatutaruhusu bei ya mafuta kupanda tena mwezi huu,", "Rehema Kassim")],
        id="speaker_in_the_next_sentence"),
    pytest.param(
        "“Shule zitafunguliwa wiki ijayo,” alisema Neema Mollel. “Wazazi wajiandae mapema.”",
        dict(per=["Neema Mollel"]),
        [("direct", "Shule zitafunguliwa wiki ijayo,", "Neema Mollel"),
         ("direct", "Wazazi wajiandae mapema.", "Neema Mollel")],
        id="split_quotation_is_two_items_with_one_speaker"),
    pytest.param(
        "“Tutashinda mechi hii,” alisema kocha Daudi Kimaro, “na tutaendelea kujituma.”",
        dict(per=["Daudi Kimaro"]),
        [("direct", "Tutashinda mechi hii,", "Daudi Kimaro"),
         ("direct", "na tutaendelea kujituma.", "Daudi Kimaro")],
        id="attribution_between_two_parts_of_one_sentence"),
    pytest.param(
        "Tanzania yasema mvua yaharibu barabara za vijijini\n\nMvua kubwa imenyesha kwa siku tatu.",
        dict(loc=["Tanzania"]),
        [("indirect", "mvua yaharibu barabara za vijijini", "Tanzania")],
        id="headline_with_present_tense"),
    pytest.param(
        "Daktari Juma Hamisi alisema: “Wagonjwa wameongezeka mara mbili. Vitanda havitoshi\n\n"
        "Hospitali hiyo ilijengwa mwaka 1990.",
        dict(per=["Juma Hamisi"]),
        [("direct", "Wagonjwa wameongezeka mara mbili. Vitanda havitoshi", "Juma Hamisi")],
        id="missing_closing_mark_runs_to_the_end_of_the_paragraph"),
    pytest.param(
        "Filamu yake “Maisha Mapya” ilionyeshwa Arusha jana.\nWatu wengi walihudhuria.",
        dict(loc=["Arusha"]),
        [],
        id="short_quoted_title_without_attribution_is_no_quote"),
    pytest.param(
        'Mkulima Juma Bakari alisema: "Mvua imechelewa mwaka huu.\nTunaomba msaada wa mbegu.\n'
        'Waziri Amani Said alijibu: "Serikali itasaidia wakulima wote."',
        dict(per=["Juma Bakari", "Amani Said"]),
        [("direct", "Mvua imechelewa mwaka huu.\nTunaomba msaada wa mbegu.", "Juma Bakari"),
         ("direct", "Serikali itasaidia wakulima wote.", "Amani Said")],
        id="straight_mark_on_a_later_line_opens_a_new_quotation"),
    pytest.param(
        "Mwenyekiti wa chama Salma Bakari alisema: “Tumejipanga kwa uchaguzi huu.\n\n"
        "Wanachama wetu wako tayari kupiga kura.”\n\nUchaguzi utafanyika Oktoba.",
        dict(per=["Salma Bakari"]),
        [(
        "direct", "Tumejipanga kwa uchaguzi huu.\n\nWanachama wetu wako tayari kupiga kura.", "Salma Bakari")],
        id="quotation_spanning_paragraphs"),
    pytest.param(
        "Kiongozi wa chama cha Wakulima Asha Mrema alifanya mkutano jana. "
        "Kiongozi wa chama hicho alisema kwamba bei ya mbolea imepanda.",
        dict(per=["Asha Mrema"]),
        [("indirect", "bei ya mbolea imepanda", "Asha Mrema")],
        id="role_named_through_its_organization"),
    pytest.param(
        "Mgombea Juma Kassim alihutubia wakazi wa Tanga jana. "
        "Hata hivyo, mwanasiasa huyo chipukizi amesema kampeni yake inakosa fedha.",
        dict(per=["Juma Kassim"], loc=["Tanga"]),
        [("indirect", "kampeni yake inakosa fedha", "Juma Kassim")],
        id="person_named_by_a_new_description"),
    pytest.param(
        "Mgonjwa Ali Omari yuko hospitali na madaktari wanasema atapona haraka.",
        dict(per=["Ali Omari"]),
        [("indirect", "atapona haraka", None)],
        id="subject_of_a_second_clause"),
    pytest.param(
        "Mkutano huo utakuwa “fursa ya kipekee kwa wakulima,” amesema Daudi Mrema.",
        dict(per=["Daudi Mrema"]),
        [("indirect", "Mkutano huo utakuwa “fursa ya kipekee kwa wakulima", "Daudi Mrema"),
         ("partial", "fursa ya kipekee kwa wakulima,", "Daudi Mrema")],
        id="partial_quote_before_a_final_attribution"),
    pytest.param(
        "Bodi ya Nafaka ilisema kuwa mavuno ya mahindi yameongezeka mwaka huu.",
        dict(org=["Bodi ya Nafaka"]),
        [("indirect", "mavuno ya mahindi yameongezeka mwaka huu", "Bodi ya Nafaka")],
        id="organization_speaker"),
    pytest.param(
        "Shirika la habari la serikali KNA liliandika kwamba barabara hiyo itakamilika Juni.",
        dict(org=["KNA"]),
        [("indirect", "barabara hiyo itakamilika Juni", "KNA")],
        id="news_agency_speaker_with_descriptor"),
    pytest.param(
        "Watu watano walijeruhiwa katika ajali hiyo, kwa mujibu wa msemaji wa polisi Musa Ali.",
        dict(per=["Musa Ali"]),
        [("indirect", "Watu watano walijeruhiwa katika ajali hiyo", "Musa Ali")],
        id="according_to_at_the_end"),
    pytest.param(
        "Rais Samia Hassan alisema ziara hiyo itaimarisha “urafiki wa kweli” "
        "kati ya nchi hizo mbili.",
        dict(per=["Samia Hassan"]),
        [("indirect", "ziara hiyo itaimarisha “urafiki wa kweli” kati ya nchi hizo mbili", "Samia Hassan"),
         ("partial", "urafiki wa kweli", "Samia Hassan")],
        id="partial_quote_inside_reported_speech_and_its_indirect_item"),
    pytest.param(
        "Gavana Paul Otieno alisema serikali ya kaunti itajenga soko jipya.",
        dict(per=["Paul Otieno"]),
        [("indirect", "serikali ya kaunti itajenga soko jipya", "Paul Otieno")],
        id="indirect_with_bare_clause"),
    pytest.param(
        "Mkurugenzi wa shirika hilo Grace Wanjiru alizungumza na wanahabari. "
        "Anasema shirika hilo lina wasiwasi kuwa fedha hazitoshi.",
        dict(per=["Grace Wanjiru"]),
        [("indirect", "shirika hilo lina wasiwasi kuwa fedha hazitoshi", "Grace Wanjiru")],
        id="indirect_sentence_initial_verb"),
    pytest.param(
        "Wakulima watapata mbolea kwa bei nafuu, alisema Waziri Hussein Bashe.",
        dict(per=["Hussein Bashe"]),
        [("indirect", "Wakulima watapata mbolea kwa bei nafuu", "Hussein Bashe")],
        id="sentence_final_attribution_with_named_speaker"),
    pytest.param(
        "Maafisa wa Ikulu walisema kuwa rais atasafiri kwenda Nairobi kesho.",
        dict(org=["Ikulu"], loc=["Nairobi"]),
        [("indirect", "rais atasafiri kwenda Nairobi kesho", "Ikulu")],
        id="officials_of_a_named_body_speak_for_it"),
    pytest.param(
        "Taarifa ya Ikulu ilisema kwamba rais atahutubia bunge wiki ijayo.",
        dict(org=["Ikulu"]),
        [("indirect", "rais atahutubia bunge wiki ijayo", "Ikulu")],
        id="a_document_speaks_for_its_issuer"),
    pytest.param(
        "“Moto ulianza usiku wa manane,” gazeti la Mwananchi liliandika, "
        "likimnukuu mlinzi Hamisi Salum.",
        dict(per=["Hamisi Salum"], org=["Mwananchi"]),
        [("direct", "Moto ulianza usiku wa manane,", "Hamisi Salum")],
        id="quoting_someone_gives_the_innermost_speaker"),
    pytest.param(
        "“Tumepoteza kila kitu,” mkulima mmoja ameliambia shirika la habari la Reuters.",
        dict(org=["Reuters"]),
        [("direct", "Tumepoteza kila kitu,", None)],
        id="words_after_a_verb_with_an_object_marker_are_not_its_subject"),
    pytest.param(
        "Jeshi la TPDF lilisema kwamba mazoezi ya kijeshi yataanza kesho, shirika la habari KBC liliripoti.",
        dict(org=["TPDF", "KBC"]),
        [("indirect", "mazoezi ya kijeshi yataanza kesho", "TPDF")],
        id="innermost_source_only"),
    pytest.param(
        "Mganga Amina Salum wa Zahanati No.\n3 katika kijiji cha Mvomero, ambako wagonjwa "
        "walikuwa wengi amesema “Tumepokea dawa mpya.”",
        dict(per=["Amina Salum"], loc=["Mvomero"]),
        [("direct", "Tumepokea dawa mpya.", "Amina Salum")],
        id="speaker_behind_a_relative_aside_and_a_number_abbreviation"),
    pytest.param(
        "Ujumbe huo ulionyesha video ya mkutano ambapo Juma Hamisi anasema wakulima wamesahaulika.",
        dict(per=["Juma Hamisi"]),
        [("indirect", "wakulima wamesahaulika", "Juma Hamisi")],
        id="subject_after_relative_conjunction"),
    pytest.param(
        "Rais Samia Suluhu alizuru eneo hilo Jumatatu.\n"
        "Viongozi wa Zanzibar wanataka msaada wa haraka.\n"
        "Viongozi hao wanasema kwamba mafuriko yameharibu mashamba mengi.",
        dict(per=["Samia Suluhu"], loc=["Zanzibar"]),
        [("indirect", "mafuriko yameharibu mashamba mengi", "Zanzibar")],
        id="plural_anaphor_points_to_the_body_the_group_was_named_by"),
    pytest.param(
        "Msemaji Hassan Abbas alisema “Wizara itatoa taarifa kesho,” vimeripoti vyombo vya habari.",
        dict(per=["Hassan Abbas"]),
        [("direct", "Wizara itatoa taarifa kesho,", "Hassan Abbas")],
        id="nested_source_keeps_the_named_inner_speaker"),
    pytest.param(
        "Mariamu Juma akiwa na umri wa miaka 70, ni mmoja wa wakulima wa kahawa.\n"
        "Ni mama wa watoto watano anayesubiri mvua.\n"
        "“Mvua ikichelewa tena, tutapoteza mavuno yote.”",
        dict(per=["Mariamu Juma"]),
        [("direct", "Mvua ikichelewa tena, tutapoteza mavuno yote.", "Mariamu Juma")],
        id="quote_after_subjectless_sentence_is_the_earlier_subjects"),
    pytest.param(
        "Huu si mgomo wa kwanza wa walimu, Chama cha Walimu kimesema, lakini ni mgomo "
        "mrefu zaidi kuwahi kutokea nchini.",
        dict(org=["Chama cha Walimu"]),
        [("indirect", "Huu si mgomo wa kwanza wa walimu", "Chama cha Walimu")],
        id="attribution_as_an_aside_reports_the_words_before_it"),
    pytest.param(
        "Marekani imekaribisha mpango huo wa amani, kulingana na tamko la Ubalozi wa Marekani "
        "mjini Nairobi.",
        dict(loc=["Marekani", "Nairobi"]),
        [("indirect", "Marekani imekaribisha mpango huo wa amani", "Ubalozi wa Marekani")],
        id="embassy_statement_speaks_for_the_embassy"),
    pytest.param(
        "Muda wa bunge umemalizika na muungano wa vyama vya upinzani kupitia msemaji wao "
        "Ali Omar wamesema hawatashiriki uchaguzi huo.",
        dict(per=["Ali Omar"]),
        [("indirect", "hawatashiriki uchaguzi huo", "Ali Omar")],
        id="body_speaking_through_its_spokesman"),
    pytest.param(
        "Waziri Juma Hamisi anasema hali imetulia “na ninataka kuwaomba wananchi warudi kazini.”",
        dict(per=["Juma Hamisi"]),
        [("indirect", "hali imetulia", "Juma Hamisi"),
         ("direct", "na ninataka kuwaomba wananchi warudi kazini.", "Juma Hamisi")],
        id="first_person_quotation_ending_a_report_is_direct"),
    pytest.param(
        "Waziri Amina Said amesema orodha hiyo lazima iidhinishwe na bunge kabla ya Ijumaa.",
        dict(per=["Amina Said"]),
        [("indirect", "orodha hiyo lazima iidhinishwe na bunge kabla ya Ijumaa", "Amina Said")],
        id="modal_lazima_opens_a_reported_clause"),
    pytest.param(
        "Haya yalitokea siku ambayo Tume ya Uchaguzi ilitangaza kwamba kura zitapigwa "
        "mwezi Oktoba.",
        dict(org=["Tume ya Uchaguzi"]),
        [("indirect", "kura zitapigwa mwezi Oktoba", "Tume ya Uchaguzi")],
        id="subject_after_an_amba_relative"),
    pytest.param(
        "Kundi la kutetea haki za binadamu la Amnesty International limesema kwamba elimu inashambuliwa.",
        dict(org=["Amnesty International"]),
        [("indirect", "elimu inashambuliwa", "Amnesty International")],
        id="descriptor_before_a_body_name"),
    # Pro-drop: the words after a subjectless verb are its subject only if they agree with it.
    pytest.param(
        "Waziri wa Kilimo Bi. Neema Juma alizungumza na wanahabari jana.\n"
        "Amedai kuwepo njama za kuhujumu mavuno ya mwaka huu.\n"
        "“Wakulima wote wanapaswa kuwa macho.”",
        dict(per=["Neema Juma"]),
        [("direct", "Wakulima wote wanapaswa kuwa macho.", "Neema Juma")],
        id="an_infinitive_after_the_verb_is_its_object_not_its_subject"),
    pytest.param(
        "Shirika la UNICEF linaripoti kwamba shule nyingi zimefungwa.\n"
        "Inasema karibu wanafunzi 12,000 wameathirika.",
        dict(org=["UNICEF"]),
        [("indirect", "shule nyingi zimefungwa", "UNICEF"),
         ("indirect", "karibu wanafunzi 12,000 wameathirika", "UNICEF")],
        id="a_body_prefix_verb_carries_the_body_past_a_number"),
    pytest.param(
        "Waziri wa Maji Juma Aweso alijiuzulu jana, akisema serikali “imeshindwa kazi.”",
        dict(per=["Juma Aweso"]),
        [("indirect", "serikali “imeshindwa kazi.”", "Juma Aweso"),
         ("partial", "imeshindwa kazi.", "Juma Aweso")],
        id="a_noun_before_a_quoted_predicate_is_the_reported_clauses_subject"),
    pytest.param(
        "Mkuu wa polisi Juma Ali amesema wezi hao wamekamatwa.\n"
        "Amesema wazi kuwa uchunguzi unaendelea.",
        dict(per=["Juma Ali"]),
        [("indirect", "wezi hao wamekamatwa", "Juma Ali"),
         ("indirect", "uchunguzi unaendelea", "Juma Ali")],
        id="an_adverb_after_the_verb_is_not_its_subject"),
    pytest.param(
        "Rais mstaafu Benjamin Mkapa alisema kwamba amani ni muhimu.\n"
        "Wanasiasa wa kanda hiyo watamkumbuka kwa juhudi zake.\n"
        "Wanasema atakumbukwa kwa kazi yake.",
        dict(per=["Benjamin Mkapa"]),
        [("indirect", "amani ni muhimu", "Benjamin Mkapa"),
         ("indirect", "atakumbukwa kwa kazi yake", None)],
        id="a_plural_verb_does_not_carry_one_person"),
    pytest.param(
        "Rais Yoweri Museveni amesema kwamba wanaowakosoa wameshindwa kazi.",
        dict(per=["Yoweri Museveni"]),
        [("indirect", "wanaowakosoa wameshindwa kazi", "Yoweri Museveni")],
        id="a_relative_verb_opening_a_reported_clause_is_its_subject"),
    pytest.param(
        "Barua ya TCRA kwa Vodacom inasema kwamba huduma zitasitishwa kesho.",
        dict(org=["TCRA", "Vodacom"]),
        [("indirect", "huduma zitasitishwa kesho", "TCRA")],
        id="a_document_speaks_for_its_sender_not_its_addressee"),
    pytest.param(
        "Waziri Juma Ali alitembelea shule hizo jana.\n"
        "Shirika la UNICEF linasema kwamba watoto wengi hawaendi shule.\n"
        "Inaendelea kusema kwamba walimu hawatoshi.",
        dict(per=["Juma Ali"], org=["UNICEF"]),
        [("indirect", "watoto wengi hawaendi shule", "UNICEF"),
         ("indirect", "walimu hawatoshi", "UNICEF")],
        id="an_infinitive_after_an_auxiliary_takes_the_auxiliarys_prefix"),
    pytest.param(
        "Neema Juma, mtafiti anayefuatilia siasa za Pwani alisema: “Uchaguzi utakuwa wa haki.”",
        dict(per=["Neema Juma"], loc=["Pwani"]),
        [("direct", "Uchaguzi utakuwa wa haki.", "Neema Juma")],
        id="a_description_after_a_name_without_its_closing_comma"),
    pytest.param(
        "Juma Ali, mshauri wa kiuchumi wa Rais Samia Suluhu, amesema kwamba bajeti itaongezeka.",
        dict(per=["Juma Ali", "Samia Suluhu"]),
        [("indirect", "bajeti itaongezeka", "Juma Ali")],
        id="the_name_set_off_alone_not_the_one_inside_the_description"),
    pytest.param(
        "Mkurugenzi Sefu Hatamba alifika Arusha jana.\n"
        "Rais Samia Suluhu alifungua mkutano huo.\n"
        "Hatamba anasema mradi utaanza mwezi ujao.",
        dict(per=["Sefu Hatamba", "Hatamba", "Samia Suluhu"], loc=["Arusha"]),
        [("indirect", "mradi utaanza mwezi ujao", "Sefu Hatamba")],
        id="a_surname_that_looks_like_a_verb_still_names_its_person"),
    pytest.param(
        "Taarifa ya Ikulu inamnukuu msemaji Zuhura Yunus, akisema kwamba “Rais atasafiri kesho.”",
        dict(per=["Zuhura Yunus"], org=["Ikulu"]),
        [("direct", "Rais atasafiri kesho.", "Zuhura Yunus")],
        id="the_participle_after_quoting_someone_is_the_quoted_persons"),
    pytest.param(
        "Profesa Amani Kiwelu anasema hali ni tete.\n"
        "Watu watatu walijeruhiwa jana.\n"
        "Wanamgambo wa al-Shabaab walidai kuhusika.“Madhara yanaweza kuwa tatizo kwa sababu kuna ubaguzi.”",
        dict(per=["Amani Kiwelu"], org=["al-Shabaab"]),
        [("indirect", "hali ni tete", "Amani Kiwelu"),
         ("direct", "Madhara yanaweza kuwa tatizo kwa sababu kuna ubaguzi.", "Amani Kiwelu")],
        id="a_verb_whose_sentence_ended_does_not_introduce_the_quotation"),
    pytest.param(
        "Waziri Juma Ali alisema bajeti ni kubwa.\n"
        "Ameeleza kuwa kampuni ya TANESCO imetangaza itapunguza bei ya umeme.\n"
        "“Tunataka umeme ufike kwa kila mwananchi.”",
        dict(per=["Juma Ali"], org=["TANESCO"]),
        [("indirect", "bajeti ni kubwa", "Juma Ali"),
         ("indirect", "itapunguza bei ya umeme", "TANESCO"),
         ("direct", "Tunataka umeme ufike kwa kila mwananchi.", "Juma Ali")],
        id="a_quotation_after_a_report_within_a_report_is_the_outer_speakers"),
    pytest.param(
        "Msemaji Juma Ali alisema hali ni shwari.\n"
        "Jeshi limewakamata washukiwa watatu na mkuu wa polisi wa mkoa huo alisema uchunguzi "
        "unaendelea.",
        dict(per=["Juma Ali"]),
        [("indirect", "hali ni shwari", "Juma Ali"),
         ("indirect", "uchunguzi unaendelea", None)],
        id="an_unnamed_role_after_na_is_the_verbs_subject"),
    pytest.param(
        "Mpango huo ulitangazwa jana na Waziri Juma Ali baada ya kuwaeleza wabunge kwamba "
        "fedha zimepatikana.",
        dict(per=["Juma Ali"]),
        [("indirect", "fedha zimepatikana", "Juma Ali")],
        id="the_agent_of_a_passive_main_verb_says_the_infinitive"),
    pytest.param(
        "Chama cha walimu hata hivyo kimesema kwamba mgomo utaendelea.",
        {},
        [("indirect", "mgomo utaendelea", "Chama cha walimu")],
        id="a_sentence_adverb_is_not_part_of_a_bodys_name"),
    pytest.param(
        "Msemaji Juma Ali amesema kuwa mradi huo uko tayari kuanza.",
        dict(per=["Juma Ali"]),
        [("indirect", "mradi huo uko tayari kuanza", "Juma Ali")],
        id="a_clause_whose_verb_is_a_locative_copula_is_reported"),
    pytest.param(
        "Daktari Amina Juma anasema kuwa wagonjwa huanza kupona baada ya wiki mbili.",
        dict(per=["Amina Juma"]),
        [("indirect", "wagonjwa huanza kupona baada ya wiki mbili", "Amina Juma")],
        id="a_clause_whose_verb_is_a_habitual_is_reported"),
    pytest.param(
        "“Tutashinda mechi hiyo,” alisema Juma Ali ambaye timu yake ilishinda jana.",
        dict(per=["Juma Ali"]),
        [("direct", "Tutashinda mechi hiyo,", "Juma Ali")],
        id="a_relative_clause_after_a_postposed_speaker_is_not_the_reported_clause"),
    pytest.param(
        "Kansela Gerhard Schr&ouml;der amesema kuwa uchumi wa nchi yake umekua.",
        dict(per=["Gerhard Schr&ouml;der"]),
        [("indirect", "uchumi wa nchi yake umekua", "Gerhard Schr&ouml;der")],
        id="a_letter_written_as_an_html_entity_does_not_end_the_subject"),
    pytest.param(
        "Kocha Juma Ali alikiri kuwa Hamisi Kombo hajapona lakini akasisitiza kuwa timu itashinda.",
        dict(per=["Juma Ali", "Hamisi Kombo"]),
        [("indirect", "Hamisi Kombo hajapona", "Juma Ali"),
         ("indirect", "timu itashinda", "Juma Ali")],
        id="a_narrative_verb_goes_on_with_the_reporter_not_the_reported_subject"),
    pytest.param(
        "Mwenyekiti wa chama, Juma Ali, alinukuliwa na gazeti huru la Mwananchi akisema kuwa "
        "chama kinapinga mkutano huo.",
        dict(per=["Juma Ali"], org=["Mwananchi"]),
        [("indirect", "chama kinapinga mkutano huo", "Juma Ali")],
        id="who_was_quoted_speaks_not_the_paper_that_quoted_him"),
    pytest.param(
        "Mvua kubwa itanyesha kesho mkoani Tanga kulingana na idara ya hali ya hewa.",
        dict(loc=["Tanga"]),
        [("indirect", "Mvua kubwa itanyesha kesho mkoani Tanga", "idara ya hali ya hewa")],
        id="a_final_according_to_a_body_without_a_comma_attributes"),
    pytest.param(
        "Wanafunzi watarudi shuleni mwezi ujao kwa mujibu wa ratiba ya mitihani.",
        {},
        [],
        id="a_final_according_to_a_plan_is_manner"),
])
def test_quotes_and_their_speakers(quotes_nlp, text, entities, expected):
    """(kind, text, speaker) of every quote, with the given names set as entities."""
    assert quotes(annotate(quotes_nlp, text, **entities)) == expected


@pytest.mark.parametrize("text, person, reported", [
    ("Msemaji wa bodi Halima Mrisho amesema kuwa bodi itawajibu wakulima wiki ijayo, "
     "akiongeza kuwa bei mpya itatangazwa mwezi ujao.", "Halima Mrisho", "bei mpya itatangazwa mwezi ujao"),
    ("Kocha Salum Mbwana alisema kuwa klabu itawajibu mashabiki kesho, akisisitiza kuwa timu iko tayari.",
     "Salum Mbwana", "timu iko tayari"),
])
def test_a_persons_participle_skips_a_bodys_verb_in_the_reported_clause(quotes_nlp, text, person, reported):
    """a-ki-ongeza agrees with the person who spoke first, not with the body (i-) whose
    speech verb stands in what that person reported."""
    said = {content: speaker for _, content, speaker in quotes(annotate(quotes_nlp, text, per=[person]))}
    assert said[reported] == person


def test_only_letter_entities_are_masked_and_offsets_stay():
    text = "Schr&ouml;der na Gro&szlig; wa AT&amp;T; mwisho."
    masked = mask_letter_entities(text)
    assert len(masked) == len(text)
    assert masked.count(";") == 2  # &amp; stands for "&", not a letter; the clause's ";" stays
    assert masked.startswith("Schr") and masked.endswith(" mwisho.")


def test_a_participle_after_huku_takes_the_subject_written_before_it(quotes_nlp):
    text = ("Waziri Juma Ali alisema kuwa uchumi utakua huku msemaji wa benki Amina Hassan "
            "akisema kuwa bei zitapanda.")
    found = quotes(annotate(quotes_nlp, text, per=["Juma Ali", "Amina Hassan"]))
    assert found[-1] == ("indirect", "bei zitapanda", "Amina Hassan")

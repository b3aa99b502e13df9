"""habari_dates: spans, ISO values, anchors and reconciliation with the NER.

The texts are written for these tests. Most run the component on a blank `sw` pipeline
(so they do not depend on what the trained NER happens to tag); a few go through the
full pipeline from load_pipeline().
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

import service.components  # noqa: F401  (registers the factories)
import service.lang.sw  # noqa: F401  (registers "sw")
from service.components.dates import DateAnnotator
from service.lang.sw.verbs import verb_tense

WEDNESDAY = datetime.date(2024, 6, 19)  # ISO week 2024-W25


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("sw")


def annotate(blank, text, published=WEDNESDAY, ents=(), **config):
    doc = blank(text)
    doc._.published = published
    if ents:
        doc.ents = [_char_ent(doc, phrase, label) for phrase, label in ents]
    return DateAnnotator(**config)(doc)


def _char_ent(doc, phrase, label):
    start = doc.text.index(phrase)
    return doc.char_span(start, start + len(phrase), label=label)


def dates(doc):
    return [(s.text, s._.date_value) for s in doc.spans["dates"]]


def only(blank, text, published=WEDNESDAY):
    found = dates(annotate(blank, text, published))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Taarifa ilitolewa 19.06.2024 mjini Dodoma.", "19.06.2024", "2024-06-19"),
        ("Mkataba ulisainiwa Juni 19, 2024 mjini Pyongyang.", "Juni 19, 2024", "2024-06-19"),
        ("Kikao kilifanyika 12 Septemba 2023 mjini Arusha.", "12 Septemba 2023", "2023-09-12"),
        ("Sheria ilipitishwa tarehe 5 Machi 2024 na bunge.", "5 Machi 2024", "2024-03-05"),
        ("Ripoti ilitoka Ijumaa Machi 1, 2024 asubuhi.", "Ijumaa Machi 1, 2024", "2024-03-01"),
        ("Alizaliwa tarehe 4 mwezi Julai mwaka wa 1776 huko.", "4 mwezi Julai mwaka wa 1776",
         "1776-07-04"),
        ("Uamuzi ulitolewa Februari 4 , 1999 mahakamani.", "Februari 4 , 1999", "1999-02-04"),
        ("Mwaka ulianza rasmi 2024-01-01 kwa sherehe.", "2024-01-01", "2024-01-01"),
        ("Walikutana Machi Mosi mjini Goma.", "Machi Mosi", "2024-03-01"),
        ("Idadi ilipanda tarehe mbili Januari mwaka huu.", "mbili Januari mwaka huu",
         "2024-01-02"),
        ("Bunge lilivamiwa Januari sita 2021 na wafuasi.", "Januari sita 2021", "2021-01-06"),
        ("Uchaguzi utafanyika Novemba tatu mwaka huu.", "Novemba tatu mwaka huu", "2024-11-03"),
        ("Uchaguzi utafanyika Januari 14 mwaka ujao 2025 nchini.",
         "Januari 14 mwaka ujao 2025", "2025-01-14"),
    ],
)
def test_full_dates(blank, text, span, value):
    assert only(blank, text) == (span, value)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Mvua zilianza mwezi Juni na kuendelea.", "Juni", "2024-06"),
        ("Bei zilipanda Disemba 2020 kote nchini.", "Disemba 2020", "2020-12"),
        ("Uchaguzi ulifanyika Oktoba mwaka wa 2019 nchini humo.", "Oktoba mwaka wa 2019",
         "2019-10"),
        ("Ujenzi ulianza Septemba mwaka jana kwa kasi.", "Septemba mwaka jana", "2023-09"),
        ("Hali ilibadilika Machi , mwaka 2021 nchini.", "Machi , mwaka 2021", "2021-03"),
        ("Sheria ilipitishwa mwaka 2022 bungeni.", "2022", "2022"),
        ("Chama kimetawala tangu mwaka wa 1986 nchini.", "1986", "1986"),
        ("Mpango utakamilika ifikapo 2030 kwa mujibu wa serikali.", "2030", "2030"),
        ("Bajeti ya mwaka wa fedha 2023/24 ilipitishwa.", "2023/24", "2023/2024"),
        ("Nchi ilistawi katika miaka ya 1990 kiuchumi.", "1990", "199X"),
        ("Mvua zilianza mwezi wa tatu mwaka huu.", "mwezi wa tatu mwaka huu", "2024-03"),
        ("Sheria ilianza tarehe 7 mwezi wa kumi na mbili 2023.",
         "7 mwezi wa kumi na mbili 2023", "2023-12-07"),
        ("Waasi wamepigana tangu miaka ya tisini huko.", "tisini", "199X"),
    ],
)
def test_months_years_and_decades(blank, text, span, value):
    assert only(blank, text) == (span, value)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Kikao kitafanyika tarehe 25 mwezi huu mjini.", "25 mwezi huu", "2024-06-25"),
        ("Walikutana tarehe 3 ya mwezi uliopita.", "3 ya mwezi uliopita", "2024-05-03"),
        ("Kesi itasikilizwa tarehe 28 jijini.", "28", "2024-06-28"),
        ("Kesi itasikilizwa tarehe 4 jijini.", "4", "2024-07-04"),
        ("Walikamatwa tarehe 25 usiku.", "25", "2024-05-25"),
        ("Walikamatwa tarehe 12 usiku.", "12", "2024-06-12"),
    ],
)
def test_day_of_month_named_by_the_anchor(blank, text, span, value):
    assert only(blank, text) == (span, value)


def test_a_range_of_days_shares_its_month(blank):
    doc = annotate(blank, "Maonyesho yatafanyika tarehe 14 hadi 19 Julai 2024 jijini.")
    assert dates(doc) == [("14", "2024-07-14"), ("19 Julai 2024", "2024-07-19")]


def test_a_range_of_months_shares_its_year(blank):
    doc = annotate(blank, "Joto litazidi kutoka mwezi huu wa Mei hadi Juni 2020.", published=None)
    assert dates(doc) == [("mwezi huu wa Mei", "2020-05"), ("Juni 2020", "2020-06")]


def test_list_of_years_is_split(blank):
    doc = annotate(blank, "Matamko yalitiwa saini katika miaka ya 1961, 2000 na 2001 huko.")
    assert dates(doc) == [("1961", "1961"), ("2000", "2000"), ("2001", "2001")]
    assert {s._.date_granularity for s in doc.spans["dates"]} == {"year"}


def test_list_of_decades(blank):
    doc = annotate(blank, "Katika miaka ya 1980 na 1990 nchi ilikopa sana.")
    assert dates(doc) == [("1980", "198X"), ("1990", "199X")]
    assert doc.spans["dates"][0]._.date_granularity == "decade"


@pytest.mark.parametrize(
    "text, span, value, granularity",
    [
        ("Polisi walisema leo kuwa hali ni shwari.", "leo", "2024-06-19", "day"),
        ("Mkutano ulifanyika jana mjini Mwanza.", "jana", "2024-06-18", "day"),
        ("Walifika juzi jioni kwa basi.", "juzi", "2024-06-17", "day"),
        ("Kura zitapigwa kesho kote nchini.", "kesho", "2024-06-20", "day"),
        ("Matokeo yatatangazwa keshokutwa na tume.", "keshokutwa", "2024-06-21", "day"),
        ("Mvua zilinyesha wiki iliyopita pwani.", "wiki iliyopita", "2024-W24", "week"),
        ("Mazungumzo yanaendelea wiki hii mjini.", "wiki hii", "2024-W25", "week"),
        ("Ziara itafanyika wiki ijayo Kigali.", "wiki ijayo", "2024-W26", "week"),
        ("Bei zilishuka mwezi uliopita sokoni.", "mwezi uliopita", "2024-05", "month"),
        ("Mradi utaanza mwezi ujao vijijini.", "mwezi ujao", "2024-07", "month"),
        ("Uchaguzi ulifanyika mwaka jana nchini.", "mwaka jana", "2023", "year"),
        ("Mapema mwaka huu wakulima walilalamika.", "mwaka huu", "2024", "year"),
        ("Mwishoni mwa mwezi uliopita bei zilipanda.", "mwezi uliopita", "2024-05", "month"),
        ("Daraja lilikarabatiwa mwaka juzi na serikali.", "mwaka juzi", "2022", "year"),
        ("Alifariki miaka 59 iliyopita nyumbani.", "miaka 59 iliyopita", "1965", "year"),
        ("Mgomo ulianza wiki mbili zilizopita hospitalini.", "wiki mbili zilizopita",
         "2024-W23", "week"),
        ("Walifika leo Jumatano asubuhi mjini.", "leo Jumatano", "2024-06-19", "day"),
        ("Watarudi kesho kutwa jioni.", "kesho kutwa", "2024-06-21", "day"),
        ("Mkutano utafanyika wiki inayokuja Arusha.", "wiki inayokuja", "2024-W26", "week"),
        ("Bei zitapanda mwaka unaokuja kote.", "mwaka unaokuja", "2025", "year"),
    ],
)
def test_relative_dates(blank, text, span, value, granularity):
    doc = annotate(blank, text)
    assert dates(doc) == [(span, value)]
    assert doc.spans["dates"][0]._.date_granularity == granularity


@pytest.mark.parametrize(
    "text, value",
    [
        ("Rais alisema Jumanne kuwa hali ni shwari.", "2024-06-18"),  # past -li-
        ("Wizara imetangaza Jumatatu kwamba shule zitafunguliwa.", "2024-06-17"),  # perfect -me-
        ("Rais atazuru Kenya Jumanne kwa siku mbili.", "2024-06-25"),  # future -ta-
        ("Rais aliwasili Nairobi Ijumaa kwa ziara.", "2024-06-14"),  # past, Arabic-loan verb
        ("Bunge lilikutana Jumatano asubuhi.", "2024-06-19"),  # past on the anchor's own day
        ("Bunge litakutana Jumatano mchana.", "2024-06-19"),  # future on the anchor's own day
        ("Jumamosi, polisi waliwakamata watu watatu.", "2024-06-15"),  # verb after the date
        ("Timu itacheza Ijumaa ijayo mjini Kampala.", "2024-06-21"),
        ("Waasi walishambulia kambi Jumapili iliyopita.", "2024-06-16"),
        ("Ripoti ilitoka Ijumaa wiki iliyopita mjini.", "2024-06-14"),
    ],
)
def test_weekdays_resolve_by_tense(blank, text, value):
    (_, found), = dates(annotate(blank, text))
    assert found == value


def test_joined_weekdays_share_a_tense(blank):
    doc = annotate(blank, "Mkutano unaofanyika kwa video, Jumamosi na Jumapili wa nchi "
                          "zilizoendelea.")
    assert dates(doc) == [("Jumamosi", "2024-06-22"), ("Jumapili", "2024-06-23")]


def test_present_relatives_and_copulas(blank):
    assert only(blank, "Waziri yuko Berlin kwa mazungumzo Jumatano.") == ("Jumatano", "2024-06-19")
    assert only(blank, "Mwendesha mashtaka anaondoka madarakani Ijumaa.") == ("Ijumaa", "2024-06-21")
    # A present relative describes; the date's own verb is elsewhere.
    assert only(blank, "Mashtaka ya Jumanne ndiyo ya kwanza yanayoangazia ghasia.") == (
        "Jumanne", "2024-06-18")


def test_each_weekday_takes_its_own_verb(blank):
    doc = annotate(blank, "Mshambuliaji alifunga mabao mawili Ijumaa na atacheza tena Jumanne.")
    assert dates(doc) == [("Ijumaa", "2024-06-14"), ("Jumanne", "2024-06-25")]


def test_bare_month_takes_the_anchor_year_unless_the_tense_says_otherwise(blank):
    january = datetime.date(2025, 1, 6)
    assert only(blank, "Mfumuko wa bei ulipanda Desemba kwa kasi.", january) == (
        "Desemba", "2024-12")
    assert only(blank, "Kampeni zitaanza Machi kote nchini.", january) == ("Machi", "2025-03")
    # A past verb postponing to a date shortly ahead keeps the anchor's year.
    assert only(blank, "Mahakama iliahirisha kesi hadi Februari 3 kwa ushahidi.", january) == (
        "Februari 3", "2025-02-03")


@pytest.mark.parametrize(
    "text",
    [
        "Rais huyo ametawala kwa miaka 24 sasa.",
        "Walikaa kambini kwa siku tatu bila chakula.",
        "Kila mwaka wakulima hupanda mahindi.",
        "Soko hufunguliwa kila Jumanne asubuhi.",
        "Tamasha hufanyika kila mwezi Agosti mjini Zanzibar.",
        "Waandamanaji walikusanyika kila siku ya Ijumaa baada ya swala.",
        "Hivi karibuni hali imekuwa shwari.",
        "Watu 2000 walihudhuria mkutano huo.",
        "Zaidi ya wanafunzi 1500 walifaulu mtihani.",
        "Mzee huyo mwenye umri wa miaka 88 alizungumza.",
        "Wakati huo hakukuwa na umeme kijijini.",
        "Waliajiri wafanyakazi milioni 1 mwezi huo.",
        "Bei zilipanda kwa mwezi wa tatu mfululizo.",
        "Kuna vinyozi na wasusi wa nywele 1000 mjini.",
    ],
)
def test_not_dates(blank, text):
    assert dates(annotate(blank, text)) == []


def test_a_date_word_inside_a_name_is_not_a_date(blank):
    doc = annotate(blank, "Leo Lwekamwa alisema leo kwamba Chuo cha 2000 kimefungwa.",
                   ents=[("Leo Lwekamwa", "PER"), ("Chuo cha 2000", "ORG")])
    assert dates(doc) == [("leo", "2024-06-19")]


def test_vague_juzi_is_not_a_date(blank):
    assert dates(annotate(blank, "Hivi juzi walikutana tena.")) == []


def test_spelling_variants_of_months(blank):
    doc = annotate(blank, "Ratiba ya mikutano: Agusti 23, Disemba 2 na Febuari 5.")
    assert [v for _, v in dates(doc)] == ["2024-08-23", "2024-12-02", "2024-02-05"]


def test_misspelled_names_one_letter_off(blank):
    doc = annotate(blank, "Mapigano yalianza tarehe 4 mwezi Novemaba 2020 na Jumaatano "
                          "iliyopita, si Jumatanu.")
    assert dates(doc) == [("4 mwezi Novemaba 2020", "2020-11-04"),
                          ("Jumaatano iliyopita", "2024-06-12")]


def test_times_of_day_are_left_out(blank):
    doc = annotate(blank, "Tukio lilitokea Jumapili alasiri na jana usiku tena.")
    assert [s.text for s in doc.spans["dates"]] == ["Jumapili", "jana"]


def test_appositive_parts_form_one_span(blank):
    doc = annotate(blank, "Bunge lilipiga kura Jumapili tarehe 16 Juni kwa wingi.")
    assert dates(doc) == [("Jumapili tarehe 16 Juni", "2024-06-16")]


def test_a_relative_year_named_again_resolves_without_anchor(blank):
    doc = annotate(blank, "Uchaguzi wa mwaka huu 2021 ulikuwa wa amani.", published=None)
    assert dates(doc) == [("mwaka huu 2021", "2021")]


def test_a_relative_year_named_again_after_wa(blank):
    doc = annotate(blank, "Mavuno ya robo ya tatu ya mwaka huu wa 2022 yalikuwa mazuri, "
                          "kama ya Machi mwaka jana wa 2021.", published=None)
    assert dates(doc) == [("mwaka huu wa 2022", "2022"), ("Machi mwaka jana wa 2021", "2021-03")]


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Mashindano hayo yatafanyika mwakani nchini Ghana.", "mwakani", "2025"),
        ("Kazi itakamilika ifikapo Agosti mwakani kwa mujibu wa mpango.", "Agosti mwakani",
         "2025-08"),
        ("Kesi itasikilizwa tena Januari 3 mwakani mjini Mwanza.", "Januari 3 mwakani",
         "2025-01-03"),
        ("Bei ya mafuta itashuka mwaka kesho, wataalamu wanasema.", "mwaka kesho", "2025"),
    ],
)
def test_next_year_in_one_word_and_mwaka_kesho(blank, text, span, value):
    assert only(blank, text) == (span, value)


def test_counts_agreeing_with_ma_nouns(blank):
    assert only(blank, "Majuma matatu yaliyopita soko lilifungwa.") == (
        "Majuma matatu yaliyopita", "2024-W22")


def test_a_number_word_after_a_month_is_its_day_without_a_year(blank):
    assert only(blank, "Sherehe za uhuru zitafanyika Julai nne kama kawaida.") == (
        "Julai nne", "2024-07-04")
    assert only(blank, "Wiki inayoanza Machi tisa wagonjwa waliongezeka.") == (
        "Machi tisa", "2024-03-09")


def test_a_relative_month_with_its_day_in_apposition(blank):
    assert only(blank, "Rais ataapishwa mwezi ujao tarehe 5 mjini Dodoma.") == (
        "mwezi ujao tarehe 5", "2024-07-05")
    assert only(blank, "Walikamatwa mwezi uliopita tarehe mosi.") == (
        "mwezi uliopita tarehe mosi", "2024-05-01")


def test_a_far_future_verb_gives_the_weekday_its_tense(blank):
    # Past is the default when no verb is near; a future verb at the head of a long
    # object still governs the date.
    text = ("Chama kitawatambulisha wagombea wa urais wa pande zote mbili kwa wanachama "
            "wake wa kisiwa cha Pemba siku ya Jumapili.")
    assert only(blank, text) == ("Jumapili", "2024-06-23")
    text = ("Chama kiliwatambulisha wagombea wa urais wa pande zote mbili kwa wanachama "
            "wake wa kisiwa cha Pemba siku ya Jumapili.")
    assert only(blank, text) == ("Jumapili", "2024-06-16")


def test_a_date_after_tangu_lies_before_the_anchor(blank):
    # A present verb ("anashikiliwa") would otherwise send the month to next year and
    # the weekday to next week.
    assert only(blank, "Mwanahabari huyo anashikiliwa tangu tarehe 2 Februari gerezani.") == (
        "2 Februari", "2024-02-02")
    assert only(blank, "Barabara inafungwa tangu Jumatatu kwa matengenezo.") == (
        "Jumatatu", "2024-06-17")
    assert only(blank, "Wakimbizi wanaendelea kuwasili tokea mwezi Januari kambini.") == (
        "Januari", "2024-01")


def test_a_weekday_picks_the_year_of_a_date_without_one(blank):
    doc = annotate(blank, "Uchaguzi ulifanyika Novemba mwaka 2020. Jibu lilikuja Jumapili "
                          "Januari 3 kutoka wizara.", published=None)
    assert dates(doc)[-1] == ("Jumapili Januari 3", "2021-01-03")


def test_year_with_a_dash_left_on_it(blank):
    doc = annotate(blank, "Alijaribu mwaka 1988 na 2008- lakini akashindwa.")
    assert [value for _, value in dates(doc)] == ["1988", "2008"]


def test_without_anchor_relative_dates_are_null_but_explicit_ones_resolve(blank):
    doc = annotate(blank, "Chanjo iliidhinishwa Desemba 11, 2020 na kutolewa Desemba 14 na "
                          "tena jana na Jumatatu.", published=None)
    assert doc._.document_date is None
    assert dates(doc) == [("Desemba 11, 2020", "2020-12-11"), ("Desemba 14", "2020-12-14"),
                          ("jana", None), ("Jumatatu", None)]
    assert [s._.date_granularity for s in doc.spans["dates"]] == ["day"] * 4


def test_document_date_from_request(blank):
    doc = annotate(blank, "Hakuna tarehe hapa.")
    assert doc._.document_date == ("2024-06-19", "request")


def test_published_may_be_an_iso_string(blank):
    doc = annotate(blank, "Walikutana jana.", published="2024-06-19")
    assert doc._.document_date == ("2024-06-19", "request")
    assert dates(doc) == [("jana", "2024-06-18")]


def test_written_back_ents_carry_the_value(blank):
    doc = annotate(blank, "Walikutana jana.")
    (ent,) = doc.ents
    assert (ent.label_, ent._.date_value, ent._.date_granularity) == ("DATE", "2024-06-18", "day")


def test_document_date_from_a_dateline(blank):
    text = "Viongozi wasaini mkataba – Habari – 20.06.2024\n\nWalikutana jana mjini."
    doc = annotate(blank, text, published=None)
    assert doc._.document_date == ("2024-06-20", "text")
    assert dates(doc)[-1] == ("jana", "2024-06-19")


def test_document_date_from_a_header_line(blank):
    text = "Rais azuru Tanzania\n3 Mei 2023\nRais aliwasili Jumanne na ataondoka Alhamisi."
    doc = annotate(blank, text, published=None)
    assert doc._.document_date == ("2023-05-03", "text")
    assert dates(doc)[1:] == [("Jumanne", "2023-05-02"), ("Alhamisi", "2023-05-04")]


@pytest.mark.parametrize(
    "header",
    [
        "DODOMA, Jumatano Juni 19, 2024 – ",
        "Imechapishwa: 19 Juni 2024\n",
        "Mwandishi Wetu | Juni 19, 2024\n",
        "Bunge lavunjwa\nImewekwa Juni 19, 2024 saa 4:30 asubuhi\n",
    ],
)
def test_document_date_from_a_place_label_or_byline(blank, header):
    doc = annotate(blank, header + "Rais alilivunja bunge jana.", published=None)
    assert doc._.document_date == ("2024-06-19", "text")
    assert dates(doc)[-1] == ("jana", "2024-06-18")


@pytest.mark.parametrize(
    "text",
    [
        "Hata hivyo, Juni 19, 2024 rais alilivunja bunge jana.",
        "Mbunge huyo\nAlizaliwa: 19 Juni 1960\nAlichaguliwa jana.",
    ],
)
def test_a_date_in_a_clause_or_profile_is_not_the_document_date(blank, text):
    assert annotate(blank, text, published=None)._.document_date is None


def test_document_date_from_leo_with_a_full_date(blank):
    doc = annotate(blank, "Leo Jumamosi Machi 2, 2024, wanafunzi wanaanza mitihani; "
                          "matokeo yatatoka Juni.", published=None)
    assert doc._.document_date == ("2024-03-02", "text")
    assert dates(doc) == [("Leo Jumamosi Machi 2, 2024", "2024-03-02"), ("Juni", "2024-06")]


def test_document_date_from_leo_with_a_date_and_no_weekday(blank):
    doc = annotate(blank, "Mkutano unaanza leo Mei 24, 2021 na utaendelea wiki hii yote.",
                   published=None)
    assert doc._.document_date == ("2021-05-24", "text")
    assert dates(doc) == [("leo Mei 24, 2021", "2021-05-24"), ("wiki hii", "2021-W21")]


def test_bare_weekend_resolves_by_tense(blank):
    assert only(blank, "Maandamano yatafanyika wikiendi mjini.") == ("wikiendi", "2024-W25")
    assert only(blank, "Maandamano yalifanyika wikendi mjini.") == ("wikendi", "2024-W24")


def test_document_date_from_jana_with_a_full_date(blank):
    doc = annotate(blank, "Jana, Machi 1, 2024, bunge lilipitisha sheria.", published=None)
    assert doc._.document_date == ("2024-03-02", "text")


def test_a_date_inside_a_sentence_is_not_the_document_date(blank):
    doc = annotate(blank, "Tukio hilo lilitokea 19.06.2024 mjini Dodoma.", published=None)
    assert doc._.document_date is None


def test_request_anchor_wins_over_a_stated_date(blank):
    doc = annotate(blank, "Habari – Gazeti – 20.06.2024\nWalikutana jana.",
                   published=datetime.date(2024, 6, 21))
    assert doc._.document_date == ("2024-06-21", "request")
    assert dates(doc)[-1] == ("jana", "2024-06-20")


def test_a_ner_date_naming_a_frequency_is_dropped(blank):
    doc = annotate(blank, "Maandamano hufanyika kila Ijumaa mjini.", ents=[("Ijumaa", "DATE")])
    assert dates(doc) == []


def test_ner_dates_are_reconciled_and_trimmed(blank):
    text = "Mkutano ulifanyika Jumapili usiku na kumalizika mapema Juni 19 , 2024 kabisa."
    doc = annotate(blank, text, ents=[("Jumapili usiku", "DATE"), ("Juni 19", "DATE")])
    assert dates(doc) == [("Jumapili", "2024-06-16"), ("Juni 19 , 2024", "2024-06-19")]


def test_ner_durations_and_counts_are_dropped(blank):
    text = "Alikaa miaka 24 gerezani na watu 2000 walimsubiri."
    doc = annotate(blank, text, ents=[("miaka 24", "DATE"), ("2000", "DATE")])
    assert dates(doc) == []
    assert [e.label_ for e in doc.ents] == []


def test_ner_date_the_grammar_lacks_is_kept_and_parsed(blank):
    doc = annotate(blank, "Kesi ilianza January 6th, 2021 mjini.", ents=[("January 6th, 2021", "DATE")])
    assert dates(doc) == [("January 6th, 2021", "2021-01-06")]


def test_dates_are_written_back_to_ents_without_touching_other_labels(blank):
    text = "Rais Samia alisema Jumapili usiku kuwa Tanzania itashiriki mwaka 2025."
    doc = annotate(blank, text, ents=[("Samia", "PER"), ("Jumapili usiku", "DATE"),
                                      ("Tanzania", "LOC")], ents_extent="core")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Samia", "PER"), ("Jumapili", "DATE"), ("Tanzania", "LOC"), ("2025", "DATE")]


@pytest.mark.parametrize("text, ents, spans", [
    # A time of day after the date, or before it with "wa", is inside MasakhaNER's span.
    ("Mkutano uliahirishwa Jumanne jioni na kikao kitaendelea kesho asubuhi.",
     ["Jumanne jioni", "kesho asubuhi"], ["Jumanne", "kesho"]),
    ("Mvua kubwa ilinyesha usiku wa kuamkia Ijumaa mjini Tanga.",
     ["usiku wa kuamkia Ijumaa"], ["Ijumaa"]),
    ("Wavuvi walirudi alfajiri wa Jumamosi.", ["alfajiri wa Jumamosi"], ["Jumamosi"]),
    # Between two days, the time goes to the later one only.
    ("Polisi walishika doria Jumamosi usiku wa kuamkia Jumapili.",
     ["Jumamosi", "usiku wa kuamkia Jumapili"], ["Jumamosi", "Jumapili"]),
    ("Maduka yalifungwa Ijumaa jioni na Jumamosi asubuhi.",
     ["Ijumaa jioni", "Jumamosi asubuhi"], ["Ijumaa", "Jumamosi"]),
    # Feasts are MasakhaNER dates without being the API's.
    ("Waumini walisherehekea Pasaka na Siku ya Uhuru kwa amani.", ["Pasaka", "Siku ya Uhuru"], []),
    # A range with its opener is one span; the API keeps one date per year.
    ("Bei ya pamba ilishuka kati ya mwaka 1998 na 2003 katika wilaya hiyo.",
     ["kati ya mwaka 1998 na 2003"], ["1998", "2003"]),
    ("Barabara itafungwa kuanzia Jumatatu hadi Alhamisi wiki ijayo.",
     ["kuanzia Jumatatu hadi Alhamisi wiki ijayo"], ["Jumatatu", "Alhamisi wiki ijayo"]),
    # Without an opener, or joined by "au" (a choice), the dates stay apart.
    ("Wageni walifika Jumatatu na Jumanne.", ["Jumatatu", "Jumanne"], ["Jumatatu", "Jumanne"]),
    ("Matokeo yatatangazwa kati ya Jumatatu au Jumanne.", ["Jumatatu", "Jumanne"],
     ["Jumatatu", "Jumanne"]),
    # Lead-ins the data marks as often outside as inside stay outside.
    ("Alisafiri mapema mwezi Machi na kurudi siku ya Jumapili.", ["Machi", "Jumapili"],
     ["Machi", "Jumapili"]),
    # "usiku" after a word that is no date is nobody's.
    ("Kikao cha usiku wa manane kilimalizika saa tano.", [], []),
])
def test_ents_take_masakhaner_extents_while_dates_keep_the_core(blank, text, ents, spans):
    doc = annotate(blank, text, ents_extent="masakhaner")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ents
    assert [s.text for s in doc.spans["dates"]] == spans


def test_a_widened_date_never_takes_words_of_another_entity(blank):
    text = "Tamasha la Jumamosi Usiku Band lilifanyika Jumamosi."
    doc = annotate(blank, text, ents=[("Usiku Band", "ORG")], ents_extent="masakhaner")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Jumamosi", "DATE"), ("Usiku Band", "ORG"), ("Jumamosi", "DATE")]


def test_a_range_that_would_overlap_another_entity_falls_back_to_its_dates(blank):
    # "Kati" closes a place's name here; the range would open with it.
    text = "Siasa za Jamhuri ya Afrika ya Kati ya 1990 na 1995 zilikuwa tofauti."
    doc = annotate(blank, text, ents=[("Jamhuri ya Afrika ya Kati", "LOC")])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Jamhuri ya Afrika ya Kati", "LOC"), ("1990", "DATE"), ("1995", "DATE")]


@pytest.mark.parametrize("text, ents", [
    # By default only ranges are widened: times of day and feasts stay out of doc.ents'
    # dates (MasakhaNER 1.0's convention, date_extents.py).
    ("Mkutano uliahirishwa Jumanne jioni na kikao kitaendelea kesho asubuhi.", ["Jumanne", "kesho"]),
    ("Mvua kubwa ilinyesha usiku wa kuamkia Ijumaa mjini Tanga.", ["Ijumaa"]),
    ("Waumini walisherehekea Pasaka na Siku ya Uhuru kwa amani.", []),
    ("Bei ya pamba ilishuka kati ya mwaka 1998 na 2003 katika wilaya hiyo.", ["kati ya mwaka 1998 na 2003"]),
    ("Barabara itafungwa kuanzia Jumatatu hadi Alhamisi wiki ijayo.",
     ["kuanzia Jumatatu hadi Alhamisi wiki ijayo"]),
    ("Wageni walifika Jumatatu na Jumanne.", ["Jumatatu", "Jumanne"]),
])
def test_by_default_ents_widen_ranges_only(blank, text, ents):
    doc = annotate(blank, text)
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ents


def test_a_single_date_entity_keeps_its_value(blank):
    doc = annotate(blank, "Alisema Jumapili usiku.", ents_extent="masakhaner")
    (ent,) = doc.ents
    assert (ent.text, ent._.date_value) == ("Jumapili usiku", "2024-06-16")


def test_ents_extent_is_checked(blank):
    with pytest.raises(ValueError, match="ents_extent"):
        DateAnnotator(ents_extent="wide")


def test_write_back_can_be_switched_off(blank):
    doc = annotate(blank, "Alisema Jumapili usiku.", ents=[("Jumapili usiku", "DATE")],
                   write_ents=False)
    assert [e.text for e in doc.ents] == ["Jumapili usiku"]
    assert [s.text for s in doc.spans["dates"]] == ["Jumapili"]


def test_spans_are_ordered_and_never_overlap(blank):
    text = ("Jana Jumanne Machi 2, 2024 na wiki iliyopita, mwezi Juni mwaka jana, "
            "miaka ya 1961, 2000 na 2001, leo na kesho.")
    doc = annotate(blank, text)
    spans = list(doc.spans["dates"])
    assert len(spans) >= 7
    for left, right in zip(spans, spans[1:]):
        assert left.end <= right.start


@pytest.mark.parametrize("word, tense", [
    ("alisema", -1), ("wamesema", -1), ("hakuhudhuria", -1), ("uliofanyika", -1),
    ("atazuru", 1), ("itafanyika", 1), ("hawatashiriki", 1), ("anasema", 1),
    ("utawala", None), ("wananchi", None), ("ulimwengu", None), ("kitabu", None),
])
def test_verb_tense(word, tense):
    assert verb_tense(word) == tense


@pytest.mark.parametrize("words", [
    [], [" "], ["\x00\x01"], ["a" * 10_000], ["2024"] * 3, ["tarehe"], ["miaka", "ya"],
    ["Jumatatu", "ya"], ["31", "Februari", "2024"], ["99.99.9999"], ["mwaka", "wa"],
])
def test_bare_docs_never_crash(blank, words):
    doc = Doc(blank.vocab, words=words)
    DateAnnotator()(doc)
    assert all(isinstance(span, Span) for span in doc.spans["dates"])


def test_impossible_date_is_not_a_date(blank):
    assert dates(annotate(blank, "Tarehe 31 Februari 2024 haipo.")) == [("Februari 2024", "2024-02")]


def test_full_pipeline_runs_on_a_bare_doc(nlp):
    words = ["Rais", "alisema", "Jumanne", "kuwa", "uchaguzi", "utafanyika", "mwaka", "2025", "."]
    doc = Doc(nlp.vocab, words=words)
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [s.text for s in doc.spans["dates"]] == ["Jumanne", "2025"]
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["Jumanne", "2025"]


def test_full_pipeline_with_published(nlp):
    doc = nlp.make_doc("Waziri alisema jana kwamba bajeti itasomwa Alhamisi ijayo.")
    doc._.published = WEDNESDAY
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert dates(doc) == [("jana", "2024-06-18"), ("Alhamisi ijayo", "2024-06-20")]


SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def test_sample_article_dateline():
    sample = SHARED / "samples" / "dw-2024-06-19-putin-pyongyang.txt"
    if not sample.exists():
        pytest.skip("../shared is absent")
    blank = spacy.blank("sw")
    doc = DateAnnotator()(blank(sample.read_text(encoding="utf-8")))
    assert doc._.document_date == ("2024-06-19", "text")
    found = dates(doc)
    assert ("Juni 19, 2024", "2024-06-19") in found
    assert ("Jumatatu", "2024-06-17") in found


_VOCABULARY = [
    "Jumatatu", "Ijumaa", "leo", "jana", "juzi", "kesho", "kutwa", "Machi", "Juni", "Disemba",
    "Novemaba", "mwaka", "miaka", "mwezi", "wiki", "wikendi", "ya", "wa", "na", "hadi", "tarehe",
    "huu", "hii", "jana", "iliyopita", "ujao", "ijayo", "zilizopita", "mbili", "tatu", "kumi",
    "mosi", "1", "18", "31", "2020", "2024", "1990", "2019/20", "19.06.2024", "2024", "-", "01",
    ",", ".", "\n", "alisema", "atazuru", "anasema", "mwishoni", "mwa", "Krismasi", "Leo", "tisini",
]
_ISO = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}))?$|^\d{3}X$|^\d{4}/\d{4}$")


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_VOCABULARY), max_size=25),
    ner=st.lists(st.tuples(st.integers(0, 24), st.integers(1, 4),
                           st.sampled_from(["DATE", "PER", "LOC"])), max_size=4),
    published=st.one_of(st.none(), st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))),
)
def test_any_mix_of_date_words_gives_ordered_spans_and_iso_values(blank, words, ner, published):
    doc = Doc(blank.vocab, words=words)
    doc.ents = spacy.util.filter_spans(
        [Span(doc, start, min(start + length, len(doc)), label=label)
         for start, length, label in ner if start < len(doc)])
    doc._.published = published
    DateAnnotator()(doc)
    spans = list(doc.spans["dates"])
    for left, right in zip(spans, spans[1:]):
        assert left.end <= right.start
    for span in spans:
        assert span._.date_value is None or _ISO.match(span._.date_value), span._.date_value
    assert doc._.document_date is None or doc._.document_date[1] in ("request", "text")

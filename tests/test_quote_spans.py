"""Where quotations start and end (docs/annotation.md, Quotes: Spans), one table a
class of text: sentences written for these tests, entities set by hand."""
from __future__ import annotations

import pytest

from tests.test_quotes import annotate, quotes


def direct_and_partial(quotes_nlp, text, people):
    """(kind, text, speaker) of the text's direct and partial quotes, with every
    occurrence of `people` set as a PER entity."""
    return [q for q in quotes(annotate(quotes_nlp, text, per=people)) if q[0] != "indirect"]


@pytest.mark.parametrize("text, spans", [
    # a paragraph ends the quotation whose closing mark never comes
    ("Mkuu wa wilaya Asha Juma alisema: “Barabara hii itakamilika mwezi ujao.\n\n"
     "Mvua ilinyesha usiku kucha.", ["Barabara hii itakamilika mwezi ujao."]),
    # ... and so does the end of the text
    ("Mkuu wa polisi Asha Juma alisema: “Tumewakamata washukiwa watatu. Tunaendelea na uchunguzi",
     ["Tumewakamata washukiwa watatu. Tunaendelea na uchunguzi"]),
    # one sentence a line: the quoted sentences go on, the byline does not
    ("Msemaji Asha Juma alisema:\n“Tumechukua hatua leo kulinda wafanyakazi.\n"
     "Tutaendelea kufuatilia hali hiyo.\nImetayarishwa na mwandishi wetu, Dar es Salaam.",
     ["Tumechukua hatua leo kulinda wafanyakazi.\nTutaendelea kufuatilia hali hiyo."]),
    # a third line goes on only in the speaker's own person: narration resumes
    ("Msemaji Asha Juma alisema:\n“Tumechukua hatua leo kulinda wafanyakazi.\n"
     "Hali ya kiwanda itaimarika mwakani.\nKiwanda hicho kilijengwa mwaka 1990.",
     ["Tumechukua hatua leo kulinda wafanyakazi.\nHali ya kiwanda itaimarika mwakani."]),
    ("Msemaji Asha Juma alisema:\n“Tumechukua hatua leo kulinda wafanyakazi.\n"
     "Hali ya kiwanda itaimarika mwakani.\nTutaajiri vijana wengi zaidi.\nKiwanda hicho kiko Tanga.",
     ["Tumechukua hatua leo kulinda wafanyakazi.\nHali ya kiwanda itaimarika mwakani.\n"
      "Tutaajiri vijana wengi zaidi."]),
    # a person's deeds in the past on the next line: narration resumes at once
    ("Daktari Asha Juma alisema: “Wagonjwa wameongezeka mara mbili.\n"
     "Waziri Salma Mollel alitembelea hospitali hiyo jana.\nHospitali hiyo iko Dodoma.",
     ["Wagonjwa wameongezeka mara mbili."]),
    # a line that opens a new quotation ends the open one
    ("Daktari Asha Juma alisema: “Wagonjwa wameongezeka.\n“Tunahitaji dawa zaidi,” aliongeza.",
     ["Wagonjwa wameongezeka.", "Tunahitaji dawa zaidi,"]),
])
def test_quotation_without_its_closing_mark(quotes_nlp, text, spans):
    assert direct_and_partial(quotes_nlp, text, ["Asha Juma"]) == [("direct", s, "Asha Juma") for s in spans]


@pytest.mark.parametrize("text, spans", [
    # each paragraph opens again; the mark closes only at the end: one item a paragraph
    ("Mwalimu Baraka Said alisema: “Wanafunzi wamefanya vizuri mwaka huu.\n\n"
     "“Tunashukuru wazazi kwa msaada wao.\n\n“Tutaendelea kujituma zaidi.”\n\n"
     "Shule hiyo ina wanafunzi mia tatu.",
     ["Wanafunzi wamefanya vizuri mwaka huu.", "Tunashukuru wazazi kwa msaada wao.",
      "Tutaendelea kujituma zaidi."]),
    ("Daktari Baraka Said alisema: “Wagonjwa wameongezeka.\n“Tunahitaji dawa zaidi.\n"
     "“Serikali itusaidie.”\nHospitali hiyo iko Dodoma.",
     ["Wagonjwa wameongezeka.", "Tunahitaji dawa zaidi.", "Serikali itusaidie."]),
    ('Waziri Baraka Said alisema: "Tumeanza ujenzi.\n\n"Tutamaliza mwakani."\n\nMradi huo ni mkubwa.',
     ["Tumeanza ujenzi.", "Tutamaliza mwakani."]),
    # no mark at the second paragraph's start: everything between the marks
    ("Mkuu wa polisi Baraka Said alisema: “Tumewakamata washukiwa watatu.\n\n"
     "Tunaendelea na uchunguzi,” aliongeza.\n\nTukio hilo lilitokea jana.",
     ["Tumewakamata washukiwa watatu.\n\nTunaendelea na uchunguzi,"]),
    ("“Mvua imeharibu mazao yetu,” alisema mkulima Baraka Said. “Hatuna chakula cha kutosha.\n"
     "Tunaomba msaada wa serikali.”\nWilaya hiyo ina wakazi elfu kumi.",
     ["Mvua imeharibu mazao yetu,", "Hatuna chakula cha kutosha.\nTunaomba msaada wa serikali."]),
])
def test_quotation_over_several_sentences_or_paragraphs(quotes_nlp, text, spans):
    assert direct_and_partial(quotes_nlp, text, ["Baraka Said"]) == [("direct", s, "Baraka Said") for s in spans]


@pytest.mark.parametrize("text, spans", [
    ("“Bei ya sukari itashuka,” alisema Juma Hamisi, “kwa sababu mavuno ni mazuri.”",
     ["Bei ya sukari itashuka,", "kwa sababu mavuno ni mazuri."]),
    ("“Tutajenga shule mpya,” Mbunge Juma Hamisi alisema, “na zahanati mbili.”",
     ["Tutajenga shule mpya,", "na zahanati mbili."]),
    ("“Mvua imeharibu,” Juma Hamisi alisema. “Hatuna chakula.”", ["Mvua imeharibu,", "Hatuna chakula."]),
    # the second part lost its opening mark: it starts after the attribution's sentence
    ("Mvua ilinyesha jana.\n“Mvua imeharibu mazao,” alisema Juma Hamisi. Hatuna chakula cha kutosha.”",
     ["Mvua imeharibu mazao,", "Hatuna chakula cha kutosha."]),
    ("“Mvua imeharibu mazao yetu,” alisema mkulima Juma Hamisi, akiongeza, “Hatuna chakula cha kutosha.”",
     ["Mvua imeharibu mazao yetu,", "Hatuna chakula cha kutosha."]),
])
def test_quotation_split_by_its_attribution_is_two_items(quotes_nlp, text, spans):
    assert direct_and_partial(quotes_nlp, text, ["Juma Hamisi"]) == [("direct", s, "Juma Hamisi") for s in spans]


@pytest.mark.parametrize("headline, span", [
    ("Mbowe: “Hatutakubali kuonewa”", "Hatutakubali kuonewa"),
    ("Mbowe: “Hatutakubali kuonewa", "Hatutakubali kuonewa"),
    ("“Hatutakubali kuonewa,” asema Mbowe", "Hatutakubali kuonewa,"),
    ("“Hatutakubali kuonewa” - Mbowe", "Hatutakubali kuonewa"),
    ("Mbowe asema “Hatutakubali kuonewa”", "Hatutakubali kuonewa"),
])
def test_attributed_quotation_in_a_headline(quotes_nlp, headline, span):
    text = headline + "\nMwenyekiti Freeman Mbowe amesema chama chake kitaendelea na mikutano."
    assert direct_and_partial(quotes_nlp, text, ["Freeman Mbowe", "Mbowe"]) == [("direct", span, "Freeman Mbowe")]


def test_short_quoted_title_with_a_name_before_it_is_still_no_quote(quotes_nlp):
    text = "Filamu ya Juma Hamisi “Maisha Mapya” ilionyeshwa jana.\nWatu wengi walihudhuria."
    assert direct_and_partial(quotes_nlp, text, ["Juma Hamisi"]) == []


@pytest.mark.parametrize("opening, closing", [
    ("“", "”"), ("„", "“"), ("«", "»"), ('"', '"'), ("‘", "’"), ("'", "'"), ("``", "''"), ("''", "''"),
])
def test_every_kind_of_quotation_mark(quotes_nlp, opening, closing):
    text = f"Waziri Neema Mollel alisema: {opening}Tutapanda miti elfu kumi mwaka huu.{closing} Mvua imeanza."
    assert direct_and_partial(quotes_nlp, text, ["Neema Mollel"]) == [
        ("direct", "Tutapanda miti elfu kumi mwaka huu.", "Neema Mollel")]


@pytest.mark.parametrize("inner", [
    "“tunataka ushindi,”",  # the same kind of mark as the outer quotation
    "‘tunataka ushindi,’",
    '"tunataka ushindi,"',
])
def test_quotation_inside_a_quotation_stays_in_it(quotes_nlp, inner):
    text = f"Kocha Hamisi Juma alisema: “Mashabiki walipiga kelele {inner} na tulijitahidi sana.”"
    assert direct_and_partial(quotes_nlp, text, ["Hamisi Juma"]) == [
        ("direct", f"Mashabiki walipiga kelele {inner} na tulijitahidi sana.", "Hamisi Juma")]


def test_quoted_phrase_at_a_lines_start_after_an_unclosed_one_is_not_nested(quotes_nlp):
    text = ("Kampuni ya Hamisi Juma ilisema kuwa “tutaajiri vijana wengi mwaka huu.\n"
            "Mkurugenzi Hamisi Juma aliongeza: “Tunashukuru serikali.”\nKiwanda hicho kiko Tanga.")
    assert [s for _, s, _ in direct_and_partial(quotes_nlp, text, ["Hamisi Juma"])] == [
        "tutaajiri vijana wengi mwaka huu.", "Tunashukuru serikali."]


@pytest.mark.parametrize("attribution", [
    "alisema Hamisi Juma",
    "Hamisi Juma alisema",
    "Kocha mkuu wa timu ya taifa Hamisi Juma alisema Jumapili",
])
def test_closing_mark_without_its_opening_one(quotes_nlp, attribution):
    text = f"Mechi ilichezwa Dodoma.\nTulishinda kwa sababu tulijiandaa vizuri,” {attribution}."
    assert direct_and_partial(quotes_nlp, text, ["Hamisi Juma"]) == [
        ("direct", "Tulishinda kwa sababu tulijiandaa vizuri,", "Hamisi Juma")]


@pytest.mark.parametrize("line, span", [
    ("Hamisi Juma alisema timu yake kuwa imejiandaa vizuri kwa mechi hii.”", "imejiandaa vizuri kwa mechi hii."),
    ("Hamisi Juma alijibu akisema tulishinda kwa sababu tulijiandaa vizuri.”",
     "tulishinda kwa sababu tulijiandaa vizuri."),
])
def test_closing_mark_ending_a_line_that_reports_speech(quotes_nlp, line, span):
    text = f"Mechi ilichezwa Dodoma.\n{line}\nTimu hiyo itacheza tena Jumamosi."
    assert [s for _, s, _ in direct_and_partial(quotes_nlp, text, ["Hamisi Juma"])] == [span]


@pytest.mark.parametrize("line", [
    # an adjunct after the verb is not yet what was said; a mark inside the line is not one that ends it
    "Hamisi Juma alilalamika katika mkutano huo wa jana, tulishinda kwa sababu tulijiandaa.”",
    "Hamisi Juma alisema tulishinda kwa sababu tulijiandaa.”  Mechi ilichezwa jioni.",
])
def test_closing_mark_after_an_adjunct_or_inside_a_line_opens_nothing(quotes_nlp, line):
    text = f"Mechi ilichezwa Dodoma.\n{line}\nTimu hiyo itacheza tena Jumamosi."
    assert [s for _, s, _ in direct_and_partial(quotes_nlp, text, ["Hamisi Juma"])] == []


@pytest.mark.parametrize("line", [
    "Hamisi Juma alijibu : Tulishinda kwa sababu tulijiandaa vizuri.”",
    "Kocha Hamisi Juma alisema: Tulishinda kwa sababu tulijiandaa vizuri.”",
])
def test_closing_mark_without_its_opening_one_after_a_colon(quotes_nlp, line):
    text = f"Mechi ilichezwa Dodoma.\n{line}\nTimu hiyo itacheza tena Jumamosi."
    assert direct_and_partial(quotes_nlp, text, ["Hamisi Juma"]) == [
        ("direct", "Tulishinda kwa sababu tulijiandaa vizuri.", "Hamisi Juma")]


@pytest.mark.parametrize("text, expected", [
    # no reported clause is found after the adjunct: the quoted words are still the speaker's
    ("Mbunge Rehema Ali alisema katika ujumbe wake wa Facebook ghasia hizo “ zimeonyesha udhaifu wa serikali.”",
     [("partial", "zimeonyesha udhaifu wa serikali.", "Rehema Ali")]),
    # the attribution comes after the content
    ("Kile anachokitaka ni “mazungumzo ya kweli”, Rehema Ali alisema Jumanne.",
     [("partial", "mazungumzo ya kweli", "Rehema Ali")]),
    # names and titles in quotation marks are nobody's words
    ("Rehema Ali alisema kampuni ya “Safari” imefilisika mwaka huu.", []),
    ("Rehema Ali alizungumza katika kipindi cha “Habari za Asubuhi” jana.", []),
    ("Mshairi Rehema Ali aliandika “Wimbo Wa Taifa Letu.”\nShairi hilo ni maarufu.", []),
    # a verb of asking, vowing or calling before the quoted phrase, no clause reported
    ("Mbunge Rehema Ali alitoa taarifa jana, akiwasihi “vijana kutunza mazingira yao.”",
     [("partial", "vijana kutunza mazingira yao.", "Rehema Ali")]),
    ("Mbunge Rehema Ali ameapa “kupambana na rushwa hadi mwisho.”",
     [("partial", "kupambana na rushwa hadi mwisho.", "Rehema Ali")]),
    ("Mbunge Rehema Ali aliwaita wezi hao ‘wadudu’ na kuondoka.", [("partial", "wadudu", "Rehema Ali")]),
    ("Waziri Rehema Ali aliwataja waandamanaji kama “vibaraka wa wageni” mbele ya wanahabari.",
     [("partial", "vibaraka wa wageni", "Rehema Ali")]),
    # ... but not past another main verb
    ("Rehema Ali aliwaomba wakazi wote, wanaoishi karibu na mto huo wamekimbia “mafuriko makubwa” jana.", []),
    # a mark that opens a name and never closes
    ("Rehema Ali alisema watu wenye silaha walivamia chuo cha “Kagara Science College mjini humo jana.", []),
    # a charge's wording is a description, even where a speech verb reports it
    ("Polisi walimfungulia mashtaka Rehema Ali kwa “kuchochea vurugu mjini,” afisa mmoja amesema.", []),
    ("Rehema Ali alishtakiwa kwa “kusambaza habari za uongo” wiki iliyopita.", []),
])
def test_quoted_phrase_without_a_reported_clause(quotes_nlp, text, expected):
    quotes = direct_and_partial(quotes_nlp, text, ["Rehema Ali"])
    assert quotes == expected

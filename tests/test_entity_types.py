"""habari_entity_types: typing rules applied to spans given as the NER's output."""
import pytest
from spacy.tokens import Span

from service.components.entity_types import RULES, EntityTyper


@pytest.fixture(scope="module")
def typer():
    return EntityTyper(list(RULES))


def _with_ents(nlp, text: str, spans: list[tuple[str, str]]):
    """A doc of `text` whose doc.ents are the given (words, label), as the NER might give."""
    doc = nlp.make_doc(text)
    ents = []
    for words, label in spans:
        start = text.index(words)
        ents.append(doc.char_span(start, start + len(words), label=label, alignment_mode="expand"))
    doc.ents = ents
    return doc


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, given, expected", [
    ("Kiongozi Kim Jong-un alifika.", [("Kim Jong", "PER")], [("Kim Jong-un", "PER")]),
    ("Rais Moon Jae-in alifika.", [("Moon Jae-", "PER")], [("Moon Jae-in", "PER")]),
    ("Waziri Nkosazana Dlamini-Zuma alisema.", [("Nkosazana Dlamini", "PER"), ("Zuma", "PER")],
     [("Nkosazana Dlamini-Zuma", "PER")]),
    # spaced dashes separate, and a glued word of another type is not swallowed
    ("Juma - Ali alisema.", [("Juma", "PER"), ("Ali", "PER")], [("Juma", "PER"), ("Ali", "PER")]),
    ("Juma-Kenya alisema.", [("Juma", "PER"), ("Kenya", "LOC")], [("Juma", "PER"), ("Kenya", "LOC")]),
])
def test_hyphenated_names_are_one_span(nlp, typer, text, given, expected):
    assert _ents(typer(_with_ents(nlp, text, given))) == expected


def test_apostrophe_names_are_one_token(nlp):
    assert [t.text for t in nlp.make_doc("Ng'ang'a na O'Brien walifika")][:3] == ["Ng'ang'a", "na", "O'Brien"]


@pytest.mark.parametrize("text, given, expected", [
    ("Isitoshe Juma Ali alisema.", [("Isitoshe Juma Ali", "PER")], [("Juma Ali", "PER")]),
    ("Hata hivyo Juma alisema.", [("Hata hivyo Juma", "PER")], [("Juma", "PER")]),
    # a connective alone is no name, whatever the NER typed it (none is, in the MasakhaNER data)
    ("Aidha alisema.", [("Aidha", "PER")], []),
    ("Isitoshe, Ruto aliahidi.", [("Isitoshe", "LOC"), ("Ruto", "PER")], [("Ruto", "PER")]),
    # "for example", which the NER takes for a person in 54 of 64 newspaper sentences
    ("Mathalani, wakulima walipata hasara.", [("Mathalani", "PER")], []),
    ("Hata hivyo Tanzania ilishinda.", [("Hata hivyo Tanzania", "LOC")], [("Tanzania", "LOC")]),
])
def test_sentence_connectives_are_not_part_of_names(nlp, typer, text, given, expected):
    assert _ents(typer(_with_ents(nlp, text, given))) == expected


def test_peoples_and_page_furniture_are_not_entities(nlp, typer):
    text = "Wakenya na Mtanzania na Waingereza walisoma Popular na Related Posts na 1 Min Read kuhusu Kenya."
    given = [("Wakenya", "LOC"), ("Mtanzania", "PER"), ("Waingereza", "LOC"), ("Popular", "PER"),
             ("Related Posts", "ORG"), ("1 Min Read", "DATE"), ("Kenya", "LOC")]
    assert _ents(typer(_with_ents(nlp, text, given))) == [("1 Min Read", "DATE"), ("Kenya", "LOC")]


def test_a_party_s_members_are_not_entities(nlp, typer):
    text = "Wademokrat na Mrepublican na Mliberali walikutana na Mwema."
    given = [("Wademokrat", "PER"), ("Mrepublican", "ORG"), ("Mliberali", "PER"), ("Mwema", "PER")]
    assert _ents(typer(_with_ents(nlp, text, given))) == [("Mwema", "PER")]


def test_page_furniture_dates_are_dropped_too(nlp):
    typer = EntityTyper(["furniture"])
    doc = _with_ents(nlp, "Habari 1 Min Read leo", [("1 Min Read", "PER")])
    assert _ents(typer(doc)) == []


@pytest.mark.parametrize("text, given, expected", [
    ("Kim alisema kuwa Pyongyang iko tayari.", [("Kim", "PER"), ("Pyongyang", "PER")],
     [("Kim", "PER"), ("Pyongyang", "LOC")]),
    ("Mkutano wa Hanoi ulifanyika.", [("Hanoi", "PER")], [("Hanoi", "LOC")]),
    # a title before the name says it is a person
    ("Bw. Arusha alisema.", [("Arusha", "PER")], [("Arusha", "PER")]),
    # a given name that is only an alternate name of a city stays a person
    ("Kamau alisema.", [("Kamau", "PER")], [("Kamau", "PER")]),
])
def test_capitals_and_big_cities_are_not_people(nlp, typer, text, given, expected):
    assert _ents(typer(_with_ents(nlp, text, given))) == expected


@pytest.mark.parametrize("text, given, expected", [
    ("Mechi itachezwa Uwanja wa Taifa jijini Dar es Salaam.", [("Uwanja wa Taifa", "ORG")],
     [("Uwanja wa Taifa", "LOC")]),
    # a ground's head alone, or a name merely beginning with the word, is left as it is
    ("Kampuni ya Uwanja Holdings ilisema.", [("Uwanja Holdings", "ORG")], [("Uwanja Holdings", "ORG")]),
])
def test_grounds_are_places(nlp, typer, text, given, expected):
    assert _ents(typer(_with_ents(nlp, text, given))) == expected


def test_a_dateline_is_a_place(nlp, typer):
    doc = _with_ents(nlp, "DODOMA. Serikali imesema leo.\n\nMWANZA: Mvua ilinyesha.", [("DODOMA", "PER")])
    assert _ents(typer(doc)) == [("DODOMA", "LOC"), ("MWANZA", "LOC")]


@pytest.mark.parametrize("text, given, expected", [
    ("Timu ya Simba ilishinda mechi ya ligi jana.", [("Simba", "PER")], [("Simba", "ORG")]),
    ("Wachezaji wa Yanga walifika Morogoro.", [("Yanga", "LOC")], [("Yanga", "ORG")]),
    # the same name with no football around it, or after a title, stays as the NER said
    ("Simba alisema serikali itajenga barabara.", [("Simba", "PER")], [("Simba", "PER")]),
    ("Mufti Simba alisema mechi zimeahirishwa.", [("Simba", "PER")], [("Simba", "PER")]),
    # a name shaped as a club's: a club word at either end, or its home place after "ya"
    ("Mechi ya Pamba Rangers na Kilimo City ilichezwa jana.", [("Pamba Rangers", "LOC"), ("Kilimo City", "PER")],
     [("Pamba Rangers", "ORG"), ("Kilimo City", "ORG")]),
    ("Kocha wa Mlimani ya Morogoro alisema.", [("Mlimani", "PER"), ("Morogoro", "LOC")],
     [("Mlimani", "ORG"), ("Morogoro", "LOC")]),
    # a country is its national team, a place; no football around, no club
    ("Timu ya Kenya ya Afrika ilishinda mechi.", [("Kenya", "LOC"), ("Afrika", "LOC")],
     [("Kenya", "LOC"), ("Afrika", "LOC")]),
    ("Mzee Juma ya Mwanza alisema barabara itajengwa.", [("Juma", "PER"), ("Mwanza", "LOC")],
     [("Juma", "PER"), ("Mwanza", "LOC")]),
    # a listed club's city after a place word is the city, football or not
    ("Mashabiki wa timu hiyo wanaishi jijini Liverpool na mji wa Barcelona.",
     [("Liverpool", "LOC"), ("Barcelona", "LOC")], [("Liverpool", "LOC"), ("Barcelona", "LOC")]),
    # every listed club, whichever line of the list it opens
    ("Simba itacheza na Zamalek na Mbeya City.", [("Zamalek", "LOC"), ("Mbeya City", "LOC")],
     [("Zamalek", "ORG"), ("Mbeya City", "ORG")]),
    # a name that only names a club is one where the NER left it untagged, the longest name first
    ('"Yanga hawajafanya haki, tunaisisitiza TFF isiyumbe," alisema.', [], [("Yanga", "ORG"), ("TFF", "ORG")]),
    ("Mashabiki wa Azam FC walifika.", [], [("Azam FC", "ORG")]),
    # or tagged in part
    ("Timu ya Gor Mahia ilishinda jana.", [("Gor", "ORG")], [("Gor Mahia", "ORG")]),
    ("Mashabiki wa Manchester United walifurahi.", [("Manchester", "LOC")], [("Manchester United", "ORG")]),
    # not inside a longer capitalized name, not after a place word, not in lowercase
    ("Mwandishi Chelsea Mwakasege aliishi jijini Liverpool; yanga ni neno.", [], []),
    # a player's or coach's club run into his name after his role is the club, then the person
    ("Mshambuliaji wa Taifa Stars Juma Kaseja Ramadhani alifunga.", [("Taifa Stars Juma Kaseja Ramadhani", "PER")],
     [("Taifa Stars", "ORG"), ("Juma Kaseja Ramadhani", "PER")]),
    ("Kocha wa Gor Mahia Ali Salim amesema.", [("Gor Mahia Ali Salim", "LOC")],
     [("Gor Mahia", "ORG"), ("Ali Salim", "PER")]),
    ("Kocha wa Simba Ali Salim amesema.", [("Simba Ali Salim", "PER")], [("Simba", "ORG"), ("Ali Salim", "PER")]),
    ("Rafiki wa Simba Ali Salim amesema.", [("Simba Ali Salim", "PER")], [("Simba Ali Salim", "PER")]),
    # a full name the NER tagged right after an untagged club is the club's player
    ("Kipa wa Azam FC Ali Salim aliokoa.", [("Ali Salim", "PER")], [("Azam FC", "ORG"), ("Ali Salim", "PER")]),
    # one capitalized word after the club may be the rest of a name; no role before, no split
    ("Mashabiki wa Chelsea Clinton walifika.", [("Chelsea Clinton", "PER")], [("Chelsea Clinton", "PER")]),
    ("Taifa Stars Juma Ramadhani alifunga.", [("Taifa Stars Juma Ramadhani", "PER")],
     [("Taifa Stars Juma Ramadhani", "PER")]),
    # clubs named after a town or a quarter: clubs among football words, the place elsewhere
    ("Mabao ya Mlandege yaliipa ushindi dhidi ya Leverkusen.", [("Mlandege", "LOC"), ("Leverkusen", "LOC")],
     [("Mlandege", "ORG"), ("Leverkusen", "ORG")]),
    ("Soko la Mlandege lilifungwa jana.", [("Mlandege", "LOC")], [("Mlandege", "LOC")]),
    ("Baada ya mechi huko Leverkusen mashabiki walirudi.", [("Leverkusen", "LOC")], [("Leverkusen", "LOC")]),
    ("Timu itacheza mechi ugenini huko Kilimo City.", [("Kilimo City", "LOC")], [("Kilimo City", "ORG")]),
    ("United walipoteza pointi tatu ugenini.", [("United", "LOC")], [("United", "ORG")]),
    # two clubs that name nothing else, football or not
    ("Wanachama wa African Lyon na Toto Africans walikutana.", [("African Lyon", "LOC"), ("Toto Africans", "PER")],
     [("African Lyon", "ORG"), ("Toto Africans", "ORG")]),
])
def test_football_clubs_are_organizations_in_context(nlp, typer, text, given, expected):
    assert _ents(typer(_with_ents(nlp, text, given))) == expected


def test_rules_can_be_switched_off_one_by_one(nlp):
    doc = _with_ents(nlp, "Kim alisema kuwa Pyongyang iko tayari.", [("Pyongyang", "PER")])
    assert _ents(EntityTyper([r for r in RULES if r != "places"])(doc)) == [("Pyongyang", "PER")]
    with pytest.raises(ValueError, match="unknown rules"):
        EntityTyper(["no such rule"])


def test_kim_jong_un_is_one_person_through_the_pipeline(nlp):
    doc = nlp("Kiongozi wa Korea Kaskazini Kim Jong-un alikutana na Rais Moon Jae-in mjini Pyongyang jana.")
    people = {e.text for e in doc.ents if e.label_ == "PER"}
    assert "Kim Jong-un" in people and not any(isinstance(e, Span) and e.text == "Kim Jong" for e in doc.ents)
    assert ("Pyongyang", "LOC") in _ents(doc)


def test_a_place_does_not_end_in_the_next_persons_title(nlp, typer):
    doc = _with_ents(nlp, "Mkuu wa mkoa wa Dar es Salaam Luteni Yusuph Makamba alifika.",
                     [("Dar es Salaam Luteni", "LOC"), ("Yusuph Makamba", "PER")])
    assert _ents(typer(doc)) == [("Dar es Salaam", "LOC"), ("Yusuph Makamba", "PER")]


def test_another_football_body_nearby_is_football_context(nlp, typer):
    doc = _with_ents(nlp, "Katibu wa FAT alisema hawatambui deni la Simba.", [("FAT", "ORG"), ("Simba", "PER")])
    assert _ents(typer(doc)) == [("FAT", "ORG"), ("Simba", "ORG")]


def test_an_office_named_after_a_title_keeps_it(nlp, typer):
    doc = _with_ents(nlp, "Ofisi ya Rais Ikulu ilisema.", [("Ofisi ya Rais", "ORG")])
    assert _ents(typer(doc)) == [("Ofisi ya Rais", "ORG")]


@pytest.mark.parametrize("text, given, expected", [
    # a caption title in German: a name in it keeps only the name the Swahili text gives
    ("Rais Juma Ali alifika Dodoma jana.\nDie Reise von Präsident Juma Ali nach Dodoma\nAlisema.",
     [("Juma Ali", "PER"), ("Dodoma", "LOC"), ("Die Reise", "PER"), ("Präsident Juma Ali", "PER"),
      ("Dodoma", "LOC")],
     [("Juma Ali", "PER"), ("Dodoma", "LOC"), ("Die Reise", "PER"), ("Juma Ali", "PER"), ("Dodoma", "LOC")]),
    # one word named elsewhere is not enough: an English line's full name stays whole
    ("Ahmed alisema jana.\nThe attack was personal, said Osman Ahmed of Minnesota.\n",
     [("Ahmed", "PER"), ("Osman Ahmed", "PER"), ("Minnesota", "LOC")],
     [("Ahmed", "PER"), ("Osman Ahmed", "PER"), ("Minnesota", "LOC")]),
    # a line with one Swahili word is Swahili: nothing changes there
    ("Juma Ali alifika.\nMkutano wa Präsident Juma Ali\n",
     [("Juma Ali", "PER"), ("Präsident Juma Ali", "PER")], [("Juma Ali", "PER"), ("Präsident Juma Ali", "PER")]),
])
def test_a_name_in_a_line_of_another_language_is_cut_to_the_name_the_article_gives(nlp, typer, text, given,
                                                                                   expected):
    doc = nlp.make_doc(text)
    ents, searched_from = [], 0
    for words, label in given:
        start = text.index(words, searched_from)
        ents.append(doc.char_span(start, start + len(words), label=label, alignment_mode="expand"))
        searched_from = start + len(words)
    doc.ents = ents
    assert _ents(typer(doc)) == expected


def test_a_common_word_set_in_capitals_is_not_a_name(nlp, tmp_path):
    # most frequent first: "timu" is written lowercase more often than "Timu", "Bunge"
    # capitalized more often than "bunge"; "au" (or) is common too
    words = tmp_path / "frequent_words.txt"
    words.write_text("ya na au timu Tanzania, Bunge bunge Timu licha TIMU\n", encoding="utf-8")
    # club_phrases off: it adds the club "Pamba", which "TIMU ya" owns; this is about capitals
    rules = [r for r in RULES if r != "club_phrases"]
    typer = EntityTyper(rules, str(words))
    text = "TIMU ya Pamba ilifika. LICHA ya mvua, BUNGE na TANZANIA na AU walikutana."
    given = [("TIMU", "ORG"), ("LICHA", "ORG"), ("BUNGE", "ORG"), ("TANZANIA", "LOC"), ("AU", "ORG")]
    assert _ents(typer(_with_ents(nlp, text, given))) == [("BUNGE", "ORG"), ("TANZANIA", "LOC"), ("AU", "ORG")]
    # without the list, or with the rule off, nothing is dropped ("LICHA" is a sentence
    # connective too, which the connectives rule drops: off here)
    others = [r for r in rules if r != "connectives"]
    for off in (EntityTyper(others), EntityTyper([r for r in others if r != "capitals"], str(words))):
        assert len(off(_with_ents(nlp, text, given)).ents) == 5


@pytest.mark.parametrize("text, expected", [
    ("Ripoti inasema NHC imeongeza kodi ya nyumba.", [("NHC", "ORG")]),
    ("Wakulima walisema TPB ilichelewesha malipo.", [("TPB", "ORG")]),
    # a person's verb, no verb, a hyphenated code, a headline in capitals: left alone
    ("Kisha JK alisema hayo.", []),
    ("Wafanyakazi wa NHC na wageni.", []),
    ("Kisha COVID-19 ilienea haraka.", []),
    ("HABARI ZA TRA imesema.", []),
])
def test_an_untagged_acronym_with_a_body_s_verb_is_an_organization(nlp, tmp_path, text, expected):
    words = tmp_path / "frequent_words.txt"
    words.write_text("ya na kisha mvua\n", encoding="utf-8")
    assert _ents(EntityTyper(list(RULES), str(words))(_with_ents(nlp, text, []))) == expected


def test_a_language_named_from_its_country_is_not_an_entity(nlp, typer):
    text = "Anaandika Kifaransa na Kituruki, si Kiswahili; Kigoma iko Tanzania."
    given = [("Kifaransa", "LOC"), ("Kituruki", "LOC"), ("Kigoma", "LOC"), ("Tanzania", "LOC")]
    # "Kigoma" is a town: no country is called "Ugoma"
    assert _ents(typer(_with_ents(nlp, text, given))) == [("Kigoma", "LOC"), ("Tanzania", "LOC")]


@pytest.mark.parametrize("text, given, expected", [
    ("Zabuni ilishinda Mwamba Construction na Juma Motors.", [("Mwamba Construction", "PER"), ("Juma Motors", "LOC")],
     [("Mwamba Construction", "ORG"), ("Juma Motors", "ORG")]),
    # one word alone is no company's name, and the word must end the name
    ("Group alisema; Services Juma alifika.", [("Group", "PER"), ("Services Juma", "PER")],
     [("Group", "PER"), ("Services Juma", "PER")]),
    # a body's English name: a party, a union
    ("Muungano wa Kilimo Workers Union na Green Liberty Party.", [("Kilimo Workers Union", "PER"),
                                                                  ("Green Liberty Party", "LOC")],
     [("Kilimo Workers Union", "ORG"), ("Green Liberty Party", "ORG")]),
])
def test_a_name_ending_in_a_company_word_is_an_organization(nlp, typer, text, given, expected):
    assert _ents(typer(_with_ents(nlp, text, given))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mwakasege aliongeza kuwa mvua itanyesha.", [("Mwakasege", "PER")]),
    ("Hata hivyo, Mwakasege amesema hajui.", [("Mwakasege", "PER")]),
    ('"Tutashinda," alisema Mwakasege.', [("Mwakasege", "PER")]),
    ('"Tutashinda," alisema Jaji Mwakasege.', [("Mwakasege", "PER")]),
    # a complement is not the subject; a body's verb; a common word; no speech
    ("Mkurugenzi wa Maabara ya Mwakasege amesema hajui.", []),
    ("Mwakasege imesema hajui.", []),
    ("Naye alisema hajui.", []),
    # another verb of a person makes its subject a person only where a sentence opens
    ("Kisha, Mwakasege alifika jana.", []),
    ("Mwakasege alifika jana.", [("Mwakasege", "PER")]),
    ("Mvua ilinyesha. Kabendera, aliwashukuru wakulima.", [("Kabendera", "PER")]),
    ("Kabendera, akizungumza jana, alisema hayo.", [("Kabendera", "PER")]),
    # an apposition after a comma, a people, a verb in capitals: no sentence opens with a name
    ("Juma, Mdemokrat, alifika.", []),
    ("Mkenya alifika jana.", []),
    ("Amemwalika aliyekuwa rais.", []),
    # the relative of people (ambaye) after a word makes it a person, not after a common
    # word or a class of things (ambayo)
    ("Kabendera ambaye ni mkulima wa Mbozi, ameomba msaada.", [("Kabendera", "PER")]),
    ("Wageni walimtembelea Kabendera, ambaye alikuwa mgonjwa.", [("Kabendera", "PER")]),
    ("Naye ambaye alikuwa mgonjwa alifika.", []),
    ("Mlinzi wa Kabendera ambaye hakutaka kutajwa alisema hajui.", []),
    ("Wageni walimtembelea mzee, Mkulima ambaye alifika jana.", []),
    ("Mwakasege ambayo ni kampuni ya mbegu imesema hajui.", []),
])
def test_an_untagged_word_a_person_s_verb_makes_a_person(nlp, tmp_path, text, expected):
    words = tmp_path / "frequent_words.txt"
    words.write_text("ya na naye hata hivyo\n", encoding="utf-8")
    assert _ents(EntityTyper(list(RULES), str(words))(_with_ents(nlp, text, []))) == expected


@pytest.mark.parametrize("text, given, expected", [
    ("Katibu Mkuu wa Umoja wa Kilimo Juma Kombo na wengine walifika.", [("Umoja wa Kilimo", "ORG")],
     [("Umoja wa Kilimo", "ORG"), ("Juma Kombo", "PER")]),
    ("Mashahidi walimwona Jaji Mkwawa jana.", [], [("Mkwawa", "PER")]),
    ("Barua ilifika kwa Waziri Mkuu Kabendera na Gen Mkwawa.", [], [("Kabendera", "PER"), ("Mkwawa", "PER")]),
    # a party's member, a seat, a country or a body's head after a title is no name
    ("Seneta Mdemokrat katika kamati alisema.", [], []),
    ("Mawasiliano ya Rais Ikulu ilisema.", [], []),
    ("Kwa Rais Kenya ni nchi nzuri.", [], []),
    ("Kamishna Mkuu Mamlaka ya Mapato alifika.", [], []),
])
def test_an_untagged_name_after_a_role_is_a_person(nlp, tmp_path, text, given, expected):
    words = tmp_path / "frequent_words.txt"
    words.write_text("ya na wa kwa jana katika kamati barua\n", encoding="utf-8")
    assert _ents(EntityTyper(list(RULES), str(words))(_with_ents(nlp, text, given))) == expected


def test_a_locative_opening_a_name_is_outside_it(nlp, typer):
    text = "Walifika Jijini Mbeya na Visiwani Pemba; Mjini ni mahali."
    given = [("Jijini Mbeya", "LOC"), ("Visiwani Pemba", "LOC"), ("Mjini", "LOC")]
    # a locative alone is left as the NER gave it: nothing would remain of the name
    assert _ents(typer(_with_ents(nlp, text, given))) == [("Mbeya", "LOC"), ("Pemba", "LOC"), ("Mjini", "LOC")]


@pytest.mark.parametrize("text, given, expected", [
    # the NER's date before a family name, or holding it
    ("Waziri wa Maji Profesa Jumanne Mwakyusa alisema leo.", [("Jumanne", "DATE"), ("leo", "DATE")],
     [("Jumanne Mwakyusa", "PER"), ("leo", "DATE")]),
    ("Beki wa Yanga, Jumanne Mrisho, aliumia.", [("Yanga", "ORG"), ("Jumanne Mrisho", "DATE")],
     [("Yanga", "ORG"), ("Jumanne Mrisho", "PER")]),
    # after a one-word given name, or a given name an honorific introduces ("neema" is a word)
    ("Padri Crispin Jumanne aliwaonya waumini.", [("Crispin", "PER"), ("Jumanne", "DATE")],
     [("Crispin Jumanne", "PER")]),
    ("Waziri wa Afya Bi. Neema Juma alizungumza na wanahabari.", [("Juma", "DATE")], [("Neema Juma", "PER")]),
    # the day itself: before a month, a title, a verb, or after a full name (Kenyan news's
    # "X Jumanne alisema"), and "Jumanne" after an honorific's name
    ("Mkutano utafanyika Jumanne Januari 5.", [("Jumanne Januari 5", "DATE")], [("Jumanne Januari 5", "DATE")]),
    ("Hapo Jumanne Rais Samia atawasili.", [("Jumanne", "DATE"), ("Samia", "PER")],
     [("Jumanne", "DATE"), ("Samia", "PER")]),
    ("Waziri Karanja Kibicho Jumanne alisema hayo.", [("Karanja Kibicho", "PER"), ("Jumanne", "DATE")],
     [("Karanja Kibicho", "PER"), ("Jumanne", "DATE")]),
    ("Bw Kimaiyo Jumanne alisema hayo.", [("Jumanne", "DATE")], [("Jumanne", "DATE")]),
])
def test_a_day_name_that_is_a_personal_name(nlp, tmp_path, text, given, expected):
    words = tmp_path / "frequent_words.txt"
    words.write_text("ya na wa leo neema alisema\n", encoding="utf-8")
    typer = EntityTyper(list(RULES), str(words))
    assert _ents(typer(_with_ents(nlp, text, given))) == expected


@pytest.mark.parametrize("text, given, expected", [
    # the one told carries a body's object marker (-li-, -i-): a newspaper or broadcaster
    ("Kamanda Ally Mbwana ameliambia Jua Kali leo kuwa watu wawili walikamatwa.",
     [("Ally Mbwana", "PER"), ("Jua", "LOC"), ("leo", "DATE")],
     [("Ally Mbwana", "PER"), ("Jua Kali", "ORG"), ("leo", "DATE")]),
    ("Mkulima mmoja aliiambia Sauti Yetu Jumatano kwamba mvua imechelewa.", [("Jumatano", "DATE")],
     [("Sauti Yetu", "ORG"), ("Jumatano", "DATE")]),
    # a person (-m-), oneself told (-ni-), a head noun alone, a country, a name going on
    # after "ya": left as they are
    ("Alimwambia Ally Mbwana kwamba atarudi.", [("Ally Mbwana", "PER")], [("Ally Mbwana", "PER")]),
    ("Akaniambia Njombe hali imechafuka.", [("Njombe", "LOC")], [("Njombe", "LOC")]),
    ("Waziri aliliambia Bunge kuwa fedha zipo.", [], []),
    ("Rais aliiambia Kenya kuwa mazungumzo yataendelea.", [("Kenya", "LOC")], [("Kenya", "LOC")]),
    ("Mbunge ameiambia Redio ya jimbo hilo kuwa kura zitahesabiwa.", [], []),
])
def test_a_body_told_something_is_an_organization(nlp, tmp_path, text, given, expected):
    words = tmp_path / "frequent_words.txt"
    words.write_text("ya na wa leo kuwa kwamba\n", encoding="utf-8")
    assert _ents(EntityTyper(list(RULES), str(words))(_with_ents(nlp, text, given))) == expected


@pytest.mark.parametrize("text, given, expected", [
    # a head that only says what kind of body: off before a name in another language
    ("Ndege za shirika la Zentrovia zilichelewa.", [("shirika la Zentrovia", "ORG")], [("Zentrovia", "ORG")]),
    ("Wakili wa Jumuiya ya Harbor Rights Watch alisema.", [("Jumuiya ya Harbor Rights Watch", "ORG")],
     [("Harbor Rights Watch", "ORG")]),
    ("Kampuni ya Mbolea Bora ilifungwa.", [("Kampuni ya Mbolea Bora", "ORG")], [("Kampuni ya Mbolea Bora", "ORG")]),
    # a Swahili name, a people, a language or a place after the head is the body's own name
    ("Viongozi wa Jumuiya ya Kimataifa walikutana.", [("Jumuiya ya Kimataifa", "ORG")],
     [("Jumuiya ya Kimataifa", "ORG")]),
    ("Mjumbe wa Jumuiya ya Kikristo alisema.", [("Jumuiya ya Kikristo", "ORG")], [("Jumuiya ya Kikristo", "ORG")]),
    ("Mkutano wa Jumuiya ya Afrika Mashariki ulianza.", [("Jumuiya ya Afrika Mashariki", "ORG")],
     [("Jumuiya ya Afrika Mashariki", "ORG")]),
    ("Ndege ya shirika la Kenya ilitua.", [("shirika la Kenya", "ORG")], [("shirika la Kenya", "ORG")]),
])
def test_a_descriptor_before_a_foreign_body_s_name_is_left_out(nlp, tmp_path, text, given, expected):
    words = tmp_path / "frequent_words.txt"
    words.write_text("ya na wa la kimataifa Kimataifa mbolea bora\n", encoding="utf-8")
    assert _ents(EntityTyper(list(RULES), str(words))(_with_ents(nlp, text, given))) == expected
    without = EntityTyper([r for r in RULES if r != "descriptors"], str(words))
    assert _ents(without(_with_ents(nlp, text, given))) == given

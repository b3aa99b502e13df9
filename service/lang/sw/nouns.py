"""Swahili common nouns by the part they play around names: titles and roles before a
person, head nouns of organization and place names, descriptions of bodies and
documents that speak, nouns whose complement is not speech.
"""
from __future__ import annotations

# -- people

# Titles and honorifics written before a name (lowercased, without the abbreviation's
# period). Role nouns are here too: "Msemaji Peter Ndege" is a role + name, and the
# NER sometimes keeps the role inside the span.
TITLE_WORDS = frozenset(
    """
    rais makamu waziri naibu katibu mkuu msemaji mwenyekiti kiongozi mkurugenzi balozi
    gavana meya mbunge seneta spika jaji hakimu mwanasheria kamishna kamanda jenerali
    jen gen kanali col meja luteni brigedia brig sajenti koplo kapteni kapt askofu kardinali padri
    mchungaji mch sheikh shekhe shehe imamu mufti papa mfalme malkia mwanamfalme
    binti mwalimu mwl profesa prof daktari dkt dk dr bw bwana bi bibi mhe mh
    mheshimiwa ndg ndugu mzee marehemu hayati mama mtukufu msaidizi mshauri afisa
    ofisa mratibu mtendaji mhariri mwandishi mchambuzi mtaalamu wakili
    mr mrs ms president minister general sir
    kocha nahodha kiungo beki mshambuliaji kipa golikipa winga mwamuzi mchezaji
    """.split()
)

# English acronyms of titles in East African news, written in capitals before or after the
# name ("Inspekta Jenerali (IGP) Said Mwema", "Mtume Mohammed (SAW)"): titles, not bodies.
TITLE_ACRONYMS = frozenset("IGP DIGP DCI DPP AG RPC RCO OCD OCS DED DAS RAS SAW SAWW".split())
# Acronyms that are titles only before a name ("DP Ruto", "RC Makonda"); alone they name
# a body or place ("DP", Uganda's Democratic Party; "DC").
TITLE_ACRONYMS_BEFORE_NAMES = frozenset("DP PS CS RC DC".split())

# Honorifics: courtesy titles that say nothing of a role ("Bw.", "Mhe.", "Sir").
HONORIFICS = frozenset("bw bwana bi bibi mhe mh ndg ndugu mr mrs ms sir".split())

# Role nouns that introduce a person and that a later "X huyo" phrase refers back to.
ROLE_WORDS = TITLE_WORDS - HONORIFICS

# "kiongozi huyo" (that leader) may stand for a person introduced as president, prime
# minister, chairman ...; other role words stand for themselves.
ROLE_FAMILIES = {
    "kiongozi": frozenset(
        "kiongozi rais waziri mwenyekiti katibu mkuu mfalme malkia spika gavana meya kamanda jenerali".split()
    ),
}

# Descriptions a text uses for its protagonist ("mwanasiasa huyo chipukizi").
PROFESSION_NOUNS = frozenset({"mwanasiasa", "mwanadiplomasia", "mwanadiplomasa", "mwanaharakati",
                    "mgombea", "mtaalamu", "mtaalam", "mchumi", "mwanamuziki", "mwanahabari",
                    "mfanyabiashara", "mwanasayansi", "mwakilishi", "mjumbe", "mwanasheria",
                    "wakili", "jaji", "mchambuzi"})

# The noun-class prefix of plural nouns of people ("wakosoaji", "wafuasi", "wananchi").
PERSON_PLURAL_PREFIX = "wa"

# Plural officials of a named body speak for it ("maafisa wa Kremlin" → Kremlin), and so
# do its leaders ("viongozi wa Tigray", "viongozi wa chama cha NRM").
PLURAL_OFFICIAL_HEADS = frozenset({"maafisa", "maofisa", "wasemaji", "wamiliki", "viongozi"})
OFFICIAL_HEADS = PLURAL_OFFICIAL_HEADS | {"afisa", "ofisa", "msemaji", "mmiliki"}

# -- bodies

# Head nouns of organization names ("Tume ya ...", "Baraza la ...").
ORGANIZATION_HEADS = frozenset(
    """
    tume baraza bodi kamati wizara ofisi mahakama benki shirika jumuiya chama idara
    mamlaka taasisi kituo bunge halmashauri chuo umoja muungano mfuko ikulu
    """.split()
)

# Heads whose bodies, when named by words of their own, are one ORG span with the head
# in doc.ents too ("Tume ya Taifa ya Uchaguzi", "Chama cha Soka Tanzania", "Benki Kuu"):
# docs/annotation.md's whole span, and the MasakhaNER data's for these heads (v2 train:
# whole 26 times of 35, v2 dev 6 of 6; "bodi", "halmashauri" are rare there). Not for
# "Wizara ya …", "Baraza la …", "Kamati ya …", "Ofisi ya …", "Idara ya …", "Mahakama
# ya …", "Taasisi ya …" (whole 10 of 125 in v2 train, so doc.ents keeps the places
# inside), nor "Shirika la …" (26 of 35, but a glued scrape "Shirika la Habari la
# APVyombo" in v2 dev is the only case it would change). A body named by a place alone
# ("Mamlaka ya Nigeria") stays the place.
NAMED_BODY_HEADS = frozenset("tume benki mamlaka bodi chama jumuiya halmashauri".split())

# Heads of the bodies of a state that are named by the state alone ("Bunge la Marekani",
# "Jeshi la Somalia"); other heads need a name of their own ("Wizara ya Mambo ya Nje"),
# so that "Mamlaka ya CAR" (the authorities) stays the place.
STATE_BODY_HEADS = frozenset("bunge jeshi mahakama".split())

# Bodies of the state that the news names by the capitalized head alone: the parliament
# and the army ("aliliambia Bunge", "Jeshi limesema"). Not "Ikulu": alone it is more often
# the building ("kutoka Ikulu", "ndani ya Ikulu"), a place; nor "Polisi": the quotes' gold
# (dev/quotes) takes "Polisi walisema" for an unnamed source, as "maafisa wa afya".
BODIES_NAMED_BY_HEAD = frozenset("bunge jeshi".split())

# Heads of unnamed bodies that the article still names as a speaker ("Tume ya uchaguzi
# ilisema", "wizara ya afya"): the noun phrase itself is the speaker's mention.
BODY_HEADS = frozenset({"tume", "wizara", "mahakama", "shirika", "gazeti", "jeshi", "bunge",
              "idara", "baraza", "kamati", "halmashauri", "chama", "benki", "kampuni",
              "jumuiya", "taasisi", "ikulu", "utawala", "uongozi", "chuo", "muungano",
              "ubalozi", "jopo"})

# Heads of bodies that speak only where the article identifies them, by a qualifier
# ("Polisi nchini Uganda", "Mamlaka ya mawasiliano", "Ofisi ya sheriff wa kaunti ya LA"),
# there or anywhere before; a bare "polisi walisema" in an article that never does is
# an unnamed source (the convention of dev/quotes/README.md, 4 Dec).
IDENTIFIED_BODY_HEADS = frozenset({"polisi", "mamlaka", "ofisi"})
# An office of a person speaks as that person, as a spokesman does ("ofisi ya Netanyahu").
PERSON_OFFICE_HEADS = frozenset({"ofisi"})

# Nouns that name who gives an account, for a sentence-final "kwa mujibu wa X" or
# "kulingana na X" with no comma before it ("… amepata ajali kulingana na idara ya polisi
# …", "… kwa mujibu wa wakala wake"); other nouns there say how ("kwa mujibu wa sheria").
SOURCE_HEADS = ROLE_WORDS | OFFICIAL_HEADS | ORGANIZATION_HEADS | BODY_HEADS | frozenset(
    {"wakala", "polisi", "serikali", "ripoti", "taarifa"})

# Descriptions before a body's name ("kundi la kutetea haki … la [Amnesty International]").
DESCRIPTOR_HEADS = frozenset({"kundi", "kikundi", "vuguvugu"})

# Head nouns that only say what kind of body the name after them is.
DESCRIBING_HEADS = DESCRIPTOR_HEADS | {"chama", "kampuni"}

# Head nouns of organization names that only say what kind of body follows: "Jumuia
# ya [IGAD]", "Shirika la ndege la [South Supreme]".
DESCRIBING_ORGANIZATION_HEADS = frozenset("shirika jumuiya jumuia kampuni".split())

# Descriptors after which a name is an organization's, unless it is a country's
# ("kampuni ya [Ufaransa]" is France): in the MasakhaNER training data every other
# entity after them is ORG (297 of 297), while the NER calls an unknown name there a
# place or a person ("gazeti la Politico").
ORGANIZATION_DESCRIPTORS = frozenset(
    tuple(phrase.split())
    for phrase in (
        "gazeti la", "magazeti ya", "jarida la", "kampuni ya", "kundi la", "makundi ya",
        "kikundi cha", "mtandao wa", "shirika la", "shirika la habari la",
        "kituo cha televisheni cha",
    )
)

# Lowercase descriptors before a name, outside the name (docs/annotation.md; MasakhaNER):
# "serikali ya [Urusi]", "shirika la habari la [AFP]", "nchini [Kenya]". Longest first.
DESCRIPTOR_PHRASES = sorted(
    (
        tuple(phrase.split())
        for phrase in (
            "serikali ya", "serikali za", "jeshi la", "majeshi ya", "shirika la habari la",
            "shirika la habari", "gazeti la", "kituo cha televisheni cha", "kituo cha redio cha",
            "chama cha", "kampuni ya", "mtandao wa", "utawala wa", "timu ya", "klabu ya",
            "nchi ya", "nchini", "mji wa", "mjini", "jiji la", "jijini", "mkoa wa", "mkoani",
            "wilaya ya", "wilayani", "kisiwa cha", "kisiwani", "visiwani", "kijiji cha",
            "kijijini",
        )
    ),
    key=len,
    reverse=True,
)

# Locatives of one word before a place, outside its name whether capitalized or not
# ("Visiwani [Zanzibar]", "Jijini [Arusha]": 31 of 31 such words O in v2 train).
LOCATIVE_DESCRIPTORS = frozenset(phrase[0] for phrase in DESCRIPTOR_PHRASES if len(phrase) == 1)

# Places and bodies named after a person: "Uwanja wa [Kim Il Sung]" is a place, not
# Kim Il Sung (docs/annotation.md: facilities are places).
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

# Grounds, the one facility head the MasakhaNER data types consistently: a whole name
# opening with "uwanja wa" is LOC 12 times, ORG once ("Uwanja wa Taifa"; docs/annotation.md:
# facilities are places). Hospitals, churches and hotels go both ways there.
GROUND_HEADS = frozenset({"uwanja", "viwanja"})

# Day names that are also people's names: in the Maneno Yetu news a capitalized word
# follows "Juma" 579 times and "Jumanne" 114 times, nearly all family names ("Juma
# Kaseja", "Jumanne Maghembe" 44 times), against 14-44 times for the other weekdays (a
# month, a title or a place: dates). The MasakhaNER data has no such person, so the NER
# calls them dates.
PERSONAL_DAY_NAMES = frozenset({"juma", "jumanne"})

# -- places

# "Ukanda wa Gaza" is Gaza, "Jimbo la Tigray" Tigray.
PLACE_HEADS = frozenset("ukanda jimbo mkoa wilaya mji jiji kisiwa visiwa kaunti eneo manispaa".split())

# Words before a country name that make another place: "New Mexico", "Ziwa Chad".
PLACE_PREFIXES = frozenset(
    """
    new north south east west upper lower lake river mount kaskazini kusini mashariki
    magharibi ziwa mto mlima bahari ghuba kisiwa visiwa
    """.split()
)

# Compass words after a place that make a larger region of it ("Afrika Mashariki").
COMPASS_WORDS = frozenset("Mashariki Magharibi Kaskazini Kusini".split())

# Regions the news names that CLDR's Swahili region names (babel, countries.py) lack.
REGION_NAMES = frozenset({"Mashariki ya Kati", "Mashariki ya Mbali", "Pembe ya Afrika", "Maziwa Makuu",
                          "Afrika Mashariki", "Afrika Magharibi", "Afrika Kaskazini", "Afrika ya Kati",
                          "Ulaya Mashariki", "Ulaya Magharibi", "Asia Kusini", "Asia Mashariki"})

# -- documents and what is not speech

DOCUMENT_HEADS = frozenset({"ripoti", "taarifa", "tamko", "barua", "ujumbe", "utafiti", "takwimu",
                  "uamuzi"})

# Documents speak for whoever issued them ("ripoti hiyo imesema" → the body).
PERSONAL_DOCUMENTS = frozenset({"ujumbe", "barua"})

# Nouns whose complement clause is not reported speech ("madai kwamba", "matumaini kuwa").
CONTENT_NOUNS = frozenset({"madai", "matumaini", "wasiwasi", "imani", "hofu",
                 "tuhuma", "ripoti", "dhana", "ushahidi", "wazo", "uvumi", "ahadi",
                 "onyo", "ombi", "uamuzi", "msimamo", "hoja", "shaka", "furaha",
                 "kuridhika", "masikitiko", "hasira", "huzuni", "nia", "azma", "matarajio",
                 "tumaini", "imani", "mashaka", "wito", "matakwa"})

# "kulingana na X" sources that are rules, not speakers.
# (Documents are sources: "kwa mujibu wa katiba" is a quote with no single author.)
NON_SOURCE_NOUNS = frozenset({"hali", "muda", "desturi", "mila", "dini", "uwezo", "mahitaji", "matakwa", "maagizo", "agizo", "ukubwa", "umri",
                    "idadi", "kiwango", "viwango", "aina", "jinsi", "namna", "vile", "kile",
                    "yale", "hayo", "haya", "hesabu"})

# A quoted phrase right after a charge ("mashtaka … kwa “…”", "kosa la “…”") is the
# charge's wording, a description, not speech. Verbs and nouns of charging share "shtak".
CHARGE_STEM = "shtak"

CHARGE_NOUNS = frozenset({"kosa", "makosa", "tuhuma"})

# -- sport

# Words of football reports: a club's name among them is the club's.
# Capitalized heads of the names of competitions and awards ("Kombe la Dunia", "Ligi ya
# Mabingwa", "Klabu Bingwa Afrika", "Tuzo za Muziki"), as written.
COMPETITION_HEADS = frozenset("Kombe Ligi Bingwa Michuano Mashindano Fainali Tuzo".split())
# The English words that end the names of cups, awards and races ("Tusker Cup"), as written.
EVENT_NAME_ENDS = frozenset("Cup Awards Award Trophy Marathon".split())
# The continents as the news writes them.
CONTINENTS = frozenset("Afrika Ulaya Asia Amerika Australia".split())

SPORT_WORDS = frozenset(
    """
    timu klabu mechi mchezo michezo ligi kocha makocha mchezaji wachezaji bao mabao goli
    magoli soka kandanda ubingwa bingwa mabingwa kombe msimu kikosi mashindano michuano
    usajili uwanja uwanjani mashabiki mshambuliaji washambuliaji kipa sare ugenini daraja
    pointi fainali nusu robo kirafiki wapinzani uhamisho cup
    """.split()
)

# Words of club names, first or last ("Ruvu Stars", "Azam FC", "SSC Reutlingen"): a name
# with one of them is a club's where the words around it are about football.
CLUB_NAME_WORDS = frozenset(
    """
    fc sc ssc afc united city stars rovers rangers sugar shooting queens boys academy
    wanderers warriors athletic sporting
    """.split()
)

# Words that end a company's name ("Benchmark Productions", "Modern Nove Ltd", "Kenya
# Airways"): a name of two or more words ending in one is an organization (13 of 13 such
# names are ORG in the MasakhaNER v2 training data).
COMPANY_NAME_WORDS = frozenset(
    """
    ltd limited plc inc company corporation group holdings enterprises industries services
    supplies productions entertainment investments consultants construction trading motors
    airways airlines bank media communications telecommunication telecommunications plantation
    """.split()
)
# English words that end the name of a party, union or other body ("Christian Social
# Union", "Movement for Democratic Change"): 30 of 31 such names of two or more words are
# ORG in the MasakhaNER v2 training data (union 7, front 6, congress 5, movement 5, …).
BODY_NAME_WORDS = frozenset(
    """
    union congress front movement party alliance league council agency trust commission
    federation foundation association institute organization organisation
    """.split()
)

# Stems of a party's members as a Swahili noun of class 1/2 ("Mrepublican", "Wademokrat"):
# written capitalized like a name, but a member of a party is no entity, as a people is not.
PARTY_MEMBER_STEMS = ("republi", "demokra", "democra", "libera", "konserva", "conserva")

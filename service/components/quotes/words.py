"""The grammar words the quote rules rely on, one named set per role they play.

No Swahili quotation or attribution tool exists to build on, so the rules are written
here, and each set says which words a rule treats alike.
"""
COMPLEMENTIZERS = {"kwamba", "kuwa"}
# Words before a speech verb that are not its subject (adverbs, conjunctions, pronouns,
# times): a clause made only of these leaves the verb with the previous speaker.
NON_SUBJECT_WORDS = {
    "na", "naye", "nao", "nayo", "pia", "hata", "hivyo", "lakini", "aidha", "huku",
    "wakati", "hapo", "ambapo", "baadaye", "kisha", "vilevile", "vile", "sasa", "tena",
    "kadhalika", "mbali", "zaidi", "yeye", "wao", "sisi", "mimi", "hii", "ila", "ingawa",
    "ingawaje", "hatimaye", "awali", "mapema", "jana", "leo", "juzi", "kesho", "siku",
    "ya", "wa", "la", "jumatatu", "jumanne", "jumatano", "alhamisi", "ijumaa",
    "jumamosi", "jumapili", "mwaka", "mwezi", "wiki", "huo", "hiyo", "hilo", "asubuhi",
    "mchana", "jioni", "usiku", "alasiri", "kwa", "upande", "mwingine", "katika",
    "walakini", "halafu", "baada", "kabla", "tarehe", "mnamo", "hayo", "haya", "vilevile",
    "kwanza", "mwisho", "tu", "basi", "kama", "ili", "mara", "moja", "nyingine",
}
# Words right after a speech verb that are adjuncts, not a postposed subject.
POST_ADJUNCT_WORDS = NON_SUBJECT_WORDS | {
    "kwenye", "mbele", "kupitia", "akiwa", "wakiwa", "ikiwa", "mjini", "nchini",
    "jijini", "hapa", "huko", "hivi", "kuhusu", "juu", "wazi", "bayana", "ndani", "nje",
    "kwamba", "kuwa", "wazi", "rasmi",
}
PLACE_ADJUNCTS = {"nchini", "mjini", "jijini", "katika", "huko", "kwenye", "wilayani", "mkoani"}
# Descriptions a text uses for its protagonist ("mwanasiasa huyo chipukizi").
PROFESSION_NOUNS = {"mwanasiasa", "mwanadiplomasia", "mwanadiplomasa", "mwanaharakati",
                    "mgombea", "mtaalamu", "mtaalam", "mchumi", "mwanamuziki", "mwanahabari",
                    "mfanyabiashara", "mwanasayansi", "mwakilishi", "mjumbe", "mwanasheria",
                    "wakili", "jaji", "mchambuzi"}
PERSON_DEMONSTRATIVES = {"huyo", "huyu", "yule"}
DEMONSTRATIVES = {"huyo", "huyu", "hao", "hawa", "yule", "hiyo", "hicho", "hilo", "hizo",
                  "hii", "hili", "hiki", "hizi", "lile", "ile", "huo", "huu", "ule"}
# Plural officials of a named body speak for it ("maafisa wa Kremlin" → Kremlin).
OFFICIAL_HEADS = {"maafisa", "maofisa", "afisa", "ofisa", "msemaji", "wasemaji", "wamiliki",
                  "mmiliki"}
# Heads of unnamed bodies that the article still names as a speaker ("Tume ya uchaguzi
# ilisema", "wizara ya afya"): the noun phrase itself is the speaker's mention.
BODY_HEADS = {"tume", "wizara", "mahakama", "shirika", "gazeti", "jeshi", "bunge",
              "idara", "baraza", "kamati", "halmashauri", "chama", "benki", "kampuni",
              "jumuiya", "taasisi", "ikulu", "utawala", "uongozi", "chuo", "muungano",
              "ubalozi", "jopo"}
# Descriptions before a body's name ("kundi la kutetea haki … la [Amnesty International]").
DESCRIPTOR_HEADS = {"kundi", "kikundi", "vuguvugu"}
# Documents speak for whoever issued them ("ripoti hiyo imesema" → the body).
PERSONAL_DOCUMENTS = {"ujumbe", "barua"}
DOCUMENT_HEADS = {"ripoti", "taarifa", "tamko", "barua", "ujumbe", "utafiti", "takwimu",
                  "uamuzi"}
# Nouns whose complement clause is not reported speech ("madai kwamba", "matumaini kuwa").
CONTENT_NOUNS = {"madai", "matumaini", "wasiwasi", "imani", "hofu",
                 "tuhuma", "ripoti", "dhana", "ushahidi", "wazo", "uvumi", "ahadi",
                 "onyo", "ombi", "uamuzi", "msimamo", "hoja", "shaka", "furaha",
                 "kuridhika", "masikitiko", "hasira", "huzuni", "nia", "azma", "matarajio",
                 "tumaini", "imani", "mashaka", "wito", "matakwa"}
# Times that may follow the addressee before the clause's subject.
ADDRESSEE_TIMES = {"siku", "ya", "jana", "leo", "juzi", "jumatatu", "jumanne", "jumatano",
                   "alhamisi", "ijumaa", "jumamosi", "jumapili", "asubuhi", "mchana", "jioni",
                   "usiku", "alasiri", "wiki", "mwezi", "mwaka", "hii", "huu", "iliyopita",
                   "uliopita", "ijayo", "ujao"}
# Possessives after a noun ("nchi yake", "msemaji wao").
POSSESSIVES = {"wake", "yake", "lake", "chake", "zake", "vyake", "yao", "zao", "wao"}
# Words that close an addressee's noun phrase ("nchi yake", "wanahabari hao").
ADDRESSEE_DETERMINERS = POSSESSIVES | {"huyo", "hao", "hiyo", "hilo", "hicho", "hizo", "wote",
                                       "yote", "zote"}
# Objects that close a speech verb without a clause ("alisema hayo").
OBJECT_PRONOUNS = {"hayo", "haya", "hivyo", "hivi", "hilo", "hicho", "lolote", "chochote",
                   "kuhusu", "juu"}
# "kulingana na X" sources that are rules, not speakers.
# (Documents are sources: "kwa mujibu wa katiba" is a quote with no single author.)
NON_SOURCE_NOUNS = {"hali", "muda", "desturi", "mila", "dini", "uwezo", "mahitaji", "matakwa", "maagizo", "agizo", "ukubwa", "umri",
                    "idadi", "kiwango", "viwango", "aina", "jinsi", "namna", "vile", "kile",
                    "yale", "hayo", "haya", "hesabu"}
# Finite verbs that may stand before a speech verb as its auxiliary ("aliendelea kusema").
AUXILIARY_ENDINGS = ("endelea", "endea", "malizia", "ongeza", "rudia")
GENITIVES = {"wa", "ya", "la", "za", "cha", "vya", "kwa"} | POSSESSIVES
# Words that open a predicate without its subject ("ni ukiukaji …").
PREDICATE_STARTS = {"ni", "si", "ndiyo", "ndio", "ndicho", "ndilo", "ndizo"}
# A quoted phrase right after these is a name, label or description, not speech.
NAMING_WORDS = {"kama", "kuitwa", "inayoitwa", "linaloitwa", "kinachoitwa", "aitwaye",
                "iitwayo", "maarufu", "jina", "neno", "lijulikanalo", "inayojulikana",
                "anayejulikana", "kinachojulikana", "linalojulikana", "unaoitwa",
                "wanaoitwa", "zinazoitwa", "kiitwacho", "mbiu", "inamaanisha", "maana",
                "yaani", "kumaanisha", "ikimaanisha", "alama"}
# A line opening with these is the article's byline ("Imetayarishwa na mwandishi wetu"),
# where no quotation goes on.
BYLINE_OPENERS = ("imetayarishwa na", "imeandaliwa na")
# Pronouns and possessives of the first and second person.
FIRST_SECOND_PERSON_WORDS = {
    "mimi", "sisi", "wewe", "nyinyi", "ninyi", "kwangu", "kwetu", "kwenu", "kwako",
    "wangu", "yangu", "langu", "changu", "zangu", "vyangu", "wetu", "yetu", "letu",
    "chetu", "zetu", "vyetu", "wenu", "yenu", "lenu", "chenu", "zenu", "wako", "yako",
    "lako", "chako", "zako",
}
# A quoted phrase right after a charge ("mashtaka … kwa “…”", "kosa la “…”") is the
# charge's wording, a description, not speech. Verbs and nouns of charging share "shtak".
CHARGE_STEM = "shtak"
CHARGE_NOUNS = {"kosa", "makosa", "tuhuma"}

"""Articles for the benchmarks: real VOA articles from ../shared when present, else (and
for the soak, always) generated Swahili news text from the sentence frames below.

The frames are written for these benchmarks. Every generated article also carries a
person and a village with names made up from its index, so that each document brings
words the vocabulary has never seen: the worst case for a long-running process.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VOA_ARTICLES = REPO.parent / "shared" / "data" / "raw" / "swa" / "voa_swahili_articles.jsonl"

FIRST_NAMES = ("Amina", "Baraka", "Neema", "Juma", "Halima", "Said", "Rehema", "Omari", "Zawadi", "Hamisi",
               "Mwanaisha", "Daudi", "Fatuma", "Yusufu", "Upendo", "Salim")
LAST_NAMES = ("Mwakalinga", "Kombo", "Njoroge", "Otieno", "Mushi", "Lyimo", "Abdallah", "Kimaro", "Wanjiku",
              "Massawe", "Chande", "Mrema")
TITLES = ("Rais", "Waziri", "Mbunge", "Mkuu wa Mkoa", "Daktari", "Profesa", "Kamanda")
PLACES = ("Dodoma", "Arusha", "Mwanza", "Mombasa", "Kisumu", "Zanzibar", "Tanga", "Morogoro", "Kigoma",
          "Nairobi", "Kampala", "Mtwara")
COUNTRIES = ("Tanzania", "Kenya", "Uganda", "Rwanda", "Burundi", "Msumbiji")
ORGANIZATIONS = ("Wizara ya Afya", "Benki Kuu ya Tanzania", "Chama cha Walimu", "Shirika la Umeme",
                 "Mamlaka ya Mapato", "Umoja wa Mataifa", "Jeshi la Polisi", "Chuo Kikuu cha Dodoma")
DAYS = ("Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa", "Jumamosi", "Jumapili", "jana", "leo")
MONTHS = ("Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai", "Agosti", "Septemba", "Oktoba",
          "Novemba", "Desemba")
SECTORS = ("elimu", "afya", "kilimo", "maji", "barabara", "nishati")
GOODS = ("mahindi", "sukari", "mafuta ya kupikia", "mchele", "maharage", "unga")
QUOTES = (
    "Tutahakikisha kila mtoto anapata elimu bora",
    "Hatutakubali rushwa katika ofisi zetu",
    "Wananchi wanahitaji maji safi na salama",
    "Tumejiandaa kukabiliana na changamoto hizi",
    "Kazi hii itakamilika kabla ya msimu wa mvua",
    "Bei zitashuka mara mavuno yatakapoingia sokoni",
)
FRAMES = (
    "{title} {person} alisema {day} mjini {place} kwamba serikali itaongeza bajeti ya {sector} kwa asilimia {number}.",
    "“{quote},” alisema {person} alipozungumza na waandishi wa habari mjini {place}.",
    "Kwa mujibu wa {org}, watu {big} walihudhuria mkutano huo uliofanyika tarehe {date}.",
    "Mvua kubwa iliyonyesha {place} {day} iliharibu barabara na nyumba kadhaa katika kijiji cha {village}.",
    "{person}, ambaye ni mkurugenzi wa {org}, aliongeza kuwa mradi huo utakamilika mwaka {year}.",
    "Wakazi wa {village} walilalamika kuhusu bei ya {goods} ambayo imepanda kwa shilingi {big}.",
    "Msemaji wa {org} {person} alieleza kuwa uchunguzi unaendelea na ripoti itatolewa {month} {year}.",
    "{title} {person} wa {country} anatarajiwa kuwasili {place} {day} kwa ziara ya siku {number}.",
    "Wanafunzi {big} wa shule za {place} walifanya mtihani wa taifa mwezi {month} mwaka huu.",
    "Polisi mjini {place} walisema watu {number} walikamatwa {day} usiku kuhusiana na tukio hilo.",
)
_SYLLABLES = ("ka", "li", "mwa", "nga", "to", "ri", "su", "be", "ndo", "zi", "ha", "mu", "sa", "we", "ki", "ra")


def made_up_name(index: int, syllables: int = 4) -> str:
    """A distinct, pronounceable name for each index (base-16 digits as syllables)."""
    parts = []
    for _ in range(syllables):
        index, digit = divmod(index, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


def generated_article(index: int, words: int = 120) -> str:
    """Article `index` of at least `words` words; the same index gives the same text."""
    rng = random.Random(index)
    new_person = f"{rng.choice(FIRST_NAMES)} {made_up_name(index)}"
    village = "Ki" + made_up_name(index * 7 + 3, 3).lower()
    sentences: list[str] = []
    count = 0
    while count < words:
        frame = rng.choice(FRAMES)
        person = new_person if rng.random() < 0.5 else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        sentence = frame.format(
            title=rng.choice(TITLES), person=person, day=rng.choice(DAYS), place=rng.choice(PLACES),
            sector=rng.choice(SECTORS), number=rng.randint(2, 30), quote=rng.choice(QUOTES),
            org=rng.choice(ORGANIZATIONS), big=f"{rng.randint(100, 99_999):,}",
            date=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2026)}", village=village,
            year=rng.randint(2015, 2030), goods=rng.choice(GOODS), month=rng.choice(MONTHS),
            country=rng.choice(COUNTRIES),
        )
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[start:start + 3]) for start in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def voa_articles() -> list[str]:
    """The VOA Swahili articles in ../shared, or [] when that file is absent."""
    if not VOA_ARTICLES.exists():
        return []
    with VOA_ARTICLES.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    return [text for text in texts if text.strip()]


def benchmark_articles(count: int) -> tuple[list[str], str]:
    """`count` articles (cycled if there are fewer) and a word on where they came from."""
    real = voa_articles()
    if real:
        return [real[index % len(real)] for index in range(count)], f"VOA Swahili articles ({VOA_ARTICLES})"
    return [generated_article(index) for index in range(count)], "generated articles (benchmarks/articles.py)"


def articles_of_about(words: int, count: int, tolerance: float = 0.15) -> tuple[list[str], str]:
    """Articles of `words` words ± tolerance: real ones when there are enough, else generated."""
    low, high = words * (1 - tolerance), words * (1 + tolerance)
    real = [text for text in voa_articles() if low <= len(text.split()) <= high]
    if len(real) >= 10:
        return [real[index % len(real)] for index in range(count)], f"{len(real)} VOA articles of {low:.0f}-{high:.0f} words"
    return [generated_article(index, words) for index in range(count)], f"generated articles of ~{words} words"


def distinct_articles(start: int = 0, words: int = 120) -> Iterator[str]:
    index = start
    while True:
        yield generated_article(index, words)
        index += 1

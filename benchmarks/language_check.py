"""Cost and false refusals of the language check (service/language_id.py).

    python -m benchmarks.language_check

Times `LanguageGuard.foreign_language` per ~600-word VOA article (CPU time of this
process, one thread, best of 5 passes), deciding on the opening of each text as the
service does and, for comparison, on the whole text; then counts how many of all the VOA
Swahili articles each way would refuse (should be 0). Short texts go through the Swahili
word check instead: it counts how many VOA headlines, and how many 4-word openings of
VOA paragraphs, would be refused (should be 0), and how many of the short English and
French lines below are (should be all). Needs ../shared for the articles.
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import json  # noqa: E402
import time  # noqa: E402

from benchmarks.articles import VOA_ARTICLES, articles_of_about, voa_articles  # noqa: E402
from service.language_id import SAMPLE_CHARS, LanguageGuard, opening, swahili_word_share  # noqa: E402
from tests.test_operations import ENGLISH  # noqa: E402


def cpu_ms_per_text(guard, texts: list[str], passes: int = 5) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for text in texts:
            guard.foreign_language(text)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(texts)


# Written for this check: what a wrong paste or a test request looks like.
FOREIGN_LINES = (
    "Hello from London",
    "Breaking news",
    "Hello, my name is John and I live in London.",
    "The president arrived in Nairobi on Monday.",
    "Markets fell sharply today",
    "Weather update for the weekend",
    "Click here to subscribe",
    "Police arrest two suspects after the robbery",
    "Election results delayed again",
    "Le président est arrivé à Paris hier soir.",
    "Les élections auront lieu dimanche prochain.",
    "Der Präsident sprach gestern in Berlin.",
)


def guard_threshold() -> float:
    return LanguageGuard("sw").min_swahili_share


def headlines() -> list[str]:
    with VOA_ARTICLES.open(encoding="utf-8") as lines:
        return [title for line in lines if (title := json.loads(line)["title"]).strip()]


def paragraph_openings(texts: list[str], words: int = 4) -> list[str]:
    return [" ".join(paragraph.split()[:words]) for text in texts for paragraph in text.split("\n")
            if len(paragraph.split()) >= words]


def main() -> None:
    every = voa_articles()
    if not every:
        print(f"skipped: {VOA_ARTICLES} is absent")
        return
    long_texts, source = articles_of_about(600, 35)
    long_texts = list(dict.fromkeys(long_texts))
    print(f"language check on {source}; CPU time per article, best of 5 passes")
    for label, sample, share in ((f"first {SAMPLE_CHARS:,} characters (service)", SAMPLE_CHARS, "default"),
                                 ("the same, identifier always asked", SAMPLE_CHARS, None),
                                 ("whole text, identifier always asked", None, None)):
        guard = LanguageGuard("sw", sample_chars=sample) if share else LanguageGuard(
            "sw", sample_chars=sample, min_swahili_share=None)
        per_article = cpu_ms_per_text(guard, long_texts)
        refused = [(index, language) for index, text in enumerate(every) if (language := guard.foreign_language(text))]
        print(f"  {label:<37} {per_article:5.2f} ms per ~600-word article; "
              f"VOA articles refused: {len(refused)} of {len(every)} {refused[:5] or ''}")

    print("share of frequent Swahili words in the opening (the identifier is skipped from "
          f"{guard_threshold():.2f}): min / median / max")
    for label, texts in (("VOA articles (25+ words)", [text for text in every if len(text.split()) >= 25]),
                         ("English text of the tests, 50 paragraphs", ["\n\n".join([ENGLISH] * 50)]),
                         ("short English/French lines", list(FOREIGN_LINES))):
        shares = sorted(swahili_word_share(opening(text)) for text in texts)
        print(f"  {label:<42} {shares[0]:.2f} / {shares[len(shares) // 2]:.2f} / {shares[-1]:.2f}")

    guard = LanguageGuard("sw")
    for label, texts in (("VOA headlines", headlines()), ("4-word openings of VOA paragraphs", paragraph_openings(every))):
        refused = [(text, language) for text in texts if (language := guard.foreign_language(text))]
        print(f"  {label}: refused {len(refused)} of {len(texts)} {refused[:5] or ''}")
    refused = [text for text in FOREIGN_LINES if guard.foreign_language(text)]
    print(f"  short English/French lines (benchmarks/language_check.py): refused {len(refused)} of {len(FOREIGN_LINES)}")


if __name__ == "__main__":
    main()

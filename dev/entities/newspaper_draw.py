"""Draw unannotated Maneno Yetu sentences for a new newspaper set (printed, never scored).

    python -m dev.entities.newspaper_draw --seed 1702 --per-topic 40 --other 30

Sentences of 8-40 words, one stratum per topic by keyword (sport, local politics,
business, in that order of precedence; `other` = none of the keywords), drawn with a fixed seed. A sentence is left
out when its line is referenced by any file of dev/entities or dev/quotes (blind ones
included) or when its text is the same as such a line's (the file has repeats), so a new
set shares no sentence with the existing halves. Prints `line<TAB>topic<TAB>text`.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re

from dev.entities.newspaper import HERE, REPO, SENTENCES

TOPIC_WORDS = {
    "sport": r"klabu|timu|mechi|kocha|ligi|bao|mabao|mchezaji|wachezaji|michuano|fainali"
             r"|mashindano|simba|yanga|azam|stars",
    "politics": r"mbunge|wabunge|diwani|madiwani|halmashauri|manispaa|chama|ccm|chadema|cuf"
                r"|waziri|mkuu wa (?:wilaya|mkoa)|uchaguzi|kata|mwenyekiti",
    "business": r"benki|kampuni|bei|tra|biashara|wafanyabiashara|uwekezaji|soko|hisa|kodi"
                r"|mauzo|faida|mamlaka",
}
PATTERNS = {topic: re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
            for topic, words in TOPIC_WORDS.items()}


def referenced_lines() -> set[int]:
    """Maneno Yetu lines any dev or blind file of this repository annotates."""
    files = [*HERE.glob("newspaper_*.jsonl"), *(REPO / "dev" / "quotes").glob("*maneno*.jsonl")]
    return {json.loads(line)["line"] for path in files for line in path.open(encoding="utf-8")}


def topic_of(text: str) -> str:
    """The first topic (sport, politics, business) whose keyword the sentence holds."""
    return next((topic for topic, pattern in PATTERNS.items() if pattern.search(text)), "other")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per-topic", type=int, default=40)
    parser.add_argument("--other", type=int, default=30)
    args = parser.parse_args()
    taken = referenced_lines()
    with gzip.open(SENTENCES, "rt", encoding="utf-8") as stream:
        lines = [line.rstrip("\n") for line in stream]
    digest = lambda text: hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: E731
    taken_texts = {digest(lines[n]) for n in taken}
    pools: dict[str, list[int]] = {topic: [] for topic in (*PATTERNS, "other")}
    seen = set(taken_texts)
    for number, text in enumerate(lines):
        key = digest(text)
        if number in taken or key in seen or not 8 <= len(text.split()) <= 40:
            continue
        seen.add(key)
        pools[topic_of(text)].append(number)
    rng = random.Random(args.seed)
    for topic, pool in pools.items():
        size = args.other if topic == "other" else args.per_topic
        for number in sorted(rng.sample(pool, size)):
            print(f"{number}\t{topic}\t{lines[number]}")


if __name__ == "__main__":
    main()

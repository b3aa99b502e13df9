"""Write the most frequent words of the raw Swahili news, for the service to load at start.

    python -m training.frequent_words models/sw_habari/frequent_words.txt [--top N]

"Words" are the whitespace-separated pieces of the text, punctuation attached
("Tanzania,"), because that is what spaCy's tokenizer caches. `load_pipeline()` tokenizes
them once, before any request, so their lexemes and tokenizer-cache entries live outside
the service's per-request `memory_zone`: a request then creates only its rare words (a
memory zone discards whatever it created, and the tokenizer caches nothing inside one).

Counted over the Maneno Yetu and MAFAND news sentences. The VOA articles are left out:
the benchmarks time the service on them, and counting them would flatter the figures.
One word a line, most frequent first (ties in order of first occurrence).
"""
from __future__ import annotations

import argparse
import gzip
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RAW = REPO.parent / "shared" / "data" / "raw" / "swa"
SOURCES = ("maneno_yetu_news_sentences.txt.gz", "lafand_news_sentences.txt.gz")


def frequent_words(raw_dir: Path, top: int) -> list[str]:
    counts: Counter[str] = Counter()
    for name in SOURCES:
        with gzip.open(raw_dir / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                counts.update(line.split())
    return [word for word, _ in counts.most_common(top)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--raw", type=Path, default=RAW)
    # 20,000 words (each seen 21+ times in 7.5M) are 87% of the words of the VOA
    # articles; 50,000 would add 4 points for 2.7 times the file.
    parser.add_argument("--top", type=int, default=20_000)
    args = parser.parse_args()
    words = frequent_words(args.raw, args.top)
    args.output.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(words)} words")


if __name__ == "__main__":
    main()

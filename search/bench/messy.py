"""A large, messy synthetic archive: fixture files that load_archive accepts, for tests and the
search benchmark. Deterministic: the same seed and sizes always give the same files.

    python -m search.bench.messy --quotes 20000 --out DIR [--seed N] [--undated]
    manage.py load_archive --fixtures DIR

DIR gets the real fixtures (fixtures/*.yaml, copied as they are, so every real name and page is
there) and, beside them, synthetic records in `<model>/messy.yaml` (the loader reads both):

- every optional field left out somewhere: quotes without said_on, meeting or channel; articles
  without author, url or date; meetings without city, venue, country or coordinates; people
  without country or aliases;
- dates to the day, the month or only the year, and none;
- texts of one word up to thousands, in Latin, Hangul, Cyrillic, CJK ideographs and mixed, with
  the real names in all their spellings;
- --undated: issue #10's recipe instead: only quotes are added (to the real people and articles),
  none with said_on, meeting or channel, so whole index segments have no `year`.

Synthetic records are never archive content: their slugs start with `messy-` and their texts
say nothing true.
"""

import argparse
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from .corpus import PHRASES, Generator

REAL_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
MODEL_FILES = ["outlets", "people", "meetings", "articles", "quotes"]
YEARS = list(range(2016, 2027))

HANGUL_CONSONANTS = 19  # initial jamo
HANGUL_VOWELS = 21
CYRILLIC_CONSONANTS = "бвгдждзклмнпрстфхцчшщ"
CYRILLIC_VOWELS = "аеиоуыэюя"
SCRIPTS = ["latin", "latin", "latin", "hangul", "cyrillic", "cjk", "mixed"]


@dataclass
class Speaker:
    """What corpus.Generator needs of a person (no database here)."""

    all_names: list
    is_leader: bool


class MessyGenerator(Generator):
    """corpus.Generator's Zipf-like text, plus words in other scripts and missing fields."""

    def __init__(self, seed, people):
        super().__init__(seed, people)
        rng = self.random
        self.hangul = [self._hangul_word() for _ in range(2000)]
        self.cyrillic = [
            "".join(rng.choice(CYRILLIC_CONSONANTS) + rng.choice(CYRILLIC_VOWELS) for _ in "ab")
            + rng.choice(["", "н", "в", "й", "ск"])
            for _ in range(2000)
        ]
        self.cjk = [
            "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(rng.randint(1, 3)))
            for _ in range(2000)
        ]

    def _hangul_word(self):
        rng = self.random
        syllables = [
            chr(
                0xAC00 + (rng.randrange(HANGUL_CONSONANTS) * HANGUL_VOWELS + rng.randrange(21)) * 28
            )
            for _ in range(rng.randint(1, 3))
        ]
        return "".join(syllables)

    def length(self):
        """Words in a text: mostly a sentence or two, sometimes one word, sometimes thousands."""
        roll = self.random.random()
        if roll < 0.05:
            return 1
        if roll < 0.1:
            return self.random.randint(2, 4)
        if roll < 0.11:
            return self.random.randint(1000, 3000)
        return self.random.randint(10, 90)

    def messy_text(self, length=None):
        length = length or self.length()
        script = self.random.choice(SCRIPTS)
        if script == "latin":
            return self.text(length) if length > 1 else self.random.choice(self.words).title()
        pools = {"hangul": self.hangul, "cyrillic": self.cyrillic, "cjk": self.cjk}
        words = []
        for _ in range(length):
            pool = pools.get(script) or pools[self.random.choice(list(pools))]
            if script == "mixed" and self.random.random() < 0.4:
                words.append(self.random.choice(self.words))
            else:
                words.append(self.random.choice(pool))
        if length > 4:
            words[self.random.randrange(length)] = self.name()
        if script == "mixed" and length > 8:
            words[self.random.randrange(length)] = self.random.choice(PHRASES)
        joiner = "" if script == "cjk" and self.random.random() < 0.5 else " "
        return joiner.join(words) + self.random.choice([".", "。", "!", "", "?"])

    def partial_date(self, missing=0.2):
        roll = self.random.random()
        if roll < missing:
            return None
        year = self.random.choice(YEARS)
        if roll < missing + 0.15:
            return f"{year}"
        month = self.random.randint(1, 12)
        if roll < missing + 0.35:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{self.random.randint(1, 28):02d}"

    def maybe(self, share, value):
        return value if self.random.random() < share else None


def _clean(record):
    """Leave out what is unknown, as the fixtures do (a key with no value is never written)."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def _synthetic_name(generator):
    rng = generator.random
    script = rng.choice(["latin", "hangul", "cyrillic", "cjk", "mixed"])
    if script == "latin":
        parts = [rng.choice(generator.words[-5000:]).title() for _ in range(rng.randint(1, 3))]
    elif script == "mixed":
        parts = [rng.choice(generator.words[-5000:]).title(), rng.choice(generator.hangul)]
    else:
        pool = {"hangul": generator.hangul, "cyrillic": generator.cyrillic, "cjk": generator.cjk}
        parts = [rng.choice(pool[script]).title() for _ in range(rng.randint(1, 3))]
    return " ".join(parts)


def build(quotes, seed=2025, undated=False):
    """{model file: [synthetic records]} for `quotes` quotes and one article per ten."""
    real = {name: _read(REAL_FIXTURES / f"{name}.yaml") for name in MODEL_FILES}
    people = [
        Speaker([row["name"], *(row.get("aliases") or [])], bool(row.get("is_leader")))
        for row in real["people"]
    ]
    generator = MessyGenerator(seed, people)
    rng = generator.random
    countries = ["RU", "KP", "KR", "CN", "US", "VN", None, None]

    outlets = [
        _clean(
            {
                "slug": f"messy-outlet-{number}",
                "name": _synthetic_name(generator),
                "kind": rng.choice(["news", "blog", "state_media", "analysis", "social"]),
                "country": rng.choice(countries),
                "homepage": generator.maybe(0.3, f"https://outlet-{number}.example/"),
            }
        )
        for number in range(max(2, quotes // 2000))
    ]
    synthetic_people = [
        _clean(
            {
                "slug": f"messy-person-{number}",
                "name": _synthetic_name(generator),
                "aliases": [_synthetic_name(generator)] if rng.random() < 0.3 else [],
                "country": rng.choice(countries),
                "is_organisation": generator.maybe(0.1, True),
                "bio": generator.maybe(0.5, "A synthetic speaker for tests and benchmarks."),
            }
        )
        for number in range(max(5, quotes // 200))
    ]
    meetings = []
    for number in range(max(3, quotes // 500)):
        located = rng.random() < 0.4
        meetings.append(
            _clean(
                {
                    "slug": f"messy-meeting-{number}",
                    "title": generator.messy_text(rng.randint(2, 8)),
                    "kind": rng.choice(["summit", "visit", "event", "message", "sideline"]),
                    "start": generator.partial_date(missing=0),
                    "city": generator.maybe(0.5, rng.choice(generator.cyrillic).title()),
                    "venue": generator.maybe(0.1, rng.choice(generator.hangul)),
                    "country": rng.choice(countries),
                    "latitude": round(rng.uniform(30, 60), 5) if located else None,
                    "longitude": round(rng.uniform(100, 140), 5) if located else None,
                    "summary": generator.maybe(0.5, generator.messy_text()),
                }
            )
        )
    outlet_slugs = [row["slug"] for row in real["outlets"] + outlets]
    speaker_slugs = [row["slug"] for row in real["people"] + synthetic_people]
    meeting_slugs = [row["slug"] for row in real["meetings"] + meetings]
    articles = [
        _clean(
            {
                "slug": f"messy-article-{number}",
                "title": generator.messy_text(rng.randint(1, 14)).rstrip("."),
                "outlet": rng.choice(outlet_slugs),
                "authors": [rng.choice(speaker_slugs)] if rng.random() < 0.2 else [],
                "published": generator.partial_date(),
                "url": generator.maybe(0.2, f"https://news.example/{number}"),
                "summary": generator.maybe(0.9, generator.messy_text(rng.randint(1, 300))),
                "meetings": rng.sample(meeting_slugs, rng.randint(1, 2))
                if rng.random() < 0.3
                else [],
                "seed_document": "synthetic",
            }
        )
        for number in range(max(1, quotes // 10))
    ]
    if undated:
        # Issue #10's recipe: only quotes are added, to the real people and articles.
        outlets, synthetic_people, meetings, articles = [], [], [], []
        speaker_slugs = [row["slug"] for row in real["people"]]
    article_slugs = [row["slug"] for row in articles or real["articles"]]
    quote_records = [
        _clean(
            {
                "slug": f"messy-quote-{number}",
                "text": generator.messy_text(),
                "speaker": rng.choice(speaker_slugs),
                "article": rng.choice(article_slugs),
                "said_on": None if undated else generator.partial_date(missing=0.3),
                "meeting": None if undated else generator.maybe(0.3, rng.choice(meeting_slugs)),
                "channel": None if undated else generator.maybe(0.2, rng.choice(outlet_slugs)),
                "is_fragment": generator.maybe(0.05, True),
            }
        )
        for number in range(quotes)
    ]
    return {
        "outlets": outlets,
        "people": synthetic_people,
        "meetings": meetings,
        "articles": articles,
        "quotes": quote_records,
    }


def write_fixtures(out, quotes, seed=2025, undated=False):
    """Write the real fixtures and the synthetic records under `out`; returns the record counts."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for path in REAL_FIXTURES.glob("*.yaml"):
        shutil.copyfile(path, out / path.name)
    counts = {}
    for name, records in build(quotes, seed, undated).items():
        (out / name).mkdir(exist_ok=True)
        text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
        (out / name / "messy.yaml").write_text(text, encoding="utf-8")
        counts[name] = len(records)
    return counts


def _read(path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--undated", action="store_true", help="quotes with no date at all")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    counts = write_fixtures(args.out, args.quotes, args.seed, args.undated)
    print(", ".join(f"{count:,} {name}" for name, count in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()

"""How close the drafts come to records an editor wrote by hand (`make eval-draft`).

Two sets: the five source documents against the curated fixtures (what the drafter was built on),
and articles written for this purpose in other outlets' styles with hand-made expected records
(tests/drafting/held_out/: what it was not built on). A quotation is found when its text is
exactly the expected text; speaker, channel, meeting and date are then right when they equal the
expected value, "none" included.
"""

from dataclasses import dataclass
from pathlib import Path

from archive.loading.validation import fixture_paths
from archive.loading.yaml_files import read_records

from . import draft_article
from .records import quote_records

FIELDS = ("speaker", "channel", "meeting", "said_on")
HEADERS = ("document", "expected", "drafted", "found", "recall", "precision", "speaker",
           "channel", "meeting", "date")  # fmt: skip


@dataclass
class Score:
    name: str
    expected: int = 0
    drafted: int = 0
    found: int = 0
    speaker: int = 0
    channel: int = 0
    meeting: int = 0
    said_on: int = 0

    def add(self, other):
        for name in ("expected", "drafted", "found", *FIELDS):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self):
        return ratio(self.found, self.expected)

    @property
    def precision(self):
        return ratio(self.found, self.drafted)

    def right(self, field):
        return ratio(getattr(self, field), self.found)


def ratio(part, whole):
    return part / whole if whole else None


def score(name, drafted, expected):
    """Compare drafted quote records with expected ones (both dicts in the fixture format)."""
    result = Score(name, expected=len(expected), drafted=len(drafted))
    by_text = {}
    for record in drafted:
        by_text.setdefault(record["text"], record)
    for wanted in expected:
        got = by_text.get(wanted["text"])
        if got is None:
            continue
        result.found += 1
        for field in FIELDS:
            if value(got, field) == value(wanted, field):
                setattr(result, field, getattr(result, field) + 1)
    return result


def value(record, field):
    found = record.get(field)
    return str(found) if found not in (None, "") else None


def fixture_records(fixtures_dir, name):
    found = []
    for path in fixture_paths(Path(fixtures_dir), name):
        found += [r for r in read_records(path)[0] if isinstance(r, dict)]
    return found


def seed_scores(reference, fixtures_dir, seeds_dir):
    """One Score per source document, against the curated quotes of its articles."""
    articles = fixture_records(fixtures_dir, "articles")
    quotes = fixture_records(fixtures_dir, "quotes")
    scores = []
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        own = [a for a in articles if a.get("seed_document") == path.name]
        slugs = {a["slug"] for a in own}
        expected = [q for q in quotes if q.get("article") in slugs]
        draft = draft_article(path.read_text(encoding="utf-8"), reference)
        drafted = quote_records(draft, "draft")
        scores.append(score(path.name.split("_")[0], drafted, expected))
    return scores


def held_out_scores(reference, held_out_dir):
    """One Score per article in held_out_dir: NAME.txt with its expected records in NAME.yaml."""
    scores = []
    for path in sorted(Path(held_out_dir).glob("*.txt")):
        expected, _ = read_records(path.with_suffix(".yaml"))
        draft = draft_article(path.read_text(encoding="utf-8"), reference)
        scores.append(score(path.stem, quote_records(draft, "draft"), expected))
    return scores


def table(scores, title):
    total = Score("total")
    for each in scores:
        total.add(each)
    rows = [HEADERS] + [row(s) for s in [*scores, total]]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADERS))]
    lines = [title, ""]
    for index, cells in enumerate(rows):
        lines.append(
            "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"
        )
        if index == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines), total


def row(s):
    def percent(x):
        return "–" if x is None else f"{x:.0%}"

    return (
        s.name, str(s.expected), str(s.drafted), str(s.found), percent(s.recall),
        percent(s.precision), *(percent(s.right(field)) for field in FIELDS),
    )  # fmt: skip

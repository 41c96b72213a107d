"""Checking the fixtures against the five source documents, for the tests and for reviewers.

The source documents are the outlets' own texts, so they stay outside the project: in
`../shared/seeds/` beside it, or wherever SEEDS_DIR says. A record points at the lines it was
written from with `source_paragraphs` ("000 ¶20", "002 ¶29–35", or "002" for a whole document;
¶N is line N of the seed file). Two checks read them, as far as a program can tell:

- `copied_runs`: our own prose (summary, bio, description, context) shares no run of more than
  ten consecutive words with a source, outside quotation marks;
- `unsupported_facts`: every date, city, venue and coordinate either appears in the record's
  source paragraphs or is named in its `beyond_sources`.

`manage.py audit_sources` prints each record's fields beside those paragraphs for a human.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .dates import PartialDate
from .loading.schema import MODEL_FILES
from .loading.validation import fixture_paths
from .loading.yaml_files import read_records

PROSE_FIELDS = ("summary", "bio", "description", "context")
DATE_FIELDS = ("start", "end", "said_on", "published", "republished_on")
PLACE_FIELDS = ("city", "venue")
LONGEST_SHARED_RUN = 10  # words

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
# "Sept. 13", "Feb. 27", "September": the ways the sources write a month.
MONTH_PATTERNS = {
    number: rf"(?:{name}|{name[:3]}\.?)" for number, name in enumerate(MONTHS, start=1)
}
MONTH_PATTERNS[9] = r"(?:September|Sept?\.?)"
REFERENCE = re.compile(r"(?P<seed>\d{3})(?: ¶(?P<first>\d+)(?:–(?P<last>\d+))?)?")


def seeds_dir():
    override = os.environ.get("SEEDS_DIR")
    return Path(override) if override else Path(settings.BASE_DIR).parent / "shared" / "seeds"


class SourceDocuments:
    """The seed files by number ("000"), as lists of lines (line 1 first)."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.lines = {
            path.name[:3]: path.read_text(encoding="utf-8").split("\n")
            for path in sorted(self.directory.glob("[0-9][0-9][0-9]_*.txt"))
        }

    @property
    def available(self):
        return bool(self.lines)

    def whole_text(self):
        return "\n".join("\n".join(lines) for lines in self.lines.values())

    def paragraphs(self, reference):
        """[(line number, text)] for '000 ¶20', '002 ¶29–35' or '002'; KeyError if it names
        no seed file, ValueError if a line is out of range."""
        match = REFERENCE.fullmatch(reference)
        if not match:
            raise ValueError(f"'{reference}' is not a source reference")
        lines = self.lines[match["seed"]]
        if not match["first"]:
            return [(number, text) for number, text in enumerate(lines, 1) if text.strip()]
        first = int(match["first"])
        last = int(match["last"] or first)
        if not 1 <= first <= last <= len(lines):
            raise ValueError(f"'{reference}': the seed file has {len(lines)} lines")
        return [(number, lines[number - 1]) for number in range(first, last + 1)]

    def text(self, references):
        return "\n".join(text for reference in references for _, text in self.paragraphs(reference))


# Records ------------------------------------------------------------------------------------


@dataclass
class FixtureRecord:
    file: str  # "quotes.yaml"
    data: dict

    @property
    def slug(self):
        return self.data.get("slug", "")

    @property
    def references(self):
        return list(self.data.get("source_paragraphs") or [])


def fixture_records(fixtures_dir, file=None):
    """Every record of the archive's fixture files (or of one model's: "quotes"), in loading
    order. A model's records may fill quotes.yaml and quotes/*.yaml; each is named "quotes.yaml"."""
    records = []
    for spec in MODEL_FILES:
        if file is not None and Path(file).name.removesuffix(".yaml") != spec.name:
            continue
        for path in fixture_paths(Path(fixtures_dir), spec.name):
            data, _problems = read_records(path)
            records += [
                FixtureRecord(f"{spec.name}.yaml", item) for item in data if isinstance(item, dict)
            ]
    return records


def record_references(record, articles):
    """A record's source paragraphs; a quote or article without any falls back on its whole
    source document."""
    if record.references:
        return record.references
    seed = record.data.get("seed_document")
    if seed is None and record.data.get("article") in articles:
        seed = articles[record.data["article"]].data.get("seed_document")
    return [seed[:3]] if seed else []


# Copied prose -------------------------------------------------------------------------------

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text):
    return [word.replace("’", "'").lower() for word in WORD.findall(text)]


def ngrams(word_list, size):
    return {tuple(word_list[i : i + size]) for i in range(len(word_list) - size + 1)}


def copied_runs(ours, source, longest=LONGEST_SHARED_RUN):
    """The runs of more than `longest` consecutive words of `ours`, outside quotation marks,
    that also appear in `source`: [text of the run]."""
    size = longest + 1
    source_grams = ngrams(words(source), size)
    runs = []
    for segment in QUOTED.split(ours):
        segment_words = words(segment)
        start = None
        for i in range(len(segment_words) - size + 1):
            copied = tuple(segment_words[i : i + size]) in source_grams
            if copied and start is None:
                start = i
            if start is not None and (not copied or i == len(segment_words) - size):
                end = i + size if copied else i - 1 + size
                runs.append(" ".join(segment_words[start:end]))
                start = None
    return runs


# Dates and places ---------------------------------------------------------------------------

PROSE_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2}) )?(?P<month>" + "|".join(MONTHS) + r") (?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<bare_year>(?:19|20)\d\d)\b"
)


def prose_dates(text):
    """PartialDates written in our prose: '25 April 2019', 'July 2023', '2018'."""
    dates = []
    for match in PROSE_DATE.finditer(text):
        if match["bare_year"]:
            dates.append(PartialDate.parse(match["bare_year"]))
            continue
        month = MONTHS.index(match["month"]) + 1
        iso = f"{match['year']}-{month:02d}" + (f"-{int(match['day']):02d}" if match["day"] else "")
        try:
            dates.append(PartialDate.parse(iso))
        except ValueError:
            continue
    return dates


def date_parts(date):
    """('year', pattern), ('month', pattern), ('day', pattern) for a date's precision."""
    year, _, rest = date.isoformat().partition("-")
    parts = [("year", rf"\b{year}\b")]
    if rest:
        month = int(rest[:2])
        parts.append(("month", MONTH_PATTERNS[month]))
        if len(rest) > 2:
            day = int(rest[3:5])
            month_re = MONTH_PATTERNS[month]
            parts.append(("day", rf"(?:\b{day}(?:st|nd|rd|th)? {month_re}|{month_re} {day}\b)"))
    return parts


def missing_date_parts(date, paragraphs, beyond):
    """The parts of `date` found neither in the paragraphs nor in beyond_sources."""
    return [
        name
        for name, pattern in date_parts(date)
        if not re.search(pattern, paragraphs, re.IGNORECASE)
        and not re.search(pattern, beyond, re.IGNORECASE)
    ]


def place_words(name):
    """The words a program can look for: capitalised words of the name, brackets left out."""
    name = re.sub(r"\([^)]*\)", "", name)
    return [w for w in WORD.findall(name) if w[0].isupper() and w not in {"The", "A", "An"}]


def normalised(text):
    return " ".join(words(text))


def place_is_supported(part, paragraphs, beyond):
    found = set(words(paragraphs))
    if all(word.lower() in found for word in place_words(part)) and place_words(part):
        return True
    return normalised(part) in normalised(beyond)


def unsupported_facts(data, paragraphs):
    """Messages for each date, place and coordinate of a record that neither its source
    paragraphs nor its beyond_sources give."""
    beyond = data.get("beyond_sources") or ""
    problems = []
    for name in DATE_FIELDS:
        if data.get(name) is None:
            continue
        date = PartialDate.parse(str(data[name]))
        missing = missing_date_parts(date, paragraphs, beyond)
        if missing:
            problems.append(f"{name} {date.isoformat()}: the {', '.join(missing)} not sourced")
    for name in PROSE_FIELDS:
        for date in prose_dates(data.get(name) or ""):
            missing = missing_date_parts(date, paragraphs, beyond)
            if missing:
                which = ", ".join(missing)
                problems.append(f"{name} mentions {date.display()}: the {which} not sourced")
    for name in PLACE_FIELDS:
        for part in (p.strip() for p in (data.get(name) or "").split(",")):
            if part and not place_is_supported(part, paragraphs, beyond):
                problems.append(f"{name} '{part}' is neither in the source nor in beyond_sources")
    if data.get("latitude") is not None and "coordinates" not in beyond:
        problems.append("coordinates are not named in beyond_sources")
    return problems

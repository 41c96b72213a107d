"""What the drafter knows already: the archive's people, outlets and meetings, from its fixtures.

Read with the loader's own YAML reader, so a draft is made against the archive as the editor has
it on disk (loaded or not), and neither the database nor a search index is needed.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from archive.dates import PartialDate
from archive.loading.validation import fixture_paths
from archive.loading.yaml_files import read_records

from ..names import NameTable, fold

PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
# Korean and Chinese names put the family name first ("Kim" of Kim Jong Un, "Xi" of Xi Jinping).
FAMILY_NAME_FIRST = {"KP", "KR", "CN"}
# Words of a venue's name that say nothing about where it is.
GENERIC_PLACE_WORDS = {
    "state", "residence", "office", "presidential", "international", "economic", "forum",
    "university", "federal", "eastern", "island", "square", "region", "palace", "hall", "link",
}  # fmt: skip


@dataclass
class Meeting:
    slug: str
    title: str
    kind: str
    start: PartialDate | None
    end: PartialDate | None
    places: list  # folded word tuples: the city, the venue and its parts
    participants: dict  # person slug -> part (host, principal, attendee...)
    city_words: tuple = ()


@dataclass
class Reference:
    people: dict = field(default_factory=dict)  # slug -> the fixture record
    outlets: dict = field(default_factory=dict)
    meetings: list = field(default_factory=list)
    names: NameTable = None
    spellings: dict = field(default_factory=dict)  # folded words -> person slug
    family_names: dict = field(default_factory=dict)  # folded word -> [person slugs]
    outlet_spellings: dict = field(default_factory=dict)  # folded words -> outlet slug

    @classmethod
    def from_fixtures(cls, fixtures_dir):
        fixtures_dir = Path(fixtures_dir)

        def records(name):
            found = []
            for path in fixture_paths(fixtures_dir, name):
                found += [r for r in read_records(path)[0] if isinstance(r, dict)]
            return found

        return cls.build(records("people"), records("outlets"), records("meetings"))

    @classmethod
    def build(cls, people, outlets, meetings):
        reference = cls()
        reference.people = {p["slug"]: p for p in people if p.get("slug")}
        reference.outlets = {o["slug"]: o for o in outlets if o.get("slug")}
        reference.meetings = [meeting_from_record(m) for m in meetings if m.get("slug")]
        reference.names = NameTable.build(
            (slug, p.get("name", ""), p.get("aliases")) for slug, p in reference.people.items()
        )
        reference.spellings = reference.names.every_spelling()
        for slug, person in reference.people.items():
            # "Korean Central News Agency (as speaker)" is written without its note in articles.
            bare = fold(PARENTHESIS.sub("", person.get("name", "")))
            if bare:
                reference.spellings.setdefault(bare, slug)
            if not person.get("is_organisation"):
                for family in family_names(person):
                    reference.family_names.setdefault(family, []).append(slug)
        for slug, outlet in reference.outlets.items():
            for spelling in outlet_spellings(outlet.get("name", "")):
                reference.outlet_spellings.setdefault(spelling, slug)
        return reference

    def is_leader(self, slug):
        return bool(self.people.get(slug, {}).get("is_leader"))

    def is_organisation(self, slug):
        return bool(self.people.get(slug, {}).get("is_organisation"))

    def display_name(self, slug):
        return self.people.get(slug, {}).get("name", slug)

    def outlet_for_speaker(self, slug):
        """The outlet that is this organisation's own channel (KCNA speaking through KCNA)."""
        name = fold(PARENTHESIS.sub("", self.people.get(slug, {}).get("name", "")))
        return self.outlet_spellings.get(name) if name else None


def family_names(person):
    """The one word a second mention uses: 'Putin', 'Kim', 'Lavrov'."""
    family_first = person.get("country") in FAMILY_NAME_FIRST
    found = set()
    for spelling in [person.get("name", ""), *(person.get("aliases") or ())]:
        words = spelling.split()
        if len(words) < 2 or not spelling.isascii():
            continue
        found.add(fold(words[0] if family_first else words[-1].split("-")[0])[0])
    return found


def outlet_spellings(name):
    """'Korean Central News Agency (KCNA)' -> its name with and without the brackets, 'KCNA'."""
    spellings = {fold(name), fold(PARENTHESIS.sub("", name))}
    spellings |= {fold(inside) for inside in PARENTHESIS.findall(name)}
    bare = PARENTHESIS.sub("", name)
    for tail in (" News Agency", " Novosti"):
        if bare.endswith(tail):
            spellings.add(fold(bare[: -len(tail)]))
    return {spelling for spelling in spellings if spelling}


def meeting_from_record(record):
    places = []
    for text in (record.get("city"), record.get("venue")):
        if text:
            places.append(fold(text))
            # "Diaoyutai state residence", "Vostochny Cosmodrome, Amur region": each part counts.
            places += [fold(part) for part in re.split(r",|\(|\)", text) if fold(part)]
            places += [
                fold(word)
                for word in re.findall(r"[A-Z]\w{3,}", text)
                if word.casefold() not in GENERIC_PLACE_WORDS
            ]
    participants = {
        p.get("person"): p.get("part", "")
        for p in record.get("participants") or ()
        if isinstance(p, dict)
    }
    return Meeting(
        slug=record["slug"],
        title=record.get("title", ""),
        kind=record.get("kind", ""),
        start=parse_date(record.get("start")),
        end=parse_date(record.get("end")),
        places=sorted(set(places), key=len, reverse=True),
        participants=participants,
        city_words=fold(record.get("city") or ""),
    )


def parse_date(value):
    try:
        return PartialDate.parse(value) if value is not None else None
    except ValueError:
        return None

"""What checking the fixtures gives the writer: every record, its fields cleaned, its relations
named by slug."""

import sys
from dataclasses import dataclass, field
from types import MappingProxyType

from .problems import record_label


@dataclass
class ValidRecord:
    file: str
    position: int
    label: str
    slug: str = ""
    values: dict = field(default_factory=dict)  # every non-relation field, cleaned
    relations: dict = field(default_factory=dict)  # foreign key name -> slug or None
    many: dict = field(default_factory=dict)  # many-to-many name -> list of slugs
    children: list = field(default_factory=list)  # nested records, in order
    key: bytes | None = None  # its item's key (loading.items), when it can be reused
    reused = None  # see ReusedRecord

    def cache_entry(self):
        """What the next load needs of this record if its text is unchanged: what the checks
        across records read (slug, relations, many-to-many slugs), not its fields' values. Plain
        dicts and tuples of shared strings: the cache of 100,000 records is read in a moment."""
        return (
            self.slug,
            {name: slug and sys.intern(slug) for name, slug in self.relations.items()},
            {name: tuple(map(sys.intern, slugs)) for name, slugs in self.many.items() if slugs},
            tuple(dict(child.relations) for child in self.children),
        )


class ReusedRecord:
    """A record whose item's text the last load checked (loading.reuse): read from its cache
    entry, with what the checks across records read and no `values` (its row holds them)."""

    __slots__ = ("file", "position", "key", "reused", "slug", "relations", "many", "_children")
    values = MappingProxyType({})

    def __init__(self, entry, key, file, position):
        self.file, self.position, self.key, self.reused = file, position, key, entry
        self.slug, self.relations, self.many, self._children = entry

    @property
    def label(self):
        return record_label({"slug": self.slug}, self.position)

    @property
    def children(self):
        return [
            ValidRecord(self.file, index, self.label, relations=relations)
            for index, relations in enumerate(self._children, start=1)
        ]

    def cache_entry(self):
        return self.reused


class ValidArchive(dict):
    """{ModelFile: [ValidRecord]}, and which files held no records at all."""

    def __init__(self):
        super().__init__()
        self.empty_files = {}  # ModelFile -> [display path]
        self.redirects = {}  # old path -> (new path, record label), from redirects.yaml

"""What checking the fixtures gives the writer: every record, its fields cleaned, its relations
named by slug."""

from dataclasses import dataclass, field, replace

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
    # Taken from the last load (loading.reuse): no `values`, and its row is known to hold them.
    reused: bool = False

    def placed(self, file, position):
        """This reused record where it now stands: the file and position name it in messages."""
        self.file, self.position = file, position
        self.label = record_label({"slug": self.slug}, position)
        for child in self.children:
            child.file, child.label = file, self.label
        return self

    def slimmed(self):
        """What the next load needs of this record if its text is unchanged: what the checks
        across records read (slug, relations, many-to-many slugs), not its fields' values."""
        children = [replace(child, values={}) for child in self.children]
        return replace(self, values={}, children=children, reused=True)


class ValidArchive(dict):
    """{ModelFile: [ValidRecord]}, and which files held no records at all."""

    def __init__(self):
        super().__init__()
        self.empty_files = {}  # ModelFile -> [display path]
        self.redirects = {}  # old path -> (new path, record label), from redirects.yaml

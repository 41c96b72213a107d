"""Reading a fixture file item by item, so that an item whose text is unchanged need not be read.

A fixture file is usually a plain block sequence: each record starts with "- " at column 0.
Such a file is split into its items' texts, and each item is parsed on its own. That gives the
same records as parsing the file whole, because an item that parses on its own as a list of
exactly one element cannot have started earlier or run on into the next one (a quoted text or a
flow list cut in two does not parse), and an alias to another item's anchor does not parse
alone either. Anything else falls back to parsing the file whole, exactly as before: a file with
document markers or directives, a byte-order mark, carriage returns or other YAML line breaks,
text at column 0 that is not an item or a comment, no items at all, or an item that does not
parse alone (so a YAML error is reported with its line in the whole file).

Each item's key is a hash of its model and its text: the same text of the same model is the same
record, wherever in the file it now stands (no line number or position is part of it).
"""

import hashlib
import re
from dataclasses import dataclass

import yaml

from .problems import display_path
from .yaml_files import FixtureYamlLoader, not_mappings, read_records

ITEM_START = re.compile(r"^-(?: |$)", re.MULTILINE)
# At column 0 only items ("- ", "-"), comments and blank lines; not "---", "...", "%YAML",
# "key:", a tab, or "-x" (a text, not an item).
NOT_AN_ITEM = re.compile(r"^(?:[^ \n#-]|-[^ \n])", re.MULTILINE)
BEFORE_FIRST_ITEM = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*")
# YAML breaks lines at these as well as at "\n"; splitting at "\n" alone would not be faithful.
OTHER_LINE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


@dataclass
class Item:
    key: bytes | None  # None when the file was read whole
    data: object = None  # the parsed record; None when `reused`
    reused: object = None  # the last load's checked record for this key (loading.reuse)


def split_items(text):
    """The texts of a plain block sequence's items, in order, or None for anything else."""
    if text.startswith("\ufeff") or any(mark in text for mark in OTHER_LINE_BREAKS):
        return None
    if NOT_AN_ITEM.search(text):
        return None
    starts = [match.start() for match in ITEM_START.finditer(text)]
    if not starts or not BEFORE_FIRST_ITEM.fullmatch(text, 0, starts[0]):
        return None
    ends = starts[1:] + [len(text)]
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


def item_key(kind, text):
    return hashlib.blake2b(f"{kind}\0{text}".encode(), digest_size=16).digest()


def read_items(path, kind, known):
    """([Item], problems) for one file of model file `kind`. An item whose key is in `known`
    (taken out of it, so that a repeated text is read again) is not parsed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        text = None  # read_records says why
    pieces = split_items(text) if text is not None else None
    if pieces is not None:
        items = parse_alone(pieces, kind, known)
        if items is not None:
            return items, not_mappings(display_path(path), [item.data for item in items])
    records, problems = read_records(path)
    return [Item(None, data) for data in records], problems


def parse_alone(pieces, kind, known):
    items = []
    for piece in pieces:
        key = item_key(kind, piece)
        reused = known.pop(key, None)
        if reused is not None:
            items.append(Item(key, {}, reused))
            continue
        try:
            data = yaml.load(piece, Loader=FixtureYamlLoader)
        except yaml.YAMLError:
            return None
        if not isinstance(data, list) or len(data) != 1:
            return None
        items.append(Item(key, data[0]))
    return items

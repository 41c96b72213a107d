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

# An item starts at column 0 with "- "; every other line at column 0 is blank or a comment:
# not "---", "...", "%YAML", "key:", a tab, "-x" (a text) or "-" alone. And no line breaks but
# "\n": YAML also breaks lines at "\r", U+0085, U+2028 and U+2029 (here in UTF-8).
UNUSUAL = re.compile(rb"\n(?:[^ \n#-]|-[^ ])|\r|\xc2\x85|\xe2\x80[\xa8\xa9]")
BEFORE_FIRST_ITEM = re.compile(rb"(?:[ ]*(?:#[^\n]*)?\n)*")


@dataclass
class Item:
    key: bytes | None  # None when the file was read whole
    data: object = None  # the parsed record ({} when `reused`)
    reused: tuple | None = None  # the last load's cache entry for this key (loading.reuse)


def split_items(data):
    """The texts of a plain block sequence's items (bytes, in order, each without its leading
    "- " and the line break before the next), or None for anything else."""
    first = 0 if data.startswith(b"- ") else data.find(b"\n- ") + 1
    if first == 0 and not data.startswith(b"- "):
        return None  # no items, or a byte-order mark
    if not BEFORE_FIRST_ITEM.fullmatch(data, 0, first) or UNUSUAL.search(data):
        return None
    return data[first + 2 :].split(b"\n- ")


def item_key(kind, piece):
    return hashlib.blake2b(piece, digest_size=16, person=kind.encode()).digest()


def read_items(path, kind, known):
    """([Item], problems) for one file of model file `kind`. An item whose key is in `known`
    (taken out of it, so that a repeated text is read again) is not parsed."""
    try:
        pieces = split_items(path.read_bytes())
    except OSError:
        pieces = None  # read_records says why
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
            data = yaml.load(b"- " + piece, Loader=FixtureYamlLoader)
        except yaml.YAMLError:
            return None  # reading the file whole says where, or reads it after all
        if not isinstance(data, list) or len(data) != 1:
            return None
        items.append(Item(key, data[0]))
    return items

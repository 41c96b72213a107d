"""Name spellings: every spelling of a person's or a place's name searches as the archive's.

Readers type "Kim Jong-un", "Ким Чен Ын", "김정은" or "Sergei Lavrov"; the archive writes
"Kim Jong Un" and "Sergey Lavrov". A synonym analyzer would do this inside the engine, but
haystack's Whoosh highlighter ignores custom analyzers (snippets come back empty), so the
spellings are normalised here in Python instead, on both sides:

- documents: for every other spelling found in a document, its canonical name is appended to the
  indexed text (the verbatim text itself is never changed);
- queries: every other spelling in the reader's words is replaced by the canonical name.

The table is built from `Person.name` and `Person.aliases`, and from the places' spellings in
archive.places ("Пхеньян", "평양" -> Pyongyang). It also knows each word of a person's names, so a
query that is only a surname or part of a name ("Putin", "Лавров", "Kim") finds the person's card
(search.page). TABLE_VERSION is recorded in each built
index (search.indexing); bump it whenever the rules below change, so an index built with older rules
is known to need a rebuild.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from . import memo

TABLE_VERSION = 2

WORD = re.compile(r"\w+")


def fold(text):
    """Lower case, as a sequence of words: 'Kim Jong-un' -> ('kim', 'jong', 'un')."""
    text = text.casefold()
    if not text.isascii():
        # One form for composed and decomposed letters (Hangul, Cyrillic й); accents are kept,
        # as the engine's analyzer keeps them.
        text = unicodedata.normalize("NFC", text)
    return tuple(WORD.findall(text))


@dataclass
class NameTable:
    # A spelling (as folded words) -> the canonical name's folded words, longest spellings first.
    spellings: dict = field(default_factory=dict)
    # The canonical folded words -> the person's slug, and the name as the archive writes it.
    people: dict = field(default_factory=dict)
    display: dict = field(default_factory=dict)
    # Folded first word -> the spellings starting with it, longest first.
    by_first_word: dict = field(default_factory=dict)
    # Canonical word -> the other words that stand for it, for highlighting those too.
    variant_words: dict = field(default_factory=dict)
    # One folded word of a person's names (a surname, a given name) -> the people's slugs.
    name_words: dict = field(default_factory=dict)

    @classmethod
    def build(cls, people, places=()):
        """`people` is an iterable of (slug, name, aliases[, is_organisation]); `places` of
        (name, other spellings), as in archive.places."""
        table = cls()
        for slug, name, aliases, *organisation in people:
            canonical = fold(name)
            if not canonical:
                continue
            table.people[canonical] = slug
            table.display[canonical] = name
            table._add_spellings(canonical, aliases)
            if not any(organisation):  # "Korean" or "Kremlin" alone is no one's name
                for words in [canonical, *map(fold, aliases or ())]:
                    for word in words:
                        if len(word) > 1 and slug not in table.name_words.get(word, []):
                            table.name_words.setdefault(word, []).append(slug)
        for name, spellings in places:
            canonical = fold(name)
            table.display.setdefault(canonical, name)
            table._add_spellings(canonical, spellings)
        for spelling, canonical in table.spellings.items():
            table.by_first_word.setdefault(spelling[0], []).append(spelling)
            for word in spelling:
                for canonical_word in canonical:
                    if word not in canonical:
                        table.variant_words.setdefault(canonical_word, set()).add(word)
        for candidates in table.by_first_word.values():
            candidates.sort(key=len, reverse=True)
        return table

    def _add_spellings(self, canonical, spellings):
        for other in spellings or ():
            spelling = fold(other)
            if spelling and spelling != canonical:
                self.spellings.setdefault(spelling, canonical)

    def _matches(self, words):
        """Yield (start, end, canonical) for each other spelling found in `words`, left to right."""
        firsts = self.by_first_word
        # Only a word that starts some spelling can start a match (a document has thousands of
        # words and a few names: this is the whole cost for an index build).
        end = 0
        for position in [position for position, word in enumerate(words) if word in firsts]:
            if position < end:  # inside the spelling found last
                continue
            for spelling in firsts[words[position]]:
                if tuple(words[position : position + len(spelling)]) == spelling:
                    end = position + len(spelling)
                    yield position, end, self.spellings[spelling]
                    break

    def normalise_words(self, words):
        """The reader's words with every other spelling replaced by the canonical name's words."""
        words = list(words)
        result, last = [], 0
        for start, end, canonical in self._matches(words):
            result.extend(words[last:start])
            result.extend(canonical)
            last = end
        result.extend(words[last:])
        return tuple(result)

    def respellings(self, words):
        """(as typed, as the archive writes it) for each other spelling of a name in `words`."""
        words = list(words)
        return [
            (" ".join(words[start:end]), self.display[canonical])
            for start, end, canonical in self._matches(words)
        ]

    def canonical_names_in(self, text):
        """The canonical names (as text) of every other spelling found in a document's text."""
        found = []
        for _start, _end, canonical in self._matches(fold(text)):
            name = " ".join(canonical)
            if name not in found:
                found.append(name)
        return found

    def every_spelling(self):
        """{folded spelling: slug} for every spelling of every name, the archive's own included."""
        found = {canonical: slug for canonical, slug in self.people.items()}
        for spelling, canonical in self.spellings.items():
            found.setdefault(spelling, self.people[canonical])
        return found

    def person_slug(self, words):
        """The slug of the person whose name, in any spelling, is exactly these words."""
        return self.people.get(self.normalise_words(words))

    def people_named(self, words):
        """The slugs of the people these words name: one for a full name in any spelling; for a
        surname or part of a name ("Putin", "Kim Jong"), everyone whose names have every word."""
        slug = self.person_slug(words)
        if slug:
            return [slug]
        candidates = None
        for word in words:
            having = self.name_words.get(word, [])
            candidates = having if candidates is None else [s for s in candidates if s in having]
        return list(candidates or [])

    def highlight_words(self, words):
        """The words to highlight for a query: its own and the other spellings of names in it."""
        extra = set()
        for word in words:
            extra |= self.variant_words.get(word, set())
        return set(words) | extra


@memo.per_data_version
def name_table():
    """The table for the people in the archive and the places, built once per data version
    (archive.memo): every search reads it (building it was about 6 ms of a search), and it
    changes only with a load."""
    return read_name_table()


def read_name_table():
    """The table for the people now in the database and the places."""
    from archive.models import Person

    from .places import PLACES

    people = Person.objects.values_list("slug", "name", "aliases", "is_organisation")
    return NameTable.build(people, PLACES)


def normalise_document(text, table):
    """The document text plus a line naming, in canonical spelling, each other spelling found."""
    names = table.canonical_names_in(text)
    if not names:
        return text
    return f"{text}\n{' / '.join(names)}"


_indexing_table = None


def indexing_table():
    """The table used while documents are prepared: built once per index build."""
    global _indexing_table
    if _indexing_table is None:
        # From the database as it is: during a load the data version is still the old one.
        _indexing_table = read_name_table()
    return _indexing_table


def reset_indexing_table():
    """Forget the table, so the next build reads the people afresh (search.indexing calls it)."""
    global _indexing_table
    _indexing_table = None

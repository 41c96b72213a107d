"""The reader's query, parsed here into a small safe form before any engine sees it.

The language is the one people know from web search:

    sanctions visit          both words (stemmed: "sanction" also finds "sanctions")
    "fraternal duty"         a phrase
    -tass  -"state media"    leave out a word or a phrase
    lavrov OR shoigu         either one (OR binds the terms on each side)

Everything else is plain words: `title:`, `*`, brackets, lone operators and punctuation are
dropped, so no engine syntax ever reaches the engine's own parser. The query is cut to
MAX_LENGTH characters and MAX_TERMS terms first (Whoosh's parser is super-linear in the length
of its input: 100,000 characters took 95 s), and the reader is told.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from archive.names import fold

from . import datewords

MAX_LENGTH = 200
MAX_TERMS = 12

# A quoted phrase (closed or running to the end), or a run of anything but space and quotes.
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
FIELD_PREFIX = re.compile(r"^-?\w+:")


@dataclass(frozen=True)
class Term:
    words: tuple  # folded words
    phrase: bool = False  # true: the words must stand together, in this order

    def display(self):
        text = " ".join(self.words)
        return f'"{text}"' if self.phrase else text


@dataclass
class ParsedQuery:
    # Every clause must match; a clause is one or more alternative terms (joined by OR).
    clauses: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    # The text searched: cleaned, its spaces collapsed, cut where the caps cut it; and whether
    # they did. Links and the search box repeat this text, never more than the cap.
    text: str = ""
    cut: bool = False

    @property
    def is_empty(self):
        return not self.clauses

    def words(self):
        """Every word the reader asked for (not excluded), for highlighting and spelling."""
        return [word for clause in self.clauses for term in clause for word in term.words]

    def display(self):
        """The query as it was understood, in the same language the reader typed."""
        parts = [" OR ".join(term.display() for term in clause) for clause in self.clauses]
        parts += [f"-{term.display()}" for term in self.excluded]
        return " ".join(parts)

    def is_plain_words(self):
        """Only words: no phrase, no OR, no -word (a correction can stand in for these)."""
        return not self.excluded and all(
            len(clause) == 1 and not clause[0].phrase for clause in self.clauses
        )

    def single_name_words(self):
        """The words of the query when it is one plain term or phrase (maybe a person's name)."""
        if len(self.clauses) == 1 and len(self.clauses[0]) == 1 and not self.excluded:
            return self.clauses[0][0].words
        words = [clause[0] for clause in self.clauses if len(clause) == 1]
        if len(words) == len(self.clauses) and not self.excluded:
            if all(not term.phrase for term in words):
                return tuple(word for term in words for word in term.words)
        return None


def clean_text(text):
    """Control and format characters become spaces; the text is cut to MAX_LENGTH."""
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return text.strip()


def parse(raw, names=None):
    """Parse what the reader typed. `names` (an archive.names.NameTable) normalises spellings."""
    query = ParsedQuery()
    text = clean_text(raw or "")
    if len(text) > MAX_LENGTH:
        text = text[:MAX_LENGTH]
        query.cut = True
        query.notices.append(
            f"Your search was longer than {MAX_LENGTH} characters; only the first "
            f"{MAX_LENGTH} were used."
        )
    # ISO dates are the words their records are indexed with ("2024-06" -> "June 2024").
    pieces, used = _pieces(datewords.rewrite_query(text), query)
    # What was searched, as the reader typed it (or the part of it the word cap kept).
    query.text = " ".join((used if query.cut else text).split())
    pending_or = False
    for piece in pieces:
        if piece == "OR":
            pending_or = bool(query.clauses)
            continue
        negated, words, phrase = piece
        if names is not None:
            for typed, name in names.respellings(words):
                query.notices.append(f"“{typed}” is searched as {name}, in every spelling.")
            words = names.normalise_words(words)
        if negated:
            query.excluded.append(Term(words, phrase=len(words) > 1))
            pending_or = False
            continue
        terms = [Term(words, phrase=True)] if phrase else [Term((word,)) for word in words]
        if pending_or:
            query.clauses[-1].append(terms.pop(0))
            pending_or = False
        query.clauses.extend([term] for term in terms)
    if query.is_empty and query.excluded:
        query.notices.append("A search needs at least one word that is not left out with '-'.")
        query.excluded = []
    return query


def _pieces(text, query):
    """The query as "OR" markers and (negated, words, phrase) pieces; runs of plain words are
    joined into one piece so that a name written as several words is normalised as a whole.
    Returned with the text they came from, cut before the first term past MAX_TERMS."""
    pieces = []
    term_count = 0
    for match in TOKEN.finditer(text):
        negated, phrase_text, bare = match.groups()
        if bare == "OR":
            pieces.append("OR")
            continue
        if bare is not None:
            negated = bare.startswith("-") and len(bare) > 1
            # Field syntax ("title:treaty", "text:") is not ours: the field name is dropped.
            bare = FIELD_PREFIX.sub("", bare)
            words, phrase = fold(bare), False
        else:
            negated = bool(negated)
            words = fold(phrase_text)
            phrase = len(words) > 1
        if not words:
            continue
        if term_count + len(words) > MAX_TERMS:
            query.notices.append(f"Only the first {MAX_TERMS} words of your search were used.")
            query.cut = True
            return pieces, text[: match.start()]
        term_count += len(words)
        previous = pieces[-1] if pieces else None
        if bare is not None and not negated and previous and previous != "OR":
            if not previous[0] and not previous[2]:
                pieces[-1] = (False, previous[1] + words, False)
                continue
        pieces.append((negated, words, phrase))
    return pieces, text

"""Snippets: the verbatim text around the words searched for, each match in <em>."""

import re
from functools import lru_cache
from html import escape

from whoosh.lang.porter import stem

# A snippet: this many characters of the verbatim text, starting a little before the first match.
SNIPPET_CHARS = 260
SNIPPET_LEAD = 80


def snippet(text, terms):
    """The verbatim text around the first of the query's words, each match in <em>, escaped.

    Whoosh's highlighter runs the whole analyzer over every word of every result (a large part of
    a query's time); here a regular expression finds the words that begin with a searched stem
    and only those are stemmed, the way the index stemmed them, to confirm the match."""
    if not text or not terms:
        return ""
    matches = [
        match
        for match in _word_starts(frozenset(terms)).finditer(text)
        if _stem(match.group().lower()) in terms
    ]
    if not matches:
        return ""
    start = max(0, matches[0].start() - SNIPPET_LEAD)
    if start:
        space = text.find(" ", start, matches[0].start())
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", max(start, matches[0].end()), end)
        end = space if space > 0 else end
    parts, position = [], start
    for match in matches:
        if match.start() >= end:
            break
        parts += [escape(text[position : match.start()]), f"<em>{escape(match.group())}</em>"]
        position = match.end()
    parts.append(escape(text[position:end]))
    return "".join(parts)


@lru_cache(maxsize=50_000)
def _stem(word):
    return stem(word)


@lru_cache(maxsize=256)
def _word_starts(terms):
    """A pattern for a whole word that may stem to one of the terms."""
    # The stemmer often changes a word's last letter ("duty" -> "duti"): match on the rest.
    prefixes = {term[:-1] if len(term) > 3 else term for term in terms}
    alternatives = "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)

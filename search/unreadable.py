"""When the live index's files are damaged: "search unavailable" (503), never a 500.

A truncated or overwritten segment file makes Whoosh fail with whatever its bytes decode to
(struct, zlib and pickle errors, UnicodeError, KeyError, TypeError, "Block tag error"...), so
every error raised while reading a searcher's files becomes IndexUnavailable, whose message names
the error and where Whoosh raised it: the views log that one line as a WARNING, no traceback.
(A bug in the search code would be answered the same way; that line names its file and line.)

check() is what /healthz asks: one real query against the live index (its first word, with every
facet, the date sort, highlighting and one stored document), and in each segment its last stored
document and the postings of a few terms spread over its files. It is cheap, so it cannot read
every byte: damage it misses still answers 503 to the searches that meet it.
"""

import traceback
from pathlib import Path

from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import KEYWORD

SORT_FIELD = "date_newest"
SAMPLED_TERMS = 16  # per segment, spread over its terms file: postings from end to end


class IndexUnavailable(SearchBackendError):
    """The search index is missing or cannot be read: search answers 503, browsing goes on."""


def unavailable(current, error):
    """The IndexUnavailable to raise for `error`, met while reading `current`'s index."""
    if isinstance(error, IndexUnavailable):
        return error
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    message = str(error)[:200]
    return IndexUnavailable(
        f"The search index at {current.directory} cannot be read: "
        f"{type(error).__name__}: {message}{where}"
    )


def check(backend, current):
    """Raise IndexUnavailable unless a real query on the live index reads without error."""
    if current is None:
        raise IndexUnavailable("The search index is missing or cannot be read.")
    try:
        _probe(backend, current)
    except Exception as error:
        raise unavailable(current, error) from error


def _probe(backend, current):
    searcher = current.searcher
    reader = searcher.reader()
    for segment, offset in reader.leaf_readers():
        if segment.doc_count_all():
            searcher.stored_fields(offset + segment.doc_count_all() - 1)
        for fieldname, text in _spread_terms(segment):
            # The first block of each: their starts lie spread over the postings file.
            matcher = segment.postings(fieldname, text)
            if matcher.is_active():
                matcher.id(), matcher.weight()
    first = next(iter(reader.lexicon(backend.content_field_name)), None)
    if first is None:
        return  # an empty index: /healthz says so from the document count
    schema = backend.schema
    exact = [
        name
        for name, field in schema.items()
        if isinstance(field, (WHOOSH_ID, KEYWORD)) and name not in (ID, DJANGO_CT, DJANGO_ID)
    ]
    backend.search(
        first.decode() if isinstance(first, bytes) else first,
        facets=exact,
        sort_by=[f"-{SORT_FIELD}"] if SORT_FIELD in schema else None,
        end_offset=1,
        highlight=True,
    )


def _spread_terms(segment):
    """A few (field, term) pairs spread evenly over a segment's terms file, found by position in
    its key index (Whoosh 2.7.4's W3 terms reader, pinned) without walking the terms; their
    postings lie spread over the postings file."""
    terms = getattr(segment, "_terms", None)
    table = getattr(terms, "_tindex", None)
    if table is None or not getattr(table, "indexlen", 0):
        return []
    count = table.indexlen
    places = sorted({count - 1, *(count * step // SAMPLED_TERMS for step in range(SAMPLED_TERMS))})
    keys = [
        table.key_at(table._get_pos(table.indexbase + place * table.indexsize)) for place in places
    ]
    return [terms._keydecoder(key) for key in keys]

"""A term's postings read a block at a time into compact arrays, and the least-recently-used
caches that keep them (and search.fastpath's scores) on the Whoosh reader or searcher they
describe, so a cache lives exactly as long as its index files.

The block reading uses Whoosh 2.7.4's leaf matcher internals (the version is pinned); any other
matcher or postings format raises Unsupported and the caller falls back to Whoosh's own search.
"""

from array import array
from collections import OrderedDict
from itertools import accumulate
from pickle import loads
from threading import Lock

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE

CACHED_TERMS = 128  # per segment: at most a few tens of MB at 100,000 documents
_lock = Lock()


class Unsupported(Exception):
    """A query or index this fast path does not handle: use Whoosh's own search."""


def cache_on(owner, name):
    """A least-recently-used cache kept on a searcher or reader: it lives exactly as long as the
    index files it describes."""
    cache = owner.__dict__.get(name)
    if cache is None:
        cache = owner.__dict__.setdefault(name, OrderedDict())
    return cache


def recently_used(cache, key):
    """The cached value for key (marked as just used), or None."""
    with _lock:
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
        return found


def remember(cache, key, value, too_big):
    """Cache value under key, then drop the least recently used entries while too_big(cache),
    never the one just added."""
    with _lock:
        cache[key] = value
        while too_big(cache) and len(cache) > 1:
            cache.popitem(last=False)
    return value


def postings(reader, fieldname, text):
    """A term's document numbers and weights in one segment, read block by block (cached)."""
    cache = cache_on(reader, "_summit_postings")
    key = (fieldname, text)
    found = recently_used(cache, key)
    if found is not None:
        return found
    try:
        matcher = _unfiltered(reader.postings(fieldname, text))
    except TermNotFound:
        return (), ()
    if not isinstance(matcher, W3LeafMatcher):
        raise Unsupported
    # Compact arrays (8 bytes a posting), so the cache stays small even for common words.
    ids, weights = array("i"), array("f")
    # Whoosh 2.7.4's block reader (pinned): one block of postings at a time.
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        matcher._next_block()
    return remember(cache, key, (ids, weights), lambda cache: len(cache) > CACHED_TERMS)


def _unfiltered(matcher):
    """The block matcher under Whoosh's filter of a segment's deleted documents: the fast path
    leaves those out of its answers itself (search.fastpath)."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        return matcher.child
    return matcher


def positions(reader, fieldname, text, docs):
    """{docnum: positions} of a term, decoded only for the given documents."""
    if not docs:
        return {}
    matcher = _unfiltered(reader.postings(fieldname, text))
    field_format = reader.schema[fieldname].format
    if not isinstance(matcher, W3LeafMatcher) or type(field_format) is not Positions:
        raise Unsupported
    found = {}
    while matcher.is_active():
        matcher._read_ids()
        block_ids = matcher._ids
        if not docs.isdisjoint(block_ids):
            matcher._read_values()
            for docnum, value in zip(block_ids, matcher._values, strict=True):
                if docnum in docs:
                    found[docnum] = _decode_positions(value)
        matcher._next_block()
    return found


def _decode_positions(value):
    """Whoosh's Positions.decode_positions, with the running sum done in C."""
    codes = value[_INT_SIZE:]
    return list(accumulate(loads(codes if codes.endswith(b".") else codes + b".")))

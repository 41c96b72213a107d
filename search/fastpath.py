"""Scoring whole posting lists at once, for the queries readers make.

Whoosh walks a query's matches one document at a time through a tree of Python matcher objects
(several calls per document), which is what made a common word cost hundreds of milliseconds at
100,000 documents. Every query the search page sends is words, phrases, OR and NOT over the
content field, narrowed by exact fields; for those this module reads each term's postings a block
at a time into arrays (search.postings, cached per segment), scores them with Whoosh's own BM25F
as numpy arrays (cached per searcher) and combines, filters and ranks documents with array
operations (a query's cost no longer grows with a Python call per matched document).

A phrase's documents come from its word pairs (search.wordpairs) where the index has them, else
from its words' positions, decoded only for the documents having every word; its score is the
sum of its words' scores. Documents deleted by an incremental update (search.incremental) are
left out of every answer. Anything else (another query shape) returns None and the caller uses
Whoosh's own search.
"""

import numpy as np
from whoosh import query as whoosh_query

from . import wordpairs
from .matches import NO_MATCHES, Matches, common, scores_at
from .postings import Unsupported, cache_on, positions, postings, recently_used, remember
from .scoring import BM25_B, BM25_K1, field_lengths

B, K1 = BM25_B, BM25_K1
CACHED_SCORES = 1_000_000  # scored documents kept per searcher (12 bytes each: about 12 MB)


def search(searcher, q, fieldname, restriction=None):
    """The Matches of `q`, or None if this query needs Whoosh. `restriction`: a boolean array,
    one per document of the index, of the documents allowed (or None: all)."""
    leaves = searcher.reader().leaf_readers()
    try:
        found = _evaluate(searcher, leaves, q, fieldname)
    except Unsupported:
        return None
    allowed = _not_deleted(searcher, leaves)
    if restriction is not None:
        allowed = restriction if allowed is None else allowed & restriction
    if allowed is not None and len(found):
        found = found.where(allowed[found.docs])
    return found


def exact_docs(searcher, q):
    """A boolean array, one per document, of those matching an exact-field query (Term, And,
    Or), or None if the query is of another shape."""
    leaves = searcher.reader().leaf_readers()
    try:
        docs = _exact(leaves, q, searcher.doc_count_all())
    except Unsupported:
        return None
    allowed = _not_deleted(searcher, leaves)
    return docs if allowed is None else docs & allowed


def _not_deleted(searcher, leaves):
    """A boolean array of the documents not deleted in the searcher's segments (read once per
    searcher), or None when none is."""
    cache = cache_on(searcher, "_summit_deleted")
    if "mask" not in cache:
        mask = None
        if any(reader.has_deletions() for reader, _offset in leaves):
            mask = np.ones(searcher.doc_count_all(), dtype=bool)
            for reader, offset in leaves:
                if reader.has_deletions():
                    deleted = [
                        docnum
                        for docnum in range(reader.doc_count_all())
                        if reader.is_deleted(docnum)
                    ]
                    mask[np.asarray(deleted, dtype=np.int64) + offset] = False
        cache["mask"] = mask
    return cache["mask"]


def top(found, limit, sort_keys=None, reverse=False):
    """The best `limit` (docnum, score) pairs of a Matches: by score, or by a per-document sort
    key (an array, search.columns); ties go to the lower document number, so a page is the same
    every time."""
    docs, scores = found.docs, found.scores
    if sort_keys is None:
        if len(docs) > limit:
            # The limit-th best score, then the few documents reaching it, in order.
            lowest = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            chosen = scores >= lowest
            docs, scores = docs[chosen], scores[chosen]
        order = np.lexsort((docs, -scores))[:limit]
    else:
        keys = sort_keys[docs].astype(np.int64)
        if reverse:
            keys = -keys
        if len(docs) > limit:
            edge = np.partition(keys, limit - 1)[limit - 1]
            chosen = keys <= edge
            docs, scores, keys = docs[chosen], scores[chosen], keys[chosen]
        order = np.lexsort((docs, keys))[:limit]
    return list(zip(docs[order].tolist(), scores[order].tolist(), strict=True))


def _evaluate(searcher, leaves, q, fieldname):
    if isinstance(q, whoosh_query.Every):
        # haystack's match-everything query ("*"), e.g. a count of all documents.
        return Matches.of(np.arange(searcher.doc_count_all()), 1.0)
    if isinstance(q, whoosh_query.Term):
        if q.fieldname != fieldname:
            raise Unsupported
        return _term_scores(searcher, leaves, fieldname, q.text)
    if isinstance(q, whoosh_query.Phrase):
        if q.fieldname != fieldname:
            raise Unsupported
        if q.slop == 1:
            docs = _phrase_docs(leaves, fieldname, q.words)
        else:
            docs = np.asarray(sorted(searcher.docs_for_query(q)), dtype=np.int64)
        scores = np.zeros(len(docs))
        for word in q.words:
            scores = scores + scores_at(docs, _term_scores(searcher, leaves, fieldname, word))
        return Matches(docs, scores)
    if isinstance(q, whoosh_query.Or):
        children = [_evaluate(searcher, leaves, child, fieldname) for child in q.children()]
        if not children:
            return NO_MATCHES
        docs = np.concatenate([child.docs for child in children])
        scores = np.concatenate([child.scores for child in children])
        # Summed in the children's order, as adding them one by one would.
        merged, inverse = np.unique(docs, return_inverse=True)
        return Matches(merged, np.bincount(inverse, weights=scores, minlength=len(merged)))
    if isinstance(q, whoosh_query.And):
        positive = [child for child in q.children() if not isinstance(child, whoosh_query.Not)]
        negative = [child.query for child in q.children() if isinstance(child, whoosh_query.Not)]
        if not positive:
            raise Unsupported
        parts = sorted(
            (_evaluate(searcher, leaves, child, fieldname) for child in positive), key=len
        )
        found = parts[0]
        for other in parts[1:]:
            mine, theirs = common(found.docs, other.docs)
            found = Matches(found.docs[mine], found.scores[mine] + other.scores[theirs])
        for child in negative:
            excluded = _evaluate(searcher, leaves, child, fieldname)
            found = found.where(~common(found.docs, excluded.docs)[0])
        return found
    raise Unsupported


def _term_scores(searcher, leaves, fieldname, text):
    """The Matches of one term with their BM25F scores, cached per searcher (never changed by
    callers)."""
    cache = cache_on(searcher, "_summit_scores")
    key = (fieldname, text)
    found = recently_used(cache, key)
    if found is not None:
        return found
    found = _compute_term_scores(searcher, leaves, fieldname, text)
    # Bounded by documents, not terms: a common word holds a third of the archive.
    return remember(cache, key, found, lambda cache: sum(map(len, cache.values())) > CACHED_SCORES)


def _compute_term_scores(searcher, leaves, fieldname, text):
    idf = searcher.idf(fieldname, text)
    avgfl = searcher.avg_field_length(fieldname) or 1
    numerator = idf * (K1 + 1)
    constant = K1 * (1 - B)
    per_length = K1 * B / avgfl
    all_docs, all_scores = [], []
    for reader, offset in leaves:
        ids, weights = postings(reader, fieldname, text)
        if not len(ids):
            continue
        ids = np.frombuffer(ids, dtype=np.int32)
        weights = np.frombuffer(weights, dtype=np.float32).astype(np.float64)
        lengths = _lengths_array(reader, fieldname)[ids]
        # The same operations in the same order as Whoosh's BM25F (search.scoring): equal scores.
        all_scores.append(numerator * weights / (weights + constant + per_length * lengths))
        all_docs.append(ids.astype(np.int64) + offset)
    if not all_docs:
        return NO_MATCHES
    return Matches(np.concatenate(all_docs), np.concatenate(all_scores))


def _lengths_array(reader, fieldname):
    """The segment's field lengths as a float array (cached on the reader)."""
    cache = reader.__dict__.setdefault("_summit_length_arrays", {})
    lengths = cache.get(fieldname)
    if lengths is None:
        listed = field_lengths(reader, fieldname)
        if None in listed:  # a damaged lengths column reads as None: never score with NaN
            raise ValueError(f"The {fieldname!r} field lengths cannot be read.")
        lengths = np.asarray(listed, dtype=np.float64)
        cache[fieldname] = lengths
    return lengths


def _exact(leaves, q, size):
    if isinstance(q, whoosh_query.Term):
        docs = np.zeros(size, dtype=bool)
        for reader, offset in leaves:
            ids, _weights = postings(reader, q.fieldname, q.text)
            if len(ids):
                docs[np.frombuffer(ids, dtype=np.int32).astype(np.int64) + offset] = True
        return docs
    if isinstance(q, (whoosh_query.And, whoosh_query.Or)):
        parts = [_exact(leaves, child, size) for child in q.children()]
        if not parts:
            raise Unsupported
        combine = np.logical_and if isinstance(q, whoosh_query.And) else np.logical_or
        return combine.reduce(parts)
    raise Unsupported


def _phrase_docs(leaves, fieldname, words):
    """Documents where the words stand next to each other in this order, as a sorted array.
    Where the index holds the phrase's word pairs (search.wordpairs), the documents having them
    all: for two words exactly the answer, for more the candidates whose positions are then
    checked."""
    found = []
    for reader, offset in leaves:
        paired = wordpairs.paired_terms(reader.schema)
        pairs = {
            wordpairs.pair(first, second)
            for first, second in zip(words, words[1:], strict=False)
            if first in paired and second in paired
        }
        if len(words) == 2 and pairs:
            candidates = _all_of(reader, wordpairs.FIELD, pairs)
        else:
            candidates = _all_of(reader, fieldname, words)
            if pairs:
                both = _all_of(reader, wordpairs.FIELD, pairs)
                candidates = candidates[common(candidates, both)[0]]
            verified = _verified(reader, fieldname, words, set(candidates.tolist()))
            candidates = np.asarray(sorted(verified), dtype=np.int64)
        found.append(candidates + offset)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _all_of(reader, fieldname, terms):
    """The documents of one segment having every one of the terms (a sorted array)."""
    id_lists = sorted((postings(reader, fieldname, term)[0] for term in terms), key=len)
    docs = np.frombuffer(id_lists[0], dtype=np.int32).astype(np.int64) if id_lists[0] else None
    for ids in id_lists[1:]:
        if docs is None or not len(docs):
            break
        docs = docs[common(docs, np.frombuffer(ids, dtype=np.int32))[0]]
    return docs if docs is not None else np.zeros(0, dtype=np.int64)


def _verified(reader, fieldname, words, candidates):
    """The candidates where the words' positions follow each other (read only for them)."""
    starts = {
        docnum: set(places)
        for docnum, places in positions(reader, fieldname, words[0], candidates).items()
    }
    for index, word in enumerate(words[1:], start=1):
        if not starts:
            break
        following = positions(reader, fieldname, word, starts.keys())
        starts = {
            docnum: kept
            for docnum, places in following.items()
            if (kept := starts[docnum].intersection([place - index for place in places]))
        }
    return starts.keys()

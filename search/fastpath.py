"""Scoring whole posting lists at once, for the queries readers make.

Whoosh walks a query's matches one document at a time through a tree of Python matcher objects
(several calls per document), which is what made a common word cost hundreds of milliseconds at
100,000 documents. Every query the search page sends is words, phrases, OR and NOT over the
content field, narrowed by exact fields; for those this module reads each term's postings a block
at a time into arrays (search.postings, cached per segment), scores them with Whoosh's own BM25F
in one comprehension (cached per searcher) and combines documents with dict and set operations,
which run in C.

A phrase's documents come from its word pairs (search.wordpairs) where the index has them, else
from its words' positions, decoded only for the documents having every word; its score is the
sum of its words' scores. Documents deleted by an incremental update (search.incremental) are
left out of every answer. Anything else (another query shape) returns None and the caller uses
Whoosh's own search.
"""

from heapq import nlargest, nsmallest

from whoosh import query as whoosh_query

from . import wordpairs
from .postings import Unsupported, cache_on, positions, postings, recently_used, remember
from .scoring import BM25_B, BM25_K1, field_lengths

B, K1 = BM25_B, BM25_K1
CACHED_SCORES = 300_000  # scored documents kept per searcher (about 30 MB)


def search(searcher, q, fieldname, restriction=None):
    """{docnum: score} for every document matching `q`, or None if this query needs Whoosh."""
    leaves = searcher.reader().leaf_readers()
    try:
        scores = _evaluate(searcher, leaves, q, fieldname)
    except Unsupported:
        return None
    deleted = _deleted(searcher, leaves)
    if deleted:
        scores = {docnum: score for docnum, score in scores.items() if docnum not in deleted}
    if restriction is not None:
        scores = {docnum: score for docnum, score in scores.items() if docnum in restriction}
    return scores


def exact_docs(searcher, q):
    """The set of documents matching an exact-field query (Term, And, Or), or None."""
    leaves = searcher.reader().leaf_readers()
    try:
        return _exact(leaves, q) - _deleted(searcher, leaves)
    except Unsupported:
        return None


def _deleted(searcher, leaves):
    """The document numbers deleted in the searcher's segments (read once per searcher)."""
    cache = cache_on(searcher, "_summit_deleted")
    if "docs" not in cache:
        cache["docs"] = frozenset(
            offset + docnum
            for reader, offset in leaves
            if reader.has_deletions()
            for docnum in range(reader.doc_count_all())
            if reader.is_deleted(docnum)
        )
    return cache["docs"]


def top(scores, limit, sort_values=None, reverse=False):
    """The best `limit` (docnum, score) pairs: by score, or by a per-document sort value; ties
    go to the lower document number, so a page is the same every time."""
    if sort_values is None:
        # The limit-th best score first (plain floats: no key function per document), then
        # the few documents that reach it in order.
        if len(scores) > limit:
            lowest = nlargest(limit, scores.values())[-1]
            scores = {docnum: score for docnum, score in scores.items() if score >= lowest}
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    value = sort_values.__getitem__
    if len(scores) > limit:
        pick = nlargest if reverse else nsmallest
        edge = pick(limit, map(value, scores))[-1]
        scores = {
            docnum: score
            for docnum, score in scores.items()
            if (value(docnum) >= edge if reverse else value(docnum) <= edge)
        }
    if reverse:
        chosen = sorted(scores, key=lambda docnum: (value(docnum), -docnum), reverse=True)
    else:
        chosen = sorted(scores, key=lambda docnum: (value(docnum), docnum))
    return [(docnum, scores[docnum]) for docnum in chosen[:limit]]


def _evaluate(searcher, leaves, q, fieldname):
    if isinstance(q, whoosh_query.Every):
        # haystack's match-everything query ("*"), e.g. a count of all documents.
        return {
            offset + docnum: 1.0
            for reader, offset in leaves
            for docnum in range(reader.doc_count_all())
        }
    if isinstance(q, whoosh_query.Term):
        if q.fieldname != fieldname:
            raise Unsupported
        return _term_scores(searcher, leaves, fieldname, q.text)
    if isinstance(q, whoosh_query.Phrase):
        if q.fieldname != fieldname:
            raise Unsupported
        docs = _phrase_docs(leaves, fieldname, q.words) if q.slop == 1 else None
        if docs is None:
            docs = set(searcher.docs_for_query(q))
        scores = {docnum: 0.0 for docnum in docs}
        for word in q.words:
            word_scores = _term_scores(searcher, leaves, fieldname, word)
            scores = {
                docnum: score + word_scores.get(docnum, 0.0) for docnum, score in scores.items()
            }
        return scores
    if isinstance(q, whoosh_query.Or):
        merged = {}
        for child in q.children():
            for docnum, score in _evaluate(searcher, leaves, child, fieldname).items():
                merged[docnum] = merged.get(docnum, 0.0) + score
        return merged
    if isinstance(q, whoosh_query.And):
        positive = [child for child in q.children() if not isinstance(child, whoosh_query.Not)]
        negative = [child.query for child in q.children() if isinstance(child, whoosh_query.Not)]
        if not positive:
            raise Unsupported
        parts = sorted(
            (_evaluate(searcher, leaves, child, fieldname) for child in positive), key=len
        )
        scores = parts[0]
        for other in parts[1:]:
            scores = {
                docnum: score + other[docnum] for docnum, score in scores.items() if docnum in other
            }
        for child in negative:
            excluded = _evaluate(searcher, leaves, child, fieldname)
            scores = {docnum: score for docnum, score in scores.items() if docnum not in excluded}
        return scores
    raise Unsupported


def _term_scores(searcher, leaves, fieldname, text):
    """{docnum: BM25F score} of one term, cached per searcher (never changed by callers)."""
    cache = cache_on(searcher, "_summit_scores")
    key = (fieldname, text)
    found = recently_used(cache, key)
    if found is not None:
        return found
    scores = _compute_term_scores(searcher, leaves, fieldname, text)
    # Bounded by documents, not terms: a common word holds a third of the archive.
    return remember(cache, key, scores, lambda cache: sum(map(len, cache.values())) > CACHED_SCORES)


def _compute_term_scores(searcher, leaves, fieldname, text):
    idf = searcher.idf(fieldname, text)
    avgfl = searcher.avg_field_length(fieldname) or 1
    numerator = idf * (K1 + 1)
    constant = K1 * (1 - B)
    per_length = K1 * B / avgfl
    scores = {}
    for reader, offset in leaves:
        ids, weights = postings(reader, fieldname, text)
        if not ids:
            continue
        lengths = field_lengths(reader, fieldname)
        scores.update(
            {
                docnum + offset: numerator
                * weight
                / (weight + constant + per_length * lengths[docnum])
                for docnum, weight in zip(ids, weights, strict=True)
            }
        )
    return scores


def _exact(leaves, q):
    if isinstance(q, whoosh_query.Term):
        docs = set()
        for reader, offset in leaves:
            ids, _weights = postings(reader, q.fieldname, q.text)
            docs.update(docnum + offset for docnum in ids) if offset else docs.update(ids)
        return docs
    if isinstance(q, (whoosh_query.And, whoosh_query.Or)):
        parts = [_exact(leaves, child) for child in q.children()]
        if not parts:
            raise Unsupported
        if isinstance(q, whoosh_query.And):
            return set.intersection(*parts)
        return set.union(*parts)
    raise Unsupported


def _phrase_docs(leaves, fieldname, words):
    """Documents where the words stand next to each other in this order. Where the index holds
    the phrase's word pairs (search.wordpairs), the documents having them all: for two words
    exactly the answer, for more the candidates whose positions are then checked."""
    found = set()
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
                candidates &= _all_of(reader, wordpairs.FIELD, pairs)
            candidates = _verified(reader, fieldname, words, candidates)
        found.update(docnum + offset for docnum in candidates)
    return found


def _all_of(reader, fieldname, terms):
    """The documents of one segment having every one of the terms."""
    id_lists = sorted((postings(reader, fieldname, term)[0] for term in terms), key=len)
    docs = set(id_lists[0])
    for ids in id_lists[1:]:
        if not docs:
            break
        docs.intersection_update(ids)
    return docs


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

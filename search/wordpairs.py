"""Word pairs: a phrase of common words read as one posting list instead of all their positions.

Besides the searched text, each document is indexed a second time as the pairs of neighbouring
terms of the same analysis (lower-cased, stop words dropped, stemmed): "fraternal duty of
comrades" gives "fratern duti" and "duti comrad". Whoosh's StopFilter renumbers positions, so
two terms are neighbours here exactly when their positions differ by one, which is what Whoosh's
own phrase query (slop 1) asks of them. A two-word phrase is then one term lookup with the same
documents as Whoosh's phrase search; a longer one is the documents having all its pairs, whose
positions search.fastpath still checks.

Only pairs of common terms are indexed (terms in at least COMMON_SHARE, a tenth, of a sample of the
documents): a phrase is slow to check only when its words are common, and every distinct pair
costs Whoosh about 0.1 ms to write, which for all pairs would have doubled the index build.
The common terms travel in the index's own schema (PairAnalyzer.terms), so a reader knows which
phrases the pairs cover; any other phrase has a rarer word, so the positions search.fastpath
checks are those of few documents.

The field keeps neither positions nor frequencies (Existence). It is "scorable" only so Whoosh
keeps its lengths in a column: without one its writer looks for the column on disk once per
posting.
"""

import threading
from collections import Counter

from whoosh.analysis import Analyzer, StemmingAnalyzer
from whoosh.analysis.acore import entoken
from whoosh.fields import FieldType
from whoosh.formats import Existence

FIELD = "text_pairs"  # holds the pairs of the document=True field
COMMON_SHARE = 0.10
SAMPLE_SIZE = 3000

# The terms of the text a writer indexed last in this thread. Whoosh indexes a document's fields
# in name order, "text" just before "text_pairs", so the pairs reuse that analysis instead of
# tokenizing and stemming the same text again (which was most of the cost of the pairs).
_last = threading.local()


def content_analyzer():
    """The searched field's analyzer: Whoosh's StemmingAnalyzer, remembering what it indexed."""
    return RememberingAnalyzer(StemmingAnalyzer())


class RememberingAnalyzer(Analyzer):
    def __init__(self, inner):
        self.inner = inner

    def __call__(self, value, **kwargs):
        indexing = kwargs.get("mode") == "index"
        terms = []
        for token in self.inner(value, **kwargs):
            if indexing and not token.stopped:
                terms.append(token.text)
            yield token
        if indexing:
            _last.text, _last.terms = value, terms


class PairAnalyzer(Analyzer):
    """The pairs of neighbouring terms, both common, as "previous current"."""

    def __init__(self, terms=frozenset()):
        self.terms = frozenset(terms)
        self.words = StemmingAnalyzer()

    def __call__(self, value, **kwargs):
        if getattr(_last, "text", None) == value:
            words = _last.terms
        else:
            words = [token.text for token in self.words(value) if not token.stopped]
        common = self.terms
        pairs = [
            pair(first, second)
            for first, second in zip(words, words[1:], strict=False)
            if first in common and second in common
        ]
        return entoken(pairs)


def pair(first, second):
    """The indexed term of two analysed words standing next to each other."""
    return f"{first} {second}"


def field_type(terms=frozenset()):
    """The pairs field, pairing only `terms` (none by default: phrases then use positions)."""
    return FieldType(Existence(), PairAnalyzer(terms), scorable=True)


def paired_terms(schema):
    """The terms whose pairs an index holds (an empty set for an index without pairs)."""
    analyzer = schema[FIELD].analyzer if FIELD in schema else None
    return analyzer.terms if isinstance(analyzer, PairAnalyzer) else frozenset()


def common_terms(texts, analyzer):
    """The terms found in at least COMMON_SHARE of the texts (a sample of the documents)."""
    counts = Counter()
    sampled = 0
    for text in texts:
        counts.update({token.text for token in analyzer(text)})
        sampled += 1
    return frozenset(term for term, count in counts.items() if count >= COMMON_SHARE * sampled)

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
The common terms travel in the index's own schema (PairFilter.terms), so a reader knows which
phrases the pairs cover; any other phrase has a rarer word, so the positions search.fastpath
checks are those of few documents.

The field keeps neither positions nor frequencies (Existence). It is "scorable" only so Whoosh
keeps its lengths in a column: without one its writer looks for the column on disk once per
posting.
"""

from collections import Counter

from whoosh.analysis import Filter, StemmingAnalyzer
from whoosh.fields import FieldType
from whoosh.formats import Existence

FIELD = "text_pairs"  # holds the pairs of the document=True field
COMMON_SHARE = 0.10
SAMPLE_SIZE = 3000


class PairFilter(Filter):
    """Each token whose previous token is also a common term becomes "previous current"."""

    def __init__(self, terms=frozenset()):
        self.terms = frozenset(terms)

    def __eq__(self, other):
        return isinstance(other, PairFilter) and self.terms == other.terms

    def __hash__(self):
        return hash(self.terms)

    def __call__(self, tokens):
        terms = self.terms
        previous = None
        pos = 0
        for token in tokens:
            current = token.text
            if previous in terms and current in terms:
                token.text = f"{previous} {current}"
                token.pos = pos
                pos += 1
                yield token
            previous = current


def pair(first, second):
    """The indexed term of two analysed words standing next to each other."""
    return f"{first} {second}"


def field_type(terms=frozenset()):
    """The pairs field, pairing only `terms` (none by default: phrases then use positions)."""
    return FieldType(Existence(), StemmingAnalyzer() | PairFilter(terms), scorable=True)


def paired_terms(schema):
    """The terms whose pairs an index holds (an empty set for an index without pairs)."""
    if FIELD not in schema:
        return frozenset()
    for item in getattr(schema[FIELD].analyzer, "items", ()):
        if isinstance(item, PairFilter):
            return item.terms
    return frozenset()


def common_terms(texts, analyzer):
    """The terms found in at least COMMON_SHARE of the texts (a sample of the documents)."""
    counts = Counter()
    sampled = 0
    for text in texts:
        counts.update({token.text for token in analyzer(text)})
        sampled += 1
    return frozenset(term for term, count in counts.items() if count >= COMMON_SHARE * sampled)

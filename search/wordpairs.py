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

import re
import threading
from collections import Counter, defaultdict
from itertools import repeat

from whoosh.analysis import (
    Analyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StemmingAnalyzer,
    StopFilter,
)
from whoosh.analysis.acore import entoken
from whoosh.analysis.tokenizers import default_pattern
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


# Whoosh's default word pattern without its capturing group, so findall() gives whole words.
WORDS = re.compile(r"\w+(?:\.?\w+)*", re.UNICODE)
assert default_pattern.pattern == r"\w+(\.?\w+)*"
WORDS_CACHED = 500_000  # distinct words remembered by an index build's analysis
UNKNOWN = object()


class RememberingAnalyzer(Analyzer):
    def __init__(self, inner):
        self.inner = inner

    def __getstate__(self):
        # The word cache is not part of the schema pickled into the index.
        return {"inner": self.inner}

    def __call__(self, value, **kwargs):
        indexing = kwargs.get("mode") == "index"
        terms = []
        for token in self.inner(value, **kwargs):
            if indexing and not token.stopped:
                terms.append(token.text)
            yield token
        if indexing:
            _last.text, _last.terms = value, terms

    def positions(self, value):
        """{term: [positions]} as indexing `value` through the inner StemmingAnalyzer gives (the
        same terms, the same positions after its stop words), each distinct word lowered, checked
        against the stop words and stemmed once per build instead of through a chain of
        generators per word; None if the inner analyzer is not such a chain. Used by
        search.memory_writer, which remembers the terms for the pairs as __call__ does."""
        chain = self.__dict__.get("_chain")
        if chain is None:
            chain = self.__dict__["_chain"] = _stemming_chain(self.inner) or False
        if not chain:
            return None
        words = self.__dict__.setdefault("_words", {})
        if len(words) > WORDS_CACHED:
            words.clear()
        term_of = chain
        tokens = WORDS.findall(value)
        terms = list(map(words.get, tokens, repeat(UNKNOWN)))
        if UNKNOWN in terms:
            for index, term in enumerate(terms):
                if term is UNKNOWN:
                    terms[index] = words[tokens[index]] = term_of(tokens[index])
        kept = [term for term in terms if term is not None]
        found = defaultdict(list)
        if kept:
            # StopFilter(renumber=True): the first word kept keeps its position, the next ones
            # follow it one by one.
            first = next(index for index, term in enumerate(terms) if term is not None)
            for position, term in enumerate(kept, first):
                found[term].append(position)
        _last.text, _last.terms = value, kept
        return found


def _stemming_chain(analyzer):
    """word -> term (None if stopped) for a StemmingAnalyzer's chain, else None."""
    items = getattr(analyzer, "items", None)
    if not items or [type(item) for item in items] != [
        RegexTokenizer,
        LowercaseFilter,
        StopFilter,
        StemFilter,
    ]:
        return None
    tokenizer, _lower, stop, stem = items
    if tokenizer.gaps or tokenizer.expression.pattern != default_pattern.pattern:
        return None
    stops, shortest, longest = stop.stops, stop.min, stop.max
    ignore, stemfn = stem.ignore, stem.stemfn

    def term_of(word):
        text = word.lower()
        if len(text) < shortest or (longest is not None and len(text) > longest):
            return None
        if text in stops:
            return None
        return text if text in ignore else stemfn(text)

    return term_of if stop.renumber else None


class PairAnalyzer(Analyzer):
    """The pairs of neighbouring terms, both common, as "previous current"."""

    def __init__(self, terms=frozenset()):
        self.terms = frozenset(terms)
        self.words = StemmingAnalyzer()

    def __call__(self, value, **kwargs):
        return entoken(self.pairs(value))

    def pairs(self, value):
        if getattr(_last, "text", None) == value:
            words = _last.terms
        else:
            words = [token.text for token in self.words(value) if not token.stopped]
        common = self.terms
        return [
            pair(first, second)
            for first, second in zip(words, words[1:], strict=False)
            if first in common and second in common
        ]


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
    positions = getattr(analyzer, "positions", lambda text: None)
    for text in texts:
        found = positions(text)  # the same terms, faster (None if the analyzer has no cache)
        counts.update(found.keys() if found is not None else {t.text for t in analyzer(text)})
        sampled += 1
    return frozenset(term for term, count in counts.items() if count >= COMMON_SHARE * sampled)

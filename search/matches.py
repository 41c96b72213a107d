"""A query's matches as two aligned arrays (document numbers, sorted, and their scores), and the
operations search.fastpath combines them with, in C (numpy) rather than a Python call per
document."""

from collections.abc import Mapping

import numpy as np


class Matches(Mapping):
    """The documents a query matches and their scores: two aligned arrays, the document numbers
    sorted. Read like a {docnum: score} dict; combined and ranked with array operations."""

    __slots__ = ("docs", "scores")

    def __init__(self, docs, scores):
        self.docs = docs
        self.scores = scores

    @classmethod
    def of(cls, docs, score=0.0):
        docs = np.asarray(docs, dtype=np.int64)
        return cls(docs, np.full(len(docs), score, dtype=np.float64))

    def where(self, keep):
        """The matches where the boolean array `keep` (one per match) is true."""
        return Matches(self.docs[keep], self.scores[keep])

    def __len__(self):
        return len(self.docs)

    def __iter__(self):
        return iter(self.docs.tolist())

    def __getitem__(self, docnum):
        index = int(np.searchsorted(self.docs, docnum))
        if index < len(self.docs) and self.docs[index] == docnum:
            return float(self.scores[index])
        raise KeyError(docnum)


NO_MATCHES = Matches.of([])


def common(docs, others):
    """Of two sorted arrays of document numbers: a boolean array over `docs` of those also in
    `others`, and where each of those is in `others`. A binary search of each of `docs` in
    `others` (the shorter in the longer, as And sorts its parts) instead of sorting both."""
    if not len(others):
        return np.zeros(len(docs), dtype=bool), np.zeros(0, dtype=np.int64)
    where = np.minimum(np.searchsorted(others, docs), len(others) - 1)
    present = others[where] == docs
    return present, where[present]


def scores_at(docs, found):
    """The scores of `found` at the documents `docs` (0 where it has none)."""
    if not len(found):
        return np.zeros(len(docs))
    index = np.minimum(np.searchsorted(found.docs, docs), len(found.docs) - 1)
    return np.where(found.docs[index] == docs, found.scores[index], 0.0)

"""Exact fields as arrays of small integer codes, one per document, for counting facets and
sorting a search's matches in C (numpy) instead of one Python call per matched document.

A common word matches a third of the archive; counting six facets over its 37,000 matches with
collections.Counter cost about 7 ms at 100,000 quotes, np.bincount over the codes a few
hundredths of that. A column is read once per searcher (search.live), so it lives exactly as
long as the index files it describes. Sortable fields are read straight from Whoosh's column of
references to distinct values (about 1 ms at 100,000 documents; reading each document's value
took 130 ms a field, paid by the first searches after every index change).
"""

from dataclasses import dataclass

import numpy as np
from whoosh.columns import RefBytesColumn, TranslatingColumnReader


@dataclass(frozen=True)
class FacetColumn:
    """One exact field: `labels[code - 1]` is a value, sorted, so codes sort as values do.
    Single-valued fields keep each document's code in `codes` (0: no value); fields where a
    document may have several values keep (document, code) pairs instead."""

    labels: list
    size: int
    codes: np.ndarray | None = None
    pair_docs: np.ndarray | None = None
    pair_codes: np.ndarray | None = None

    @classmethod
    def from_parts(cls, parts):
        """From each segment's (its distinct values, per document an index into them)."""
        labels = sorted({label for part_labels, _refs in parts for label in part_labels} - {""})
        code_of = {label: code for code, label in enumerate(labels, start=1)}
        codes = [
            np.asarray([code_of.get(label, 0) for label in part_labels], dtype=np.int32)[refs]
            for part_labels, refs in parts
            if len(refs)
        ]
        codes = np.concatenate(codes) if codes else np.zeros(0, dtype=np.int32)
        return cls(labels, len(codes), codes=codes)

    def counts(self, docs):
        """[(value, count)] over the documents `docs` (an array of document numbers), most
        frequent first, then by value."""
        if self.codes is not None:
            found = np.bincount(self.codes[docs], minlength=len(self.labels) + 1)
        else:
            chosen = np.zeros(self.size, dtype=bool)
            chosen[docs] = True
            found = np.bincount(
                self.pair_codes[chosen[self.pair_docs]], minlength=len(self.labels) + 1
            )
        present = np.flatnonzero(found[1:])
        pairs = [(self.labels[code], int(found[code + 1])) for code in present.tolist()]
        return sorted(pairs, key=lambda item: (-item[1], item[0]))


def read_column(reader, name):
    """The FacetColumn of field `name` over every segment of the reader."""
    leaves = reader.leaf_readers()
    field = reader.schema[name] if name in reader.schema else None
    if field is None or not field.column_type:
        # Not sortable: a field that may hold several values.
        return _several_valued(reader, name)
    parts = []
    for segment, offset in leaves:
        labels, refs = _segment_column(segment, name)
        if len(refs) != segment.doc_count_all() or sum(len(part[1]) for part in parts) != offset:
            raise ValueError(f"The {name!r} column does not match the segment's documents.")
        parts.append((labels, refs))
    return FacetColumn.from_parts(parts)


def _segment_column(segment, name):
    """One segment's (distinct values, per document an index into them). Whoosh's own column
    over several segments leaves out those without the column (a segment of only undated quotes
    has no `year`), which shifted every later document's value: each segment is read alone, and
    one without the column from its terms (none for undated quotes; all if the file was lost)."""
    if not segment.has_column(name):
        return _as_part(_values_from_terms(segment, name))
    column = segment.column_reader(name)
    raw = column.raw_column() if isinstance(column, TranslatingColumnReader) else column
    if isinstance(raw, RefBytesColumn.Reader):
        # Whoosh 2.7.4's layout (pinned): the documents' references, then the distinct values.
        count = segment.doc_count_all()
        refs = np.frombuffer(
            raw._dbfile.get(raw._basepos, count * raw._itemsize), dtype=f">u{raw._itemsize}"
        )
        labels = [_translate(column, value) for value in raw._uniques]
        if len(refs) and int(refs.max()) >= len(labels):
            raise ValueError(f"The {name!r} column refers to values it does not have.")
        return labels, refs.astype(np.int64)
    return _as_part([value or "" for value in column])


def _translate(column, value):
    if isinstance(column, TranslatingColumnReader):
        value = column._translate(value)
    return value or ""


def _several_valued(reader, name):
    """A field that may hold several values, from its terms (in the lexicon's order, which is
    the values' order): (document, code) pairs."""
    labels, docs = [], []
    if name in reader.schema:
        for term in reader.lexicon(name):
            labels.append(term.decode() if isinstance(term, bytes) else term)
            docs.append(np.fromiter(reader.postings(name, term).all_ids(), dtype=np.int64))
    codes = [np.full(len(ids), code, dtype=np.int32) for code, ids in enumerate(docs, start=1)]
    return FacetColumn(
        labels,
        reader.doc_count_all(),
        pair_docs=np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
        pair_codes=np.concatenate(codes) if codes else np.zeros(0, dtype=np.int32),
    )


def _values_from_terms(segment, name):
    """Per document its value of a single-valued field ("" for none), from its terms."""
    values = [""] * segment.doc_count_all()
    if name in segment.schema:
        for term in segment.lexicon(name):
            value = term.decode() if isinstance(term, bytes) else term
            for docnum in segment.postings(name, term).all_ids():
                values[docnum] = value
    return values


def _as_part(values):
    labels = sorted(set(values))
    index = {label: position for position, label in enumerate(labels)}
    refs = np.fromiter((index[value] for value in values), dtype=np.int64, count=len(values))
    return labels, refs

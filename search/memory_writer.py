"""A Whoosh segment writer for full index builds that keeps its postings in memory.

Whoosh's SegmentWriter sends every posting (field, term, document, weight, positions) through an
external merge sort: each one is pickled to a run file, read back and merged through a heap, then
written to the segment with its document's field length read back from the length column on disk.
At 20,000 quotes (2.3 million postings) that was three quarters of the writers' CPU. Here:

- each term's postings are appended to arrays in memory as documents come; documents arrive in
  document-number order, so each term's list is already sorted and only the terms are sorted;
- the field lengths are kept in memory too, as the byte Whoosh stores;
- at the end each term's postings go to Whoosh's own postings writer a block at a time, exactly as
  its add_posting() would have filled the blocks;
- the searched text is analysed through search.wordpairs' cached analysis (the same terms and
  positions), the word pairs from the same terms, and the exact fields (type, year, speaker...)
  once per distinct value.

The files are the ones Whoosh's writer makes for the same documents, byte for byte
(tests/test_search_index_writer.py). Memory: about 60 bytes a posting until the segment is written.
"""

import pickle
from array import array
from itertools import chain
from operator import sub

from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter
from whoosh.formats import Existence, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

VALUES_REMEMBERED = 100_000  # distinct values of an exact field whose postings are kept
LENGTHS = [byte_to_length(byte) if byte else None for byte in range(256)]


class Postings:
    """One term's postings: document numbers, weights, and the encoded values one after the
    other (a bytes object each would cost 40 bytes more a posting)."""

    __slots__ = ("ids", "weights", "values", "ends")

    def __init__(self):
        self.ids = array("I")
        self.weights = array("f")
        self.values = bytearray()
        self.ends = array("I")

    def value_list(self):
        """The values as Whoosh's writer holds them: one bytes object per posting."""
        values, ends = bytes(self.values), self.ends
        return [values[start:end] for start, end in zip(chain((0,), ends), ends, strict=False)]


class MemoryPostings:
    """Stands in for Whoosh's PostingPool: {field name: {term: Postings}}."""

    def __init__(self):
        self.fields = {}
        self.fieldnames = set()

    def terms(self, fieldname):
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def cleanup(self):
        self.fields = {}


class MemorySegmentWriter(SegmentWriter):
    """SegmentWriter(...) for new documents only (no deletions, no merging of other segments)."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        if not isinstance(self.fieldwriter, W3FieldWriter):
            raise TypeError("MemorySegmentWriter writes Whoosh 3 segments only")
        self.pool = MemoryPostings()
        self.lengths = {}  # field name -> array of length bytes by document number
        # The postings of each value of the exact fields, worked out once per value: they repeat
        # across thousands of documents.
        self.exact_values = {
            name: {} for name, field in self.schema.items() if not (field.scorable or field.unique)
        }

    def add_document(self, **fields):
        """SegmentWriter.add_document(), the postings kept in memory."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        self._check_fields(schema, fields)
        if self._doc_boost(fields) != 1 or any(name.startswith("_") for name in fields):
            raise ValueError("MemorySegmentWriter takes no boosts and no _stored_ values")

        perdocwriter.start_doc(docnum)
        for fieldname in sorted(fields):
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            if field.vector or field.separate_spelling():
                raise ValueError(f"MemorySegmentWriter writes no vectors or spellings: {fieldname}")
            length = 0
            if field.indexed:
                terms = self.pool.terms(fieldname)
                for term, freq, weight, vbytes in self._postings_of(fieldname, field, value):
                    length += freq
                    postings = terms.get(term)
                    if postings is None:
                        postings = terms[term] = Postings()
                    postings.ids.append(docnum)
                    postings.weights.append(weight)
                    if vbytes:
                        postings.values += vbytes
                        postings.ends.append(len(postings.values))
                if not field.scorable:
                    length = 0
                if length:
                    self._add_length(fieldname, docnum, length)
            perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
            column = field.column_type
            if column:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_length(self, fieldname, docnum, length):
        lengths = self.lengths.get(fieldname)
        if lengths is None:
            lengths = self.lengths[fieldname] = array("B")
        lengths.extend(bytes(docnum + 1 - len(lengths)))
        lengths[docnum] = length_to_byte(length)

    def _postings_of(self, fieldname, field, value):
        """(term, frequency, weight, encoded value) for each term of the value. The term is the
        bytes Whoosh indexes, or for the searched text the str they encode (sorted alike)."""
        known = self.exact_values.get(fieldname)
        if known is None or not isinstance(value, str):
            return _index(field, value)
        items = known.get(value)
        if items is None:
            items = list(field.index(value))
            if len(known) < VALUES_REMEMBERED:
                known[value] = items
        return items

    def add_reader(self, reader):
        raise NotImplementedError("MemorySegmentWriter writes new documents only")

    def delete_document(self, docnum, delete=True):
        raise NotImplementedError("MemorySegmentWriter writes new documents only")

    def _merge_segments(self, mergetype, optimize, merge):
        # Never merges: a full build writes into an empty index.
        return list(self.segments)

    def _flush_segment(self):
        self.perdocwriter.close()
        writer = self.fieldwriter
        for fieldname in sorted(self.pool.fields):
            terms = self.pool.fields[fieldname]
            if not terms:
                continue
            lengths = self.lengths.get(fieldname)
            writer.start_field(fieldname, self.schema[fieldname])
            writer._postwriter = _postings_writer(writer._postwriter)
            # UTF-8 keeps the order of code points: str terms sort as their bytes do.
            for term in sorted(terms):
                writer.start_term(term.encode("utf8") if isinstance(term, str) else term)
                _write_postings(writer._postwriter, terms.pop(term), lengths)
                writer.finish_term()
            writer.finish_field()
        writer.close()
        self.pool.cleanup()


def _index(field, value):
    """field.index(value), through the field's cached analysis when it has one: the same
    (term, frequency, weight, encoded value) for each term, the term as str."""
    analyzer, format_ = field.analyzer, field.format
    if isinstance(value, str) and type(format_) is Positions and format_.field_boost == 1:
        positions = analyzer.positions(value) if hasattr(analyzer, "positions") else None
        if positions is not None:
            return [
                (term, len(where), float(len(where)), _encode_positions(where))
                for term, where in positions.items()
            ]
    if isinstance(value, str) and type(format_) is Existence and hasattr(analyzer, "pairs"):
        boost = format_.field_boost
        return [(pair, 1, boost, b"") for pair in set(analyzer.pairs(value))]
    return field.index(value)


def _encode_positions(where):
    """whoosh.formats.Positions.encode(where), the deltas taken in C."""
    return pack_uint(len(where)) + pickle.dumps(list(map(sub, where, chain((0,), where))), 2)


class PostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer, its blocks' ids and weights reduced by C loops instead of
    Python generators (the same tuples, so the same bytes)."""

    def _mini_ids(self):
        ids = self._ids
        if self._byteids:
            return tuple(ids)
        return tuple(map(sub, ids, chain((0,), ids)))  # whoosh.util.numlists.delta_encode

    def _mini_weights(self):
        weights = self._weights
        if weights.count(1.0) == len(weights):
            return None
        if weights.count(weights[0]) == len(weights):
            return weights[0]
        return tuple(weights)


def _postings_writer(postwriter):
    """Our postings writer in place of the codec's, with its settings."""
    assert type(postwriter) is W3PostingsWriter
    return PostingsWriter(
        postwriter._postfile,
        postwriter._blocklimit,
        byteids=postwriter._byteids,
        compression=postwriter._compression,
        inlinelimit=postwriter._inlinelimit,
    )


def _write_postings(postwriter, postings, lengths):
    """What W3PostingsWriter.add_posting() does for each posting, a block at a time."""
    limit = postwriter._blocklimit
    ids, weights = postings.ids, postings.weights
    values = postings.value_list()
    for start in range(0, len(ids), limit):
        if start:
            postwriter._write_block()
        block_ids = ids[start : start + limit]
        block_weights = weights[start : start + limit]
        postwriter._ids.extend(block_ids)
        postwriter._weights.extend(block_weights)
        postwriter._values.extend(values[start : start + limit])
        postwriter._maxweight = max(0, max(block_weights))
        if lengths is not None:
            found = [LENGTHS[lengths[docnum]] for docnum in block_ids if docnum < len(lengths)]
            found = [length for length in found if length]
            if found:
                postwriter._minlength = min(found)
                postwriter._maxlength = max(found)

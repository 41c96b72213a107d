"""A Whoosh segment writer for full index builds that keeps its postings in memory.

Whoosh's SegmentWriter sends every posting (field, term, document, weight, positions) through an
external merge sort: each one is pickled to a run file, read back and merged through a heap, then
written to the segment with its document's field length read back from the length column on disk.
At 100,000 quotes (about 12 million postings) that was most of the build's CPU. Here:

- each term's postings are appended to arrays in memory as documents come; documents arrive in
  document-number order, so each term's list is already sorted and only the terms are sorted;
- the field lengths are kept in memory too, as the byte Whoosh stores;
- at the end each term's postings go to Whoosh's own postings writer a block at a time, exactly as
  its add_posting() would have filled the blocks;
- the searched text is analysed through search.wordpairs' cached analysis (same terms, same
  positions) instead of a chain of generators per word.

The files are the ones Whoosh's writer makes for the same documents, byte for byte
(tests/test_index_memory_writer.py). Memory: about 60 bytes a posting while the segment is open.
"""

from array import array

from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter
from whoosh.formats import Existence, Positions
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

VALUES_REMEMBERED = 100_000
LENGTHS = [byte_to_length(byte) if byte else None for byte in range(256)]


class MemoryPostings:
    """Stands in for Whoosh's PostingPool: postings by field and term, in memory."""

    def __init__(self):
        self.fields = {}  # field name -> {term bytes: (document numbers, weights, values)}
        self.fieldnames = set()

    def add(self, item):
        fieldname, tbytes, docnum, weight, vbytes = item
        self.fieldnames.add(fieldname)
        terms = self.fields.setdefault(fieldname, {})
        postings = terms.get(tbytes)
        if postings is None:
            postings = terms[tbytes] = (array("I"), array("f"), [])
        postings[0].append(docnum)
        postings[1].append(weight)
        if vbytes:
            postings[2].append(vbytes)

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
        # The postings of each value of the exact fields (a type, a year, a speaker...), worked
        # out once per value: they repeat across thousands of documents.
        self.exact_values = {
            name: {} for name, field in self.schema.items() if not (field.scorable or field.unique)
        }

    def add_document(self, **fields):
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        postings = self.pool
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
                terms = postings.fields.get(fieldname)
                if terms is None:
                    terms = postings.fields[fieldname] = {}
                    postings.fieldnames.add(fieldname)
                for tbytes, freq, weight, vbytes in self._postings_of(fieldname, field, value):
                    length += freq
                    found = terms.get(tbytes)
                    if found is None:
                        found = terms[tbytes] = (array("I"), array("f"), [])
                    found[0].append(docnum)
                    found[1].append(weight)
                    if vbytes:
                        found[2].append(vbytes)
                if not field.scorable:
                    length = 0
                if length:
                    lengths = self.lengths.get(fieldname)
                    if lengths is None:
                        lengths = self.lengths[fieldname] = array("B")
                    lengths.extend(bytes(docnum + 1 - len(lengths)))
                    lengths[docnum] = length_to_byte(length)
            perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
            column = field.column_type
            if column:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _postings_of(self, fieldname, field, value):
        known = self.exact_values.get(fieldname)
        if known is None:
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
            for tbytes in sorted(terms):
                writer.start_term(tbytes)
                _write_postings(writer._postwriter, *terms[tbytes], lengths)
                writer.finish_term()
            writer.finish_field()
        writer.close()
        self.pool.cleanup()


def _index(field, value):
    """field.index(value), through the field's cached analysis when it has one: the same
    (term bytes, frequency, weight, encoded value) for each term."""
    analyzer, format_ = field.analyzer, field.format
    if isinstance(value, str) and type(format_) is Positions and format_.field_boost == 1:
        positions = analyzer.positions(value) if hasattr(analyzer, "positions") else None
        if positions is not None:
            encode = format_.encode
            return [
                (term.encode("utf8"), len(where), float(len(where)), encode(where))
                for term, where in positions.items()
            ]
    if isinstance(value, str) and type(format_) is Existence and hasattr(analyzer, "pairs"):
        boost = format_.field_boost
        return [(pair.encode("utf8"), 1, boost, b"") for pair in set(analyzer.pairs(value))]
    return field.index(value)


def _write_postings(postwriter, ids, weights, values, lengths):
    """What W3PostingsWriter.add_posting() does for each posting, a block at a time."""
    assert isinstance(postwriter, W3PostingsWriter)
    limit = postwriter._blocklimit
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

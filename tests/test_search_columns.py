"""Facet and sort columns (search.columns) read the same values from every way an index can hold
them: the RefBytes columns this site writes, the VarBytes columns of an index built before it
did (still live until the next rebuild), a segment without the column, and a field that may hold
several values. Real Whoosh indexes in a temporary directory, several segments each."""

import shutil
import tempfile

import numpy as np
from django.test import SimpleTestCase
from whoosh.columns import RefBytesColumn, VarBytesColumn
from whoosh.fields import ID, KEYWORD, Schema
from whoosh.filedb.filestore import FileStorage

from search.columns import read_column

# Three segments: dated, undated (no year column at all), dated again; speakers several a document.
SEGMENTS = [
    [{"year": "2019", "speakers": "kim,putin"}, {"year": "2024", "speakers": "putin"}],
    [{"speakers": "lavrov"}, {}],
    [{"year": "2019", "speakers": "kim"}, {"year": "2023"}, {"year": "2024", "speakers": ""}],
]
YEARS = ["2019", "2024", "", "", "2019", "2023", "2024"]
SPEAKERS = [{"kim", "putin"}, {"putin"}, {"lavrov"}, set(), {"kim"}, set(), set()]


def index_with(column):
    directory = tempfile.mkdtemp(prefix="summit-columns-")
    schema = Schema(
        year=ID(stored=True, sortable=column), speakers=KEYWORD(commas=True, lowercase=False)
    )
    ix = FileStorage(directory).create_index(schema)
    for documents in SEGMENTS:
        writer = ix.writer()
        for document in documents:
            writer.add_document(**document)
        writer.commit(merge=False)
    return directory, ix


class ColumnTests(SimpleTestCase):
    def read(self, column, name):
        directory, ix = index_with(column)
        self.addCleanup(shutil.rmtree, directory, ignore_errors=True)
        with ix.searcher() as searcher:
            self.assertEqual(len(searcher.reader().leaf_readers()), len(SEGMENTS))
            return read_column(searcher.reader(), name)

    def values(self, column):
        """Each document's value, as the codes say."""
        return [column.labels[code - 1] if code else "" for code in column.codes.tolist()]

    def test_refbytes_and_varbytes_columns_give_the_same_values_and_order(self):
        written = self.read(RefBytesColumn(), "year")
        older = self.read(VarBytesColumn(), "year")
        for column in (written, older):
            self.assertEqual(self.values(column), YEARS)
            self.assertEqual(column.labels, ["2019", "2023", "2024"])
            # Codes sort as the values do: the column doubles as the date sort's key.
            order = np.argsort(column.codes, kind="stable").tolist()
            self.assertEqual([YEARS[i] for i in order], sorted(YEARS))

    def test_facet_counts_over_some_documents(self):
        column = self.read(RefBytesColumn(), "year")
        self.assertEqual(column.counts(np.array([0, 1, 2, 4, 6])), [("2019", 2), ("2024", 2)])
        self.assertEqual(column.counts(np.array([], dtype=np.int64)), [])

    def test_a_field_with_several_values_a_document_counts_each(self):
        column = self.read(RefBytesColumn(), "speakers")
        self.assertEqual(column.labels, ["kim", "lavrov", "putin"])
        everyone = np.arange(len(SPEAKERS))
        expected = {}
        for speakers in SPEAKERS:
            for speaker in speakers:
                expected[speaker] = expected.get(speaker, 0) + 1
        self.assertEqual(dict(column.counts(everyone)), expected)
        self.assertEqual(column.counts(np.array([1, 4])), [("kim", 1), ("putin", 1)])

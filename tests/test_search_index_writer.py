"""A full build writes its segments with search.memory_writer (postings in memory, a cached
analysis of the searched text): the files must be the ones Whoosh's own writer makes for the same
documents, byte for byte, so every search answers as before."""

import tempfile
from pathlib import Path

from django.test import SimpleTestCase
from haystack import connections
from whoosh.filedb.filestore import FileStorage

from archive import names
from search import indexing
from search.memory_writer import MemorySegmentWriter
from tests.search_base import SearchTestCase

# More documents sharing words than a postings block holds (128), so terms span several blocks.
EXTRA_DOCUMENTS = 300
ODD_TEXTS = [
    "",
    "the of and to a",  # stop words only: a document without terms
    "In the end, the fraternal duty of comrades",  # stop words first: positions start later
    "U.S. e.g. 3.14 a.b.c x y z",  # dotted words, one-letter words
    "Ким Чен Ын и Путин; 김정은 위원장; 金正恩",
    "Sanctions SANCTIONS sanctioned sanctioning " * 40,  # one term at many positions
]


def documents():
    """Every record of the archive as the build prepares it, then variations of them."""
    backend = connections["default"].get_backend()
    backend.setup()
    names.reset_indexing_table()
    found = []
    for index in connections["default"].get_unified_index().get_indexes().values():
        for obj in index.index_queryset().order_by("pk"):
            found.append(backend.whoosh_document(index, obj))
    quotes = [doc for doc in found if doc["type"] == "quote"]
    for number in range(EXTRA_DOCUMENTS):
        doc = dict(quotes[number % len(quotes)], id=f"archive.quote.{9000 + number}")
        doc["django_id"] = str(9000 + number)
        if number < len(ODD_TEXTS):
            doc["text"] = doc["text_pairs"] = ODD_TEXTS[number]
        found.append(doc)
    return backend, found


def segment_files(directory):
    """{file name without the segment's random id: bytes} (the table of contents apart)."""
    return {
        path.name.split(".", 1)[1]: path.read_bytes()
        for path in Path(directory).iterdir()
        if path.name.startswith("MAIN_") and "." in path.name
    }


class MemoryWriterTests(SearchTestCase):
    def build(self, schema, docs, writer_class):
        directory = tempfile.mkdtemp(prefix="summit-writer-test-", dir=self.index_root)
        ix = FileStorage(directory).create_index(schema)
        writer = writer_class(ix, compound=False) if writer_class else ix.writer(compound=False)
        for doc in docs:
            writer.add_document(**doc)
        writer.commit(merge=False)
        return segment_files(directory)

    def test_the_segment_is_the_one_whoosh_writes(self):
        backend, docs = documents()
        indexes = connections["default"].get_unified_index().get_indexes()
        schema = indexing._schema(backend, indexes, len(docs), "default")
        self.assertTrue(schema["text_pairs"].analyzer.terms, "no word pairs to compare")

        ours = self.build(schema, docs, MemorySegmentWriter)
        whooshs = self.build(schema, docs, None)

        self.assertEqual(sorted(ours), sorted(whooshs))
        self.assertIn("pst", ours)
        for name in whooshs:
            with self.subTest(file=name):
                self.assertTrue(ours[name] == whooshs[name], f"{name} differs")


class CachedAnalysisTests(SimpleTestCase):
    def test_the_same_terms_and_positions_as_the_analyzer(self):
        from search.wordpairs import content_analyzer

        analyzer = content_analyzer()
        for text in [*ODD_TEXTS, "Kim's talks—in Vladivostok (2019): 'fraternal duty' of comrades"]:
            with self.subTest(text=text[:30]):
                expected = {}
                for token in analyzer(text, positions=True, mode="index"):
                    expected.setdefault(token.text, []).append(token.pos)
                self.assertEqual(dict(analyzer.positions(text)), expected)

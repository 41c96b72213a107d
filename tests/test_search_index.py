"""The Whoosh index on disk: built atomically, swapped in under readers, picked up without a
restart, and a clear 503 when it is missing or unreadable while browsing keeps working."""

import json
import shutil
import tempfile
import threading
from pathlib import Path

from haystack import connections
from haystack.query import SearchQuerySet

from archive import names
from archive.models import Article, Meeting, Person, Quote
from search import fastpath, live, wordpairs
from search.indexing import rebuild_index
from tests.base import ArchiveTestCase
from tests.search_base import SearchTestCase, use_search_connections


def records():
    return sum(model.objects.count() for model in (Quote, Article, Meeting, Person))


class IndexBuildTests(SearchTestCase):
    def test_every_record_is_a_document(self):
        self.assertEqual(self.documents, records())
        self.assertEqual(SearchQuerySet().count(), records())

    def test_the_live_index_is_a_pointer_to_a_finished_build(self):
        root = Path(self.index_root)
        directory = live.live_directory(root)
        self.assertEqual(directory.parent, root)
        manifest = json.loads((directory / live.MANIFEST).read_text())
        self.assertEqual(manifest["documents"], records())
        self.assertEqual(manifest["names_table_version"], names.TABLE_VERSION)

    def test_segments_are_written_as_separate_files_not_compound(self):
        directory = live.live_directory(self.index_root)
        self.assertFalse(list(directory.glob("*.seg")), "compound segment files found")
        self.assertTrue(list(directory.glob("*.trm")), "no term files found")

    def test_fast_scoring_finds_and_ranks_as_whoosh_does(self):
        searcher = live.current_searcher(self.index_root).searcher
        parser = connections["default"].get_backend().parser
        # Kim's name is common enough to have its word pairs indexed, "fraternal" is not: both
        # ways of finding a phrase are compared with Whoosh's.
        paired = wordpairs.paired_terms(searcher.schema)
        self.assertTrue({"kim", "jong", "un"} <= paired, paired)
        self.assertNotIn("fratern", paired)
        queries = {
            "(korea)": True,
            "((russia) AND (korea))": True,
            "((kim) OR (putin))": True,
            "((korea) AND NOT (russia))": True,
            '("fraternal duty")': False,
            '("help russia")': False,
            '("regard this as a fraternal duty")': False,
            '("kim jong un")': False,  # common words: found through their word pairs
        }
        for text, same_scores in queries.items():
            with self.subTest(query=text):
                q = parser.parse(text)
                scores = fastpath.search(searcher, q, "text")
                whoosh = searcher.search(q, limit=None)
                self.assertEqual(set(scores), set(whoosh.docs()))
                self.assertTrue(scores)
                # Whoosh adds the same 1.0 to every document for "NOT x": ranks are unchanged.
                offsets = {round(hit.score - scores[hit.docnum], 4) for hit in whoosh}
                if same_scores:
                    self.assertEqual(len(offsets), 1, offsets)

    def test_a_concurrent_reader_never_sees_an_empty_or_partial_index(self):
        expected = SearchQuerySet().filter(content="korea").count()
        self.assertGreater(expected, 0)
        seen, stop = [], threading.Event()

        def read():
            while not stop.is_set():
                seen.append(SearchQuerySet().filter(content="korea").count())

        reader = threading.Thread(target=read)
        reader.start()
        try:
            for _ in range(3):
                rebuild_index()
        finally:
            stop.set()
            reader.join(timeout=30)
        self.assertTrue(seen)
        self.assertEqual(set(seen), {expected})

    def test_old_builds_are_removed_keeping_the_previous_one(self):
        for _ in range(3):
            rebuild_index()
        builds = sorted(path.name for path in Path(self.index_root).glob("index-*"))
        self.assertEqual(len(builds), 2)
        self.assertEqual(builds[-1], live.live_directory(self.index_root).name)


class IndexSwapTests(SearchTestCase):
    """Changes the index, so it has a class (and an index) of its own."""

    def test_a_running_process_picks_up_a_new_index_without_restart(self):
        self.assertIn(
            "/quotes/kim-2025-fraternal-duty/", self.result_urls(self.search(q="fraternal"))
        )
        Quote.objects.filter(slug="kim-2025-fraternal-duty").delete()
        rebuild_index()
        self.assertNotIn(
            "/quotes/kim-2025-fraternal-duty/", self.result_urls(self.search(q="fraternal"))
        )

    def test_a_record_updated_in_the_live_index_is_found_by_its_new_phrase(self):
        quote = Quote.objects.get(slug="kim-2025-fraternal-duty")
        quote.text = "We stand by Russia as brothers stand by brothers."
        quote.save()
        backend = connections["default"].get_backend()
        backend.update(connections["default"].get_unified_index().get_index(Quote), [quote])
        self.assertIn(
            "/quotes/kim-2025-fraternal-duty/",
            self.result_urls(self.search(q='"brothers stand"')),
        )


class UnavailableIndexTests(ArchiveTestCase):
    """No index built: search says so with a 503, the rest of the site is unaffected."""

    def setUp(self):
        self.root = Path(tempfile.mkdtemp(prefix="summit-search-missing-"))
        self.addCleanup(shutil.rmtree, self.root, ignore_errors=True)
        engine = {"ENGINE": "search.backend.SummitWhooshEngine", "PATH": str(self.root)}
        self.addCleanup(use_search_connections({"default": engine}))

    def assert_search_unavailable(self):
        response = self.client.get("/search/", {"q": "fraternal duty"})
        self.assertEqual(response.status_code, 503)
        self.assertContains(response, "Search is unavailable", status_code=503)
        self.assertContains(response, "can still be browsed", status_code=503)
        self.assertEqual(self.client.get("/quotes/").status_code, 200)
        self.assertEqual(self.client.get("/quotes/kim-2025-fraternal-duty/").status_code, 200)

    def test_a_missing_index_is_a_503(self):
        self.assert_search_unavailable()

    def test_a_pointer_to_a_vanished_index_is_a_503(self):
        (self.root / live.POINTER).write_text("index-gone")
        self.assert_search_unavailable()

    def test_a_corrupt_index_is_a_503(self):
        directory = self.root / "index-corrupt"
        directory.mkdir()
        (directory / "_MAIN_1.toc").write_bytes(b"not a whoosh table of contents")
        (self.root / live.POINTER).write_text(directory.name)
        self.assert_search_unavailable()

    def test_an_empty_query_still_answers_without_an_index(self):
        self.assertEqual(self.client.get("/search/").status_code, 200)

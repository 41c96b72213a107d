"""The same searches of the real archive on Whoosh and on the search cluster find the same things.

Both indexes are built from the same database in one class; every request is made twice, once per
engine, through the real views (/search/, /search.json, /search.csv). Where the engines
legitimately differ, the test says so and compares the rest:

- scores: relevance order is each engine's own (BM25F on Whoosh, Lucene BM25 on OpenSearch), so
  relevance-ordered results are compared as sets; date orders are compared as sequences of dates
  (records of the same date may come in either order);
- snippet boundaries: each engine cuts its own fragment, so a snippet is compared by which words it
  highlights, not by its text.
"""

import csv
import io
import re
import shutil
import tempfile
from contextlib import ExitStack

import pytest
from django.test import override_settings

from search.indexing import rebuild_index
from tests.base import ArchiveTestCase
from tests.search_base import elasticsearch_connection
from tests.search_support import search_connection

WHOOSH, CLUSTER = "whoosh", "cluster"
HIGHLIGHT = re.compile(r"<em>(.*?)</em>", re.S)

pytestmark = pytest.mark.cluster

WORDS = ["sanctions", "fraternal duty", "friendship", "nuclear", "treaty", "Vladivostok"]
PHRASES = ['"fraternal duty"', '"strategic partnership"', '"Korean Peninsula"']
OR_QUERIES = ["sanctions OR railway", '"fraternal duty" OR Vladivostok']
EXCLUDED = ["Kim -Putin", "friendship -Trump", 'treaty -"strategic partnership"']
NAMES = ["Kim Jong Un", "Kim Jong-un", "kim jong un", "Ким Чен Ын", "김정은", "Putin", "Путин"]
FILTERS = [
    {"q": "Kim Jong Un", "type": "quote"},
    {"q": "Kim Jong Un", "type": "quote", "speaker": "kim-jong-un"},
    {"q": "summit", "year": "2019"},
    {"q": "summit", "type": "meeting"},
]
BAD_INPUT = [
    {"q": "AND OR NOT"},
    {"q": "-putin"},
    {"q": "title:kim^2 (friendship"},
    {"q": '"unbalanced quote'},
    {"q": "fraternal\x00duty\x1b"},
    {"q": "word " * 300},
    {"q": "kim", "type": "spaceship"},
    {"q": "kim", "year": "19x9"},
    {"q": "kim", "page": "0"},
    {"q": "kim", "page": "999"},
]


class EngineParityTests(ArchiveTestCase):
    """Every engine-independent behaviour, on both engines, compared."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.whoosh_dir = tempfile.mkdtemp(prefix="summit-parity-")
        cls.connections = {
            WHOOSH: {"ENGINE": "search.backend.SummitWhooshEngine", "PATH": cls.whoosh_dir},
            CLUSTER: elasticsearch_connection("summit_archive_parity"),
        }
        cls.documents = {}
        for engine, connection in cls.connections.items():
            with search_connection(connection):
                cls.documents[engine] = rebuild_index()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.whoosh_dir, ignore_errors=True)

    def get(self, engine, path, params):
        with ExitStack() as stack:
            stack.enter_context(search_connection(self.connections[engine]))
            stack.enter_context(override_settings(PAGE_CACHE_SECONDS=0))
            return self.client.get(path, params)

    def both(self, path, params):
        return {engine: self.get(engine, path, params) for engine in (WHOOSH, CLUSTER)}

    def json_pages(self, params):
        """Every page of /search.json for the search, per engine."""
        found = {}
        for engine in (WHOOSH, CLUSTER):
            pages, number = [], 1
            while True:
                response = self.get(engine, "/search.json", {**params, "page": number})
                self.assertEqual(response.status_code, 200, (engine, params))
                pages.append(response.json())
                if number >= pages[-1]["num_pages"]:
                    break
                number += 1
            found[engine] = pages
        return found

    def assert_same_results(self, params):
        pages = self.json_pages(params)
        whoosh, cluster = pages[WHOOSH], pages[CLUSTER]
        label = repr(params)
        self.assertEqual(whoosh[0]["count"], cluster[0]["count"], label)
        self.assertEqual(len(whoosh), len(cluster), f"{label}: number of pages")
        self.assertEqual(whoosh[0]["notices"], cluster[0]["notices"], label)
        for page_w, page_c in zip(whoosh, cluster, strict=True):
            self.assertEqual(len(page_w["results"]), len(page_c["results"]), label)
        urls = {
            engine: [r["url"] for p in found for r in p["results"]]
            for engine, found in pages.items()
        }
        # Relevance order is each engine's own (see the module docstring): the same set, each once.
        self.assertEqual(sorted(urls[WHOOSH]), sorted(urls[CLUSTER]), label)
        self.assertEqual(len(set(urls[CLUSTER])), len(urls[CLUSTER]), f"{label}: a record twice")
        self.assertEqual(
            self.facet_counts(whoosh[0]), self.facet_counts(cluster[0]), f"{label}: facets"
        )
        return pages

    def facet_counts(self, page):
        """Each facet's (value, count) rows in the order shown: most first, then by value."""
        return {
            name: [(row["value"], row["count"]) for row in rows if row["value"]]
            for name, rows in page["facets"].items()
        }

    def test_both_indexes_hold_every_record(self):
        self.assertEqual(self.documents[WHOOSH], self.documents[CLUSTER])
        self.assertGreater(self.documents[CLUSTER], 100)

    def test_words_phrases_or_and_excluded_words_find_the_same_records(self):
        for q in WORDS + PHRASES + OR_QUERIES + EXCLUDED:
            with self.subTest(q=q):
                pages = self.assert_same_results({"q": q})
                self.assertGreater(pages[CLUSTER][0]["count"], 0, q)

    def test_every_spelling_of_a_name_finds_the_same_records(self):
        for q in NAMES:
            with self.subTest(q=q):
                self.assert_same_results({"q": q})

    def test_filters_and_their_facet_counts_are_the_same(self):
        for params in FILTERS:
            with self.subTest(**params):
                pages = self.assert_same_results(params)
                self.assertGreater(pages[CLUSTER][0]["count"], 0, params)

    def test_date_orders_give_the_same_sequence_of_dates(self):
        for sort in ("newest", "oldest"):
            for q in ("Kim Jong Un", "summit"):
                with self.subTest(q=q, sort=sort):
                    pages = self.assert_same_results({"q": q, "sort": sort})
                    dates = {
                        engine: [r["date_display"] for p in found for r in p["results"]]
                        for engine, found in pages.items()
                    }
                    self.assertEqual(dates[WHOOSH], dates[CLUSTER])

    def test_snippets_come_from_the_same_text_and_highlight_only_words_searched_for(self):
        # Snippet boundaries are each engine's own, so the words each highlights may differ: both
        # show a snippet for the same results, and highlight only words of the query.
        for q, words in [
            ("fraternal duty", {"fraternal", "duty"}),
            ('"fraternal duty"', {"fraternal", "duty"}),
            ("sanctions", {"sanctions", "sanction"}),
            ("Ким Чен Ын", {"kim", "jong", "un"}),
        ]:
            with self.subTest(q=q):
                snippets = {}
                for engine, found in self.json_pages({"q": q, "type": "quote"}).items():
                    snippets[engine] = {
                        r["url"]: r["snippet_html"] or "" for p in found for r in p["results"]
                    }
                self.assertEqual(snippets[WHOOSH].keys(), snippets[CLUSTER].keys())
                for url, whoosh_snippet in snippets[WHOOSH].items():
                    cluster_snippet = snippets[CLUSTER][url]
                    self.assertEqual(bool(whoosh_snippet), bool(cluster_snippet), f"{q}: {url}")
                    # "Kim Jong-un’s": the possessive is part of the highlighted word.
                    highlighted = {
                        re.sub(r"[’']s$", "", w.lower()) for w in HIGHLIGHT.findall(cluster_snippet)
                    }
                    self.assertLessEqual(highlighted, words, f"{q}: {url}")
                self.assertTrue(any(snippets[CLUSTER].values()), q)

    def test_a_misspelling_gets_a_suggestion_on_both(self):
        # Each engine suggests from its own dictionary; both must correct the query to words that
        # find records. A query that finds nothing shows the corrected results at once (#14).
        for q in ["sanctoins", "fraternel duty"]:
            with self.subTest(q=q):
                for engine, response in self.both("/search.json", {"q": q}).items():
                    data = response.json()
                    self.assertIsNotNone(data["correction"], f"{engine}: no correction for {q!r}")
                    self.assertTrue(data["correction"]["applied"], engine)
                    self.assertGreater(data["count"], 0, engine)
                    html = self.get(engine, "/search/", {"q": q}).content.decode()
                    self.assertIn("Showing results for", html, engine)

    def test_bad_input_gets_the_same_answer(self):
        for params in BAD_INPUT:
            with self.subTest(params=repr(params)[:60]):
                pages = self.both("/search/", params)
                self.assertEqual(
                    pages[WHOOSH].status_code, pages[CLUSTER].status_code, repr(params)[:60]
                )
                self.assertLess(pages[CLUSTER].status_code, 500)
                jsons = self.both("/search.json", params)
                self.assertEqual(jsons[WHOOSH].status_code, jsons[CLUSTER].status_code)
                if jsons[WHOOSH].status_code == 200:
                    w, c = jsons[WHOOSH].json(), jsons[CLUSTER].json()
                    self.assertEqual((w["count"], w["notices"]), (c["count"], c["notices"]))

    def test_search_pages_show_the_same_count_and_pages(self):
        for params in [{"q": "Kim Jong Un"}, {"q": "Kim Jong Un", "page": "2"}]:
            with self.subTest(**params):
                pages = self.both("/search/", params)
                counts = {
                    engine: re.search(r'<h2 id="results-heading">(\d+) result', r.content.decode())
                    for engine, r in pages.items()
                }
                self.assertEqual(counts[WHOOSH].group(1), counts[CLUSTER].group(1))
                links = {
                    engine: len(re.findall(r'<article class="search-result', r.content.decode()))
                    for engine, r in pages.items()
                }
                self.assertEqual(links[WHOOSH], links[CLUSTER])

    def test_csv_export_has_the_same_rows(self):
        for params in [{"q": "Kim Jong Un"}, {"q": '"fraternal duty"'}, {"q": "sanctions -Trump"}]:
            with self.subTest(**params):
                rows = {}
                for engine, response in self.both("/search.csv", params).items():
                    self.assertEqual(response.status_code, 200, engine)
                    body = (
                        b"".join(response.streaming_content)
                        if response.streaming
                        else (response.content)
                    )
                    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
                    rows[engine] = (table[0], sorted(map(tuple, table[1:])))
                self.assertEqual(rows[WHOOSH], rows[CLUSTER])
                self.assertTrue(rows[CLUSTER][1], params)

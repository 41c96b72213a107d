"""Base test cases for search: the real archive, and a real search index built once per class.

    class FacetTests(SearchTestCase):          # Whoosh, in a temporary directory
        def test_...(self):
            response = self.search(q="fraternal duty")

The engine-agnostic behaviours are written as mixins and run twice: against Whoosh always, and
against the search cluster when ELASTICSEARCH_URL is set (`make test-scale`; without it the
Elasticsearch classes are not collected: tests/conftest.py).
"""

import os
import re
import shutil
import tempfile
from contextlib import ExitStack
from html import unescape

from django.test import override_settings

from search.indexing import rebuild_index
from tests.base import ArchiveTestCase
from tests.search_support import search_connection

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
RESULT_LINK = re.compile(r'<article class="search-result[^"]*">.*?<h3><a href="([^"]+)"', re.S)
HITS = re.compile(r'<h2 id="results-heading">(\d+) result')


def use_search_connections(search_connections):
    """Point haystack (and the page cache off) at other connections until the returned function is
    called. A Whoosh test class stays on Whoosh even when ELASTICSEARCH_URL configured the site for
    Elasticsearch, and the other way round."""
    stack = ExitStack()
    stack.enter_context(search_connection(search_connections["default"]))
    stack.enter_context(override_settings(PAGE_CACHE_SECONDS=0))
    return stack.close


class SearchTestCase(ArchiveTestCase):
    """Whoosh, with the index in a temporary directory that lives as long as the class."""

    @classmethod
    def search_connections(cls):
        cls.index_root = tempfile.mkdtemp(prefix="summit-search-test-")
        return {"default": {"ENGINE": "search.backend.SummitWhooshEngine", "PATH": cls.index_root}}

    @classmethod
    def setUpClass(cls):
        cls.index_root = None
        cls._restore_connections = use_search_connections(cls.search_connections())
        try:
            super().setUpClass()
        except Exception:
            cls._restore_settings()
            raise

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.documents = rebuild_index()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls._restore_settings()

    @classmethod
    def _restore_settings(cls):
        cls._restore_connections()
        if cls.index_root:
            shutil.rmtree(cls.index_root, ignore_errors=True)

    def search(self, **params):
        return self.client.get("/search/", params)

    def result_urls(self, response):
        return RESULT_LINK.findall(response.content.decode())

    def hits(self, response):
        match = HITS.search(response.content.decode())
        self.assertIsNotNone(match, "the page shows no result count")
        return int(match.group(1))

    def text(self, response):
        """The page as a reader sees it: tags removed, entities decoded, spaces collapsed."""
        html = re.sub(r"<[^>]+>", " ", response.content.decode())
        return " ".join(unescape(html).split())


class ElasticsearchTestCase(SearchTestCase):
    """The same behaviours on the search cluster (ELASTICSEARCH_URL), in an index of their own.

    Only collected when ELASTICSEARCH_URL is set (tests/conftest.py: `make test-scale` sets it); a
    cluster that is set but does not answer fails the class, never skips it."""

    index_name = "summit_archive_tests"

    @classmethod
    def search_connections(cls):
        return {"default": elasticsearch_connection(cls.index_name)}

    @classmethod
    def _restore_settings(cls):
        from haystack import connections

        # The class's indexes go with it, as a Whoosh class's directory does.
        try:
            connections["default"].get_backend().conn.indices.delete(
                index=f"{cls.index_name}-*", ignore=[404]
            )
        finally:
            super()._restore_settings()


def elasticsearch_connection(index_name):
    return {
        "ENGINE": "search.elastic.SummitElasticsearchEngine",
        "URL": [url.strip() for url in ELASTICSEARCH_URL.split(",") if url.strip()],
        "INDEX_NAME": index_name,
        "INCLUDE_SPELLING": True,
        "SILENTLY_FAIL": False,
        "KWARGS": {"max_retries": 3, "retry_on_timeout": True},
    }

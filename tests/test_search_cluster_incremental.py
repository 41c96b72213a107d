"""On the search cluster (`make test-scale`), a load that changes a few records updates their
documents in place through the alias (search.elastic.update) instead of building a new index."""

import io

import pytest
from django.core.management import call_command
from django.test import TestCase
from haystack import connections
from haystack.query import SearchQuerySet

from archive.models import Article, Meeting, Person, Quote
from tests.loading_support import (
    SMALL_FIXTURES,
    by_slug,
    change_records,
    copy_of_small_fixtures,
    replace_text,
)
from tests.search_base import elasticsearch_connection
from tests.search_support import search_connection

pytestmark = pytest.mark.cluster
INDEX = "summit_incremental_tests"


def records():
    return sum(model.objects.count() for model in (Quote, Article, Meeting, Person))


class ClusterIncrementalTests(TestCase):
    def setUp(self):
        self.enterContext(search_connection(elasticsearch_connection(INDEX)))
        self.addCleanup(self.remove_indexes)
        self.run_load(SMALL_FIXTURES, "--rebuild-index")
        self.fixtures = copy_of_small_fixtures(self)
        self.backend = connections["default"].get_backend()
        self.first = self.backend.live_indexes()

    def remove_indexes(self):
        connections["default"].get_backend().conn.indices.delete(index=f"{INDEX}-*", ignore=[404])

    def run_load(self, fixtures, *options):
        stdout = io.StringIO()
        call_command("load_archive", "--fixtures", str(fixtures), *options, stdout=stdout)
        return stdout.getvalue()

    def found(self, words):
        return [result.url for result in SearchQuerySet().filter(content=words)]

    def test_a_changed_and_a_deleted_quote_are_updated_in_the_live_index(self):
        replace_text(self.fixtures, "quotes.yaml", "used by the loader", "used by zanzibar")
        change_records(
            self.fixtures,
            "quotes.yaml",
            lambda quotes: quotes.remove(by_slug(quotes, "kremlin-2020-message")),
        )
        output = self.run_load(self.fixtures, "--allow-deletions")

        self.assertIn("documents updated in", output)
        self.assertEqual(self.backend.live_indexes(), self.first, "no new index was built")
        self.assertEqual(self.found("zanzibar"), ["/quotes/putin-2019-first/"])
        self.assertEqual(self.found("third"), [])
        self.assertEqual(SearchQuerySet().count(), records())

    def test_a_changed_alias_rebuilds(self):
        replace_text(self.fixtures, "people.yaml", "[Владимир Путин]", "[Владимир Путин, VVP]")
        self.run_load(self.fixtures)
        self.assertNotEqual(self.backend.live_indexes(), self.first)
        self.assertIn("/quotes/putin-2019-first/", self.found("vvp"))

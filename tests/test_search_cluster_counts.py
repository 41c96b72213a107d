"""On the search cluster (`make test-scale`), a search matching more than 10,000 records says how
many it matched and pages through them: OpenSearch counts exactly only up to 10,000
unless asked to count them all, and the site's count, pages and facets come from that count."""

import pytest
from django.conf import settings
from django.test import TestCase, override_settings
from haystack import connections

from archive.models import Quote
from search.bench import corpus
from search.forms import MAX_PAGE
from search.indexing import rebuild_index
from search.searching import PER_PAGE
from tests.search_base import elasticsearch_connection
from tests.search_support import search_connection

pytestmark = pytest.mark.cluster
INDEX = "summit_count_tests"
MANY = 10_050  # quotes carrying one word: past OpenSearch's 10,000


class ClusterCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        corpus.generate(50, fixtures_dir=settings.FIXTURES_DIR)
        model = Quote.objects.order_by("pk").first()
        Quote.objects.bulk_create(
            Quote(
                slug=f"many-{number}",
                text=f"Quokka statement number {number}.",
                speaker_id=model.speaker_id,
                article_id=model.article_id,
                outlet_id=model.outlet_id,
            )
            for number in range(MANY)
        )

    def setUp(self):
        self.enterContext(search_connection(elasticsearch_connection(INDEX)))
        self.enterContext(override_settings(PAGE_CACHE_SECONDS=0))
        self.addCleanup(self.remove_indexes)
        rebuild_index()

    def remove_indexes(self):
        connections["default"].get_backend().conn.indices.delete(index=f"{INDEX}-*", ignore=[404])

    def test_a_search_past_ten_thousand_matches_counts_and_pages_them_all(self):
        found = self.client.get("/search.json", {"q": "quokka"}).json()
        self.assertEqual(found["count"], MANY)
        # Pages stop at MAX_PAGE on every engine (a 400 past it); the count does not.
        self.assertEqual(found["num_pages"], min(-(-MANY // PER_PAGE), MAX_PAGE))
        speakers = dict((row["value"], row["count"]) for row in found["facets"]["speaker"])
        self.assertEqual(sum(speakers.values()), MANY)
        last = self.client.get("/search/", {"q": "quokka", "page": found["num_pages"]})
        self.assertEqual(last.status_code, 200)
        self.assertContains(last, "/quotes/many-")
        self.assertNotContains(last, 'rel="next"')

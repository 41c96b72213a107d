"""Pages are cacheable by browsers and proxies, answered 304 when unchanged, served from the page
cache, and a data load makes every one of them fresh again. Static files are hashed and immutable.
"""

import re
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import SimpleTestCase, override_settings
from django.utils.http import http_date

from archive.freshness import record_load
from archive.loading import load_archive
from archive.models import DataLoad, Meeting
from search import searching
from summit.cache import BoundedLocMemCache
from summit.settings import cache_from_url
from tests.base import ArchiveTestCase
from tests.search_support import temporary_search_index

# A real cache, and every request asks the database for the data version, as when another
# process (the loader) may have reloaded the archive a moment ago.
# Under `make test-scale` the real cache is the shared Redis server (CACHE_URL).
REAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if "Redis" in settings.CACHES["default"]["BACKEND"]:
    REAL_CACHE = settings.CACHES


@override_settings(
    CACHES=REAL_CACHE, PAGE_CACHE_SECONDS=3600, CACHE_MAX_AGE=300, DATA_VERSION_CHECK_SECONDS=0
)
class PageCachingTests(ArchiveTestCase):
    def setUp(self):
        cache.clear()
        record_load()
        self.meeting = Meeting.objects.first()
        self.url = f"/meetings/{self.meeting.slug}/"

    def test_pages_may_be_cached_by_browsers_and_proxies(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=300")
        self.assertRegex(response.headers["ETag"], r'^"[0-9a-f]{20}"$')
        self.assertIn("GMT", response.headers["Last-Modified"])

    def test_every_page_has_the_same_version_until_the_data_changes(self):
        first = self.client.get(self.url).headers["ETag"]
        self.assertEqual(self.client.get("/meetings/").headers["ETag"], first)
        record_load()
        self.assertNotEqual(self.client.get(self.url).headers["ETag"], first)

    def test_unchanged_page_is_answered_304_by_etag(self):
        etag = self.client.get(self.url).headers["ETag"]
        response = self.client.get(self.url, headers={"If-None-Match": etag})
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response.content, b"")
        self.assertEqual(response.headers["ETag"], etag)

    def test_unchanged_page_is_answered_304_by_date(self):
        last_modified = self.client.get(self.url).headers["Last-Modified"]
        response = self.client.get(self.url, headers={"If-Modified-Since": last_modified})
        self.assertEqual(response.status_code, 304)

    def test_an_old_version_gets_the_whole_page(self):
        response = self.client.get(self.url, headers={"If-None-Match": '"0123456789abcdef0123"'})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.meeting.title)
        long_ago = http_date(0)
        response = self.client.get(self.url, headers={"If-Modified-Since": long_ago})
        self.assertEqual(response.status_code, 200)

    def test_a_cached_page_costs_no_query(self):
        self.client.get(self.url)
        with self.settings(DATA_VERSION_CHECK_SECONDS=60), self.assertNumQueries(0):
            response = self.client.get(self.url)
        self.assertContains(response, self.meeting.title)

    def test_the_page_cache_serves_the_page_as_it_was_rendered(self):
        self.client.get(self.url)
        Meeting.objects.filter(pk=self.meeting.pk).update(title="Changed without a data load")
        self.assertNotContains(self.client.get(self.url), "Changed without a data load")

    def test_a_data_load_in_another_process_makes_every_page_fresh(self):
        old_etag = self.client.get(self.url).headers["ETag"]
        Meeting.objects.filter(pk=self.meeting.pk).update(title="Retitled by a reload")
        # What the loader does in its own process: this one only sees the new row.
        DataLoad.objects.create()
        response = self.client.get(self.url, headers={"If-None-Match": old_etag})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Retitled by a reload")
        self.assertNotEqual(response.headers["ETag"], old_etag)

    def test_loading_changed_data_makes_every_page_fresh(self):
        old_etag = self.client.get(self.url).headers["ETag"]
        with tempfile.TemporaryDirectory() as fixtures:
            shutil.copytree(settings.FIXTURES_DIR, fixtures, dirs_exist_ok=True)
            meetings = Path(fixtures) / "meetings.yaml"
            meetings.write_text(
                meetings.read_text().replace(
                    f"title: {self.meeting.title}\n", "title: A corrected title\n", 1
                )
            )
            load_archive(fixtures, rebuild_index=False)
        response = self.client.get(self.url, headers={"If-None-Match": old_etag})
        self.assertEqual(response.status_code, 200)
        self.assertNotEqual(response.headers["ETag"], old_etag)
        self.assertContains(response, "A corrected title")

    def test_reloading_unchanged_data_keeps_cached_pages_valid(self):
        etag = self.client.get(self.url).headers["ETag"]
        load_archive(settings.FIXTURES_DIR, rebuild_index=False)
        response = self.client.get(self.url, headers={"If-None-Match": etag})
        self.assertEqual(response.status_code, 304)

    def test_a_search_is_cached_by_its_whole_query(self):
        with temporary_search_index():
            first = self.client.get("/search/?q=summit")
            other = self.client.get("/search/?q=summit&page=2")
        self.assertEqual(first.status_code, 200)
        self.assertEqual(first.headers["Cache-Control"], "public, max-age=300")
        self.assertNotEqual(first.content, other.content)

    def test_missing_pages_and_the_health_check_are_not_marked_cacheable(self):
        missing = self.client.get("/meetings/no-such-meeting/")
        self.assertEqual(missing.status_code, 404)
        self.assertNotIn("public", missing.headers.get("Cache-Control", ""))
        health = self.client.get("/healthz")
        self.assertIn("no-store", health.headers["Cache-Control"])
        self.assertNotIn("public", health.headers["Cache-Control"])


class StaticFileTests(ArchiveTestCase):
    """As `make serve` and production serve them: collected, hashed, compressed, immutable."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.static_root = tempfile.mkdtemp(prefix="summit-test-static-")
        cls.enterClassContext(
            override_settings(
                STATIC_ROOT=cls.static_root,
                STORAGES={
                    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                    "staticfiles": {
                        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                    },
                },
                WHITENOISE_USE_FINDERS=False,
                WHITENOISE_AUTOREFRESH=False,
            )
        )
        call_command("collectstatic", interactive=False, verbosity=0)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.static_root, ignore_errors=True)

    def stylesheet_url(self):
        page = self.client.get("/").content.decode()
        return re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1)

    def test_pages_link_to_content_hashed_files(self):
        self.assertTrue(self.stylesheet_url())

    def test_hashed_files_are_cached_forever(self):
        response = self.client.get(self.stylesheet_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("immutable", response.headers["Cache-Control"])
        self.assertIn("max-age=315360000", response.headers["Cache-Control"])

    def test_files_are_sent_compressed_to_clients_that_accept_it(self):
        response = self.client.get(self.stylesheet_url(), headers={"Accept-Encoding": "gzip"})
        self.assertEqual(response.headers["Content-Encoding"], "gzip")
        self.assertEqual(response.headers["Vary"], "Accept-Encoding")


BOUNDED_CACHE = {
    "default": {
        "BACKEND": "summit.cache.BoundedLocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 3000, "MAX_BYTES": 100_000},
    }
}
# About 4 KB of words: far past the query's cap (search.query: 200 characters, 12 words).
FLOOD_QUERY = " ".join(f"treaty{n}" for n in range(500))


@override_settings(
    CACHES=BOUNDED_CACHE, PAGE_CACHE_SECONDS=3600, CACHE_MAX_AGE=300, DATA_VERSION_CHECK_SECONDS=0
)
class PageCacheBoundsTests(ArchiveTestCase):
    """Anyone can send endless distinct addresses: what they can make the cache hold is bounded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.index = cls.enterClassContext(temporary_search_index())

    def setUp(self):
        cache.clear()
        record_load()

    def searches_run(self, *urls):
        """How many of these requests had to search (the rest came from the page cache)."""
        with mock.patch.object(searching, "run_search", wraps=searching.run_search) as search:
            for url in urls:
                self.assertEqual(self.client.get(url).status_code, 200, url)
        return search.call_count

    def test_addresses_for_the_same_search_share_one_cache_entry(self):
        same = [
            "/search/?q=summit&type=quote",
            "/search/?type=quote&q=summit",
            "/search/?q=+summit++&type=quote&sort=relevance&page=1",
            "/search/?q=summit&type=quote&utm_source=x",
            "/search/?q=summit&type=quote&junk=1&more=2",
        ]
        self.assertEqual(self.searches_run(*same), 1)
        self.assertEqual(self.searches_run("/search/?q=summit&type=article"), 1)

    def test_a_query_cut_by_the_cap_is_not_cached(self):
        url = f"/search/?q={FLOOD_QUERY}"
        self.assertEqual(self.searches_run(url, url), 2)
        response = self.client.get(url)
        self.assertContains(response, "only the first 200")
        self.assertNotIn("public", response.headers.get("Cache-Control", ""))
        words = " ".join(f"word{n}" for n in range(20))  # under 200 characters, over 12 words
        self.assertEqual(self.searches_run(f"/search/?q={words}", f"/search/?q={words}"), 2)

    def test_the_search_data_of_a_cut_query_is_not_cached_either(self):
        self.assertEqual(self.searches_run("/search.json?q=summit", "/search.json?q=summit"), 1)
        url = f"/search.json?q={FLOOD_QUERY}"
        self.assertEqual(self.searches_run(url, url), 2)

    def test_a_long_query_does_not_make_a_long_page(self):
        short = self.client.get("/search/?q=treaty0").content
        long = self.client.get(f"/search/?q={FLOOD_QUERY}").content
        self.assertLess(len(long), len(short) + 5_000)
        self.assertNotIn(b"treaty100", long)

    @override_settings(PAGE_CACHE_MAX_ENTRY_BYTES=1_000)
    def test_a_page_larger_than_the_entry_limit_is_not_cached(self):
        self.assertEqual(self.searches_run("/search/?q=summit", "/search/?q=summit"), 2)

    def test_many_distinct_searches_stay_within_the_byte_budget(self):
        budget = caches["default"].max_bytes
        for n in range(60):
            self.client.get(f"/search/?q=summit+{n}+" + "x" * 150)
        self.assertLessEqual(caches["default"].bytes_used(), budget)
        self.assertGreater(caches["default"].bytes_used(), budget // 2)


class BoundedLocMemCacheTests(SimpleTestCase):
    def cache(self, **options):
        cache = BoundedLocMemCache(f"bounded-{self.id()}-{options}", {"OPTIONS": options})
        cache.clear()
        return cache

    def test_the_least_recently_used_go_first_once_the_bytes_are_spent(self):
        cache = self.cache(MAX_ENTRIES=100, MAX_BYTES=10_000)
        for n in range(5):
            cache.set(f"page{n}", b"x" * 1_500)
        cache.get("page0")
        for n in range(5, 8):
            cache.set(f"page{n}", b"x" * 1_500)
        self.assertLessEqual(cache.bytes_used(), 10_000)
        kept = [n for n in range(8) if cache.get(f"page{n}") is not None]
        self.assertEqual(kept, [0, 3, 4, 5, 6, 7])

    def test_the_entry_count_is_bounded_too(self):
        cache = self.cache(MAX_ENTRIES=10, MAX_BYTES=10_000_000)
        for n in range(50):
            cache.set(f"page{n}", n)
        self.assertLessEqual(len([n for n in range(50) if cache.get(f"page{n}") is not None]), 10)
        self.assertEqual(cache.get("page49"), 49)

    def test_a_value_larger_than_the_budget_is_not_kept_and_evicts_nothing(self):
        cache = self.cache(MAX_ENTRIES=100, MAX_BYTES=10_000)
        cache.set("small", b"x" * 100)
        cache.set("huge", b"x" * 20_000)
        self.assertIsNone(cache.get("huge"))
        self.assertEqual(cache.get("small"), b"x" * 100)

    def test_replacing_deleting_expiring_and_clearing_give_the_bytes_back(self):
        cache = self.cache(MAX_ENTRIES=100, MAX_BYTES=100_000)
        cache.set("page", b"x" * 5_000)
        used = cache.bytes_used()
        cache.set("page", b"x" * 5_000)
        self.assertEqual(cache.bytes_used(), used)
        cache.delete("page")
        self.assertEqual(cache.bytes_used(), 0)
        cache.set("page", b"x" * 5_000, timeout=-1)
        self.assertIsNone(cache.get("page"))
        self.assertEqual(cache.bytes_used(), 0)
        cache.set("page", b"x" * 5_000)
        cache.clear()
        self.assertEqual(cache.bytes_used(), 0)

    def test_the_site_uses_it_for_locmem_with_the_documented_limits(self):
        locmem = cache_from_url("locmem://")
        self.assertEqual(locmem["BACKEND"], "summit.cache.BoundedLocMemCache")
        self.assertEqual(locmem["OPTIONS"], {"MAX_ENTRIES": 3000, "MAX_BYTES": 32 * 2**20})

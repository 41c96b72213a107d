"""The pages' version (ETag, page-cache key) changes only once the database and the search index
both hold the new data; a load killed in between is finished by the next one ("repaired")."""

import io
from unittest import mock

from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from search import indexing
from tests.loading_support import SMALL_FIXTURES, copy_of_small_fixtures, replace_text
from tests.search_support import search_index_in_temporary_directory

REAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
NEW_WORD = "zanzibar"


# A real page cache, and every request asks the database for the version, as a server does.
@override_settings(CACHES=REAL_CACHE, PAGE_CACHE_SECONDS=3600, DATA_VERSION_CHECK_SECONDS=0)
class PageVersionTests(TestCase):
    def setUp(self):
        cache.clear()
        self.enterContext(search_index_in_temporary_directory())
        self.run_load(SMALL_FIXTURES)
        self.fixtures = copy_of_small_fixtures(self)
        replace_text(
            self.fixtures, "quotes.yaml", "A third example quotation.", f"A {NEW_WORD} quotation."
        )

    def run_load(self, fixtures, *options):
        stdout = io.StringIO()
        call_command("load_archive", "--fixtures", str(fixtures), *options, stdout=stdout)
        return stdout.getvalue()

    def etag(self):
        return self.client.get("/meetings/").headers["ETag"]

    def found(self):
        response = self.client.get(f"/search.json?q={NEW_WORD}")
        return response.json()["count"], response.headers["ETag"]

    def test_a_search_made_while_the_index_is_rebuilt_is_not_kept_under_the_new_version(self):
        seen_meanwhile = []
        publish = indexing.live.publish

        def search_then_publish(*args):
            seen_meanwhile.append(self.found())  # the new data is committed, the old index live
            publish(*args)

        with mock.patch.object(indexing.live, "publish", search_then_publish):
            self.run_load(self.fixtures)

        count, etag = self.found()
        self.assertEqual(count, 1, "the search shows the new data")
        self.assertEqual(seen_meanwhile[0][0], 0)
        self.assertNotEqual(seen_meanwhile[0][1], etag, "the old results had the old version")

    def test_a_load_killed_before_the_index_is_live_keeps_the_old_version(self):
        before = self.etag()
        with mock.patch.object(indexing.live, "publish", side_effect=MemoryError("the build died")):
            with self.assertRaisesMessage(MemoryError, "the build died"):
                self.run_load(self.fixtures)
        self.assertEqual(self.etag(), before)
        self.assertEqual(self.found()[0], 0)

        output = self.run_load(self.fixtures)

        self.assertIn("Archive repaired", output)
        self.assertNotEqual(self.etag(), before)
        self.assertEqual(self.found()[0], 1)

    def test_an_interrupted_load_says_in_one_line_what_it_left(self):
        # What Ctrl-C or SIGTERM (archive.interrupts) raises while the index is being written.
        with mock.patch.object(indexing.live, "publish", side_effect=KeyboardInterrupt):
            with self.assertRaisesMessage(
                CommandError,
                "interrupted: the database holds the new archive but the search index and the "
                "pages' version are still the old ones; run load_archive again to finish",
            ):
                self.run_load(self.fixtures)
        with mock.patch("archive.loading.save_archive", side_effect=KeyboardInterrupt):
            with self.assertRaisesMessage(CommandError, "interrupted: nothing was changed"):
                self.run_load(self.fixtures)

    def test_an_index_built_alone_gives_the_pages_a_new_version(self):
        self.run_load(self.fixtures, "--no-index")
        before = self.etag()
        call_command("build_search_index", stdout=io.StringIO(), stderr=io.StringIO())
        self.assertNotEqual(self.etag(), before)
        self.assertEqual(self.found()[0], 1)

    def test_an_index_out_of_step_after_a_load_without_index_is_repaired(self):
        self.run_load(self.fixtures, "--no-index")
        before = self.etag()
        output = self.run_load(self.fixtures)
        self.assertIn("Archive repaired", output)
        self.assertNotEqual(self.etag(), before)
        self.assertEqual(self.found()[0], 1)

    def test_reloading_what_is_loaded_and_indexed_keeps_the_version(self):
        before = self.etag()
        output = self.run_load(SMALL_FIXTURES)
        self.assertIn("Archive already up to date", output)
        self.assertEqual(self.etag(), before)

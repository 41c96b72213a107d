"""Moved addresses answer 301 to where they live now (fixtures/redirects.yaml)."""

import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, override_settings

from archive.redirects import read_redirects, redirects
from tests.page_checks import PageTestCase


def redirects_dir(text):
    folder = Path(tempfile.mkdtemp(prefix="redirects-"))
    (folder / "redirects.yaml").write_text(text, encoding="utf-8")
    return folder


class RedirectTests(PageTestCase):
    def test_summits_redirects_permanently_to_the_chronology(self):
        response = self.get("/summits/", status=301)
        self.assertEqual(response["Location"], "/meetings/")

    def test_the_trailing_slash_may_be_left_off(self):
        self.assertEqual(self.get("/summits", status=301)["Location"], "/meetings/")

    def test_the_query_string_survives_the_redirect(self):
        response = self.get("/summits/?year=2019", status=301)
        self.assertEqual(response["Location"], "/meetings/?year=2019")

    def test_a_renamed_record_redirects_to_its_new_address(self):
        folder = redirects_dir(
            "- old: /people/sergei-lavrov/\n  new: /people/sergey-lavrov/\n  reason: renamed\n"
        )
        with override_settings(FIXTURES_DIR=folder):
            response = self.get("/people/sergei-lavrov/", status=301)
        self.assertEqual(response["Location"], "/people/sergey-lavrov/")
        self.get(response["Location"])

    def test_a_renamed_records_json_and_feeds_follow_it(self):
        folder = redirects_dir(
            "- old: /people/sergei-lavrov/\n  new: /people/sergey-lavrov/\n  reason: renamed\n"
        )
        moved = {
            "/people/sergei-lavrov.json": "/people/sergey-lavrov.json",
            "/feeds/people/sergei-lavrov.atom": "/feeds/people/sergey-lavrov.atom",
            "/feeds/people/sergei-lavrov.rss": "/feeds/people/sergey-lavrov.rss",
        }
        with override_settings(FIXTURES_DIR=folder):
            for old, new in moved.items():
                with self.subTest(old):
                    self.assertEqual(self.get(old, status=301)["Location"], new)
                    self.assertEqual(self.client.get(new).status_code, 200)
            self.get("/people/sergei-lavrov.txt", status=404)

    def test_a_live_page_is_never_redirected(self):
        folder = redirects_dir("- old: /meetings/\n  new: /people/\n  reason: a mistake\n")
        with override_settings(FIXTURES_DIR=folder):
            self.get("/meetings/")

    def test_every_redirect_leads_to_a_live_page_and_hides_none(self):
        for old, new in redirects().items():
            with self.subTest(old):
                self.assertNotEqual(self.client.get(old).status_code, 200)
                self.get(new.split("?")[0])


class RedirectFileTests(SimpleTestCase):
    def test_a_broken_entry_names_the_file_and_the_entry(self):
        folder = redirects_dir("- old: /a/\n  new: /b/\n- old: /c/\n  to: /d/\n")
        with self.assertRaisesMessage(ImproperlyConfigured, "redirect 2: expected the keys"):
            read_redirects(folder / "redirects.yaml")

    def test_only_paths_on_this_site(self):
        folder = redirects_dir("- old: /a/\n  new: https://elsewhere.example/\n")
        with self.assertRaisesMessage(ImproperlyConfigured, "a path on this site"):
            read_redirects(folder / "redirects.yaml")

    def test_no_file_means_no_redirects(self):
        self.assertEqual(read_redirects(Path(tempfile.mkdtemp()) / "redirects.yaml"), {})

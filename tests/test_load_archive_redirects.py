"""fixtures/redirects.yaml is checked by load_archive like every other file, and a bad file met
by a running server never turns a 404 into a 500."""

import io
import tempfile
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from tests.loading_support import (
    SMALL_FIXTURES,
    by_slug,
    change_records,
    copy_of_small_fixtures,
    every_row,
)
from tests.page_checks import PageTestCase

GOOD = "- old: /people/putin/\n  new: /people/vladimir-putin/\n  reason: a shorter address\n"


class RedirectFileLoadingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_archive", fixtures=SMALL_FIXTURES, no_index=True, stdout=io.StringIO())

    def setUp(self):
        self.fixtures = copy_of_small_fixtures(self)
        self.file = f"{self.fixtures}/redirects.yaml"

    def write(self, text):
        (self.fixtures / "redirects.yaml").write_text(text)

    def assertRefused(self, *expected_lines):
        before = every_row()
        stderr = io.StringIO()
        with self.assertRaisesMessage(CommandError, "nothing was loaded"):
            call_command(
                "load_archive", fixtures=self.fixtures, no_index=True, stdout=io.StringIO(),
                stderr=stderr,
            )  # fmt: skip
        printed = stderr.getvalue().splitlines()
        for line in expected_lines:
            self.assertIn(line, printed)
        self.assertEqual(every_row(), before)

    def test_a_good_file_loads(self):
        self.write(GOOD)
        call_command("load_archive", fixtures=self.fixtures, no_index=True, stdout=io.StringIO())

    def test_a_redirect_to_a_missing_page_is_refused(self):
        self.write(GOOD + "- old: /people/lavrov/\n  new: /people/sergey-lavrov/\n")
        self.assertRefused(
            f"{self.file}: record #2, field 'new': /people/sergey-lavrov/ is not a page of the "
            "archive (it answers 404)"
        )

    def test_a_redirect_to_a_page_the_load_removes_is_refused(self):
        self.write("- old: /quotes/kremlin/\n  new: /quotes/kremlin-2020-message/\n")
        call_command("load_archive", fixtures=self.fixtures, no_index=True, stdout=io.StringIO())
        change_records(
            self.fixtures,
            "quotes.yaml",
            lambda quotes: quotes.remove(by_slug(quotes, "kremlin-2020-message")),
        )
        self.assertRefused(
            f"{self.file}: record #1, field 'new': /quotes/kremlin-2020-message/ is not a page "
            "of the archive (it answers 404)"
        )

    def test_invalid_yaml_names_the_line(self):
        self.write("- old: /a/\n  new: [/b/\n")
        self.assertRefused(
            f"{self.file}: invalid YAML at line 3, column 1: did not find expected ',' or ']' "
            "(while parsing a flow sequence started at line 2)"
        )

    def test_every_broken_entry_is_named(self):
        self.write(
            GOOD
            + "- old: /a/\n  to: /b/\n"
            + "- old: people/x/\n  new: /people/vladimir-putin/\n"
            + "- old: /people/putin/\n  new: /people/kim-jong-un/\n"
            + "- old: /c/\n  new: /c/\n"
            + "- old: /d/\n  new: /e/\n- old: /e/\n  new: /d/\n"
            + "- old: /f/\n  new: /people/putin/\n"
            + "- just text\n"
        )
        self.assertRefused(
            f"{self.file}: record #2, field 'to': unknown field (expected old, new and reason)",
            f"{self.file}: record #2, field 'new': required field is missing",
            f"{self.file}: record #3, field 'old': expected a path on this site starting with /, "
            "found 'people/x/'",
            f"{self.file}: record #4, field 'old': /people/putin/ is already redirected by "
            "record #1",
            f"{self.file}: record #5, field 'new': redirects /c/ to itself",
            f"{self.file}: record #6, field 'new': points at /e/, which itself redirects to /d/ "
            "(a loop)",
            f"{self.file}: record #8, field 'new': points at /people/putin/, which itself "
            "redirects to /people/vladimir-putin/ (a chain)",
            f"{self.file}: record #9: must be a mapping of fields, found text ('just text')",
        )


class BrokenRedirectFileAtRuntimeTests(PageTestCase):
    """A server finding a broken file answers every missing page with its usual 404."""

    def broken(self, text):
        folder = Path(tempfile.mkdtemp(prefix="redirects-"))
        (folder / "redirects.yaml").write_text(text)
        return override_settings(FIXTURES_DIR=folder)

    def test_missing_pages_stay_404_in_the_format_asked(self):
        broken_files = {
            "invalid YAML": "- old: /a/\n  new: [/b/\n",
            "a bad target": "- old: /summits/\n  new: https://elsewhere.example/\n",
            "not a list": "old: /a/\n",
        }
        for problem, text in broken_files.items():
            with self.subTest(problem), self.broken(text):
                with self.assertLogs("archive.redirects", "WARNING") as logs:
                    page = self.client.get("/people/no-such-person/")
                self.assertEqual(page.status_code, 404)
                self.assertIn("text/html", page.headers["Content-Type"])
                self.assertIn("Redirects not applied", logs.output[0])
                data = self.client.get("/people/no-such-person.json")
                self.assertEqual(data.status_code, 404)
                self.assertEqual(data.headers["Content-Type"], "application/json")

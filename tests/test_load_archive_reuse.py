"""A second load reads and checks only the fixture items whose text changed (archive.loading.reuse),
with every guarantee of a full load: the same database, the same errors, nothing half-written.

Each test loads tests/fixtures_small once (which leaves the cache, in a temporary VAR_DIR), changes
a copy, and loads again. `checked` counts the records read and checked from their text.
"""

import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings

from archive.loading import FixtureError, load_archive, reuse, validation
from archive.models import LoadStamp, Person, Quote
from tests.loading_support import (
    by_slug,
    change_records,
    copy_of_small_fixtures,
    every_row,
    replace_text,
)

NEW_QUOTE = """
- slug: kremlin-2020-message-again
  text: A fourth example quotation.
  speaker: the-kremlin
  article: tass-2020-message
"""


class ReuseTestCase(TestCase):
    def setUp(self):
        var = Path(tempfile.mkdtemp(prefix="load-cache-"))
        self.addCleanup(shutil.rmtree, var)
        settings = override_settings(VAR_DIR=var)
        settings.enable()
        self.addCleanup(settings.disable)
        self.fixtures = copy_of_small_fixtures(self)
        load_archive(self.fixtures, rebuild_index=False)

    def load(self):
        """Load the copy; returns (report, slugs of the records checked from their text)."""
        with mock.patch.object(
            validation, "check_record", wraps=validation.check_record
        ) as check_record:
            report = load_archive(self.fixtures, rebuild_index=False)
        return report, [call.args[1].get("slug") for call in check_record.call_args_list]

    def assertRefused(self, line):
        before = every_row()
        with self.assertRaises(FixtureError) as raised:
            load_archive(self.fixtures, rebuild_index=False)
        self.assertIn(f"{self.fixtures}/{line}", [str(p) for p in raised.exception.problems])
        self.assertEqual(every_row(), before)

    def assertSameAsFullLoad(self):
        """Loading again without the cache, reading every record, finds nothing to change."""
        before = every_row()
        reuse.forget()
        report, checked = self.load()
        self.assertGreater(len(checked), 10, "every record was read again")
        self.assertFalse(report.changed, report.counts)
        self.assertEqual(every_row(), before)


class OnlyWhatChangedTests(ReuseTestCase):
    def test_one_changed_record_is_the_only_one_read_and_written(self):
        replace_text(self.fixtures, "quotes.yaml", "A third example", "A changed third example")

        report, checked = self.load()

        self.assertEqual(checked, ["kremlin-2020-message"])
        self.assertEqual(
            Quote.objects.get(slug="kremlin-2020-message").text,
            "A changed third example quotation.",
        )
        counts = report.counts["quotes"]
        self.assertEqual((counts.created, counts.updated, counts.unchanged), (0, 1, 2))
        self.assertEqual(counts.updated_slugs, {"kremlin-2020-message"})
        self.assertFalse(any(c.changed for name, c in report.counts.items() if name != "quotes"))
        self.assertSameAsFullLoad()

    def test_an_added_record_is_created(self):
        with open(self.fixtures / "quotes.yaml", "a") as file:
            file.write(NEW_QUOTE)

        report, checked = self.load()

        self.assertEqual(checked, ["kremlin-2020-message-again"])
        self.assertEqual(report.counts["quotes"].created_slugs, {"kremlin-2020-message-again"})
        self.assertEqual(
            Quote.objects.get(slug="kremlin-2020-message-again").speaker.slug, "the-kremlin"
        )
        self.assertSameAsFullLoad()

    def test_a_removed_record_is_deleted_without_reading_the_others(self):
        text = (self.fixtures / "quotes.yaml").read_text()
        # The items before it keep their text (the line break before "- " goes with the item).
        (self.fixtures / "quotes.yaml").write_text(text[: text.index("\n- slug: kremlin-2020")])

        report, checked = self.load()

        self.assertEqual(checked, [])
        self.assertEqual(report.counts["quotes"].deleted_slugs, {"kremlin-2020-message"})
        self.assertFalse(Quote.objects.filter(slug="kremlin-2020-message").exists())
        self.assertSameAsFullLoad()

    def test_a_link_added_on_one_side_updates_both_ends(self):
        replace_text(
            self.fixtures,
            "quotes.yaml",
            "  meeting: kremlin-message-2020\n",
            "  meeting: kremlin-message-2020\n  same_statement: [putin-2019-first]\n",
        )

        report, checked = self.load()

        self.assertEqual(checked, ["kremlin-2020-message"])
        first = Quote.objects.get(slug="putin-2019-first")
        self.assertEqual(
            {q.slug for q in first.same_statement.all()},
            {"putin-2019-first-again", "kremlin-2020-message"},
        )
        self.assertEqual(
            report.counts["quotes"].updated_slugs, {"kremlin-2020-message", "putin-2019-first"}
        )
        self.assertSameAsFullLoad()

    def test_a_file_that_starts_with_comments_is_read_item_by_item(self):
        self.assertTrue((self.fixtures / "outlets.yaml").read_text().startswith("#"))
        replace_text(self.fixtures, "outlets.yaml", "name: TASS", "name: TASS Russian News Agency")

        report, checked = self.load()

        self.assertEqual(checked, ["tass"])
        self.assertEqual(report.counts["outlets"].updated_slugs, {"tass"})

    def test_a_file_with_other_line_breaks_is_read_whole_and_loads_the_same(self):
        path = self.fixtures / "quotes.yaml"
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

        report, checked = self.load()

        self.assertEqual(len(checked), 3, "every quote read from the whole file")
        self.assertFalse(report.changed, report.counts)

    def test_nothing_changed_reads_nothing_and_writes_nothing(self):
        before = every_row()
        cache = reuse.cache_path().stat()
        report, checked = self.load()
        self.assertEqual(checked, [])
        self.assertFalse(report.changed)
        self.assertEqual(every_row(), before)
        self.assertEqual(reuse.cache_path().stat().st_mtime_ns, cache.st_mtime_ns)


class ChecksStillHoldTests(ReuseTestCase):
    def test_an_unchanged_record_pointing_at_a_removed_person_is_refused(self):
        change_records(
            self.fixtures,
            "people.yaml",
            lambda people: people.remove(by_slug(people, "the-kremlin")),
        )
        self.assertRefused(
            "quotes.yaml: record 'kremlin-2020-message', field 'speaker': no person with slug "
            "'the-kremlin'"
        )
        self.assertTrue(Person.objects.filter(slug="the-kremlin").exists())

    def test_an_unchanged_record_whose_slug_a_new_one_takes_is_refused(self):
        with open(self.fixtures / "quotes.yaml", "a") as file:
            file.write(NEW_QUOTE.replace("kremlin-2020-message-again", "putin-2019-first"))
        self.assertRefused(
            "quotes.yaml: record #4, field 'slug': slug 'putin-2019-first' is already used by "
            f"{self.fixtures}/quotes.yaml, record #1"
        )

    def test_a_yaml_error_in_a_changed_record_names_its_line_in_the_file(self):
        replace_text(self.fixtures, "quotes.yaml", "  text: A third", "  text: [A third")
        (problem,) = self.assertRefusedWithOne()
        self.assertEqual(
            problem,
            f"{self.fixtures}/quotes.yaml: invalid YAML at line 20, column 10: did not find "
            "expected ',' or ']' (while parsing a flow sequence started at line 19)",
        )

    def test_a_changed_record_without_its_slug_is_named_by_its_position(self):
        replace_text(self.fixtures, "quotes.yaml", "- slug: kremlin-2020-message\n  text", "- text")
        self.assertRefused("quotes.yaml: record #3, field 'slug': required field is missing")

    def test_a_document_end_between_items_is_an_error_as_before(self):
        replace_text(self.fixtures, "quotes.yaml", "\n- slug: kremlin", "\n...\n- slug: kremlin")
        (problem,) = self.assertRefusedWithOne()
        self.assertIn("quotes.yaml: invalid YAML", problem)

    def test_an_alias_to_another_items_anchor_reads_the_file_whole(self):
        replace_text(
            self.fixtures,
            "quotes.yaml",
            "  text: An example quotation used by the loader tests.",
            "  text: &words An example quotation used by the loader tests.",
        )
        replace_text(
            self.fixtures, "quotes.yaml", "  text: A third example quotation.", "  text: *words"
        )

        self.load()

        self.assertEqual(
            Quote.objects.get(slug="kremlin-2020-message").text,
            "An example quotation used by the loader tests.",
        )

    def assertRefusedWithOne(self):
        before = every_row()
        with self.assertRaises(FixtureError) as raised:
            load_archive(self.fixtures, rebuild_index=False)
        self.assertEqual(every_row(), before)
        return [str(problem) for problem in raised.exception.problems]


class FullPathTests(ReuseTestCase):
    """Whenever the cache cannot be trusted, every record is read and compared with its row."""

    def test_a_row_changed_behind_the_loaders_back_is_put_right(self):
        Quote.objects.filter(slug="putin-2019-first").update(text="Not what the fixtures say.")

        report, checked = self.load()

        self.assertGreater(len(checked), 10)
        self.assertEqual(report.counts["quotes"].updated_slugs, {"putin-2019-first"})
        self.assertEqual(
            Quote.objects.get(slug="putin-2019-first").text,
            "An example quotation used by the loader tests.",
        )

    def test_a_link_removed_behind_the_loaders_back_is_put_back(self):
        Quote.objects.get(slug="putin-2019-first").same_statement.clear()
        self.load()
        self.assertTrue(Quote.objects.get(slug="putin-2019-first").same_statement.exists())

    def test_a_corrupt_or_missing_cache_is_not_used(self):
        replace_text(self.fixtures, "quotes.yaml", "A third example", "A changed third example")
        for broken in (b"", b"not a pickle", None):
            with self.subTest(broken):
                if broken is None:
                    reuse.forget()
                else:
                    reuse.cache_path().write_bytes(broken)
                _, checked = self.load()
                self.assertGreater(len(checked), 10)
                self.assertEqual(
                    Quote.objects.get(slug="kremlin-2020-message").text,
                    "A changed third example quotation.",
                )

    def test_a_cache_from_another_load_is_not_used(self):
        LoadStamp.objects.update(token="another load")
        _, checked = self.load()
        self.assertGreater(len(checked), 10)

    def test_without_its_trigger_a_table_is_not_watched(self):
        self.assertTrue(reuse.watched())
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute('DROP TRIGGER "archive_quote_clears_load_stamp" ON archive_quote')
            else:
                cursor.execute('DROP TRIGGER "archive_quote_update_clears_load_stamp"')
        self.assertFalse(reuse.watched())
        Quote.objects.filter(slug="putin-2019-first").update(text="Not what the fixtures say.")

        _, checked = self.load()

        self.assertGreater(len(checked), 10)
        self.assertEqual(
            Quote.objects.get(slug="putin-2019-first").text,
            "An example quotation used by the loader tests.",
        )

    def test_a_record_the_cache_says_is_there_but_is_not_is_loaded_again(self):
        (token,) = LoadStamp.objects.values_list("token", flat=True)
        Quote.objects.filter(slug="putin-2019-first").delete()
        LoadStamp.objects.create(token=token)  # as if a trigger had not seen the delete

        report, checked = self.load()

        self.assertGreater(len(checked), 10, "read again, every record")
        self.assertEqual(report.counts["quotes"].created_slugs, {"putin-2019-first"})
        self.assertSameAsFullLoad()


class WatchedTablesTests(TestCase):
    def test_every_table_the_loader_writes_has_its_triggers(self):
        from importlib import import_module

        migration = import_module("archive.migrations.0007_loadstamp_write_triggers")
        self.assertEqual(
            sorted(meta.db_table for meta in reuse.written_tables()),
            sorted(migration.WRITTEN_TABLES),
        )
        self.assertTrue(reuse.watched())

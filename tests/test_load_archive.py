"""manage.py load_archive: what an operator sees when loading the archive and reloading it.

Most tests load tests/fixtures_small (see tests/loading_support.py) or a changed copy of it; broken
fixtures are in test_load_archive_errors.py.
"""

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.db.models import F
from django.test import SimpleTestCase, TestCase, TransactionTestCase

from archive.loading import load_archive
from archive.models import Article, DataLoad, Meeting, Outlet, Participation, Person, Quote, Role
from archive.progress import Progress
from tests.base import ArchiveTestCase
from tests.loading_support import (
    SMALL_FIXTURES,
    by_slug,
    change_records,
    copy_of_small_fixtures,
    every_row,
    load,
    replace_text,
)

ROOT = Path(__file__).resolve().parent.parent


class LoadingTests(TestCase):
    def test_loads_every_record_with_its_relations(self):
        output, _ = load(SMALL_FIXTURES)

        self.assertIn("Archive loaded", output)
        self.assertEqual(Outlet.objects.count(), 3)
        self.assertEqual(Person.objects.count(), 4)
        self.assertEqual(Meeting.objects.count(), 2)
        self.assertEqual(Article.objects.count(), 2)
        self.assertEqual(Quote.objects.count(), 3)

        putin = Person.objects.get(slug="vladimir-putin")
        self.assertEqual(
            [(role.title, str(role.start), str(role.end)) for role in putin.roles.all()],
            [
                ("President of Russia", "2012-05", "None"),
                ("Prime Minister of Russia", "2008", "2012"),
            ],
        )
        summit = Meeting.objects.get(slug="putin-kim-2019-vladivostok")
        self.assertEqual(str(summit.start), "2019-04-25")
        self.assertEqual(
            [(p.person.slug, p.part) for p in summit.participations.all()],
            [("vladimir-putin", "host"), ("kim-jong-un", "principal")],
        )
        article = Article.objects.get(slug="eurasia-review-2019-summit")
        self.assertEqual(article.outlet.slug, "eurasia-review")
        self.assertEqual(str(article.published), "2019-04")
        self.assertEqual([p.slug for p in article.authors.all()], ["an-author"])
        quote = Quote.objects.get(slug="putin-2019-first")
        self.assertEqual(
            (quote.speaker.slug, quote.meeting.slug, quote.channel.slug, quote.article.slug),
            ("vladimir-putin", "putin-kim-2019-vladivostok", "kremlin-website", article.slug),
        )

    def test_same_statement_links_both_ways(self):
        load(SMALL_FIXTURES)
        again = Quote.objects.get(slug="putin-2019-first-again")
        self.assertEqual([q.slug for q in again.same_statement.all()], ["putin-2019-first"])

    def test_markdown_is_rendered_once_and_sanitised(self):
        load(SMALL_FIXTURES)
        putin = Person.objects.get(slug="vladimir-putin")
        self.assertEqual(putin.bio_html, "<p>President of <strong>Russia</strong>.</p>")
        kim = Person.objects.get(slug="kim-jong-un")
        self.assertIn("<script", kim.bio, "the fixture does carry a script")
        self.assertIn("<p>Leader of North Korea.</p>", kim.bio_html)
        self.assertNotIn("<script", kim.bio_html)
        self.assertNotIn("alert", kim.bio_html)
        quote = Quote.objects.get(slug="putin-2019-first")
        self.assertEqual(quote.context_html, "<p>Said at the <em>press conference</em>.</p>")

    def test_loading_twice_changes_nothing(self):
        load(SMALL_FIXTURES)
        before = every_row()
        loads = DataLoad.objects.count()

        report = load_archive(SMALL_FIXTURES, rebuild_index=False)

        self.assertEqual(every_row(), before)
        self.assertEqual(DataLoad.objects.count(), loads, "cached pages stay valid")
        self.assertFalse(report.changed)
        for name, counts in report.counts.items():
            self.assertEqual((counts.created, counts.updated, counts.deleted), (0, 0, 0), name)
        self.assertEqual(report.counts["quotes"].unchanged, 3)

    def test_second_load_reports_nothing_to_do(self):
        load(SMALL_FIXTURES)
        output, _ = load(SMALL_FIXTURES)
        self.assertIn("Archive already up to date", output)
        self.assertRegex(output, r"quotes\s+0\s+0\s+3\s+0")

    def test_a_changed_record_is_updated_in_place(self):
        load(SMALL_FIXTURES)
        fixtures = copy_of_small_fixtures(self)
        replace_text(
            fixtures, "meetings.yaml", "city: Vladivostok", "city: Vladivostok (Russky Island)"
        )
        replace_text(fixtures, "quotes.yaml", "speaker: the-kremlin", "speaker: vladimir-putin")
        summit_pk = Meeting.objects.get(slug="putin-kim-2019-vladivostok").pk

        report = load_archive(fixtures, rebuild_index=False)

        summit = Meeting.objects.get(slug="putin-kim-2019-vladivostok")
        self.assertEqual((summit.pk, summit.city), (summit_pk, "Vladivostok (Russky Island)"))
        self.assertEqual(
            Quote.objects.get(slug="kremlin-2020-message").speaker.slug, "vladimir-putin"
        )
        self.assertEqual(report.counts["meetings"].updated, 1)
        self.assertEqual(report.counts["meetings"].unchanged, 1)
        self.assertEqual(report.counts["quotes"].updated, 1)
        self.assertEqual(DataLoad.objects.count(), 2, "a new version for every page")

    def test_an_article_moved_to_another_outlet_takes_its_quotes_with_it(self):
        load(SMALL_FIXTURES)
        article = "eurasia-review-2019-summit"
        taken = Quote.objects.filter(article__slug=article)
        self.assertEqual({q.outlet.slug for q in taken}, {"eurasia-review"})
        fixtures = copy_of_small_fixtures(self)
        replace_text(fixtures, "articles.yaml", "outlet: eurasia-review", "outlet: tass")

        load_archive(fixtures, rebuild_index=False)

        self.assertEqual({q.outlet.slug for q in taken.all()}, {"tass"})
        tass = Outlet.objects.get(slug="tass")
        self.assertEqual(
            set(Quote.objects.taken_from_outlet(tass)),
            set(Quote.objects.filter(article__outlet=tass)),
        )

    def test_quotes_written_in_bulk_get_their_articles_outlet(self):
        load(SMALL_FIXTURES)
        first = Quote.objects.first()
        Quote.objects.bulk_create(
            [Quote(slug="bulk", text="Bulk", speaker=first.speaker, article=first.article)]
        )
        Quote.objects.filter(slug=first.slug).update(outlet=None)
        self.assertEqual(Quote.objects.match_article_outlets(), 2)
        self.assertEqual(Quote.objects.match_article_outlets(), 0)
        self.assertFalse(Quote.objects.exclude(outlet=F("article__outlet")).exists())

    def test_a_field_left_out_goes_back_to_its_default(self):
        load(SMALL_FIXTURES)
        fixtures = copy_of_small_fixtures(self)
        replace_text(fixtures, "outlets.yaml", "  homepage: https://tass.com/\n", "")
        load(fixtures)
        self.assertEqual(Outlet.objects.get(slug="tass").homepage, "")

    def test_nested_and_many_to_many_changes_are_applied(self):
        load(SMALL_FIXTURES)
        fixtures = copy_of_small_fixtures(self)

        def swap_sides(meetings):
            summit = by_slug(meetings, "putin-kim-2019-vladivostok")
            summit["participants"].reverse()

        change_records(fixtures, "meetings.yaml", swap_sides)
        replace_text(fixtures, "quotes.yaml", "same_statement: [putin-2019-first-again]", "")
        report = load_archive(fixtures, rebuild_index=False)

        summit = Meeting.objects.get(slug="putin-kim-2019-vladivostok")
        self.assertEqual(
            [p.person.slug for p in summit.participations.all()], ["kim-jong-un", "vladimir-putin"]
        )
        self.assertFalse(Quote.objects.get(slug="putin-2019-first-again").same_statement.exists())
        self.assertEqual(report.counts["meetings"].updated, 1)
        # Both ends of the removed link changed.
        self.assertEqual(report.counts["quotes"].updated, 2)

    def test_a_record_removed_from_the_fixtures_is_deleted(self):
        load(SMALL_FIXTURES)
        fixtures = copy_of_small_fixtures(self)
        change_records(
            fixtures,
            "quotes.yaml",
            lambda quotes: quotes.remove(by_slug(quotes, "kremlin-2020-message")),
        )
        change_records(
            fixtures,
            "meetings.yaml",
            lambda meetings: meetings.remove(by_slug(meetings, "kremlin-message-2020")),
        )
        change_records(
            fixtures, "people.yaml", lambda people: people.remove(by_slug(people, "the-kremlin"))
        )

        output, _ = load(fixtures)

        self.assertFalse(Quote.objects.filter(slug="kremlin-2020-message").exists())
        self.assertFalse(Meeting.objects.filter(slug="kremlin-message-2020").exists())
        self.assertFalse(Person.objects.filter(slug="the-kremlin").exists())
        self.assertEqual(Participation.objects.count(), 2)
        self.assertRegex(output, r"quotes\s+0\s+0\s+2\s+1")
        self.assertRegex(output, r"people\s+0\s+0\s+3\s+1")


class RollbackTests(TransactionTestCase):
    """A failure half way through writing leaves the database exactly as it was (real commits)."""

    def test_a_failure_while_writing_rolls_everything_back(self):
        load_archive(SMALL_FIXTURES, rebuild_index=False)
        before = every_row()
        fixtures = copy_of_small_fixtures(self)
        replace_text(fixtures, "outlets.yaml", "name: TASS", "name: TASS Russian News Agency")
        replace_text(fixtures, "quotes.yaml", "Said at the *press conference*.", "Breaks the load.")

        def failing_render(text):
            if text == "Breaks the load.":
                raise RuntimeError("the renderer failed")
            return original_render(text)

        from archive.loading import saving

        original_render = saving.render_markdown
        with mock.patch.object(saving, "render_markdown", failing_render):
            with self.assertRaisesMessage(RuntimeError, "the renderer failed"):
                load_archive(fixtures, rebuild_index=False)

        self.assertEqual(every_row(), before)
        self.assertEqual(Outlet.objects.get(slug="tass").name, "TASS")


class ProgressTests(SimpleTestCase):
    def test_plain_lines_when_not_on_a_terminal(self):
        stream = io.StringIO()
        items = list(Progress(stream).track(range(100), "Indexing quotes"))
        self.assertEqual(items, list(range(100)))
        lines = stream.getvalue().splitlines()
        self.assertEqual(
            lines[:3],
            ["Indexing quotes: 25/100", "Indexing quotes: 50/100", "Indexing quotes: 75/100"],
        )
        self.assertRegex(lines[3], r"^Indexing quotes: 100/100 done in \d+\.\d\d s$")
        self.assertNotIn("\r", stream.getvalue())

    def test_a_bar_on_a_terminal(self):
        class Terminal(io.StringIO):
            def isatty(self):
                return True

        stream = Terminal()
        list(Progress(stream).track(range(100), "Indexing quotes"))
        self.assertRegex(stream.getvalue(), r"\rIndexing quotes: 100%\|\S+\| 100/100 ")

    def test_nothing_without_a_stream(self):
        self.assertEqual(list(Progress().track([1, 2], "Loading")), [1, 2])


class CommandOutputTests(TestCase):
    def test_progress_and_summary_as_plain_lines(self):
        output, _ = load(SMALL_FIXTURES)
        lines = output.splitlines()
        self.assertIn("Checking fixtures: 5/5 done in", output)
        self.assertTrue(any(line.startswith("Loading quotes: 3/3 done in") for line in lines))
        self.assertRegex(output, r"\s+created\s+updated\s+unchanged\s+deleted\n")
        self.assertRegex(output, r"outlets\s+3\s+0\s+0\s+0")
        self.assertNotIn("\r", output)

    def test_quiet_with_verbosity_zero(self):
        output, _ = load(SMALL_FIXTURES, verbosity=0)
        self.assertEqual(output, "")


class CommandLineTests(SimpleTestCase):
    """`manage.py load_archive` in its own process, on its own database and index."""

    def run_manage(self, *args, env):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def test_loads_indexes_and_refuses_broken_fixtures_with_a_failing_status(self):
        var = Path(tempfile.mkdtemp(prefix="load-archive-"))
        self.addCleanup(shutil.rmtree, var)
        env = {
            **os.environ,
            "SECRET_KEY": "tests-only",
            "DATABASE_URL": f"sqlite:///{var / 'archive.sqlite3'}",
            "WHOOSH_PATH": str(var / "whoosh"),
        }
        self.assertEqual(self.run_manage("migrate", "--no-input", "-v0", env=env).returncode, 0)

        loaded = self.run_manage("load_archive", "--fixtures", str(SMALL_FIXTURES), env=env)
        self.assertEqual(loaded.returncode, 0, loaded.stderr)
        self.assertIn("Archive loaded", loaded.stdout)
        self.assertRegex(loaded.stdout, r"Search index: [1-9]\d* documents")

        broken = copy_of_small_fixtures(self)
        replace_text(broken, "quotes.yaml", "speaker: the-kremlin", "speaker: the-kremlim")
        refused = self.run_manage("load_archive", "--fixtures", str(broken), "--no-index", env=env)
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn(
            f"{broken}/quotes.yaml: record 'kremlin-2020-message', field 'speaker': no person "
            "with slug 'the-kremlim'",
            refused.stderr,
        )
        self.assertIn("1 problem in", refused.stderr)
        with sqlite3.connect(var / "archive.sqlite3") as database:
            (speaker,) = database.execute(
                "select p.slug from archive_quote q join archive_person p on p.id = q.speaker_id "
                "where q.slug = 'kremlin-2020-message'"
            ).fetchone()
        self.assertEqual(speaker, "the-kremlin")


class RealFixturesTests(ArchiveTestCase):
    """The archive itself: every fixture file loads, and loads idempotently."""

    def test_every_fixture_record_is_in_the_database(self):
        counts = self.load_report.counts
        self.assertEqual(counts["outlets"].created, Outlet.objects.count())
        self.assertEqual(counts["people"].created, Person.objects.count())
        self.assertEqual(counts["meetings"].created, Meeting.objects.count())
        self.assertEqual(counts["articles"].created, Article.objects.count())
        self.assertEqual(counts["quotes"].created, Quote.objects.count())
        self.assertGreater(Quote.objects.count(), 0)
        self.assertTrue(Role.objects.exists())

    def test_loading_the_real_fixtures_again_changes_nothing(self):
        before = every_row()
        report = load_archive(settings.FIXTURES_DIR, rebuild_index=False)
        self.assertFalse(report.changed, report.counts)
        self.assertEqual(every_row(), before)

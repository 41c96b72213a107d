"""manage.py draft_article's files, load_archive refusing them, and make eval-draft's tables."""

import io
import shutil
import tempfile
from pathlib import Path

import yaml
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase, TestCase

from archive.loading import load_archive
from tests.drafting_support import require_seeds
from tests.loading_support import SMALL_FIXTURES, copy_of_small_fixtures, every_row

ARTICLE = """\
Skip to content
Putin and Kim sign a treaty in Pyongyang
By Jane Roe on 20 June 2024
Vladimir Putin and North Korean leader Kim Jong Un held summit talks in Pyongyang on Wednesday.
"The treaty provides for mutual assistance," Putin said after the talks, according to TASS.
John Smithers, a professor at Oxford, said: "It was theatre, and good theatre."
A banner read "Welcome" in Russian.
"""


def temporary_directory(test):
    directory = Path(tempfile.mkdtemp(prefix="draft-"))
    test.addCleanup(shutil.rmtree, directory)
    return directory


class CommandTests(SimpleTestCase):
    def setUp(self):
        self.directory = temporary_directory(self)
        self.article = self.directory / "article.txt"
        self.article.write_text(ARTICLE, encoding="utf-8")

    def run_command(self, *args, **options):
        stdout, stderr = io.StringIO(), io.StringIO()
        call_command(
            "draft_article", str(self.article), *args, stdout=stdout, stderr=stderr, **options
        )
        return stdout.getvalue(), stderr.getvalue()

    def test_writes_the_files_into_out(self):
        out = self.directory / "draft"
        stdout, stderr = self.run_command("--outlet", "tass", "--out", str(out))
        self.assertEqual(stdout, "")
        self.assertEqual(
            sorted(path.name for path in out.iterdir()),
            ["articles.yaml", "people.yaml", "quotes.yaml", "report.txt"],
        )
        (article,) = yaml.safe_load((out / "articles.yaml").read_text())
        self.assertEqual(article["title"], "Putin and Kim sign a treaty in Pyongyang")
        self.assertEqual(article["outlet"], "tass")
        self.assertEqual(article["published"], "2024-06-20")
        self.assertEqual(article["summary"], "")
        quotes = yaml.safe_load((out / "quotes.yaml").read_text())
        self.assertEqual(
            [(q["text"], q["speaker"]) for q in quotes],
            [
                ("The treaty provides for mutual assistance,", "vladimir-putin"),
                ("It was theatre, and good theatre.", "john-smithers"),
            ],
        )
        self.assertEqual(quotes[0]["channel"], "tass")
        self.assertEqual(quotes[0]["meeting"], "putin-kim-2024-pyongyang")
        self.assertEqual(quotes[0]["article"], article["slug"])
        people = yaml.safe_load((out / "people.yaml").read_text())
        self.assertEqual(
            [(p["slug"], p["name"], p["why"]["name"]) for p in people],
            [
                ("john-smithers", "John Smithers", "named as the speaker in ¶6"),
                ("jane-roe", "Jane Roe", "named in the byline"),
            ],
        )
        self.assertEqual(article["authors"], ["jane-roe"])
        for record in [article, *quotes, *people]:
            self.assertIs(record["draft"], True)
            self.assertTrue(record["why"])
        report = (out / "report.txt").read_text()
        self.assertIn("left out ¶7: “Welcome” — the words of a sign or display", report)
        self.assertIn("2 quotations drafted, 1 left out", stderr)

    def test_standard_output_has_one_yaml_document_per_file(self):
        stdout, _ = self.run_command("--outlet", "tass")
        documents = list(yaml.safe_load_all(stdout))
        self.assertEqual(
            [line for line in stdout.splitlines() if line.startswith("---")],
            ["--- # people.yaml", "--- # articles.yaml", "--- # quotes.yaml"],
        )
        self.assertEqual([len(d) for d in documents], [2, 1, 2])

    def test_no_outlet_people_or_outlets_files_for_known_names(self):
        self.article.write_text('Putin said: "We will help."\n', encoding="utf-8")
        stdout, _ = self.run_command()
        self.assertNotIn("people.yaml", stdout)
        (article,) = yaml.safe_load(
            stdout.split("--- # quotes.yaml")[0].split("--- # articles.yaml")[1]
        )
        self.assertIsNone(article["outlet"])
        self.assertEqual(article["why"]["outlet"], "not found: pass --outlet")

    def test_an_unknown_outlet_or_missing_file_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "No outlet with slug 'nowhere'"):
            self.run_command("--outlet", "nowhere")
        self.article = self.directory / "missing.txt"
        with self.assertRaisesMessage(CommandError, "No such file"):
            self.run_command()


class LoaderRefusesDraftsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_archive(SMALL_FIXTURES, rebuild_index=False)

    def setUp(self):
        self.fixtures = copy_of_small_fixtures(self)

    def add_quote(self, **marks):
        path = self.fixtures / "quotes.yaml"
        records = yaml.safe_load(path.read_text())
        records.append(
            {
                "slug": "putin-2019-drafted",
                "text": "A drafted quotation.",
                "speaker": "vladimir-putin",
                "article": "eurasia-review-2019-summit",
                **marks,
            }
        )
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))

    def load(self):
        stderr = io.StringIO()
        call_command(
            "load_archive",
            fixtures=self.fixtures,
            no_index=True,
            stdout=io.StringIO(),
            stderr=stderr,
        )
        return stderr.getvalue()

    def test_a_record_marked_draft_is_refused_and_nothing_is_loaded(self):
        self.add_quote(draft=True, confidence=0.9, why={"speaker": "the text says 'Putin said'"})
        before = every_row()
        stderr = io.StringIO()
        with self.assertRaises(CommandError):
            call_command(
                "load_archive",
                fixtures=self.fixtures,
                no_index=True,
                stdout=io.StringIO(),
                stderr=stderr,
            )
        self.assertEqual(
            stderr.getvalue().splitlines(),
            [
                f"{self.fixtures}/quotes.yaml: record 'putin-2019-drafted', field 'draft': is a "
                "draft (draft: true): review it, then remove 'draft', 'why' and 'confidence' "
                "before loading"
            ],
        )
        self.assertEqual(every_row(), before)

    def test_once_the_marks_are_removed_it_loads(self):
        self.add_quote()
        self.load()
        from archive.models import Quote

        self.assertTrue(Quote.objects.filter(slug="putin-2019-drafted").exists())


class EditorsPathTests(TestCase):
    """Pasted text, draft, review (the marks removed), load: the README's path, end to end."""

    def test_reviewed_drafts_load(self):
        fixtures = copy_of_small_fixtures(self)
        article = temporary_directory(self) / "article.txt"
        article.write_text(
            "Putin meets Kim in Vladivostok\n"
            "By Jane Roe on 26 April 2019\n"
            "Vladimir Putin and Kim Jong Un met in Vladivostok on Thursday.\n"
            '"The talks were useful," Putin told reporters, according to TASS.\n',
            encoding="utf-8",
        )
        out = temporary_directory(self)
        call_command(
            "draft_article", str(article), outlet="tass", out=out, fixtures=fixtures,
            stdout=io.StringIO(), stderr=io.StringIO(),
        )  # fmt: skip
        for name in ("people", "articles", "quotes"):
            drafted = yaml.safe_load((out / f"{name}.yaml").read_text())
            for record in drafted:  # the editor's review, reduced to removing the marks
                for mark in ("draft", "why", "confidence"):
                    record.pop(mark, None)
            path = fixtures / f"{name}.yaml"
            records = yaml.safe_load(path.read_text()) + drafted
            path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))
        load_archive(fixtures, rebuild_index=False)
        from archive.models import Quote

        quote = Quote.objects.get(text="The talks were useful,")
        self.assertEqual(
            (quote.speaker.slug, quote.channel.slug, quote.meeting.slug, str(quote.said_on)),
            ("vladimir-putin", "tass", "putin-kim-2019-vladivostok", "2019-04-25"),
        )
        self.assertEqual(quote.article.authors.get().name, "Jane Roe")


class EvalDraftTests(SimpleTestCase):
    def test_prints_the_seed_table_and_the_held_out_table_with_targets_met(self):
        seeds = require_seeds(self)
        stdout = io.StringIO()
        call_command("eval_draft", seeds=seeds, stdout=stdout)
        text = stdout.getvalue()
        self.assertIn("Source documents against the curated fixtures", text)
        self.assertIn("Held-out articles against hand-made records", text)
        for name in ("000", "001", "002", "003", "004", "wire_copy", "think_tank", "blog_comments"):
            self.assertIn(f"| {name} ", text)
        seed_total = next(line for line in text.splitlines() if line.startswith("| total"))
        cells = [cell.strip() for cell in seed_total.strip("|").split("|")]
        recall, precision, speaker, channel, meeting = (int(c.rstrip("%")) for c in cells[4:9])
        self.assertGreaterEqual(recall, 95)
        self.assertGreaterEqual(precision, 85)
        self.assertGreaterEqual(speaker, 90)
        self.assertGreaterEqual(min(channel, meeting), 80)

    def test_without_the_source_documents_it_says_where_it_looked(self):
        empty = temporary_directory(self)
        with self.assertRaisesMessage(CommandError, f"No source documents in {empty}"):
            call_command("eval_draft", seeds=empty, stdout=io.StringIO())

"""manage.py load_archive on broken fixtures: every problem named by file, record and field.

Each test breaks a copy of tests/fixtures_small after the good archive is loaded, and checks that
the command fails, prints the problem, and leaves every row of every table as it was.
"""

import io

from django.core.management import CommandError, call_command
from django.test import TestCase

from archive.loading import FixtureError, load_archive
from tests.loading_support import SMALL_FIXTURES, copy_of_small_fixtures, every_row, replace_text


class BrokenFixtureTests(TestCase):
    """Each broken set is reported with file, record and field, and nothing is written."""

    @classmethod
    def setUpTestData(cls):
        load_archive(SMALL_FIXTURES, rebuild_index=False)

    def setUp(self):
        self.fixtures = copy_of_small_fixtures(self)

    def assertRefused(self, *expected_lines):
        """The command fails, prints each expected line to stderr, and leaves every row alone."""
        before = every_row()
        stderr = io.StringIO()
        with self.assertRaises(CommandError) as raised:
            call_command(
                "load_archive",
                fixtures=self.fixtures,
                no_index=True,
                stdout=io.StringIO(),
                stderr=stderr,
            )
        self.assertIn("nothing was loaded", str(raised.exception))
        printed = stderr.getvalue().splitlines()
        for line in expected_lines:
            self.assertIn(self.path(line), printed)
        self.assertEqual(every_row(), before)
        return printed

    def path(self, line):
        return f"{self.fixtures}/{line}"

    def test_bad_yaml_names_the_line(self):
        replace_text(
            self.fixtures, "outlets.yaml", "  name: Eurasia Review", "  name: [Eurasia Review"
        )
        (line,) = self.assertRefused()
        self.assertEqual(
            line,
            f"{self.fixtures}/outlets.yaml: invalid YAML at line 16, column 7: did not find "
            "expected ',' or ']' (while parsing a flow sequence started at line 15)",
        )

    def test_unknown_field(self):
        replace_text(
            self.fixtures, "quotes.yaml", "  speaker: the-kremlin", "  speakr: the-kremlin"
        )
        self.assertRefused(
            "quotes.yaml: record 'kremlin-2020-message', field 'speakr': unknown field "
            "(did you mean 'speaker'?)",
            "quotes.yaml: record 'kremlin-2020-message', field 'speaker': "
            "required field is missing",
        )

    def test_quote_whose_speaker_does_not_exist(self):
        replace_text(self.fixtures, "quotes.yaml", "speaker: the-kremlin", "speaker: the-kremlim")
        self.assertRefused(
            "quotes.yaml: record 'kremlin-2020-message', field 'speaker': no person with slug "
            "'the-kremlim' (did you mean 'the-kremlin'?)"
        )

    def test_relation_inside_a_list_or_nested_record_that_does_not_exist(self):
        replace_text(self.fixtures, "articles.yaml", "authors: [an-author]", "authors: [nobody]")
        replace_text(self.fixtures, "meetings.yaml", "person: kim-jong-un", "person: kim")
        self.assertRefused(
            "articles.yaml: record 'eurasia-review-2019-summit', field 'authors': no person with "
            "slug 'nobody'",
            "meetings.yaml: record 'putin-kim-2019-vladivostok', field 'participants[2].person': "
            "no person with slug 'kim'",
        )

    def test_duplicate_slug_in_one_file(self):
        replace_text(self.fixtures, "people.yaml", "slug: an-author", "slug: the-kremlin")
        self.assertRefused(
            "people.yaml: record #4, field 'slug': slug 'the-kremlin' is already used by "
            f"{self.fixtures}/people.yaml, record #3"
        )

    def test_duplicate_slug_across_files_of_one_model(self):
        (self.fixtures / "quotes").mkdir()
        (self.fixtures / "quotes" / "more.yaml").write_text(
            "- slug: putin-2019-first\n  text: Again.\n  speaker: vladimir-putin\n"
            "  article: tass-2020-message\n"
        )
        self.assertRefused(
            "quotes/more.yaml: record #1, field 'slug': slug 'putin-2019-first' is already used "
            f"by {self.fixtures}/quotes.yaml, record #1"
        )

    def test_a_date_that_is_not_a_date(self):
        replace_text(self.fixtures, "meetings.yaml", "start: 2019-04-25", "start: 2023-02-30")
        replace_text(self.fixtures, "articles.yaml", "published: 2019-04", "published: sometime")
        self.assertRefused(
            "meetings.yaml: record 'putin-kim-2019-vladivostok', field 'start': not a date "
            "(no such day): '2023-02-30'",
            "articles.yaml: record 'eurasia-review-2019-summit', field 'published': not a date "
            "(expected YYYY, YYYY-MM or YYYY-MM-DD): 'sometime'",
        )

    def test_an_end_before_the_start(self):
        replace_text(self.fixtures, "people.yaml", "start: 2008", "start: 2013")
        self.assertRefused(
            "people.yaml: record 'vladimir-putin', field 'roles[2].end': ends (2012) before it "
            "starts (2013)"
        )

    def test_a_missing_required_field(self):
        replace_text(self.fixtures, "articles.yaml", "  seed_document: 002_example.txt\n", "")
        self.assertRefused(
            "articles.yaml: record 'tass-2020-message', field 'seed_document': required field is "
            "missing"
        )

    def test_a_record_without_a_slug_is_named_by_its_position(self):
        replace_text(self.fixtures, "outlets.yaml", "- slug: eurasia-review\n  name", "- name")
        self.assertRefused("outlets.yaml: record #3, field 'slug': required field is missing")

    def test_an_invalid_choice_lists_the_valid_ones(self):
        replace_text(self.fixtures, "meetings.yaml", "kind: summit", "kind: summmit")
        (line,) = self.assertRefused()
        self.assertIn("record 'putin-kim-2019-vladivostok', field 'kind': Value 'summmit'", line)
        self.assertIn("Use one of: summit, sideline, visit, message, event.", line)

    def test_a_bad_url(self):
        replace_text(self.fixtures, "outlets.yaml", "https://tass.com/", "tass dot com")
        self.assertRefused("outlets.yaml: record 'tass', field 'homepage': Enter a valid URL.")

    def test_a_value_of_the_wrong_type(self):
        # YAML reads an unquoted NO (Norway) as false: the loader says so, never stores "False".
        replace_text(self.fixtures, "outlets.yaml", "country: RU", "country: NO")
        replace_text(self.fixtures, "people.yaml", "is_leader: true", "is_leader: sometimes")
        self.assertRefused(
            "outlets.yaml: record 'tass', field 'country': expected text, "
            "found true/false (False); put text in quotes",
            "people.yaml: record 'vladimir-putin', field 'is_leader': expected true or false, "
            "found text ('sometimes')",
        )

    def test_a_key_given_twice_in_one_record(self):
        replace_text(
            self.fixtures, "outlets.yaml", "  name: TASS\n", "  name: TASS\n  name: ITAR-TASS\n"
        )
        (line,) = self.assertRefused()
        self.assertIn("outlets.yaml: invalid YAML at line 4", line)
        self.assertIn("found the key 'name' twice", line)

    def test_a_person_listed_twice_in_one_meeting(self):
        replace_text(
            self.fixtures, "meetings.yaml", "person: kim-jong-un", "person: vladimir-putin"
        )
        self.assertRefused(
            "meetings.yaml: record 'putin-kim-2019-vladivostok', field 'participants[2].person': "
            "'vladimir-putin' is listed more than once"
        )

    def test_a_file_that_is_not_a_list_of_records(self):
        (self.fixtures / "outlets.yaml").write_text("slug: tass\nname: TASS\n")
        replace_text(
            self.fixtures,
            "articles.yaml",
            "- slug: tass-2020-message",
            "- tass-2020-message\n- slug: x",
        )
        printed = self.assertRefused(
            "outlets.yaml: must be a list of records, found a mapping",
            "articles.yaml: record #2: must be a mapping of fields, "
            "found text ('tass-2020-message')",
        )
        self.assertEqual(len(printed), len(set(printed)))

    def test_a_missing_or_misnamed_file(self):
        (self.fixtures / "quotes.yaml").rename(self.fixtures / "quote.yaml")
        self.assertRefused(
            "quotes.yaml: missing",
            "quote.yaml: not a fixture file the archive knows (expected articles.yaml, "
            "meetings.yaml, outlets.yaml, people.yaml, quotes.yaml, redirects.yaml)",
        )

    def test_every_problem_is_reported_at_once(self):
        replace_text(self.fixtures, "quotes.yaml", "speaker: the-kremlin", "speaker: nobody")
        replace_text(self.fixtures, "meetings.yaml", "start: 2019-04-25", "start: 2019-13")
        replace_text(
            self.fixtures, "outlets.yaml", "kind: analysis", "kind: analysis\n  colour: red"
        )
        printed = self.assertRefused()
        self.assertEqual(len(printed), 3, printed)

    def test_the_error_lists_every_problem_one_per_line(self):
        replace_text(self.fixtures, "quotes.yaml", "speaker: the-kremlin", "speaker: nobody")
        replace_text(self.fixtures, "articles.yaml", "outlet: tass", "outlet: tas")
        with self.assertRaises(FixtureError) as raised:
            load_archive(self.fixtures, rebuild_index=False)
        self.assertEqual(len(raised.exception.problems), 2)
        self.assertEqual(
            str(raised.exception).splitlines(), [str(p) for p in raised.exception.problems]
        )

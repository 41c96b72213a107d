"""manage.py audit_sources: a record's fields beside the source lines they came from."""

import io
import os
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase

from tests.source_support import source_documents


def audit(*args, **options):
    out = io.StringIO()
    call_command("audit_sources", *args, stdout=out, **options)
    return out.getvalue()


class AuditSourcesTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        source_documents()  # skips, or fails under CI, without them

    def test_one_record_beside_its_source_paragraphs(self):
        output = audit("quotes", slug="kim-2023-important-step")
        self.assertIn("quotes.yaml · kim-2023-important-step", output)
        # The source line, then the fields, each date marked with where it comes from.
        source = output.index("003 ¶20            Regardless of Seoul’s fury")
        fields = output.index("-- Fields")
        self.assertLess(source, fields)
        self.assertIn("said_on            2023-09-13   [in the source]", output)
        self.assertIn("relayed_by         yonhap", output)
        self.assertIn("ok: dates and places sourced or declared", output)
        self.assertTrue(output.endswith("1 record audited, 0 warnings.\n"))

    def test_a_fact_from_beyond_the_sources_is_marked_so(self):
        output = audit("meetings.yaml", slug="lavrov-kim-2018-pyongyang")
        self.assertIn("start              2018-05-31   [beyond_sources]", output)
        self.assertIn("city               Pyongyang   [beyond_sources]", output)
        self.assertIn("latitude           39.01944   [beyond_sources]", output)

    def test_a_whole_file(self):
        output = audit(str(Path(settings.FIXTURES_DIR) / "people.yaml"))
        self.assertEqual(output.count("people.yaml · "), 34)
        self.assertTrue(output.endswith("34 records audited, 0 warnings.\n"))

    def test_warns_of_what_the_source_does_not_support(self):
        with tempfile.TemporaryDirectory() as directory:
            Path(directory, "meetings.yaml").write_text(
                "- slug: invented-meeting\n"
                '  source_paragraphs: ["004 ¶18"]\n'
                "  title: A meeting\n"
                "  start: 2018-06-02\n"
                "  city: Vladivostok\n"
                "  summary: They met in Vladivostok in June 2018.\n",
                encoding="utf-8",
            )
            output = audit("meetings", fixtures=Path(directory))
        self.assertIn("start              2018-06-02   [NOT SOURCED]", output)
        self.assertIn("! start 2018-06-02: the year, month, day not sourced", output)
        self.assertIn("! city 'Vladivostok' is neither in the source nor in beyond_sources", output)
        self.assertIn("! summary mentions June 2018: the year, month not sourced", output)
        self.assertTrue(output.endswith("1 record audited, 3 warnings.\n"))

    def test_unknown_slug_or_file_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "No record with slug 'no-such-quote'"):
            audit("quotes", slug="no-such-quote")
        with self.assertRaisesMessage(CommandError, "'summits.yaml' is not a fixture file"):
            audit("summits.yaml")

    def test_missing_source_documents_are_a_clear_error(self):
        with mock.patch.dict(os.environ, {"SEEDS_DIR": "/nonexistent"}):
            with self.assertRaisesMessage(CommandError, "set SEEDS_DIR"):
                audit("quotes")

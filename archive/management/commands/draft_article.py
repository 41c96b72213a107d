"""manage.py draft_article PATH: draft fixture records from an article's pasted text."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.drafting import Reference, draft_article
from archive.drafting.records import draft_files


class Command(BaseCommand):
    help = (
        "Read the plain text of an article (as pasted from a web page) and write draft records "
        "for it in the fixture format, each marked draft: true with a why: note on every guess. "
        "The report of what was drafted and what was left out goes to standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The article's text (UTF-8), or - for stdin.")
        parser.add_argument("--outlet", help="The slug of the outlet that published it.")
        parser.add_argument(
            "--out",
            type=Path,
            help="Directory to write articles.yaml, quotes.yaml (and people.yaml, outlets.yaml "
            "for new names) and report.txt into. Default: standard output, one YAML document "
            "per file.",
        )
        parser.add_argument(
            "--fixtures",
            type=Path,
            default=settings.FIXTURES_DIR,
            help="The archive whose people, outlets and meetings the draft refers to.",
        )

    def handle(self, *args, path, outlet, out, fixtures, **options):
        text = read_text(path)
        reference = Reference.from_fixtures(fixtures)
        if outlet and outlet not in reference.outlets:
            raise CommandError(f"No outlet with slug '{outlet}' in {fixtures}/outlets.yaml.")
        draft = draft_article(text, reference)
        source_name = None if str(path) == "-" else path.name
        files = draft_files(draft, reference, outlet, source_name)
        report = draft.report()
        if out is None:
            for name, content in files.items():
                self.stdout.write(f"--- # {name}\n{content}", ending="")
        else:
            out.mkdir(parents=True, exist_ok=True)
            for name, content in files.items():
                (out / name).write_text(content, encoding="utf-8")
            (out / "report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
        for line in report:
            self.stderr.write(line)
        kept = len(draft.kept)
        where = f" in {out}" if out else ""
        self.stderr.write(
            f"{kept} quotation{'s' if kept != 1 else ''} drafted, "
            f"{len(draft.quotations) - kept} left out{where}. Review each record, remove "
            "'draft', 'why' and 'confidence', then copy it into fixtures/."
        )


def read_text(path):
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"No such file: {path}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not UTF-8 text.") from None

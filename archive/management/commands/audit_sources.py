"""manage.py audit_sources [FILE] [--slug SLUG]: each record's fields beside its source lines.

For a reviewer checking the fixtures against the source documents: every record (of one file, or
the one with SLUG) is printed with the lines of the seed files it names in `source_paragraphs`,
then its fields, each date and place marked with where it comes from, then what the automatic
checks found (archive/source_checks.py). It reads the fixture files, not the database.
"""

import textwrap
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive import source_checks
from archive.dates import PartialDate
from archive.loading.schema import MODEL_FILES

WIDTH = 100
LABEL = 18  # width of the field-name column


class Command(BaseCommand):
    help = (
        "Print each fixture record's fields beside the source paragraphs it came from, with "
        "what the source checks found, for a human reviewer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="A fixture file (quotes.yaml, or just quotes); default: all."
        )
        parser.add_argument("--slug", help="Only the record with this slug.")
        parser.add_argument(
            "--fixtures",
            type=Path,
            default=settings.FIXTURES_DIR,
            help="Directory of fixture files (default: the FIXTURES_DIR setting).",
        )

    def handle(self, *args, file, slug, fixtures, **options):
        names = {spec.name for spec in MODEL_FILES}
        if file is not None and Path(file).name.removesuffix(".yaml") not in names:
            known = ", ".join(f"{spec.name}.yaml" for spec in MODEL_FILES)
            raise CommandError(f"'{file}' is not a fixture file the archive knows ({known}).")
        documents = source_checks.SourceDocuments(source_checks.seeds_dir())
        if not documents.available:
            raise CommandError(
                f"The source documents are not in {documents.directory}: set SEEDS_DIR to the "
                "directory that holds 000_….txt to 004_….txt."
            )

        everything = source_checks.fixture_records(fixtures)
        articles = {r.slug: r for r in everything if r.file == "articles.yaml"}
        chosen = [
            record
            for record in everything
            if (file is None or record.file == f"{Path(file).name.removesuffix('.yaml')}.yaml")
            and (slug is None or record.slug == slug)
        ]
        if not chosen:
            where = f" in {file}" if file else ""
            raise CommandError(f"No record with slug '{slug}'{where}.")

        whole_text = documents.whole_text()
        warnings = 0
        for record in chosen:
            warnings += self.audit(record, documents, articles, whole_text)
        records = f"{len(chosen)} record{'s' if len(chosen) != 1 else ''}"
        self.stdout.write(f"{records} audited, {warnings} warning{'s' if warnings != 1 else ''}.")

    def audit(self, record, documents, articles, whole_text):
        """Print one record; return how many warnings it has."""
        write = self.stdout.write
        write("=" * WIDTH)
        write(f"{record.file} · {record.slug}")
        references = source_checks.record_references(record, articles)
        inherited = "" if record.references else " (none named: the whole source document)"
        write(f"-- Source paragraphs{inherited}")
        problems = []
        paragraphs = ""
        try:
            for reference in references:
                for number, text in documents.paragraphs(reference):
                    if text.strip():
                        write(wrapped(f"{reference[:3]} ¶{number}", text))
            paragraphs = documents.text(references)
        except (KeyError, ValueError) as error:
            problems.append(f"source_paragraphs: {error}")

        write("-- Fields")
        beyond = record.data.get("beyond_sources") or ""
        for name, value in record.data.items():
            if name == "source_paragraphs":
                continue
            mark = origin(name, value, paragraphs, beyond)
            write(wrapped(name, show(value) + (f"   [{mark}]" if mark else "")))

        for name in source_checks.PROSE_FIELDS:
            for run in source_checks.copied_runs(record.data.get(name) or "", whole_text):
                problems.append(f"{name} copies more than ten words of a source: “{run}”")
        problems += source_checks.unsupported_facts(record.data, paragraphs)
        write("-- Checks")
        for problem in problems:
            write(f"   ! {problem}")
        if not problems:
            write("   ok: dates and places sourced or declared, no prose copied")
        return len(problems)


def origin(name, value, paragraphs, beyond):
    """Where a date or a place comes from: 'in the source', 'beyond_sources' or 'NOT SOURCED'."""
    if value is None:
        return ""
    if name in source_checks.DATE_FIELDS:
        date = PartialDate.parse(str(value))
        if not source_checks.missing_date_parts(date, paragraphs, ""):
            return "in the source"
        if not source_checks.missing_date_parts(date, paragraphs, beyond):
            return "beyond_sources"
        return "NOT SOURCED"
    if name in source_checks.PLACE_FIELDS:
        parts = [part.strip() for part in str(value).split(",") if part.strip()]
        if all(source_checks.place_is_supported(part, paragraphs, "") for part in parts):
            return "in the source"
        if all(source_checks.place_is_supported(part, paragraphs, beyond) for part in parts):
            return "beyond_sources"
        return "NOT SOURCED"
    if name in ("latitude", "longitude"):
        return "beyond_sources" if "coordinates" in beyond else "NOT SOURCED"
    return ""


def show(value):
    if isinstance(value, list):
        return "; ".join(show(item) for item in value) if value else "[]"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return " ".join(str(value).split())


def wrapped(label, text):
    indent = " " * (LABEL + 4)
    lines = textwrap.wrap(
        text, WIDTH, initial_indent=f"   {label:<{LABEL}} ", subsequent_indent=indent
    )
    return "\n".join(lines) or f"   {label}"

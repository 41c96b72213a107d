"""manage.py load_archive: check the fixtures, load them in one transaction, rebuild the index."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.interrupts import terminate_as_interrupt
from archive.loading import DeletionsRefused, FixtureError, LoadInterrupted, load_archive
from archive.loading.problems import display_path
from archive.progress import Progress

COLUMNS = ("created", "updated", "unchanged", "deleted")


class Command(BaseCommand):
    help = (
        "Validate every fixture file, load them all in one transaction (the database is left "
        "untouched if anything is wrong) and rebuild the search index. Records whose text is "
        "unchanged since the last load are not read again while the database is as that load "
        "left it (VAR_DIR/load-cache.pickle; archive.loading.reuse)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures",
            type=Path,
            default=settings.FIXTURES_DIR,
            help="Directory of fixture files (default: the FIXTURES_DIR setting).",
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Do not rebuild the search index."
        )
        parser.add_argument(
            "--rebuild-index",
            action="store_true",
            help="Rebuild the whole search index (by default only the changed records' documents "
            "are updated, when that is safe).",
        )
        parser.add_argument(
            "--allow-deletions",
            action="store_true",
            help="Load even a file with no records, or fixtures that delete more than a fifth "
            "of a table's records (refused otherwise).",
        )

    def handle(self, *args, fixtures, no_index, rebuild_index, allow_deletions, **options):
        # tqdm needs the real stream: Django's wrapper would add a newline to every redraw.
        stream = getattr(self.stdout, "_out", self.stdout)
        progress = Progress(stream if options["verbosity"] > 0 else None)
        try:
            with terminate_as_interrupt():
                report = load_archive(
                    fixtures,
                    rebuild_index=not no_index,
                    allow_deletions=allow_deletions,
                    progress=progress,
                    full_rebuild=rebuild_index,
                )
        except LoadInterrupted as error:
            raise CommandError(str(error)) from None
        except FixtureError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            count = len(error.problems)
            advice = (
                " To delete them, run again with --allow-deletions."
                if isinstance(error, DeletionsRefused)
                else ""
            )
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} in {display_path(fixtures)}; "
                f"nothing was loaded.{advice}"
            ) from None

        if options["verbosity"] > 0:
            # The index builder reports its own document count as it finishes.
            self.stdout.write(summary_table(report))
            if report.changed:
                outcome = "loaded"
            elif report.repaired:
                outcome = "repaired (the search index and page version caught up with the data)"
            else:
                outcome = "already up to date"
            self.stdout.write(self.style.SUCCESS(f"Archive {outcome} in {report.seconds:.1f} s"))


def summary_table(report):
    width = max(len(name) for name in report.counts)
    lines = [f"{'':<{width}}  " + "  ".join(f"{column:>9}" for column in COLUMNS)]
    for name, counts in report.counts.items():
        cells = "  ".join(f"{getattr(counts, column):>9}" for column in COLUMNS)
        lines.append(f"{name:<{width}}  {cells}")
    return "\n".join(lines)

"""manage.py build_search_index: rebuild the search index from the database, atomically."""

import sys

from django.core.management.base import BaseCommand, CommandError

from archive.interrupts import terminate_as_interrupt
from archive.progress import Progress
from search.indexing import rebuild_and_publish


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database. The new index is built beside the live "
        "one and swapped in when complete, so searches keep working meanwhile; then every "
        "page gets a new version."
    )

    def handle(self, *args, **options):
        try:
            with terminate_as_interrupt():
                report = rebuild_and_publish(progress=Progress(sys.stderr), reversion=True)
        except KeyboardInterrupt:
            raise CommandError(
                "interrupted: nothing was changed (the live index is as it was)"
            ) from None
        self.stdout.write(f"Search index rebuilt: {report.documents} documents.")

"""manage.py build_search_index: rebuild the search index from the database, atomically."""

import sys

from django.core.management.base import BaseCommand

from archive.progress import Progress
from search.indexing import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database. The new index is built beside the live "
        "one and swapped in when complete, so searches keep working meanwhile."
    )

    def handle(self, *args, **options):
        documents = rebuild_index(progress=Progress(sys.stderr))
        self.stdout.write(f"Search index rebuilt: {documents} documents.")

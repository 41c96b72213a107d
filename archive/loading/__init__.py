"""Loading the archive: validate every fixture file, write them in one transaction, index.

    report = load_archive(settings.FIXTURES_DIR)

Nothing touches the database until every file has been read and checked; a FixtureError lists
every problem (file, record, field, message). Writing happens in one transaction, so any failure
leaves the database exactly as it was. The search index is rebuilt after the commit.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from archive.models import Quote
from archive.progress import Progress
from search.indexing import rebuild_index as rebuild_search_index
from summit.freshness import record_load

from .problems import FixtureError, Problem
from .saving import ModelCounts, save_archive
from .validation import validate_fixtures

__all__ = ["FixtureError", "LoadReport", "ModelCounts", "Problem", "load_archive"]


@dataclass
class LoadReport:
    counts: dict = field(default_factory=dict)  # file name ("quotes") -> ModelCounts
    index_documents: int | None = None  # None when the index was not rebuilt
    seconds: float = 0.0

    @property
    def changed(self):
        return any(counts.changed for counts in self.counts.values())


def load_archive(fixtures_dir, *, rebuild_index=True, progress=None):
    started = time.monotonic()
    progress = progress or Progress()
    archive = validate_fixtures(Path(fixtures_dir), progress)
    with transaction.atomic():
        report = LoadReport(counts=save_archive(archive, progress))
        Quote.objects.match_article_outlets()
        if report.changed:
            # In the same transaction: readers never see new data under the old page version.
            record_load()
    if rebuild_index:
        report.index_documents = rebuild_search_index(progress=progress)
    report.seconds = time.monotonic() - started
    return report

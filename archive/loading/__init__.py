"""Loading the archive: validate every fixture file, write them in one transaction, index.

    report = load_archive(settings.FIXTURES_DIR)

Nothing touches the database until every file has been read and checked; a FixtureError lists
every problem (file, record, field, message). A file with no records or a load deleting a large
share of a table is refused unless `allow_deletions` (loading.deletions). Writing happens in
one transaction, so any failure leaves the database exactly as it was. The search index is
rebuilt after the commit, and only then do pages get their new version (archive.freshness): a
load killed in between leaves the old version, and the next load, finding the index out of step
with the database, rebuilds it and publishes the version ("repaired").

A second load costs in proportion to what changed: the records whose text the last load already
checked are taken from its cache instead of being read, checked and compared with their rows
again, while the database is exactly as that load left it (loading.reuse); the checks across
records still see every record.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from archive.faults import fault_point
from archive.freshness import record_load
from archive.models import Quote
from archive.progress import Progress

from . import reuse
from .deletions import DeletionsRefused, check_deletions
from .problems import FixtureError, Problem
from .redirects import unresolved_targets
from .saving import ModelCounts, save_archive
from .validation import validate_fixtures

__all__ = [
    "DeletionsRefused",
    "FixtureError",
    "LoadInterrupted",
    "LoadReport",
    "ModelCounts",
    "Problem",
    "load_archive",
]


class LoadInterrupted(Exception):
    """Ctrl-C or SIGTERM stopped the load; `committed` says whether the new data is in."""

    def __init__(self, committed):
        self.committed = committed
        if committed:
            message = (
                "interrupted: the database holds the new archive but the search index and the "
                "pages' version are still the old ones; run load_archive again to finish"
            )
        else:
            message = "interrupted: nothing was changed"
        super().__init__(message)


@dataclass
class LoadReport:
    counts: dict = field(default_factory=dict)  # file name ("quotes") -> ModelCounts
    index_documents: int | None = None  # None when the index was not rebuilt
    repaired: bool = False  # nothing to load, but the index and version caught up with the data
    seconds: float = 0.0

    @property
    def changed(self):
        return any(counts.changed for counts in self.counts.values())


def index_updater(name):
    """What updates the search index after a load, named in the settings so the archive never
    imports search (search reads the archive, not the other way round;
    tests/test_package_layers.py): ARCHIVE_INDEX_BUILDER rebuilds it whole,
    ARCHIVE_INDEX_UPDATER changes only the documents a load changed (search.incremental)."""
    return import_string(getattr(settings, name))


def load_archive(
    fixtures_dir, *, rebuild_index=True, allow_deletions=False, progress=None, full_rebuild=False
):
    """`rebuild_index` False leaves the index alone; else only the documents the load changed are
    updated (search.incremental), or all of them with `full_rebuild` or when that is not safe."""
    started = time.monotonic()
    progress = progress or Progress()
    committed = False
    try:
        try:
            report, archive, stamp, known = write_archive(
                fixtures_dir, progress, allow_deletions, rebuild_index
            )
        except reuse.StaleCache:
            reuse.forget()  # nothing was written: the same load, reading every record
            report, archive, stamp, known = write_archive(
                fixtures_dir, progress, allow_deletions, rebuild_index
            )
        committed = report.changed
        if stamp is not None:
            reuse.write_cache(archive, stamp, known)
        fault_point("after-commit")
        if rebuild_index:
            if full_rebuild:
                index = index_updater("ARCHIVE_INDEX_BUILDER")(progress=progress)
            else:
                index = index_updater("ARCHIVE_INDEX_UPDATER")(report.counts, progress=progress)
            report.index_documents = index.documents
            report.repaired = index.reversioned and not report.changed
    except KeyboardInterrupt:
        raise LoadInterrupted(committed) from None
    report.seconds = time.monotonic() - started
    return report


def write_archive(fixtures_dir, progress, allow_deletions, rebuild_index):
    """Check the fixtures and write them in one transaction. Records whose text the last load
    checked are reused (loading.reuse). Returns (report, archive, the stamp it left, and the
    cache entries it read if that cache still holds for the stamp)."""
    stamp, known = reuse.known_records()
    archive = validate_fixtures(Path(fixtures_dir), progress, known)
    if not allow_deletions:
        check_deletions(archive, Path(fixtures_dir))
    with transaction.atomic():
        if known and reuse.current_stamp() != stamp:
            raise reuse.StaleCache("another load wrote the archive meanwhile")
        report = LoadReport(counts=save_archive(archive, progress))
        Quote.objects.match_article_outlets()
        # Inside the transaction: a redirect to a page this load removed undoes the load.
        targets = unresolved_targets(archive.redirects, Path(fixtures_dir))
        if targets:
            raise FixtureError(targets)
        fault_point("before-commit")
        left = reuse.stamp_database(stamp)  # after every write of this load
        if report.changed:
            # Published at once without an index to wait for; else when the index is live.
            record_load(published=not rebuild_index)
    return report, archive, left, known if left == stamp else None

"""When the archive was loaded: the data version every page is dated by (archive.freshness)."""

from django.db import models
from django.utils import timezone


class DataLoad(models.Model):
    """One `load_archive` that changed the archive. The newest published row dates every page:
    its ETag and Last-Modified.

    A load that also rebuilds the search index is written unpublished (published_at empty) with
    the data, and published once the index built from it is live, so the pages' version changes
    only when the database and the index both hold the new data."""

    loaded_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, default=timezone.now)

    class Meta:
        get_latest_by = "id"
        # Created by the summit app's first migration, when the serving layer owned it.
        db_table = "summit_dataload"

    def __str__(self):
        return f"Archive loaded at {self.loaded_at:%Y-%m-%d %H:%M:%S} UTC"

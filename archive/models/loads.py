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


class LoadStamp(models.Model):
    """A random token the last load_archive that wrote the archive left in the same transaction,
    and kept in its cache of checked records (archive.loading.reuse). Every write to a table the
    loader writes deletes it (triggers, migration 0007): while its token is here, the database
    holds exactly what that load wrote, whoever else has been at it since."""

    token = models.CharField(max_length=32)

    def __str__(self):
        return self.token

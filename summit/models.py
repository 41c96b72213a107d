"""The one table the serving layer owns: when the archive was last loaded (summit.freshness)."""

from django.db import models
from django.utils import timezone


class DataLoad(models.Model):
    """One completed `load_archive`. The newest row dates every page: its ETag and Last-Modified."""

    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        get_latest_by = "id"

    def __str__(self):
        return f"Archive loaded at {self.loaded_at:%Y-%m-%d %H:%M:%S} UTC"

"""How fresh the pages are: one version for the whole site, changed by every data load and deploy.

Every page is built from the archive and the code, so a page can only change when the archive is
reloaded or a new release is deployed. The version names both: it is the ETag of every page,
the prefix of every cached page's key (a reload invalidates them all at once, in every process
and on every machine sharing the database) and, as a time, the pages' Last-Modified.

The version is that of the newest *published* load. The loader writes its DataLoad unpublished
in the transaction that writes the archive, and publishes it (publish_load) only once the search
index built from that data is live: until then readers keep the old version, so a search page
rendered from the old index can never be cached or revalidated under the new one. With
`--no-index` the load is published in its own transaction. Serving processes re-read the newest
published load from the database at most every DATA_VERSION_CHECK_SECONDS, so a page costs no
query for it; a negative value means "never re-read: only this process loads data" (the test
suite, where it keeps query counts exact).
"""

import hashlib
import threading
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone


def _loads():
    # Read at call time: the models import this module (archive.catalogue), not the reverse.
    from .models import DataLoad

    return DataLoad.objects


# When this code started serving (with gunicorn's preload_app, the same in every worker). A
# deploy restarts the server, so pages built by new templates get a new version even before
# the next data load. HTTP dates have whole seconds.
STARTED_AT = timezone.now().replace(microsecond=0)


@dataclass(frozen=True)
class Version:
    tag: str
    last_modified: datetime

    @property
    def etag(self):
        return f'"{self.tag}"'


def version_of(load_id, published_at):
    # RELEASE (e.g. the commit) makes versions agree across machines; without it each server
    # start counts as a release of its own.
    release = settings.RELEASE or STARTED_AT.isoformat()
    seed = f"{load_id}|{published_at.isoformat()}|{release}"
    tag = hashlib.sha256(seed.encode()).hexdigest()[:20]
    return Version(tag=tag, last_modified=max(published_at.replace(microsecond=0), STARTED_AT))


class _Remembered:
    """The version this process last saw, and when it looked (time.monotonic())."""

    lock = threading.Lock()
    version = None
    checked_at = 0.0

    @classmethod
    def set(cls, version):
        with cls.lock:
            cls.version, cls.checked_at = version, time.monotonic()
        return version


def record_load(published=True):
    """Record that the archive was just reloaded. Published, every cached page and ETag becomes
    stale at once; unpublished, nothing changes for readers until publish_load()."""
    load = _loads().create(published_at=timezone.now() if published else None)
    if published:
        _Remembered.set(version_of(load.id, load.published_at))
    return load


def publish_load(load, again=False):
    """Make `load` the pages' version (once the index built from it is live). `again` gives a
    published load a new version, for an index that was out of step with it. True if the
    version changed."""
    if load.published_at is not None and not again:
        return False
    load.published_at = timezone.now()
    load.save(update_fields=["published_at"])
    _Remembered.set(version_of(load.id, load.published_at))
    return True


def last_load():
    """The newest DataLoad, published or not, or None when the archive has never been loaded."""
    return _loads().order_by("-id").first()


def read_version():
    """The version from the database: what every process and machine agrees on."""
    published = _loads().filter(published_at__isnull=False)
    newest = published.order_by("-id").values_list("id", "published_at").first()
    return version_of(*(newest or (0, STARTED_AT)))


def current_version():
    interval = settings.DATA_VERSION_CHECK_SECONDS
    remembered = _Remembered.version
    if interval < 0:
        return remembered or _Remembered.set(version_of(0, STARTED_AT))
    if remembered is not None and time.monotonic() - _Remembered.checked_at < interval:
        return remembered
    return _Remembered.set(read_version())

"""Permanent redirects for addresses that moved: fixtures/redirects.yaml, old path -> new path.

A published address never simply disappears: when a record is renamed or merged, its old path is
added to redirects.yaml and RedirectMiddleware answers it with a 301 to the new one. Only pages
that would otherwise be a 404 are redirected, so an entry can never hide a live page.

    - old: /people/sergei-lavrov/
      new: /people/sergey-lavrov/
      reason: Renamed to the spelling the Kremlin uses.
"""

import logging
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponsePermanentRedirect

from archive import memo

REDIRECTS_FILE = "redirects.yaml"
KEYS = {"old", "new", "reason"}
DATA_SUFFIXES = {"json", "csv", "atom", "rss"}

logger = logging.getLogger(__name__)


def _check_path(value, where):
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//"):
        raise ImproperlyConfigured(f"{where}: a path on this site starting with / is expected")
    return value


def read_redirects(path):
    """{old path: new path} from a redirects file; a missing file means no redirects.

    load_archive checks the file thoroughly (archive.loading.redirects); this is the short
    check of a file read by a serving process.
    """
    path = Path(path)
    if not path.exists():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(entries, list):
        raise ImproperlyConfigured(f"{path}: a list of redirects is expected")
    redirects = {}
    for number, entry in enumerate(entries, start=1):
        where = f"{path}, redirect {number}"
        if not isinstance(entry, dict) or set(entry) - KEYS or not {"old", "new"} <= set(entry):
            raise ImproperlyConfigured(f"{where}: expected the keys old, new and reason")
        old = _check_path(entry["old"], f"{where}, old")
        new = _check_path(entry["new"], f"{where}, new")
        if old == new or old in redirects:
            raise ImproperlyConfigured(f"{where}: {old} redirects to itself or twice")
        redirects[old] = new
    return redirects


@memo.per_data_version
def _redirects_in(path):
    try:
        return read_redirects(path)
    except (ImproperlyConfigured, yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        # Never a 500 for a broken file: a moved page answers its 404 until the file is fixed.
        message = str(error).splitlines()[0]
        logger.warning("Redirects not applied, %s cannot be used: %s", path, message)
        return {}


def redirects():
    """The redirects, read again after every data load (the file is loaded with the archive)."""
    path = Path(settings.FIXTURES_DIR) / REDIRECTS_FILE
    return _redirects_in(path)


def moved_to(path, moved):
    """Where `path` lives now, or None. A page's data twins move with it: when /people/a/ moved
    to /people/b/, /people/a.json goes to /people/b.json and /feeds/people/a.atom to
    /feeds/people/b.atom."""
    # "/summits" finds "/summits/" as well: a trailing slash is easy to leave off.
    new = moved.get(path) or moved.get(path + "/")
    if new is not None:
        return new
    stem, dot, suffix = path.rpartition(".")
    if not dot or suffix not in DATA_SUFFIXES:
        return None
    # A record's feeds live under /feeds/: /feeds/people/a.atom is the feed of /people/a/.
    feeds = "/feeds" if stem.startswith("/feeds/") else ""
    new_page = moved.get(stem.removeprefix(feeds) + "/")
    if new_page is None or not new_page.endswith("/"):
        return None
    return f"{feeds}{new_page[:-1]}.{suffix}"


class RedirectMiddleware:
    """Answer a 404 for a moved address with a 301 to where it lives now (query kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        new = moved_to(request.path, redirects())
        if new is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new}?{query}" if query else new)

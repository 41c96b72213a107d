"""What a process remembers about the data, in one place, renewed with every data load.

Pages keep asking the same things of data that changes only when the archive is loaded: the
people, meetings and outlets (archive.catalogue), the table of name spellings search rewrites
queries with, the redirects, readable labels for facet values. Each is worked out at most once
per data version and kept until the version changes (archive.freshness: a load on any machine
sharing the database changes it, and a process sees it within DATA_VERSION_CHECK_SECONDS):

    @per_data_version
    def redirects():
        return read_redirects(...)

A memoised function takes no arguments, or a few hashable ones, and returns something its
callers only read. The memos of every function are dropped together, so two of them never
disagree about which data they describe. `forget_all()` drops them at once (a write in this
process: a test, a shell). Nothing else in the code keeps data between requests.

What a process remembers, all of it:

    per data version (this module)   the catalogue of people, meetings and outlets
                                     (archive.catalogue), the names table (archive.names),
                                     the redirects (archive.redirects)
    keyed by the data version        rendered pages and link-preview cards in Django's cache
                                     (summit.middleware, archive.views.cards)
    for the process's life           what depends only on the code: asset names
                                     (archive_tags.asset), addresses worked out from the URL
                                     patterns (models.common, api.context_processors,
                                     search_indexes), the coastline around a point
                                     (graphics), fonts (cards.fonts), snippets of a given text
                                     (search.snippets); a deploy restarts the process
    for one load                     Markdown rendered by the loader (loading.saving), the
                                     names table of an index build (archive.names)
"""

import functools
import threading

from archive import freshness

_lock = threading.Lock()
# (data version, {function: {args: value}}): replaced whole when the version changes, so a value
# worked out from older data can only land in a memo that is already being thrown away.
_state = (None, {})
_registered = []


def per_data_version(function):
    """Remember `function(*args)` until the data version changes."""

    @functools.wraps(function)
    def remembered(*args):
        memos = _memos_for_now()
        memo = memos.get(function)
        if memo is None:
            memo = memos.setdefault(function, {})
        try:
            return memo[args]
        except KeyError:
            pass
        value = memo[args] = function(*args)
        return value

    remembered.uncached = function
    _registered.append(remembered)
    return remembered


def _memos_for_now():
    global _state
    version = freshness.current_version().tag
    state = _state
    if state[0] != version:
        with _lock:
            if _state[0] != version:
                _state = (version, {})
            state = _state
    return state[1]


def forget_all(**kwargs):
    """Drop every memo (connected to writes of the records they are built from: archive.apps)."""
    global _state
    with _lock:
        _state = (None, {})


def registered():
    """The memoised functions, for the README's list and its test."""
    return list(_registered)

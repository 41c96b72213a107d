"""Pointing haystack at a test's own search index, never the one under var/."""

import shutil
import tempfile
from contextlib import contextmanager

from django.test import override_settings
from haystack import connections

from search.indexing import rebuild_index


@contextmanager
def search_connection(connection):
    """Use `connection` (one HAYSTACK_CONNECTIONS entry) as haystack's default until the block ends.

    Haystack's engines read settings.HAYSTACK_CONNECTIONS when built, its handler keeps its own
    copy, and each thread keeps its engine: all three are switched. Other threads (a live server's)
    build their engine from the shared copy on first use, so they follow too."""
    configured = {"default": connection}
    saved = connections.connections_info
    with override_settings(HAYSTACK_CONNECTIONS=configured):
        connections.connections_info = configured
        connections.reload("default")
        try:
            yield connection
        finally:
            connections.connections_info = saved
    connections.reload("default")


WHOOSH_ENGINE = "search.backend.SummitWhooshEngine"


@contextmanager
def search_index_in(path):
    """The Whoosh engine with its index at `path`: these helpers test the site's default engine,
    on Whoosh even when ELASTICSEARCH_URL points the site at the search cluster (`make test-scale`
    tests the cluster in classes of its own: tests/search_base.py)."""
    with search_connection({"ENGINE": WHOOSH_ENGINE, "PATH": str(path)}):
        yield path


@contextmanager
def search_index_in_temporary_directory():
    directory = tempfile.mkdtemp(prefix="summit-test-index-")
    try:
        with search_index_in(directory):
            yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def temporary_search_index():
    """Search over a fresh Whoosh index of the test database, in a temporary directory."""
    with search_index_in_temporary_directory() as directory:
        rebuild_index()
        yield directory

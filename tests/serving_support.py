"""What the serving tests share: a search index in a temporary directory."""

import shutil
import tempfile
from contextlib import contextmanager

from django.conf import settings
from django.test import override_settings


@contextmanager
def search_index_in(path):
    """Point haystack at the Whoosh index at `path` (never the one under var/)."""
    from haystack import connections

    # Haystack's engines read settings.HAYSTACK_CONNECTIONS when built, its handler reads its
    # own copy, and each thread keeps its engine: change all three.
    configured = {"default": dict(settings.HAYSTACK_CONNECTIONS["default"], PATH=str(path))}
    original = connections.connections_info
    with override_settings(HAYSTACK_CONNECTIONS=configured):
        connections.connections_info = configured
        connections.reload("default")
        try:
            yield path
        finally:
            connections.connections_info = original
    connections.reload("default")


@contextmanager
def search_index_in_temporary_directory():
    directory = tempfile.mkdtemp(prefix="summit-test-index-")
    try:
        with search_index_in(directory):
            yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)

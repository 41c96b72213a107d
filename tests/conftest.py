"""Tests of the search cluster (`make test-scale`) are collected only when ELASTICSEARCH_URL is set.

Without a cluster they are deselected, not skipped (a skip under CI=true is a failure to set
something up): the embedded run has nothing to run them against, and `make test-scale` runs them
all and fails, never skips, when the cluster it started does not answer."""

import os

import pytest


def needs_cluster(item):
    from tests.search_base import ElasticsearchTestCase

    cls = getattr(item, "cls", None)
    in_cluster_class = cls is not None and issubclass(cls, ElasticsearchTestCase)
    return in_cluster_class or item.get_closest_marker("cluster") is not None


def pytest_collection_modifyitems(config, items):
    if os.environ.get("ELASTICSEARCH_URL"):
        return
    cluster = [item for item in items if needs_cluster(item)]
    if cluster:
        config.hook.pytest_deselected(items=cluster)
        items[:] = [item for item in items if not needs_cluster(item)]
        config._summit_cluster_deselected = len(cluster)


def pytest_terminal_summary(terminalreporter, config):
    count = getattr(config, "_summit_cluster_deselected", 0)
    if count:
        terminalreporter.write_line(
            f"{count} search-cluster tests not collected: ELASTICSEARCH_URL is unset "
            "(`make test-scale` runs them on a 3-node cluster)."
        )


@pytest.fixture(autouse=True)
def shared_cache_emptied():
    """With a shared cache (CACHE_URL=redis://, `make test-scale`) every test starts with it empty,
    as each starts with an empty per-process cache otherwise: a page cached by one test's data
    must not answer the next test."""
    from django.conf import settings

    if "Redis" in settings.CACHES["default"]["BACKEND"]:
        from django.core.cache import caches

        caches["default"].clear()
    yield

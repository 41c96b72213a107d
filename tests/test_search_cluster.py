"""The search cluster (`make test-scale`: three OpenSearch nodes on loopback): rebuilds are atomic,
one node may stop during searches and rebuilds, and a cluster that does not answer is a 503.

A node is stopped and started again through the launcher's control endpoint
(SEARCH_CLUSTER_CONTROL, deploy/search-cluster), as an operator would stop one machine.
"""

import os
import threading
import time
import urllib.request
from unittest import mock

import pytest
from haystack import connections
from haystack.query import SearchQuerySet

from archive.freshness import record_load
from search import elastic
from search.indexing import rebuild_index
from tests.base import ArchiveTestCase
from tests.search_base import ElasticsearchTestCase, elasticsearch_connection
from tests.search_support import search_connection

pytestmark = pytest.mark.cluster


def control(path, method="GET"):
    base = os.environ.get("SEARCH_CLUSTER_CONTROL")
    if not base:
        raise AssertionError("SEARCH_CLUSTER_CONTROL is unset: run these through `make test-scale`")
    request = urllib.request.Request(base + path, method=method)
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read().decode()


def conn():
    return connections["default"].get_backend().conn


def wait_for_cluster(nodes, status="green", timeout=120):
    """Until `nodes` nodes have joined and the cluster is `status` (nodes still starting refuse)."""
    import elasticsearch

    deadline = time.monotonic() + timeout
    while True:
        try:
            health = conn().cluster.health(
                params={
                    "wait_for_nodes": str(nodes),
                    "wait_for_status": status,
                    "timeout": "10s",
                    "request_timeout": 20,
                }
            )
            if not health["timed_out"]:
                return
        except elasticsearch.TransportError:
            pass  # the HTTP port is not open yet, or no cluster manager is elected yet
        assert time.monotonic() < deadline, f"the cluster is not {status} with {nodes} nodes"
        time.sleep(1)


def primary_node(alias):
    """The index of the node (0, 1, 2) holding the live index's primary shard."""
    shards = conn().cat.shards(index=alias, format="json")
    name = next(shard["node"] for shard in shards if shard["prirep"] == "p")
    return int(name.rsplit("-", 1)[-1])


class ClusterShapeTests(ElasticsearchTestCase):
    index_name = "summit_archive_shape_tests"

    def test_three_nodes_on_loopback_answering_as_elasticsearch_7(self):
        nodes = conn().nodes.info()["nodes"].values()
        self.assertEqual(len(nodes), 3)
        for node in nodes:
            self.assertEqual(node["host"], "127.0.0.1")
            self.assertTrue(node["http"]["publish_address"].startswith("127.0.0.1:"))
        self.assertEqual(conn().info()["version"]["number"], "7.10.2")
        self.assertIn("0 running", control("/nodes"))


class RebuildTests(ElasticsearchTestCase):
    index_name = "summit_archive_rebuild_tests"

    def built_indexes(self):
        return sorted(conn().indices.get(index=f"{self.index_name}-*"))

    def test_the_alias_points_at_one_finished_index_of_every_record(self):
        live = connections["default"].get_backend().live_indexes()
        self.assertEqual(len(live), 1)
        self.assertTrue(live[0].startswith(f"{self.index_name}-"))
        self.assertEqual(conn().count(index=live[0])["count"], self.documents)
        settings = conn().indices.get_settings(index=live[0])[live[0]]["settings"]["index"]
        self.assertEqual((settings["number_of_shards"], settings["number_of_replicas"]), ("1", "1"))

    def test_a_concurrent_reader_never_sees_an_empty_or_partial_index(self):
        expected = SearchQuerySet().filter(content="korea").count()
        self.assertGreater(expected, 0)
        seen, errors, stop = [], [], threading.Event()

        def read():
            while not stop.is_set():
                try:
                    seen.append(SearchQuerySet().filter(content="korea").count())
                except Exception as error:  # reported below: a reader must never fail
                    errors.append(error)

        reader = threading.Thread(target=read)
        reader.start()
        try:
            for _ in range(3):
                rebuild_index()
        finally:
            stop.set()
            reader.join(timeout=30)
        self.assertEqual(errors, [])
        self.assertTrue(seen)
        self.assertEqual(set(seen), {expected})

    def test_old_indexes_are_removed_after_the_swap(self):
        for _ in range(2):
            rebuild_index()
        built = self.built_indexes()
        self.assertEqual(built, connections["default"].get_backend().live_indexes())
        self.assertEqual(len(built), 1)

    def test_a_failed_build_leaves_the_live_index_and_no_half_built_one(self):
        live = connections["default"].get_backend().live_indexes()
        before = SearchQuerySet().filter(content="korea").count()
        with mock.patch.object(
            elastic, "_bulk", side_effect=RuntimeError("the database went away")
        ):
            with self.assertRaises(RuntimeError):
                rebuild_index()
        self.assertEqual(connections["default"].get_backend().live_indexes(), live)
        self.assertEqual(self.built_indexes(), live)
        self.assertEqual(SearchQuerySet().filter(content="korea").count(), before)

    def test_a_first_build_replaces_an_index_under_the_alias_name(self):
        # haystack's own rebuild writes an index named INDEX_NAME; the first alias build takes its
        # place in the same swap.
        name = "summit_archive_plain_index_tests"
        conn().indices.delete(index=f"{name}-*", ignore=[404])
        conn().indices.create(index=name)
        self.addCleanup(conn().indices.delete, index=f"{name}-*", ignore=[404])
        with search_connection(elasticsearch_connection(name)):
            documents = rebuild_index()
            self.assertEqual(SearchQuerySet().count(), documents)
            self.assertEqual(len(connections["default"].get_backend().live_indexes()), 1)


class NodeFaultTests(ElasticsearchTestCase):
    """One node of three stopped: searches answer from the other copy, /healthz says degraded."""

    index_name = "summit_archive_fault_tests"

    def setUp(self):
        record_load()
        wait_for_cluster(3)

    def stop_node(self, number):
        control(f"/nodes/{number}/stop", "POST")
        self.addCleanup(self.start_node, number)

    def start_node(self, number):
        control(f"/nodes/{number}/start", "POST")
        wait_for_cluster(3)

    def results(self, q):
        response = self.search(q=q)
        self.assertEqual(response.status_code, 200, q)
        return self.hits(response), sorted(self.result_urls(response))

    def test_searches_keep_answering_while_the_primarys_node_is_down(self):
        queries = ["Kim Jong Un", '"fraternal duty"', "sanctions -Trump"]
        before = {q: self.results(q) for q in queries}
        self.stop_node(primary_node(self.index_name))
        for _ in range(3):
            for q in queries:
                self.assertEqual(self.results(q), before[q], q)
        health = self.client.get("/healthz")
        self.assertEqual(health.status_code, 200)
        cluster = health.json()["search"]["cluster"]
        self.assertTrue(cluster["degraded"])
        self.assertEqual((cluster["nodes"], cluster["expected_nodes"]), (2, 3))
        self.doCleanups()  # the node comes back
        self.assertEqual({q: self.results(q) for q in queries}, before)
        cluster = self.client.get("/healthz").json()["search"]["cluster"]
        self.assertEqual(
            (cluster["status"], cluster["degraded"], cluster["nodes"]), ("green", False, 3)
        )

    def test_a_rebuild_with_a_node_stopping_midway_completes_and_loses_nothing(self):
        before = self.results("Kim Jong Un")
        write = elastic._write

        def stop_then_write(*args, **kwargs):
            # The new index exists (on the live nodes); the node holding the live primary goes.
            self.stop_node(primary_node(self.index_name))
            return write(*args, **kwargs)

        with mock.patch.object(elastic, "_write", side_effect=stop_then_write):
            documents = rebuild_index()
        self.assertEqual(documents, self.documents)
        self.assertEqual(self.results("Kim Jong Un"), before)
        self.doCleanups()
        self.assertEqual(SearchQuerySet().count(), documents)
        self.assertEqual(self.results("Kim Jong Un"), before)

    def test_the_whole_cluster_down_is_a_503_for_search_only_and_it_comes_back_whole(self):
        before = self.results("Kim Jong Un")
        for number in range(3):
            control(f"/nodes/{number}/stop", "POST")
        try:
            self.assertEqual(self.search(q="Kim Jong Un").status_code, 503)
            self.assertEqual(self.client.get("/search.json", {"q": "kim"}).status_code, 503)
            self.assertEqual(self.client.get("/meetings/").status_code, 200)
            self.assertEqual(self.client.get("/healthz").status_code, 503)
        finally:
            for number in range(3):
                control(f"/nodes/{number}/start", "POST")
            wait_for_cluster(3)
        self.assertEqual(self.results("Kim Jong Un"), before)
        self.assertEqual(self.client.get("/healthz").status_code, 200)


class ClusterDownTests(ArchiveTestCase):
    """No node answers (every configured address refuses): what the site sees when the whole
    cluster is down, without stopping it. Search is a 503, browsing goes on, /healthz is a 503."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        nowhere = elasticsearch_connection("summit_archive")
        nowhere["URL"] = ["http://127.0.0.1:9", "http://127.0.0.1:19"]  # nothing listens there
        nowhere["KWARGS"] = {"max_retries": 1}
        cls.enterClassContext(search_connection(nowhere))

    def test_search_is_a_503_and_browsing_goes_on(self):
        started = time.monotonic()
        self.assertEqual(self.client.get("/search/", {"q": "kim"}).status_code, 503)
        self.assertEqual(self.client.get("/search.json", {"q": "kim"}).status_code, 503)
        self.assertLess(time.monotonic() - started, 30)
        for url in ["/", "/meetings/", "/people/kim-jong-un/", "/quotes.json"]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_healthz_is_a_503_naming_the_cluster(self):
        record_load()
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        search = response.json()["search"]
        self.assertFalse(search["ok"])
        self.assertFalse(search["cluster"]["ok"])
        self.assertIn("did not answer", search["cluster"]["error"])

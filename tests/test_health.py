"""GET /healthz tells a load balancer whether this machine can serve: 200 ready, 503 not."""

import tempfile
from pathlib import Path

from django.test import TestCase

from archive.freshness import record_load
from search.indexing import rebuild_index
from tests.base import ArchiveTestCase
from tests.search_support import search_index_in, search_index_in_temporary_directory


class ReadyMachineTests(ArchiveTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.enterClassContext(search_index_in_temporary_directory())
        cls.documents = rebuild_index()

    def test_ready_when_the_archive_is_loaded_and_indexed(self):
        record_load()
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/json")
        state = response.json()
        self.assertEqual(state["status"], "ok")
        self.assertTrue(state["database"]["ok"])
        self.assertGreater(state["database"]["records"], 0)
        self.assertRegex(state["database"]["last_load"], r"^\d{4}-\d\d-\d\dT")
        self.assertTrue(state["search"]["ok"])
        self.assertEqual(state["search"]["documents"], self.documents)
        self.assertGreater(state["search"]["documents"], 0)

    def test_never_cached(self):
        response = self.client.get("/healthz")
        self.assertIn("no-store", response.headers["Cache-Control"])

    def test_answered_over_plain_http_when_https_is_enforced(self):
        with self.settings(SECURE_SSL_REDIRECT=True):
            self.assertEqual(self.client.get("/healthz").status_code, 200)
            self.assertEqual(self.client.get("/meetings/").status_code, 301)

    def test_not_ready_when_the_search_index_cannot_be_read(self):
        with tempfile.NamedTemporaryFile() as not_a_directory:
            with search_index_in(not_a_directory.name):
                response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        state = response.json()
        self.assertEqual(state["status"], "unavailable")
        self.assertTrue(state["database"]["ok"])
        self.assertFalse(state["search"]["ok"])
        self.assertIn("error", state["search"])


class EmptyMachineTests(TestCase):
    """A machine whose archive was never loaded must not receive traffic."""

    def test_not_ready_before_the_archive_is_loaded(self):
        with search_index_in_temporary_directory() as directory:
            response = self.client.get("/healthz")
            self.assertTrue(Path(directory).exists())
        self.assertEqual(response.status_code, 503)
        state = response.json()
        self.assertEqual(state["status"], "unavailable")
        self.assertFalse(state["database"]["ok"])
        self.assertIn("load_archive", state["database"]["error"])
        self.assertIsNone(state["database"]["last_load"])
        self.assertFalse(state["search"]["ok"])
        self.assertIn("load_archive", state["search"]["error"])

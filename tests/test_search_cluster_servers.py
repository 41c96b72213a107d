"""Several app servers: two gunicorn servers share one PostgreSQL database, the search cluster and
the Redis page cache (`make test-scale`). A data load run beside one of them is served by the
other, pages and searches, within DATA_VERSION_CHECK_SECONDS, although it had both cached."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from django.conf import settings
from django.test import SimpleTestCase

pytestmark = pytest.mark.cluster

BASE_DIR = Path(settings.BASE_DIR)
CHECK_SECONDS = 1
MARKER = "Ajaxhall"  # a word the archive does not hold until the second load


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class TwoServerTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith("postgres") or not os.environ.get("ELASTICSEARCH_URL"):
            raise AssertionError("needs PostgreSQL and the search cluster: run `make test-scale`")
        if not os.environ.get("CACHE_URL", "").startswith("redis://"):
            raise AssertionError("needs the shared Redis cache: run `make test-scale`")
        cls.name = f"summit_servers_{uuid.uuid4().hex[:8]}"
        cls.admin = dj_database_url.parse(url)
        cls.sql(f'CREATE DATABASE "{cls.name}"')
        cls.tmp = Path(tempfile.mkdtemp(prefix="summit-servers-"))
        cls.servers = []
        cls.env = {
            **os.environ,
            "DATABASE_URL": url.rsplit("/", 1)[0] + "/" + cls.name,
            "ELASTICSEARCH_INDEX": cls.name,
            # A Redis database of its own: the suite empties database 0 before each test.
            "CACHE_URL": os.environ["CACHE_URL"].rsplit("/", 1)[0] + "/1",
            "PAGE_CACHE_SECONDS": "3600",
            "DATA_VERSION_CHECK_SECONDS": str(CHECK_SECONDS),
            "SECRET_KEY": "tests-only-not-a-secret",
            "STATIC_MANIFEST": "0",
            "VAR_DIR": str(cls.tmp / "var"),
            "GUNICORN_WORKERS": "1",
        }
        cls.manage("migrate", "--no-input")
        cls.manage("load_archive")
        cls.ports = [cls.start_server(), cls.start_server()]

    @classmethod
    def tearDownClass(cls):
        for server in cls.servers:
            server.terminate()
        for server in cls.servers:
            server.wait(timeout=30)
        subprocess.run(
            [sys.executable, "-c", DELETE_INDEXES, cls.name], env=cls.env, cwd=BASE_DIR, check=False
        )
        cls.sql(f'DROP DATABASE IF EXISTS "{cls.name}" WITH (FORCE)')
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()

    @classmethod
    def sql(cls, statement):
        a = cls.admin
        with psycopg.connect(
            host=a["HOST"], port=a["PORT"], user=a["USER"], dbname=a["NAME"], autocommit=True
        ) as connection:
            connection.execute(statement)

    @classmethod
    def manage(cls, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args, "--verbosity", "0"],
            env=cls.env,
            cwd=BASE_DIR,
            check=True,
            capture_output=True,
        )

    @classmethod
    def start_server(cls):
        port = free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [gunicorn, "--config", "summit/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
            + ["summit.wsgi"],
            env=cls.env,
            cwd=BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        cls.servers.append(server)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(port, "/healthz")[0] == 200:
                    return port
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"gunicorn on {port} did not become ready")

    def test_a_load_beside_one_server_is_served_by_the_other_within_the_check_interval(self):
        first, second = self.ports
        page = "/meetings/putin-kim-2019-vladivostok/"
        search = f"/search/?q={MARKER}"
        for port in self.ports:  # both have the page and the search cached (shared Redis)
            self.assertEqual(get(port, page)[0], 200)
            self.assertNotIn(MARKER, get(port, page)[1])
            self.assertIn('<h2 id="results-heading">0 results', get(port, search)[1])
        health = get(second, "/healthz")
        self.assertEqual(health[0], 200, health[1])

        fixtures = self.tmp / "fixtures"
        shutil.copytree(settings.FIXTURES_DIR, fixtures)
        meetings = fixtures / "meetings.yaml"
        text = meetings.read_text()
        venue = "venue: Far Eastern Federal University, Russky Island\n"
        self.assertIn(venue, text)
        meetings.write_text(text.replace(venue, venue.rstrip("\n") + f", {MARKER}\n", 1))
        self.manage("load_archive", "--fixtures", str(fixtures))  # beside the first server
        loaded = time.monotonic()

        while True:
            status, body = get(second, page)
            if MARKER in body:
                break
            self.assertLess(time.monotonic() - loaded, CHECK_SECONDS + 2, "stale page served")
            time.sleep(0.2)
        self.assertEqual(status, 200)
        status, body = get(second, search)
        self.assertEqual(status, 200)
        self.assertIn('<h2 id="results-heading">1 result', body)
        self.assertIn('href="/meetings/putin-kim-2019-vladivostok/"', body)
        self.assertIn(MARKER, get(first, page)[1])


DELETE_INDEXES = """
import sys, django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "summit.settings")
django.setup()
from haystack import connections
connections["default"].get_backend().conn.indices.delete(index=sys.argv[1] + "-*", ignore=[404])
"""

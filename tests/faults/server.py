"""The pieces the fault suite runs: manage.py commands and the real gunicorn, on a temporary
VAR_DIR, each process marked so that the suite can find whatever it left (tests.process_support)."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.process_support import marked_environment

from .archive import NEW_WORD, OLD_WORD, ROOT

PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def environment(var, fixtures):
    env = dict(
        os.environ,
        VAR_DIR=str(var),
        SECRET_KEY="fault-suite-only",
        ALLOWED_HOSTS="127.0.0.1",
        DEBUG="0",
        STATIC_MANIFEST="0",
        CACHE_URL="locmem://",
        PAGE_CACHE_SECONDS="3600",
        DATA_VERSION_CHECK_SECONDS="0",
        FIXTURES_DIR=str(fixtures),
        GUNICORN_WORKERS="2",
    )
    for name in ("DATABASE_URL", "WHOOSH_PATH", "SUMMIT_FAULT_POINT", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    return env


def manage(env, *args):
    """Run a manage.py command to the end; returns the CompletedProcess."""
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip


class Interrupted:
    """A manage.py command that waits at a fault point, then gets `signum` from the suite."""

    def __init__(self, env, args, point):
        self.env, self.marker = marked_environment(**env, SUMMIT_FAULT_POINT=point)
        self.point = point
        self.process = subprocess.Popen(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        self.stderr, self.stdout = [], []
        self.reached = threading.Event()
        self.readers = [
            threading.Thread(target=self._read, args=(self.process.stderr, self.stderr)),
            threading.Thread(target=self._read, args=(self.process.stdout, self.stdout)),
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, stream, lines):
        for line in stream:
            lines.append(line)
            if line.startswith(f"fault point: {self.point}"):
                self.reached.set()

    def stop(self, signum, timeout=300):
        """Send `signum` at the fault point; returns the exit status (None: point not reached)."""
        if not self.reached.wait(timeout):
            self.process.kill()
            self.process.wait()
            return None
        time.sleep(0.2)
        self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        for reader in self.readers:
            reader.join(timeout=10)
        return code


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, env, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env, self.marker = marked_environment(**env)
        args = [GUNICORN, "--config", "summit/gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            [*args, "summit.wsgi"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def database_state(var):
    """ "old", "new" or "mixed": which version's words the quotes in the database carry."""
    with sqlite3.connect(Path(var) / "archive.sqlite3") as database:
        count = "select count(*) from archive_quote where text like ?"
        (old,) = database.execute(count, (f"%{OLD_WORD}%",)).fetchone()
        (new,) = database.execute(count, (f"%{NEW_WORD}%",)).fetchone()
        (records,) = database.execute(
            "select (select count(*) from archive_quote) + (select count(*) from archive_article)"
            " + (select count(*) from archive_meeting) + (select count(*) from archive_person)"
        ).fetchone()
    state = "old" if old and not new else "new" if new and not old else "mixed"
    return state, records

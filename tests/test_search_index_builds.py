"""Interrupted index builds: the next build removes the directories they abandoned. (Killing
builds and loads, and the processes they leave, is tested by `make test-faults`: tests/faults.)"""

import subprocess
from pathlib import Path

from search import live
from search.indexing import MULTIPROCESS_FROM, rebuild_index
from tests.search_base import SearchTestCase

ROOT = Path(__file__).resolve().parent.parent
LARGE = MULTIPROCESS_FROM + 1000  # enough quotes for the multi-process writer


def finished_pid():
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


class LeftoverTests(SearchTestCase):
    def test_a_build_removes_what_interrupted_builds_left(self):
        root = Path(self.index_root)
        gone = finished_pid()
        abandoned = root / f"index-20200101-000000-000000-{gone}"
        abandoned.mkdir()
        (abandoned / "_MAIN_1.toc").write_bytes(b"half written")
        never_live = root / f"index-20200101-000001-000000-{gone}"
        never_live.mkdir()
        (never_live / live.MANIFEST).write_text("{}")
        pointer = root / f".{live.POINTER}.{gone}.tmp"
        pointer.write_text(abandoned.name)
        running = subprocess.Popen(["sleep", "60"])
        self.addCleanup(running.wait)
        self.addCleanup(running.kill)
        in_progress = root / f"index-20200101-000002-000000-{running.pid}"
        in_progress.mkdir()
        previous = live.live_directory(root)

        rebuild_index()

        left = {path.name for path in root.iterdir()}
        current = live.live_directory(root).name
        self.assertEqual(left, {live.POINTER, current, previous.name, in_progress.name})

"""Finding the processes a test started, and whatever they forked, however they were killed.

Every process started with `marked_environment()` carries a marker variable its children
inherit; /proc tells which processes still carry it, even once reparented to init.
"""

import os
import uuid
from pathlib import Path

MARKER = "SUMMIT_TEST_PROCESS_MARKER"


def marked_environment(**variables):
    """os.environ plus a fresh marker (and `variables`); returns (environment, marker)."""
    marker = uuid.uuid4().hex
    return {**os.environ, MARKER: marker, **variables}, marker


def marked_processes(marker):
    """{pid: command line} of the live processes carrying `marker` (zombies excluded)."""
    found = {}
    needle = f"{MARKER}={marker}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if needle not in (proc / "environ").read_bytes().split(b"\0"):
                continue
            if (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            found[int(proc.name)] = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
    return found


def children_of(pid):
    """The pids whose parent is `pid`."""
    children = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid:
                children.append(int(proc.name))
    return children

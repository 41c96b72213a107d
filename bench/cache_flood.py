"""`make bench-cache-flood`: what a flood of long, distinct searches does to a worker's memory.

    .venv/bin/python -m bench.cache_flood                 # this checkout
    BENCH_CODE=/tmp/old .venv/bin/python -m bench.cache_flood   # another checkout, same .venv

Loads the archive into a temporary VAR_DIR and starts the real gunicorn with one worker and the
default page cache (locmem: the worker's own memory). After a warm-up (every kind of page once),
it reads the worker's resident memory (VmRSS), sends BENCH_FLOOD (1,500) searches, each a
different query of about 4 KB (far past the query's cap of 200 characters and 12 words), and
reads it again. Each query is one word with many hits, repeated, and a random last word, so the
pages have results and filters, and every address is new. Prints both figures and the size of one
flood page. A figure printer, not a test.
"""

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench.servers import fetch, free_port, site_environment, started

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
CODE = Path(os.environ.get("BENCH_CODE", ROOT)).resolve()
FLOOD = int(os.environ.get("BENCH_FLOOD", "1500"))
QUERY_BYTES = 4000  # gunicorn refuses request lines over 4094 bytes
WARM_UP = ["/", "/meetings/", "/people/", "/quotes/", "/search/?q=summit", "/search/?q=treaty"]


def flood_query(rng):
    """About QUERY_BYTES: a word with many hits (so the page has results and filters, each
    linking to the query), repeated, then a random word, so every query is a different address."""
    tail = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))
    return "treaty+" * ((QUERY_BYTES - len(tail)) // len("treaty+")) + tail


def worker_rss_mb(master):
    """The resident memory of gunicorn's one worker, in MB."""
    (worker,) = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    for line in Path(f"/proc/{worker}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmRSS for the worker")


def main():
    work = Path(tempfile.mkdtemp(prefix="summit-flood-"))
    env = dict(site_environment(work), GUNICORN_WORKERS="1")
    for name in [name for name in env if name.startswith("PAGE_CACHE_")]:
        env.pop(name)
    server = None
    try:
        print(f"Code: {CODE}; setting up in {work}", flush=True)
        for command in ("migrate --no-input", "load_archive", "collectstatic --no-input"):
            subprocess.run(
                [PYTHON, "manage.py", *command.split()], cwd=CODE, env=env, check=True,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = (work / "gunicorn.log").open("w")
        args = [GUNICORN, "--config", "summit/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
        server = subprocess.Popen(
            [*args, "summit.wsgi"], cwd=CODE, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        started(server, f"{base}/healthz")
        for path in WARM_UP * 3:
            fetch(base + path)
        time.sleep(1)
        before = worker_rss_mb(server)
        rng = random.Random(10)
        started_at = time.monotonic()
        page_bytes = 0
        for _ in range(FLOOD):
            page_bytes = len(fetch(f"{base}/search/?q={flood_query(rng)}"))
        seconds = time.monotonic() - started_at
        time.sleep(1)
        after = worker_rss_mb(server)
        query = urllib.parse.unquote_plus(flood_query(random.Random(1)))
        print(f"{FLOOD:,} searches of {len(query):,}-character queries in {seconds:.0f} s")
        print(f"one flood page: {page_bytes / 1024:,.0f} KB")
        print(f"worker memory (VmRSS): {before:.0f} MB before, {after:.0f} MB after the flood")
        print(f"growth: {after - before:+.0f} MB")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

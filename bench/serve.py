"""`make bench-serve`: the real gunicorn on loopback, driven by wrk, next to nginx as the ceiling.

    .venv/bin/python -m bench.serve            # BENCH_SECONDS=10 BENCH_CONNECTIONS=1,16,64

Loads the archive (FIXTURES_DIR, the real corpus by default) into a temporary VAR_DIR, builds the
index and static files as `make serve` does, and measures, at each concurrency:

- cached pages: meetings, people, quotes and searches, from the page cache (the default,
  locmem: each worker its own) after a warm-up run that fills every worker's cache;
- uncached detail pages and searches: a second gunicorn with PAGE_CACHE_SECONDS=0, after a
  short warm-up (templates compiled, people, meetings and outlets read: archive/catalogue.py);
- nginx serving a saved copy of one meeting page: what this machine can do at all.

Prints requests/s, p50/p99 latency and errors. A figure printer, not a test: it asserts nothing.
"""

import json
import os
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from bench import side_by_side
from bench.servers import (
    PYTHON,
    SECONDS,
    fetch,
    free_port,
    run,
    site_environment,
    start_gunicorn,
    started,
    stop_all,
    wrk,
)

# BENCH_SIDE=0: only the real corpus; BENCH_SIDE=only: only the side by side with Datasette.
SIDE_BY_SIDE = os.environ.get("BENCH_SIDE", "1")
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "1,16,64").split(",")]
SEARCHES = ["Vladivostok", "Pyongyang", "summit", "Putin", "Kim Jong Un", "treaty", "Lavrov"]

LIST_PATHS = """
from archive.models import Meeting, Person, Quote
for model, prefix in ((Meeting, "meetings"), (Person, "people"), (Quote, "quotes")):
    for slug in model.objects.order_by("slug").values_list("slug", flat=True)[:200]:
        print(f"/{prefix}/{slug}/")
"""


def start_nginx(work, page):
    root = work / "nginx"
    (root / "html" / "meeting").mkdir(parents=True)
    (root / "html" / "meeting" / "index.html").write_bytes(page)
    # nginx's workers run as an unprivileged user: let them reach the page, and only the page.
    for path in (work, root):
        path.chmod(0o711)
    for path in (root / "html", root / "html" / "meeting"):
        path.chmod(0o755)
    (root / "html" / "meeting" / "index.html").chmod(0o644)
    port = free_port()
    (root / "nginx.conf").write_text(
        f"""
worker_processes auto;
pid {root}/nginx.pid;
error_log {root}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}; proxy_temp_path {root}; fastcgi_temp_path {root};
    uwsgi_temp_path {root}; scgi_temp_path {root};
    server {{ listen 127.0.0.1:{port}; root {root}/html; }}
}}
"""
    )
    process = subprocess.Popen(["nginx", "-c", str(root / "nginx.conf"), "-p", str(root)])
    return started(process, f"http://127.0.0.1:{port}/meeting/"), port


def measure(name, port, paths, work, rows):
    for connections in CONNECTIONS:
        figures = wrk(port, paths, connections, work)
        rows.append((name, connections, figures))
        print(
            f"{name:<34} c={connections:<3} {figures['rps']:>9,.0f} req/s   "
            f"p50 {figures['p50_ms']:>7.2f} ms   p99 {figures['p99_ms']:>7.2f} ms   "
            f"errors {figures['errors']}",
            flush=True,
        )


def main():
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed: apt-get install wrk nginx-light")
    if SIDE_BY_SIDE != "only":
        real_corpus()
    if SIDE_BY_SIDE != "0":
        side_by_side.main()


def real_corpus():
    work = Path(tempfile.mkdtemp(prefix="summit-bench-"))
    env = site_environment(work)
    servers = []
    try:
        fixtures = env.get("FIXTURES_DIR", "fixtures/")
        print(f"Setting up in {work} (fixtures: {fixtures})", flush=True)
        run([PYTHON, "manage.py", "migrate", "--no-input", "--verbosity", "0"], env)
        run([PYTHON, "manage.py", "load_archive"], env, stdout=subprocess.DEVNULL)
        run([PYTHON, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"], env)
        shell = [PYTHON, "manage.py", "shell", "--no-imports", "-c", LIST_PATHS]
        details = run(shell, env, capture_output=True, text=True).stdout.split()
        searches = [f"/search/?q={urllib.request.quote(q)}" for q in SEARCHES]
        mix = details + searches * max(1, len(details) // (4 * len(searches)))
        print(f"{len(details)} detail pages, {len(SEARCHES)} searches; {SECONDS} s per run.")

        log = (work / "gunicorn.log").open("w")
        cached_port, uncached_port = free_port(), free_port()
        servers.append(start_gunicorn(env, cached_port, log))
        servers.append(start_gunicorn(dict(env, PAGE_CACHE_SECONDS="0"), uncached_port, log))
        page = fetch(f"http://127.0.0.1:{cached_port}{details[0]}")
        # Warm-up, not measured: each worker fills its own cache (locmem) with every page; on the
        # uncached server each worker compiles its templates and reads the catalogue once.
        wrk(cached_port, mix, 16, work, seconds=max(SECONDS, 8))
        wrk(uncached_port, mix, 16, work, seconds=3)
        nginx, nginx_port = start_nginx(work, page)
        servers.append(nginx)

        rows = []
        print()
        measure("nginx, static copy of one page", nginx_port, ["/meeting/"], work, rows)
        measure("gunicorn, cached pages (mix)", cached_port, mix, work, rows)
        measure("gunicorn, uncached detail pages", uncached_port, details, work, rows)
        measure("gunicorn, uncached searches", uncached_port, searches, work, rows)
        print(f"\n{sum(f['errors'] for _, _, f in rows)} errors in all runs.")
        (work / "results.json").write_text(json.dumps(rows, indent=2))
    finally:
        stop_all(servers)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

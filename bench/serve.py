"""`make bench-serve`: the real gunicorn on loopback, driven by wrk, next to nginx as the ceiling.

    .venv/bin/python bench/serve.py            # BENCH_SECONDS=10 BENCH_CONNECTIONS=1,16,64

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
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "1,16,64").split(",")]
SEARCHES = ["Vladivostok", "Pyongyang", "summit", "Putin", "Kim Jong Un", "treaty", "Lavrov"]

LIST_PATHS = """
from archive.models import Meeting, Person, Quote
for model, prefix in ((Meeting, "meetings"), (Person, "people"), (Quote, "quotes")):
    for slug in model.objects.order_by("slug").values_list("slug", flat=True)[:200]:
        print(f"/{prefix}/{slug}/")
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def wait_until_healthy(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"server exited early ({process.returncode}): see the log")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} never answered 200")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def start_gunicorn(env, port, log):
    args = [GUNICORN, "--config", "summit/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*args, "summit.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    return started(process, f"http://127.0.0.1:{port}/healthz")


def started(process, url):
    """The process, once url answers 200; stopped if it never does."""
    try:
        wait_until_healthy(url, process)
    except BaseException:
        process.terminate()
        process.wait(timeout=30)
        raise
    return process


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


def wrk(port, paths, connections, work, seconds=SECONDS):
    paths_file = work / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    threads = min(connections, 2)
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
         "-s", str(ROOT / "bench" / "rotate.lua"), f"http://127.0.0.1:{port}",
         "--", str(paths_file)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"]
    figures["errors"] = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return figures


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
    work = Path(tempfile.mkdtemp(prefix="summit-bench-"))
    (work / "var").mkdir()
    env = dict(
        os.environ,
        VAR_DIR=str(work / "var"),
        STATIC_ROOT=str(work / "var" / "static"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DEBUG="0",
        STATIC_MANIFEST="1",
        CACHE_URL="locmem://",
    )
    for name in ("DATABASE_URL", "WHOOSH_PATH", "PAGE_CACHE_SECONDS", "DATA_VERSION_CHECK_SECONDS"):
        env.pop(name, None)
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
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

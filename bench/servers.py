"""What the serving benchmarks share: servers started on loopback and stopped, wrk over a rotation
of paths (bench/rotate.lua), and the CPU a server's processes spent (from /proc)."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def site_environment(work):
    """The site's settings for a server on loopback whose data all lives under work/var."""
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
    unset = (
        "DATABASE_URL WHOOSH_PATH ELASTICSEARCH_URL PAGE_CACHE_SECONDS DATA_VERSION_CHECK_SECONDS"
    )
    for name in unset.split():
        env.pop(name, None)
    return env


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
        stop(process)
        raise
    return process


def stop(process):
    """SIGTERM, then SIGKILL if it has not gone within 30 s (a server never outlives the run)."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def stop_all(servers):
    """Every server asked to stop at once, then each waited for (stop)."""
    for server in servers:
        server.terminate()
    for server in servers:
        stop(server)


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


def cpu_seconds(pid):
    """User + system CPU seconds of a process and all its descendants, live or reaped (a
    gunicorn master and its workers; Datasette's one process and its threads)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # The command name, in parentheses, may hold spaces: the fields follow the last ')'.
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # gone meanwhile
            # fields[1] is the parent's pid; [11:15] utime, stime, cutime, cstime (in ticks).
            stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    tree, ticks, grew = {pid}, 0, True
    while grew:
        children = {child for child, (parent, _) in stats.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    ticks = sum(stats[member][1] for member in tree if member in stats)
    return ticks / CLOCK_TICKS

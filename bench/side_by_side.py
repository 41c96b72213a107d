"""The site and Datasette side by side over the same synthetic corpus (part of `make bench-serve`).

BENCH_QUOTES synthetic quotes (default 100,000, plus one article per ten: search.bench.corpus,
seeded) go into a temporary database; the site's Whoosh index is built once, and the same rows
become a SQLite database with an FTS5 index over the fields the site searches
(bench/datasette_db.py). Then, in alternating rounds (site, Datasette, site, Datasette...) so
that the machine's noise hits both, wrk asks each for:

- ranked search, JSON: the site's /search.json?q=… against Datasette's canned query (BM25,
  snippet, top 20, the count of all matches) as JSON;
- ranked search, HTML: the site's /search/?q=… against the canned query's HTML page;
- row pages: the site's quote pages against Datasette's /bench/quotes/<pk>; then again with
  the site's page cache on, as it serves them (a second gunicorn).

Both get the same rotation of words (SEARCH_WORDS) or quotes. The site runs with its page cache
off (PAGE_CACHE_SECONDS=0): every request is rendered, but for the row pages' second kind. It
runs as `make serve` does (gunicorn, summit/gunicorn.conf.py: 2 x cores + 1 sync workers);
Datasette as `datasette serve` does: one process, its queries on its SQL threads (3 by
default), or BENCH_DATASETTE_WORKERS uvicorn worker processes of the same app
(bench/datasette_app.py). The CPU per request is the server's processes' CPU time (/proc, the
gunicorn master and workers; Datasette's one process), divided by the requests answered. Prints
figures, asserts nothing; the machine is shared, so noisy.

BENCH_ROUNDS (default 2) rounds each; BENCH_SIDE_CONNECTIONS (default 16,1); BENCH_SECONDS.
"""

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench.datasette_db import METADATA
from bench.servers import (
    PYTHON,
    ROOT,
    SECONDS,
    cpu_seconds,
    fetch,
    free_port,
    run,
    site_environment,
    start_gunicorn,
    started,
    stop_all,
    wrk,
)

QUOTES = int(os.environ.get("BENCH_QUOTES", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_SIDE_CONNECTIONS", "16,1").split(",")]
DATASETTE = str(Path(PYTHON).with_name("datasette"))
DATASETTE_WORKERS = int(os.environ.get("BENCH_DATASETTE_WORKERS", "1"))
# The commonest words match most of the corpus: no query may be cut at Datasette's default 1 s.
DATASETTE_SETTINGS = {"sql_time_limit_ms": 20000}
# Words of the synthetic corpus, common to rare, names and a phrase; each means the same to
# both engines (all words must match; quotes make a phrase).
SEARCH_WORDS = [
    "sanctions",
    "military pyongyang",
    '"fraternal duty"',
    "treaty ratified",
    "limousine horses",
    "kim jong un",
    "vladivostok",
    "summit",
    "lavrov",
    "comprehensive strategic partnership",
]
ROW_PAGES = 200  # quotes, spread over the corpus


def prepare(work, quotes):
    """In a fresh interpreter with the site's settings: corpus, index, Datasette's database."""
    import django

    django.setup()
    from django.core.management import call_command

    from archive.models import Quote
    from archive.progress import Progress
    from bench import datasette_db
    from search.bench import corpus
    from search.indexing import rebuild_index

    call_command("migrate", verbosity=0)
    started_at = time.monotonic()
    documents = corpus.generate(quotes)
    print(f"corpus: {documents:,} quotes and articles in {time.monotonic() - started_at:.1f} s")
    started_at = time.monotonic()
    indexed = rebuild_index(progress=Progress())
    print(
        f"the site's Whoosh index: {indexed:,} documents in {time.monotonic() - started_at:.1f} s",
        flush=True,
    )
    started_at = time.monotonic()
    counts = datasette_db.build(Path(work, "bench.db"))
    print(
        f"Datasette's database with FTS5: {counts['documents']:,} documents "
        f"({counts['quotes']:,} quotes, {counts['articles']:,} articles) "
        f"in {time.monotonic() - started_at:.1f} s",
        flush=True,
    )
    step = max(1, quotes // ROW_PAGES)
    sample = Quote.objects.order_by("pk").values_list("pk", "slug")[::step][:ROW_PAGES]
    Path(work, "quotes.json").write_text(json.dumps(list(sample)))


def start_datasette(work, port, log):
    """`datasette serve`: one process; with BENCH_DATASETTE_WORKERS above 1, the same app in that
    many uvicorn worker processes (bench/datasette_app.py)."""
    (work / "metadata.json").write_text(json.dumps(METADATA))
    if DATASETTE_WORKERS == 1:
        settings = [
            arg
            for name, value in DATASETTE_SETTINGS.items()
            for arg in ("--setting", name, str(value))
        ]
        args = [
            DATASETTE,
            "serve",
            "--immutable",
            str(work / "bench.db"),
            "--metadata",
            str(work / "metadata.json"),
            *settings,
        ]
        env = os.environ
    else:
        args = [
            PYTHON,
            "-m",
            "uvicorn",
            "--workers",
            str(DATASETTE_WORKERS),
            "bench.datasette_app:app",
        ]
        env = dict(
            os.environ,
            BENCH_DATASETTE_DIR=str(work),
            BENCH_DATASETTE_SETTINGS=json.dumps(DATASETTE_SETTINGS),
            PYTHONPATH=str(ROOT),
        )
    args += ["--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(args, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    return started(process, f"http://127.0.0.1:{port}/-/versions.json")  # fmt: skip


def kinds(quotes):
    """(kind, the site's paths, Datasette's paths, whether the site's page cache is on), the
    same words or quotes in the same order. Row pages twice: rendered every time (the work of
    a page), and as the site serves them (its page cache on: what a reader gets)."""
    words = [urllib.parse.quote(word) for word in SEARCH_WORDS]
    site_rows = [f"/quotes/{slug}/" for _, slug in quotes]
    datasette_rows = [f"/bench/quotes/{pk}" for pk, _ in quotes]
    return [
        ("ranked search, JSON",
         [f"/search.json?q={w}" for w in words], [f"/bench/search.json?q={w}" for w in words],
         False),
        ("ranked search, HTML",
         [f"/search/?q={w}" for w in words], [f"/bench/search?q={w}" for w in words], False),
        ("row pages (a quote)", site_rows, datasette_rows, False),
        ("row pages, cache on", site_rows, datasette_rows, True),
    ]  # fmt: skip


def print_matches(site_port, datasette_port):
    """How many records each finds for each search: they search the same fields, not the same
    way (the site also matches every spelling of a name), so the counts differ a little."""
    print(f"\n{'search':38} {'site':>8} {'Datasette':>10}")
    for word in SEARCH_WORDS:
        q = urllib.parse.quote(word)
        site = json.loads(fetch(f"http://127.0.0.1:{site_port}/search.json?q={q}"))["count"]
        url = f"http://127.0.0.1:{datasette_port}/bench/search.json?q={q}&_shape=objects"
        rows = json.loads(fetch(url))["rows"]
        print(f"{word:38} {site:>8,} {rows[0]['matches'] if rows else 0:>10,}")


def measure(server, port, pid, paths, connections, work):
    before = cpu_seconds(pid)
    figures = wrk(port, paths, connections, work)
    figures["cpu_ms"] = (cpu_seconds(pid) - before) * 1000 / max(1, figures["requests"])
    print(
        f"  {server:<9} c={connections:<3} {figures['rps']:>8,.1f} req/s   "
        f"p50 {figures['p50_ms']:>7.2f} ms   p99 {figures['p99_ms']:>7.2f} ms   "
        f"CPU {figures['cpu_ms']:>6.2f} ms/request   errors {figures['errors']}",
        flush=True,
    )
    return figures


def summary(rounds):
    """Requests/s over all rounds; p50, p99 and CPU per request, the median of the rounds'."""
    requests = sum(f["requests"] for f in rounds)
    return {
        "rps": requests / sum(f["seconds"] for f in rounds),
        "p50": statistics.median(f["p50_ms"] for f in rounds),
        "p99": statistics.median(f["p99_ms"] for f in rounds),
        "cpu": statistics.median(f["cpu_ms"] for f in rounds),
        "errors": sum(f["errors"] for f in rounds),
    }


def print_table(results):
    print(
        f"\n{'kind':22} {'c':>3} | {'site req/s':>10} {'p50':>7} {'p99':>7} {'CPU/req':>8} | "
        f"{'Datasette':>10} {'p50':>7} {'p99':>7} {'CPU/req':>8} | {'site/DS':>7}"
    )
    for (kind, connections), (site, datasette) in results.items():
        site, datasette = summary(site), summary(datasette)
        print(
            f"{kind:22} {connections:>3} | {site['rps']:>10,.1f} {site['p50']:>7.1f} "
            f"{site['p99']:>7.1f} {site['cpu']:>6.1f}ms | {datasette['rps']:>10,.1f} "
            f"{datasette['p50']:>7.1f} {datasette['p99']:>7.1f} {datasette['cpu']:>6.1f}ms | "
            f"{site['rps'] / datasette['rps']:>6.2f}x"
        )
    errors = sum(summary(rounds)["errors"] for pair in results.values() for rounds in pair)
    print(f"(latencies in ms; {errors} errors in all rounds; load average "
          f"{' '.join(f'{load:.1f}' for load in os.getloadavg())})")  # fmt: skip


def main():
    if not Path(DATASETTE).exists():
        raise SystemExit("Datasette is not installed: `make bench-serve` installs '.[bench]'.")
    work = Path(tempfile.mkdtemp(prefix="summit-bench-side-"))
    env = dict(site_environment(work), PAGE_CACHE_SECONDS="0")
    servers = []
    try:
        print(f"\n== The site and Datasette, {QUOTES:,} synthetic quotes, in {work} ==", flush=True)
        code = f"from bench.side_by_side import prepare; prepare({str(work)!r}, {QUOTES})"
        run([PYTHON, "-c", code], dict(env, DJANGO_SETTINGS_MODULE="summit.settings"))
        run([PYTHON, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"], env)
        quotes = json.loads((work / "quotes.json").read_text())

        log = (work / "servers.log").open("w")
        site_port, datasette_port, cached_port = free_port(), free_port(), free_port()
        servers.append(start_gunicorn(env, site_port, log))
        servers.append(start_datasette(work, datasette_port, log))
        # The same site as served: its page cache on (the default).
        as_served = {name: value for name, value in env.items() if name != "PAGE_CACHE_SECONDS"}
        servers.append(start_gunicorn(as_served, cached_port, log))
        site, datasette, cached_site = (server.pid for server in servers)
        print_matches(site_port, datasette_port)
        # Warm-up, not measured: every worker compiles its templates and opens its index or
        # database; the corpus's files are read into the page cache for both.
        for kind, site_paths, datasette_paths, cached in kinds(quotes):
            site_side = cached_port if cached else site_port
            for port, paths in ((site_side, site_paths), (datasette_port, datasette_paths)):
                if wrk(port, paths, 16, work, seconds=3)["errors"]:
                    log.flush()
                    tail = (work / "servers.log").read_text()[-3000:]
                    raise SystemExit(f"{kind}: errors while warming up on port {port}:\n{tail}")

        if DATASETTE_WORKERS == 1:
            datasette_runs = f"one process, {len(os.listdir(f'/proc/{datasette}/task'))} threads"
        else:
            datasette_runs = f"{children(datasette)} uvicorn worker processes"
        print(
            f"\nThe site: gunicorn, {children(site)} sync workers, page cache off (but for "
            f"'cache on'). Datasette: "
            f"{datasette_runs}. {SECONDS} s a round, {ROUNDS} rounds each, alternating.",
            flush=True,
        )
        results = {}
        for connections in CONNECTIONS:
            for kind, site_paths, datasette_paths, cached in kinds(quotes):
                print(f"{kind}, {connections} connection(s):", flush=True)
                pair = results.setdefault((kind, connections), ([], []))
                port, pid = (cached_port, cached_site) if cached else (site_port, site)
                for _ in range(ROUNDS):
                    pair[0].append(measure("site", port, pid, site_paths, connections, work))
                    pair[1].append(
                        measure("Datasette", datasette_port, datasette, datasette_paths,
                                connections, work)
                    )  # fmt: skip
        print_table(results)
    finally:
        stop_all(servers)
        shutil.rmtree(work, ignore_errors=True)


def children(parent):
    return sum(
        1 for entry in Path("/proc").iterdir() if entry.name.isdigit() and _parent(entry) == parent
    )


def _parent(entry):
    try:
        return int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError):
        return None


if __name__ == "__main__":
    os.chdir(ROOT)
    main()

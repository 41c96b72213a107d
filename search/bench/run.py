"""The search benchmark, for each corpus size (quotes; plus one article per ten quotes):

- index build time and size (search.indexing.rebuild_index, the one the site uses);
- latency p50/p95 of a fixed set of searches through the Django search view (facets, highlights),
  and the CPU time of each (thread time: on a shared machine it varies far less than the wall);
- the same searches on SQLite FTS5 over the same documents, as a reference;
- with BENCH_CLUSTER_URL (`make bench-search` starts the 3-node search cluster for it), the same
  build and searches through the same view on the cluster, in an index of its own.

Each size gets its own temporary database and index directory (never var/), removed afterwards.
Usage: python -m search.bench 10000 100000   (BENCH_REPEAT=N for more runs per search)

BENCH_MESSY=1: each size on the messy archive instead (search.bench.messy: missing fields, every
script, long and short texts), loaded through load_archive, with its index's segment layout; then
issue #10's recipe at its real size (the real archive plus 6,000 undated quotes): the statuses of
a search, its JSON, CSV and date sorts.
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .timing import SEARCHES, ms, pct, time_cluster, time_fts5, time_health, time_view

DEFAULT_SIZES = [10_000, 100_000]
MESSY = os.environ.get("BENCH_MESSY", "") not in ("", "0")
ISSUE_10_UNDATED_QUOTES = 6000


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or DEFAULT_SIZES
    runs = [f"bench_one({size}, {{workdir!r}}, messy={MESSY})" for size in sizes]
    if MESSY:
        runs.append("bench_issue_10({workdir!r})")
    for run in runs:
        workdir = Path(tempfile.mkdtemp(prefix="summit-bench-"))
        try:
            _run_in_subprocess(run.format(workdir=str(workdir)), workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


def _run_in_subprocess(call, workdir):
    """Each size in a fresh interpreter: its own settings (temp DB and index), its own memory."""
    import subprocess

    env = in_process_environment(workdir)
    env["BENCH_CLUSTER_URL"] = os.environ.get(
        "BENCH_CLUSTER_URL", os.environ.get("ELASTICSEARCH_URL", "")
    )
    code = f"from search.bench.run import bench_issue_10, bench_one; {call}"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def in_process_environment(workdir):
    """The settings of a benchmark that runs the site in its own process with everything under
    `workdir` (a temporary SQLite database and Whoosh index, never var/), the page cache off."""
    workdir = Path(workdir)
    return {
        **os.environ,
        "VAR_DIR": str(workdir),
        "WHOOSH_PATH": str(workdir / "whoosh"),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "ELASTICSEARCH_URL": "",
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "WARNING",
        "STATIC_MANIFEST": "0",
        "PAGE_CACHE_SECONDS": "0",
        "DJANGO_SETTINGS_MODULE": "summit.settings",
    }


def bench_one(size, workdir, messy=False):
    import django

    django.setup()
    from django.core.management import call_command

    from archive.progress import Progress
    from search.bench import corpus
    from search.indexing import rebuild_index

    print(f"\n== {size:,} quotes{' (messy archive)' if messy else ''} ==", flush=True)
    call_command("migrate", verbosity=0)
    started = time.monotonic()
    documents = _load_messy(size, Path(workdir)) if messy else corpus.generate(size)
    print(f"corpus: {documents:,} quotes and articles in {time.monotonic() - started:.1f} s")

    _reset_peak_memory()
    load_before = os.getloadavg()[0]
    started, cpu = time.monotonic(), _cpu_seconds()
    indexed = rebuild_index(progress=Progress(sys.stderr))
    build = time.monotonic() - started
    main_cpu, workers_cpu = (now - then for now, then in zip(_cpu_seconds(), cpu, strict=True))
    size_mb = sum(p.stat().st_size for p in Path(workdir, "whoosh").rglob("*") if p.is_file()) / 1e6
    print(f"index build: {build:.1f} s for {indexed:,} documents, {size_mb:.1f} MB on disk")
    # On a shared machine the wall time depends on the load; CPU time does not. With two free
    # cores the build takes about their sum over two.
    print(
        f"index build CPU: {main_cpu:.1f} s preparing (this process), {workers_cpu:.1f} s in "
        f"the writer processes, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    main_mb, worker_mb = _peak_memory_mb()
    print(f"index build memory: peak RSS {main_mb} this process, {worker_mb} the largest writer")

    if messy:
        _print_segments(workdir)
    view_times, cold, view_cpu = time_view()
    health = time_health()
    fts_times, fts_build = time_fts5(Path(workdir))
    print(f"FTS5 reference table built in {fts_build:.1f} s")
    cluster_url = os.environ.get("BENCH_CLUSTER_URL", "")
    cluster_times = time_cluster(cluster_url, size) if cluster_url else None
    print(
        f"{'search':34} {'cold':>9} {'view p50':>9} {'view p95':>9} {'CPU p50':>9}"
        f" {'FTS5 p50':>9} {'ratio':>6}"
        f" {'cluster p50':>11} {'cluster p95':>11}  hits"
    )
    everything_view, everything_fts, everything_cluster = [], [], []
    for label, _params in SEARCHES:
        times, hits = view_times[label]
        fts = fts_times[label]
        everything_view += times
        everything_fts += fts
        cluster = cluster_times[label][0] if cluster_times else []
        everything_cluster += cluster
        if cluster_times and cluster_times[label][1] != hits:
            hits = f"{hits} (cluster {cluster_times[label][1]})"
        print(
            f"{label:34} {ms(cold[label]):>9} {ms(pct(times, 50)):>9} {ms(pct(times, 95)):>9} "
            f"{ms(pct(view_cpu[label], 50)):>9} {ms(pct(fts, 50)):>9} "
            f"{pct(times, 50) / max(pct(fts, 50), 1e-9):>5.1f}x"
            f" {_ms_or(cluster, 50):>11} {_ms_or(cluster, 95):>11}  {hits}"
        )
    print(
        f"{'all searches':34} {ms(pct(list(cold.values()), 50)):>9} "
        f"{ms(pct(everything_view, 50)):>9} "
        f"{ms(pct(everything_view, 95)):>9} "
        f"{ms(pct([t for times in view_cpu.values() for t in times], 50)):>9} "
        f"{ms(pct(everything_fts, 50)):>9} "
        f"{pct(everything_view, 50) / max(pct(everything_fts, 50), 1e-9):>5.1f}x"
        f" {_ms_or(everything_cluster, 50):>11} {_ms_or(everything_cluster, 95):>11}"
    )
    print(f"GET /healthz (a real query on the live index): p50 {ms(health)}")


def _load_messy(size, workdir):
    """The messy archive's fixture files, loaded through load_archive (index built apart)."""
    from archive.loading import load_archive
    from archive.models import Article, Quote
    from search.bench import messy

    messy.write_fixtures(workdir / "fixtures", size)
    load_archive(workdir / "fixtures", rebuild_index=False)
    return Quote.objects.count() + Article.objects.count()


def _print_segments(workdir):
    """Each segment's documents and the exact fields it has no column for."""
    from whoosh.filedb.filestore import FileStorage

    from search import live

    root = Path(workdir, "whoosh")
    with FileStorage(str(live.live_directory(root))).open_index().reader() as reader:
        sortable = [name for name, field in reader.schema.items() if field.column_type]
        for number, (segment, _offset) in enumerate(reader.leaf_readers(), start=1):
            missing = [name for name in sortable if not segment.has_column(name)]
            print(
                f"segment {number}: {segment.doc_count_all():,} documents, "
                f"no column for: {', '.join(missing) or '-'}"
            )


def bench_issue_10(workdir):
    """Issue #10's recipe at its real size: the real archive plus 6,000 quotes without said_on,
    loaded (and indexed) by load_archive; every search with hits used to answer 500."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from archive.loading import load_archive
    from search.bench import messy

    print(f"\n== issue #10: the real archive + {ISSUE_10_UNDATED_QUOTES:,} undated quotes ==")
    call_command("migrate", verbosity=0)
    messy.write_fixtures(Path(workdir, "fixtures"), ISSUE_10_UNDATED_QUOTES, undated=True)
    started = time.monotonic()
    report = load_archive(Path(workdir, "fixtures"))
    print(
        f"load_archive: {report.index_documents:,} documents in {time.monotonic() - started:.1f} s"
    )
    _print_segments(workdir)
    client = Client()
    for path in ("/search/", "/search.json", "/search.csv"):
        for sort in ("relevance", "newest", "oldest"):
            response = client.get(path, {"q": "treaty", "sort": sort})
            print(f"GET {path}?q=treaty&sort={sort}: {response.status_code}")
    print(f"GET /healthz: {client.get('/healthz').status_code}")


def _ms_or(times, percentile):
    return ms(pct(times, percentile)) if times else "-"


def _cpu_seconds():
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _reset_peak_memory():
    """Start this process's peak RSS afresh (Linux: /proc/self/clear_refs), so the build's peak
    is not the corpus generation's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_memory_mb():
    """(this process's peak RSS, the largest finished child's), as text in MB."""
    import resource

    try:
        status = Path("/proc/self/status").read_text().splitlines()
        main = int(next(line for line in status if line.startswith("VmHWM")).split()[1])
    except (OSError, StopIteration, ValueError):
        main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    return f"{main / 1024:.0f} MB", (f"{children / 1024:.0f} MB" if children else "-")

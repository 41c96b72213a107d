"""Timing searches for the search benchmark (search.bench.run): through the Django view (wall
and CPU time), on an SQLite FTS5 table of the same documents, /healthz, and on the cluster."""

import os
import sys
import time

REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))

# (label, query string) through the view; FTS5 gets the same words.
SEARCHES = [
    ("single word", {"q": "sanctions"}),
    ("two words", {"q": "military pyongyang"}),
    ("phrase", {"q": '"fraternal duty"'}),
    ("name, other spelling", {"q": "Ким Чен Ын"}),
    ("name, other spelling + filters", {"q": "Sergei Lavrov", "type": "quote", "year": "2024"}),
    ("two words, newest first", {"q": "treaty ratified", "sort": "newest"}),
    ("rare word", {"q": "limousine horses"}),
]
FTS5_QUERIES = {
    "single word": "sanctions",
    "two words": "military pyongyang",
    "phrase": '"fraternal duty"',
    "name, other spelling": "kim jong un",
    "name, other spelling + filters": "sergey lavrov",
    "two words, newest first": "treaty ratified",
    "rare word": "limousine horses",
}


def time_health():
    """/healthz runs a real query (search.unreadable.check): its p50 over a few requests."""
    from django.test import Client

    client = Client()
    times = []
    for _ in range(10):
        started = time.perf_counter()
        response = client.get("/healthz")
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.content
    return pct(times, 50)


def time_cluster(url, size):
    """The same build and searches on the search cluster: an index of its own, removed after."""
    from django.test import override_settings
    from haystack import connections

    from archive.progress import Progress
    from search.indexing import rebuild_index

    configured = {
        "default": {
            "ENGINE": "search.elastic.SummitElasticsearchEngine",
            "URL": [part for part in url.split(",") if part],
            "INDEX_NAME": f"summit_bench_{size}",
            "INCLUDE_SPELLING": True,
            "SILENTLY_FAIL": False,
            "KWARGS": {"max_retries": 3, "retry_on_timeout": True},
        }
    }
    saved = connections.connections_info
    with override_settings(HAYSTACK_CONNECTIONS=configured):
        connections.connections_info = configured
        connections.reload("default")
        try:
            started = time.monotonic()
            indexed = rebuild_index(progress=Progress(sys.stderr))
            print(
                f"cluster index build: {time.monotonic() - started:.1f} s for {indexed:,} documents"
            )
            times, _cold, _cpu = time_view()
            connections["default"].get_backend().conn.indices.delete(
                index=f"summit_bench_{size}-*", ignore=[404]
            )
        finally:
            connections.connections_info = saved
            connections.reload("default")
    return times


def time_view():
    import re

    from django.test import Client

    client = Client()
    client.get("/search/", {"q": "warm up"})  # opens the searcher once, as a server would
    cold = {}
    found = {}
    for label, params in SEARCHES:
        # The first run of each search reads its terms from disk (cold); later runs find them in
        # the per-process postings cache, as a server does for popular words.
        started = time.perf_counter()
        response = client.get("/search/", params)
        cold[label] = time.perf_counter() - started
        assert response.status_code == 200, (label, response.status_code)
        match = re.search(rb'<h2 id="results-heading">([\d,]+) result', response.content)
        assert b"<em>" in response.content or not match or match.group(1) == b"0", label
        found[label] = ([], match.group(1).decode() if match else "?")
    cpu = {label: [] for label, _params in SEARCHES}
    for _ in range(REPEAT):
        for label, params in SEARCHES:
            started, cpu_started = time.perf_counter(), time.thread_time()
            client.get("/search/", params)
            found[label][0].append(time.perf_counter() - started)
            cpu[label].append(time.thread_time() - cpu_started)
    return found, cold, cpu


def time_fts5(workdir):
    """The same documents in an FTS5 table (porter stemming); each search asks for the top 20 with
    snippets and the total count, as the view does."""
    import sqlite3

    from archive.models import Article, Quote

    connection = sqlite3.connect(workdir / "fts5.sqlite3")
    started = time.monotonic()
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='porter unicode61')")
    rows = Quote.objects.values_list("text", flat=True).iterator(chunk_size=5000)
    connection.executemany("INSERT INTO docs(body) VALUES (?)", ((text,) for text in rows))
    rows = Article.objects.values_list("title", "summary").iterator(chunk_size=2000)
    connection.executemany("INSERT INTO docs(body) VALUES (?)", ((f"{t}\n{s}",) for t, s in rows))
    connection.commit()
    build = time.monotonic() - started
    times = {}
    for label, match in FTS5_QUERIES.items():
        times[label] = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            connection.execute(
                "SELECT rowid, snippet(docs, 0, '<em>', '</em>', '…', 20) FROM docs "
                "WHERE docs MATCH ? ORDER BY rank LIMIT 20",
                (match,),
            ).fetchall()
            connection.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()
            times[label].append(time.perf_counter() - started)
    connection.close()
    return times, build


def pct(values, percentile):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(percentile / 100 * (len(ordered) - 1)))
    return ordered[index]


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"

"""Detail pages at scale: query count and render time with the real corpus and a synthetic 100k.

    .venv/bin/python bench/detail_pages.py             # BENCH_QUOTES=100000 to change the size

Each corpus is built in a temporary directory by a fresh interpreter: the real one with the loader,
the large one with the search benchmark's generator (search/bench/corpus.py: the real people,
outlets and meetings, synthetic quotes and articles). Pages are rendered with the page cache off,
through the whole middleware stack (Django's test client), and each page type is reported with
its query counts (they must not grow with the corpus), its p50 and slowest render time and the
page size. BENCH_PAGES pages of each type (default 5), each rendered 3 times.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTES = int(os.environ.get("BENCH_QUOTES", "100000"))
PAGES = int(os.environ.get("BENCH_PAGES", "5"))  # pages of each type
REPEAT = 3


def pages():
    from django.db.models import Count

    from archive.models import Article, Meeting, Outlet, Person, Quote

    busiest_meetings = Meeting.objects.annotate(n=Count("quotes")).order_by("-n", "slug")
    busiest_people = Person.objects.annotate(n=Count("quotes")).order_by("-n", "slug")
    busiest_outlets = Outlet.objects.annotate(n=Count("articles")).order_by("-n", "slug")
    return {
        "meeting (most quoted)": [m.get_absolute_url() for m in busiest_meetings[:PAGES]],
        "person (most quoted)": [p.get_absolute_url() for p in busiest_people[:PAGES]],
        "outlet (most articles)": [o.get_absolute_url() for o in busiest_outlets[:PAGES]],
        "quote": [q.get_absolute_url() for q in Quote.objects.order_by("?")[:PAGES]],
        "article": [a.get_absolute_url() for a in Article.objects.order_by("?")[:PAGES]],
        # Where a person page's "All N quotes by ..." link leads.
        "quotes by speaker": [f"/quotes/?speaker={p.slug}" for p in busiest_people[:PAGES]],
        # The JSON twins of the busiest pages: bounded as their pages are.
        "person JSON twin": [twin(p.get_absolute_url()) for p in busiest_people[:PAGES]],
        "meeting JSON twin": [twin(m.get_absolute_url()) for m in busiest_meetings[:PAGES]],
        "outlet JSON twin": [twin(o.get_absolute_url()) for o in busiest_outlets[:PAGES]],
    }


def twin(page_url):
    """/people/kim-jong-un/ -> /people/kim-jong-un.json"""
    return page_url.rstrip("/") + ".json"


def measure(label):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from archive.models import Quote

    client = Client()
    print(f"\n== {label}: {Quote.objects.count():,} quotes in the database ==")
    print(f"{'page':22} {'pages':>5} {'queries':>9} {'p50 ms':>8} {'max ms':>8} {'KB':>6}")
    for kind, urls in pages().items():
        times, queries, sizes = [], set(), []
        for url in urls:
            client.get(url)  # warm: templates compiled, connection open
            for _ in range(REPEAT):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
                queries.add(len(captured.captured_queries))
                sizes.append(len(response.content))
        spread = f"{min(queries)}-{max(queries)}" if len(queries) > 1 else str(min(queries))
        print(
            f"{kind:22} {len(urls):>5} {spread:>9} {statistics.median(times) * 1000:>8.1f} "
            f"{max(times) * 1000:>8.1f} {statistics.median(sizes) / 1024:>6.0f}",
            flush=True,
        )


def one_corpus(kind, workdir):
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if kind == "real":
        from archive.loading import load_archive

        load_archive(settings.FIXTURES_DIR, rebuild_index=False)
        measure("real corpus")
    else:
        from search.bench import corpus

        started = time.monotonic()
        corpus.generate(QUOTES)
        print(f"\n(synthetic corpus generated in {time.monotonic() - started:.0f} s)")
        measure("synthetic corpus")


def main():
    for kind in ("real", "synthetic"):
        with tempfile.TemporaryDirectory(prefix="summit-bench-detail-") as workdir:
            env = dict(
                os.environ,
                VAR_DIR=workdir,
                DATABASE_URL=f"sqlite:///{workdir}/archive.sqlite3",
                SECRET_KEY="benchmark-only",
                ALLOWED_HOSTS="testserver",
                LOG_LEVEL="WARNING",
                STATIC_MANIFEST="0",
                PAGE_CACHE_SECONDS="0",
                DATA_VERSION_CHECK_SECONDS="-1",
                DJANGO_SETTINGS_MODULE="summit.settings",
                PYTHONPATH=str(ROOT),
            )
            code = f"from bench.detail_pages import one_corpus; one_corpus({kind!r}, {workdir!r})"
            subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()

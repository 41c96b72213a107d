"""`make bench-load`: load_archive at scale, first in full, then again with one quote changed.

The messy archive (search.bench.messy) of BENCH_QUOTES quotes (default 100,000) is written as
fixtures and loaded by load_archive into a temporary database and index (never var/): the first
load builds the whole index; the second changes one quote's words, so only its document is
rewritten (search.incremental); the third changes nothing. Prints each one's wall time, split into
the load (reading, checking, writing the database) and the index, and checks that a search finds
the new words and not the old. The one quote is changed as an editor would, in its own lines, so
the loader reads and checks only that item again (archive.loading.reuse). Timings on a shared
machine are noisy: run it twice.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search.bench.run import in_process_environment

QUOTES = int(os.environ.get("BENCH_QUOTES", "100000"))
CHANGED = "messy-quote-7"
NEW_WORDS = "zanzibar quokka"


def main():
    workdir = Path(tempfile.mkdtemp(prefix="summit-bench-load-"))
    try:
        env = in_process_environment(workdir)
        code = f"from bench.load import run; run({str(workdir)!r})"
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(workdir):
    import django

    django.setup()
    import yaml
    from django.core.management import call_command
    from haystack.query import SearchQuerySet

    from search.bench import messy

    fixtures = Path(workdir, "fixtures")
    messy.write_fixtures(fixtures, QUOTES)
    call_command("migrate", verbosity=0)
    print(f"== load_archive, {QUOTES:,} quotes (messy archive; a shared machine: noisy) ==")
    _timed_load(fixtures, "full load and index build")

    # As an editor would: that quote's lines change, every other line stays as it was.
    path = fixtures / "quotes" / "messy.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- slug: {CHANGED}\n")
    end = text.find("\n- ", start) + 1 or len(text)
    (quote,) = yaml.safe_load(text[start:end])
    quote["text"] = f"{quote['text']} {NEW_WORDS}"
    item = yaml.safe_dump([quote], allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text[:start] + item + text[end:], encoding="utf-8")
    del text
    _timed_load(fixtures, "incremental update (one quote changed)")
    hits = [result.url for result in SearchQuerySet().filter(content=NEW_WORDS)]
    print(f"  a search for the new words finds: {hits}")
    _timed_load(fixtures, "nothing changed")


def _timed_load(fixtures, label):
    import archive.loading
    import search.indexing

    # Where the time goes: reading and checking the fixtures, writing the database, the index
    # (load_archive finds the updater by its name in the settings, ARCHIVE_INDEX_UPDATER).
    seconds = {}
    timed = [
        (archive.loading, "validate_fixtures", "read and check"),
        (archive.loading, "save_archive", "write"),
        (search.indexing, "update_and_publish", "index"),
    ]
    originals = [getattr(module, name) for module, name, _ in timed]
    for (module, name, part), original in zip(timed, originals, strict=True):
        setattr(module, name, _timer(original, part, seconds))
    try:
        started = time.monotonic()
        report = archive.loading.load_archive(fixtures, allow_deletions=True)
        total = time.monotonic() - started
    finally:
        for (module, name, _), original in zip(timed, originals, strict=True):
            setattr(module, name, original)
    index = seconds.get("index", 0.0)
    parts = ", ".join(f"{part} {seconds.get(part, 0.0):.2f} s" for _, _, part in timed[:2])
    print(
        f"{label}: {total:.1f} s wall (load {total - index:.1f} s: {parts}; index {index:.2f} s), "
        f"{report.index_documents:,} documents",
        flush=True,
    )


def _timer(function, part, seconds):
    def timed(*args, **kwargs):
        started = time.monotonic()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[part] = seconds.get(part, 0.0) + time.monotonic() - started

    return timed


if __name__ == "__main__":
    main()

"""How often search puts first what a researcher means, measured on the real archive.

judgements.yaml lists queries and the pages that should come first. Each query is asked of
/search.json, the search page's JSON twin, so the figures are the page's: its ranked list is the
person cards shown above the results, then the results. Printed: top-1 (the first page is one
of those judged right), MRR@10 (the mean of 1/rank of the first right page within the first ten,
0 beyond) per kind and overall, and every query that missed the top.

`python -m search.eval` (make eval-search) loads the fixtures into a temporary database and builds
the index with whatever engine the settings configure: Whoosh in a temporary directory, or the
Elasticsearch-API cluster when ELASTICSEARCH_URL is set (under the index name summit_eval, never
the site's). The same evaluate() runs in the test suite (tests/test_search_relevance.py).
"""

import os
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

JUDGEMENTS = Path(__file__).with_name("judgements.yaml")
DEPTH = 10


def load_judgements(path=JUDGEMENTS):
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file)


@dataclass
class Outcome:
    query: str
    kind: str
    expected: list
    ranked: list  # page paths, best first

    @property
    def rank(self):
        """The 1-based rank of the first right page within DEPTH, or None."""
        for position, path in enumerate(self.ranked[:DEPTH], start=1):
            if path in self.expected:
                return position
        return None


@dataclass
class Report:
    outcomes: list = field(default_factory=list)

    @staticmethod
    def _figures(outcomes):
        ranks = [outcome.rank for outcome in outcomes]
        top1 = sum(rank == 1 for rank in ranks) / len(ranks)
        mrr = sum(1 / rank for rank in ranks if rank) / len(ranks)
        return top1, mrr

    @property
    def top1(self):
        return self._figures(self.outcomes)[0]

    @property
    def mrr(self):
        return self._figures(self.outcomes)[1]

    def failures(self):
        return [outcome for outcome in self.outcomes if outcome.rank != 1]

    def lines(self):
        by_kind = defaultdict(list)
        for outcome in self.outcomes:
            by_kind[outcome.kind].append(outcome)
        yield f"{'kind':<14}{'queries':>8}{'top-1':>8}{'MRR@10':>8}"
        for kind, outcomes in sorted(by_kind.items()):
            top1, mrr = self._figures(outcomes)
            yield f"{kind:<14}{len(outcomes):>8}{top1:>8.0%}{mrr:>8.3f}"
        yield f"{'all':<14}{len(self.outcomes):>8}{self.top1:>8.0%}{self.mrr:>8.3f}"
        failures = self.failures()
        if failures:
            yield ""
            yield f"{len(failures)} queries without a right page first:"
        for outcome in failures:
            rank = f"rank {outcome.rank}" if outcome.rank else f"not in the top {DEPTH}"
            got = ", ".join(outcome.ranked[:3]) or "nothing"
            yield f"  {outcome.query!r} ({outcome.kind}): {rank}; wanted {outcome.expected[0]}"
            yield f"      got {got}"


def ranked_paths(body):
    """The page paths the search shows, best first: person cards, then results."""
    urls = [card["url"] for card in body.get("people", [])]
    urls += [result["url"] for result in body.get("results", [])]
    paths = []
    for url in urls:
        path = urlsplit(url).path
        if path not in paths:
            paths.append(path)
    return paths


def evaluate(client, judgements=None):
    """Ask /search.json every judged query through a Django test client."""
    report = Report()
    for judgement in judgements or load_judgements():
        response = client.get("/search.json", {"q": judgement["q"]})
        if response.status_code != 200:
            raise RuntimeError(f"/search.json?q={judgement['q']} answered {response.status_code}")
        report.outcomes.append(
            Outcome(
                query=judgement["q"],
                kind=judgement.get("kind", ""),
                expected=list(judgement["first"]),
                ranked=ranked_paths(response.json()),
            )
        )
    return report


def check_pages_exist(client, judgements):
    """Every judged page must be a page of the archive: a typo would make a query unwinnable."""
    missing = sorted(
        {path for judgement in judgements for path in judgement["first"]}
        - {path for path in _existing_pages(client)}
    )
    if missing:
        raise SystemExit(f"judgements.yaml names pages that do not exist: {', '.join(missing)}")


def _existing_pages(client):
    from archive.models import Article, Meeting, Person, Quote

    for model in (Article, Meeting, Person, Quote):
        for obj in model.objects.all():
            yield obj.get_absolute_url()


def main():
    workdir = Path(tempfile.mkdtemp(prefix="summit-eval-"))
    os.environ.update(
        {
            "VAR_DIR": str(workdir),
            "WHOOSH_PATH": str(workdir / "whoosh"),
            "DATABASE_URL": f"sqlite:///{workdir / 'eval.sqlite3'}",
            "ELASTICSEARCH_INDEX": "summit_eval",
            "SECRET_KEY": "evaluation-only",
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "WARNING",
            "STATIC_MANIFEST": "0",
            "PAGE_CACHE_SECONDS": "0",
            "DJANGO_SETTINGS_MODULE": "summit.settings",
        }
    )
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", verbosity=0)
        call_command("load_archive", verbosity=0)
        engine = settings.HAYSTACK_CONNECTIONS["default"]["ENGINE"].rsplit(".", 1)[-1]
        judgements = load_judgements()
        client = Client()
        check_pages_exist(client, judgements)
        report = evaluate(client, judgements)
        print(f"Search relevance on {engine}: {len(judgements)} judged queries ({JUDGEMENTS.name})")
        for line in report.lines():
            print(line)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    sys.stdout.flush()

"""GET /healthz: is this machine ready to serve? For a load balancer, and for an operator.

    200 {"status": "ok", "database": {"ok": true, "records": 412, "last_load": "..."},
         "search": {"ok": true, "backend": "WhooshEngine", "documents": 412}}
    503 the same, with "status": "unavailable" and an "error" on the part that failed.

Ready means: the database answers and holds a loaded archive, and the search index holds documents
and answers a real query (reading postings, columns and stored fields, not just the document
count). Never cached: the answer must be about now.
"""

import logging

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from haystack import connections
from haystack.query import SearchQuerySet

from archive import freshness
from archive.models import Article, Meeting, Person, Quote

logger = logging.getLogger(__name__)


def database_state():
    try:
        records = sum(model.objects.count() for model in (Meeting, Person, Article, Quote))
        load = freshness.last_load()
    except Exception as error:  # any failure means "not ready"; the log has the details
        logger.exception("Health check: the database failed")
        return {"ok": False, "error": type(error).__name__}
    state = {"ok": records > 0, "records": records}
    state["last_load"] = load.loaded_at.isoformat() if load else None
    if not records:
        state["error"] = "The archive is empty: run `manage.py load_archive`."
    return state


def real_query():
    """A real query against the live index: the Whoosh backend's check (a word with facets, the
    date sort and a stored document, see search.unreadable), else one stored document."""
    backend = connections["default"].get_backend()
    if hasattr(backend, "check"):
        backend.check()
    else:
        list(SearchQuerySet()[:1])


def search_state():
    backend = settings.HAYSTACK_CONNECTIONS["default"]["ENGINE"].rsplit(".", 1)[-1]
    try:
        documents = SearchQuerySet().count()
        real_query()
    except Exception as error:
        # One line: a load balancer asks every few seconds, a traceback each time floods the log.
        logger.warning("Health check: the search index failed: %s: %s", type(error).__name__, error)
        # The type only: the message may name paths or hosts, and this answer is public.
        return {
            "ok": False,
            "backend": backend,
            "error": f"{type(error).__name__}: the search index is missing or cannot be read "
            "(run `manage.py load_archive`; the log has the details).",
        }
    state = {"ok": documents > 0, "backend": backend, "documents": documents}
    if not documents:
        state["error"] = "The search index is empty: run `manage.py load_archive`."
    return state


def search_cluster_state():
    """With search on a cluster (ELASTICSEARCH_URL): green is ready; yellow (a replica missing, as
    when one node of three is down) still serves every search and is reported as degraded, as is
    a node that does not answer; red, or no answer at all, is not ready. None on Whoosh."""
    from haystack import connections

    backend = connections["default"].get_backend()
    if not hasattr(backend, "cluster_state"):
        return None
    try:
        state = backend.cluster_state()
    except Exception as error:
        logger.exception("Health check: the search cluster failed")
        return {"ok": False, "error": f"{type(error).__name__}: the search cluster did not answer."}
    degraded = state["status"] != "green" or state["nodes"] < state["expected_nodes"]
    return {"ok": state["status"] != "red", "degraded": degraded, **state}


@never_cache
def healthz(request):
    database = database_state()
    search = search_state()
    cluster = search_cluster_state()
    if cluster is not None:
        search["cluster"] = cluster
        search["ok"] = search["ok"] and cluster["ok"]
    ready = database["ok"] and search["ok"]
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "database": database, "search": search},
        status=200 if ready else 503,
    )

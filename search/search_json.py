"""/search.json: the search page's results as JSON, from the same form, parser and query.

Built from the search app's pieces (search.forms, search.page), so a search URL and its `.json`
twin take the same parameters, find the same records in the same order and carry the same extras:
the person cards, the spelling correction (and whether its results are the ones shown) and the
notices saying how the query was rewritten.
"""

from django.http import Http404
from haystack.exceptions import SearchBackendError

from archive.api.http import BadRequest, json_endpoint, json_error, json_response, site_base
from archive.api.serializers import Serializer

from . import searching
from .forms import FACETS, SearchForm
from .page import search_page
from .templatetags.search_tags import snippet


def _json_path(page_path):
    """/quotes/<slug>/ -> /quotes/<slug>.json: every page's twin is at the same address."""
    return page_path.rstrip("/") + ".json"


def result_json(result, base):
    page_path = result.url
    return {
        "type": result.type,
        "slug": page_path.rstrip("/").rsplit("/", 1)[-1],
        "title": result.title,
        "date_display": result.date_display,
        "snippet_html": str(snippet(result)) or None,
        "url": base + page_path,
        "json_url": base + _json_path(page_path),
    }


def _link(request, base, number):
    params = request.GET.copy()
    params["page"] = number
    return f"{base}{request.path}?{params.urlencode()}"


@json_endpoint
def search_json(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        detail = {
            name: [str(message) for message in errors] for name, errors in form.errors.items()
        }
        raise BadRequest("Invalid search.", detail)
    try:
        outcome = search_page(form)
    except SearchBackendError as error:
        searching.log_unavailable(error)
        return json_error(503, "Search is unavailable just now; browsing still works.")
    params = outcome.params
    number = params.get("page", 1)
    base = site_base(request)
    body = {
        "query": params.get("q", ""),
        "filters": {name: params[name] for name in FACETS if name in params},
        "sort": params.get("sort", "relevance"),
        "notices": [str(notice) for notice in outcome.notices],
        "correction": _correction_json(outcome.correction, base),
        "people": [_person_card_json(Serializer(request), person) for person in outcome.people],
        "count": 0,
        "page": number,
        "num_pages": 1,
        "page_size": searching.PER_PAGE,
        "facets": {},
        "results": [],
    }
    if outcome.found is None:
        if number > 1:
            raise Http404("No such page of results.")
        return json_response(_with_links(body, request, base))

    found = outcome.found
    body.update(
        {
            "count": found.page.total,
            "num_pages": max(1, found.page.count),
            "facets": {
                name: [{"value": str(value), "count": count} for value, count in values]
                for name, values in (found.facets or {}).get("fields", {}).items()
            },
            "results": [result_json(result, base) for result in found.results],
        }
    )
    return json_response(_with_links(body, request, base))


def _person_card_json(serializer, person):
    return {**serializer.person_summary(person), "bio_html": person.bio_html}


def _correction_json(correction, base):
    """The page's "Did you mean" (applied false) or "Showing results for" (applied true)."""
    if correction is None:
        return None
    return {
        "query": correction.text,
        "original": correction.original,
        "applied": correction.applied,
        "url": base + correction.url,
    }


def _with_links(body, request, base):
    number, last = body["page"], body["num_pages"]
    return {
        **body,
        "first": _link(request, base, 1),
        "last": _link(request, base, last),
        "next": _link(request, base, number + 1) if number < last else None,
        "previous": _link(request, base, number - 1) if number > 1 else None,
    }

"""/search.json: the search page's results as JSON, from the same form, parser and query.

Built from the search app's pieces (search.forms, search.query, search.searching), so a search
URL and its `.json` twin take the same parameters and find the same records in the same order.
"""

from django.http import Http404
from haystack.exceptions import SearchBackendError

from search import names, query, searching
from search.forms import FACETS, SearchForm
from search.templatetags.search_tags import snippet

from .http import BadRequest, json_endpoint, json_error, json_response, site_base


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
    params = {name: value for name, value in form.cleaned_data.items() if value}
    parsed = query.parse(params.get("q", ""), names.name_table())
    number = params.get("page", 1)
    base = site_base(request)
    body = {
        "query": params.get("q", ""),
        "filters": {name: params[name] for name in FACETS if name in params},
        "sort": params.get("sort", "relevance"),
        "notices": [str(notice) for notice in parsed.notices],
        "count": 0,
        "page": number,
        "num_pages": 1,
        "page_size": searching.PER_PAGE,
        "facets": {},
        "results": [],
    }
    if parsed.is_empty:
        if number > 1:
            raise Http404("No such page of results.")
        return json_response(_with_links(body, request, base))

    try:
        found = searching.run_search(parsed, form.filters(), params.get("sort"), number)
    except SearchBackendError as error:
        searching.log_unavailable(error)
        return json_error(503, "Search is unavailable just now; browsing still works.")
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


def _with_links(body, request, base):
    number, last = body["page"], body["num_pages"]
    return {
        **body,
        "first": _link(request, base, 1),
        "last": _link(request, base, last),
        "next": _link(request, base, number + 1) if number < last else None,
        "previous": _link(request, base, number - 1) if number > 1 else None,
    }

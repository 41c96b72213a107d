"""GET /search/?q=…: one search over quotes, articles, meetings and people; and
GET /search/jump.json?q=…: the records to jump to as a reader types (search.jump)."""

from django.shortcuts import render
from django.urls import reverse
from haystack.exceptions import SearchBackendError

from archive.api.http import json_endpoint, json_response, site_base

from . import query, searching
from .forms import SORTS, SearchForm
from .jump import jump_targets
from .page import page_params, search_page


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "errors": form.error_messages(), "sorts": SORTS}
        # A malformed search: its data links are those of the search page itself.
        context["data_alternates"] = data_alternates(request, {})
        return render(request, "search/search.html", context, status=400)

    try:
        outcome = search_page(form)
    except SearchBackendError as error:
        searching.log_unavailable(error)
        context = {"data_alternates": data_alternates(request)}
        return render(request, "search/unavailable.html", context, status=503)

    params, parsed = outcome.params, outcome.parsed
    context = {
        "form": form,
        "params": params,
        "parsed": parsed,
        "notices": outcome.notices,
        "sorts": [
            (key, label, searching.search_url(params, sort=key, page=""))
            for key, label in SORTS.items()
        ],
        "sort": params.get("sort", "relevance"),
        "data_alternates": data_alternates(request, params),
    }
    if outcome.found is None:
        if params.get("q") and not parsed.notices:
            context["notices"].append(
                'Your search has no words we can look for: try words, "a phrase", -word or OR.'
            )
        return render(request, "search/search.html", context)

    page = outcome.found.page
    context.update(
        {
            "results": outcome.found.results,
            "page": page,
            "previous_url": _page_url(params, page.number - 1, page),
            "next_url": _page_url(params, page.number + 1, page),
            "facet_groups": searching.facet_groups(outcome.found.facets, params),
            "people": outcome.people,
            "correction": outcome.correction,
        }
    )
    return render(request, "search/search.html", context)


def data_alternates(request, params=None):
    """The page's <link rel="alternate">s (templates/api/_alternates.html): the search as the
    page shows it (its query cut to the cap, no unknown parameters) as JSON and as CSV.
    `params` are the page's own (search.page.page_params), when the view has them already."""
    address = searching.search_url(params) if params is not None else page_address(request)[0]
    query_string = address.partition("?")[2] if address else ""
    suffix = f"?{query_string}" if query_string else ""
    base = site_base(request)
    return [
        {
            "type": "application/json",
            "title": "These results as JSON",
            "href": base + reverse("api:search") + suffix,
        },
        {
            "type": "text/csv",
            "title": "The quotes among these results as CSV",
            "href": base + reverse("api:search_csv") + suffix,
        },
    ]


def page_address(request):
    """(the search's address in that one form, whether the caps cut its query), or (None, False)
    for a malformed search. The page's links to its JSON and CSV twins use it too."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return None, False
    parsed = query.parse(form.cleaned_data["q"])
    return searching.search_url(page_params(form, parsed)), parsed.cut


def page_cache_address(request):
    """The page cache's key for a search (summit.middleware); None when the page must not be
    cached: a malformed search, or a query the caps cut, which anyone can vary endlessly."""
    address, cut = page_address(request)
    return None if cut else address


def data_cache_address(request):
    """The same for /search.json, which answers with the query as it was given: keyed by its
    whole address, and not cached when the caps cut the query. (/search.csv streams: never
    cached.)"""
    _address, cut = page_address(request)
    return None if cut else request.get_full_path()


def _page_url(params, number, page):
    if 1 <= number <= page.count:
        return searching.search_url(params, page=number if number > 1 else "")
    return None


@json_endpoint
def jump(request):
    text = request.GET.get("q", "")
    return json_response({"query": text, "results": jump_targets(text)})

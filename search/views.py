"""GET /search/?q=…: one search over quotes, articles, meetings and people; and
GET /search/jump.json?q=…: the records to jump to as a reader types (search.jump)."""

import logging

from django.shortcuts import render
from haystack.exceptions import SearchBackendError

from archive.api.http import json_endpoint, json_response

from . import searching
from .forms import SORTS, SearchForm
from .jump import jump_targets
from .page import search_page

logger = logging.getLogger(__name__)


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "errors": form.error_messages(), "sorts": SORTS}
        return render(request, "search/search.html", context, status=400)

    try:
        outcome = search_page(form)
    except SearchBackendError:
        logger.exception("Search is unavailable")
        return render(request, "search/unavailable.html", status=503)

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


def _page_url(params, number, page):
    if 1 <= number <= page.count:
        return searching.search_url(params, page=number if number > 1 else "")
    return None


@json_endpoint
def jump(request):
    text = request.GET.get("q", "")
    return json_response({"query": text, "results": jump_targets(text)})

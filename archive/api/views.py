"""The pages about the data: the OpenAPI document and the human "Data & API" page."""

from django.db.models import Count
from django.shortcuts import render

from .. import seo
from ..models import Person
from .http import json_endpoint, json_response, read_only, site_base
from .openapi import openapi_document
from .pagination import PAGE_SIZE


@json_endpoint
def openapi_json(request):
    return json_response(openapi_document(request))


@read_only
def data_page(request):
    # A real speaker makes the curl examples runnable as they stand.
    example = (
        Person.objects.annotate(quote_count=Count("quotes"))
        .order_by("-is_leader", "-quote_count", "name")
        .first()
    )
    return render(
        request,
        "archive/data_api.html",
        {
            "meta": seo.page_meta(
                request,
                "Data & API",
                "The archive as JSON, CSV and feeds: how to get every quote by one speaker.",
            ),
            "base": site_base(request),
            "example_speaker": example,
            "page_size": PAGE_SIZE,
        },
    )

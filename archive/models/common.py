"""What the archive's models share: help texts, the source-lines field, addresses, countries."""

import functools

from django.db import models
from django.urls import get_script_prefix, reverse

from ..countries import COUNTRIES

BEYOND_SOURCES_HELP = (
    "Facts on this record that do not come from the source documents but are certain public "
    "knowledge, named here so a reader can tell them apart."
)
SOURCE_PARAGRAPHS_HELP = (
    "Where in the source documents this record's facts come from: '000 ¶20' (line 20 of seed "
    "file 000), '002 ¶29–35' (lines 29 to 35), or '002' (the whole document)."
)


def source_paragraphs_field():
    return models.JSONField(default=list, blank=True, help_text=SOURCE_PARAGRAPHS_HELP)


@functools.cache
def _address_prefix(url_name, script_prefix):
    # "/people/" from reverse("archive:person", args=["-"]) == "/people/-/".
    return reverse(url_name, args=["-"])[: -len("-/")]


def detail_address(url_name, slug):
    """A record's address without a full reverse() each time: a page links dozens of records,
    and reverse() was a large part of rendering one. The prefix is worked out once per process
    (and script prefix, should the site be mounted below the root)."""
    return f"{_address_prefix(url_name, get_script_prefix())}{slug}/"


class CountryMixin:
    @property
    def country_name(self):
        return COUNTRIES.get(self.country, "")

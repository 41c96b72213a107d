from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # The search's endpoints join the site's OpenAPI document (archive/api/openapi.py).
        from archive.api.openapi import describe

        from . import openapi

        describe(openapi.PATHS, openapi.SCHEMAS)

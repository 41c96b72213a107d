"""The search's data addresses: /search.json, /search.csv and /search.<ris|bib|csl.json>.

They sit at the site's root beside the archive's own data addresses and share their URL names'
namespaces (`api:search`, `share:search_file`; summit/urls.py joins them), so a reader finds
every data address in one place whichever app answers it.
"""

from django.urls import path

import archive.share_urls  # noqa: F401 (registers the citation_format converter used below)

from . import references, search_csv, search_json

# In the `api` namespace, with archive/api/urls.py.
data_urlpatterns = [
    # The search page's results: /search.json?q=… (same parameters and results as the page).
    path("search.json", search_json.search_json, name="search"),
    # The quotations a search finds, as CSV: /search.csv?q=… (streamed, in the search's order).
    path("search.csv", search_csv.search_csv, name="search_csv"),
]

# In the `share` namespace, with archive/share_urls.py.
share_urlpatterns = [
    path("search.<citation_format:fmt>", references.search_file, name="search_file"),
]

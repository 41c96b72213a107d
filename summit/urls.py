"""The site's addresses. The project joins its apps here: the archive's pages and data, and the
search app's page and data (search depends on the archive, never the reverse, so the search's
data addresses are added to the archive's URL namespaces here rather than by the archive)."""

from django.urls import include, path

from archive import share_urls
from archive.api import urls as data_urls
from search import data_urls as search_data_urls
from summit.health import healthz

urlpatterns = [
    # For load balancers and operators: database and search index state as JSON, 200 or 503.
    path("healthz", healthz, name="healthz"),
    path("", include("archive.urls")),
    # Link-preview cards, the quote embed, oEmbed, RIS/BibTeX/CSL-JSON (archive/share_urls.py),
    # before the data API's addresses so /quotes/<slug>.csl.json is never read as a JSON twin.
    path(
        "",
        include((share_urls.urlpatterns + search_data_urls.share_urlpatterns, share_urls.app_name)),
    ),
    path("search/", include("search.urls")),
    # Data out: JSON twins, CSV, feeds, sitemap, robots.txt, the OpenAPI document, /data/, and
    # the search's JSON and CSV (search/data_urls.py).
    path(
        "",
        include((data_urls.urlpatterns + search_data_urls.data_urlpatterns, data_urls.app_name)),
    ),
]

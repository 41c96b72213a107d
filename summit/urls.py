from django.urls import include, path

from summit.health import healthz

urlpatterns = [
    # For load balancers and operators: database and search index state as JSON, 200 or 503.
    path("healthz", healthz, name="healthz"),
    path("", include("archive.urls")),
    # Link-preview cards, the quote embed, oEmbed, RIS/BibTeX/CSL-JSON (archive/share_urls.py).
    path("", include("archive.share_urls")),
    path("search/", include("search.urls")),
    # Data out: JSON twins, CSV, feeds, sitemap, robots.txt, the OpenAPI document, /data/.
    path("", include("archive.api.urls")),
]

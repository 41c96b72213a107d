"""Data out: the archive as JSON, CSV, Atom/RSS feeds and a sitemap, all read-only.

By what comes out (the addresses are all in urls.py):

    JSON      json_views.py (the twin of every page and list), serializers.py (records as dicts),
              pagination.py, filters.py (the lists' filters, from archive/forms.py)
    OpenAPI   openapi.py (the document, /api/openapi.json), openapi_schemas.py,
              openapi_parameters.py (read off the forms), openapi_oembed.py
    CSV       csv_export.py (/quotes.csv, /meetings.csv)
    feeds     feeds.py (Atom and RSS, site-wide and per person, meeting, outlet)
    sitemap   sitemaps.py (/sitemap.xml, robots.txt)
    pages     views.py (the /data/ page for people)
    shared    http.py (read-only, CORS, JSON errors), addresses.py, freshness.py (last-modified),
              context_processors.py (each page's <link rel="alternate">s)

The search's JSON, CSV and reference files are the search app's (search/search_json.py,
search_csv.py, references.py); it adds them to these URL namespaces and to the OpenAPI document.
Every `.json` route is described in the OpenAPI document; a test keeps the two in sync.
"""

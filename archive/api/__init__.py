"""Data out: the archive as JSON, CSV, Atom/RSS feeds and a sitemap, all read-only.

Every `.json` route is described in the OpenAPI document (openapi.py); a test keeps the two in sync.
"""

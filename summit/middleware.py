"""Serving middleware: security headers, read-only methods, and cached, conditional pages.

The order in settings.MIDDLEWARE matters:

    RequestLogMiddleware        one log line per request, whatever answers it
    XFrameOptionsMiddleware     Django: X-Frame-Options on every response
    SecurityHeadersMiddleware   CSP, Permissions-Policy, nosniff, Referrer-Policy on every response
    SecurityMiddleware          Django: HTTPS redirect, HSTS (and nosniff, Referrer-Policy)
    ReadOnlyMiddleware          405 for anything but GET, HEAD and OPTIONS
    WhiteNoiseMiddleware        static files, before any page machinery
    ConditionalGetMiddleware    Django: 304 when the client's ETag/Last-Modified still holds
    PageCacheMiddleware         rendered pages from the cache, keyed by the data's version
    ...                         the rest render the page
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from archive import freshness
from archive.api.http import json_error
from search.views import data_cache_address as search_data_cache_address
from search.views import page_cache_address as search_cache_address

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

# Pages that name their own cache entry, so that addresses anyone can vary endlessly (junk
# parameters, 4 KB queries) do not each make one: path -> function(request) giving the address
# to key by, or None for "do not cache". Every other page is keyed by its whole address.
CACHE_ADDRESSES = {
    "/search/": search_cache_address,
    "/search.json": search_data_cache_address,
}


class SecurityHeadersMiddleware:
    """The security headers on every response: redirects, 405s, 404s, static files, and the 400
    for a bad Host, which Django's SecurityMiddleware never finishes when its HTTPS redirect
    reads the Host and fails (so nosniff and Referrer-Policy are set here too). A response that
    set one of these headers itself keeps its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": settings.CONTENT_SECURITY_POLICY,
            "Permissions-Policy": settings.PERMISSIONS_POLICY,
            "X-Content-Type-Options": "nosniff" if settings.SECURE_CONTENT_TYPE_NOSNIFF else "",
            "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                # setdefault: a view's own policy stands. One view sets one: the quote embed
                # (archive/views/embed.py), the only page other sites may frame.
                response.headers.setdefault(name, value)
        return response


class ReadOnlyMiddleware:
    """The site only publishes: nothing but GET, HEAD and OPTIONS reaches a view. The one 405 of
    the whole site, answered in the format asked for: JSON for a `.json` address (with the
    data API's CORS header, as its other errors), plain text elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def refused(request):
        message = f"{request.method} is not allowed: the archive is read-only."
        if request.path.endswith(".json"):
            response = json_error(405, message)
            response["Access-Control-Allow-Origin"] = "*"
        else:
            response = HttpResponse(f"{message}\n", content_type="text/plain; charset=utf-8")
            response.status_code = 405
        response["Allow"] = ", ".join(SAFE_METHODS)
        return response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            return self.refused(request)
        response = self.get_response(request)
        if request.method == "OPTIONS" and response.status_code == 200:
            if not response.has_header("Allow"):
                # A plain page view answered OPTIONS as if it were GET: say what is allowed
                # instead. Views that answer OPTIONS themselves (the data API's CORS) are kept.
                response = HttpResponse(headers={"Allow": ", ".join(SAFE_METHODS)})
        return response


class PageCacheMiddleware:
    """Rendered pages from the cache, with ETag, Last-Modified and Cache-Control: public.

    Keys start with the data's version (archive.freshness), so a data load or a deploy
    invalidates every cached page at once. Only plain 200 answers that did not choose their
    own caching (the health check says no-store) are cached and marked public, and only up to
    PAGE_CACHE_MAX_ENTRY_BYTES each (the whole cache is bounded by its backend: summit.cache).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        version = freshness.current_version()
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = self.cache_key(request, version)
        if key is None:
            return self.get_response(request)
        response = cache.get(key) if settings.PAGE_CACHE_SECONDS else None
        if response is not None:
            return response
        response = self.get_response(request)
        if self.is_cacheable(response):
            response.headers["ETag"] = version.etag
            response.headers["Last-Modified"] = http_date(version.last_modified.timestamp())
            patch_cache_control(response, public=True, max_age=settings.CACHE_MAX_AGE)
            if settings.PAGE_CACHE_SECONDS:
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def cache_key(request, version):
        """The page's key, or None when it must not be cached (CACHE_ADDRESSES)."""
        address_of = CACHE_ADDRESSES.get(request.path_info)
        address = address_of(request) if address_of else request.get_full_path()
        if address is None:
            return None
        # The scheme and host are part of the page: canonical links use them when SITE_URL is
        # not set. Hashed, because a query string can be long and hold any character.
        address = f"{request.scheme}://{request.get_host()}{address}"
        return f"page:{version.tag}:{hashlib.sha256(address.encode()).hexdigest()}"

    @staticmethod
    def is_cacheable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.has_header("Cache-Control")
            and not response.cookies
            and len(response.content) <= settings.PAGE_CACHE_MAX_ENTRY_BYTES
        )

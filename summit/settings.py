"""Settings for Summit Archive.

One module, driven by environment variables. Every variable has a default that serves the site
on one machine (SQLite + Whoosh under var/) with no configuration; production differs only by
environment variables. Each one is documented in the README (a test keeps that true).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name, default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def cache_from_url(url):
    """A CACHES entry from CACHE_URL: locmem://, dummy://, file:///path, redis://host:port/db,
    memcached://host:port. Redis and memcached need their client installed (`redis`,
    `pymemcache`)."""
    scheme, _, rest = url.partition("://")
    backends = {
        # Django's locmem cache, bounded in bytes as well as entries (summit/cache.py).
        "locmem": "summit.cache.BoundedLocMemCache",
        "dummy": "django.core.cache.backends.dummy.DummyCache",
        "file": "django.core.cache.backends.filebased.FileBasedCache",
        "redis": "django.core.cache.backends.redis.RedisCache",
        "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"CACHE_URL: unknown cache {url!r}; use one of {list(backends)}")
    cache = {"BACKEND": backends[scheme], "KEY_PREFIX": "summit"}
    if scheme == "locmem":
        # Each process its own: enough for every page of the archive (about 30 KB each), and no
        # more, however many distinct addresses are asked for.
        cache["OPTIONS"] = {
            "MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 3000),
            "MAX_BYTES": env_int("PAGE_CACHE_MAX_BYTES", 32 * 2**20),
        }
    elif scheme == "file":
        cache["LOCATION"] = rest
    elif scheme == "redis":
        cache["LOCATION"] = url
    elif scheme == "memcached":
        cache["LOCATION"] = rest
    return cache


DEBUG = env_bool("DEBUG", False)

# Where the SQLite database and the Whoosh index live by default. Git ignores it.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, or DEBUG=1 for development "
            "(`make serve` creates one under var/ for you)."
        )
    SECRET_KEY = "development-only-secret-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# The public address of the site, used in canonical links, citations and feeds. When empty the
# address the request came in on is used.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

# Where the fixtures that make up the archive are read from by `manage.py load_archive`.
FIXTURES_DIR = Path(os.environ.get("FIXTURES_DIR", BASE_DIR / "fixtures"))

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "haystack",
    "archive",
    "search",
    # The serving layer: when the data was last loaded (archive.freshness), the health check.
    "summit",
]

# The order matters; summit/middleware.py explains it.
MIDDLEWARE = [
    "summit.logging.RequestLogMiddleware",
    # Outside everything that can answer or fail, so every response carries the headers.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "summit.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "summit.middleware.ReadOnlyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "summit.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Nothing can be posted (ReadOnlyMiddleware); kept as a second lock should a form ever be.
    "django.middleware.csrf.CsrfViewMiddleware",
    # A moved address answers 301 instead of 404 (fixtures/redirects.yaml).
    "archive.redirects.RedirectMiddleware",
]

ROOT_URLCONF = "summit.urls"
WSGI_APPLICATION = "summit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "archive.context_processors.site",
                # <link rel="alternate"> to each page's JSON twin and feeds (archive/api).
                "archive.api.context_processors.alternates",
            ],
        },
    },
]


# sqlite:///path (the default) or postgres://user:password@host:port/name
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'archive.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What load_archive calls to update the search index and publish the load (archive.loading):
# the archive never imports the search app, which reads the archive. The updater changes only the
# documents a load changed, or rebuilds whole when that is not safe; the builder always rebuilds.
ARCHIVE_INDEX_BUILDER = "search.indexing.rebuild_and_publish"
ARCHIVE_INDEX_UPDATER = "search.indexing.update_and_publish"

# Search: Whoosh on disk by default; Elasticsearch 7 when ELASTICSEARCH_URL is set.
WHOOSH_PATH = Path(os.environ.get("WHOOSH_PATH", VAR_DIR / "whoosh"))
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "summit_archive")
if ELASTICSEARCH_URL:
    HAYSTACK_CONNECTIONS = {
        "default": {
            # haystack's Elasticsearch 7 backend behind an alias, rebuilt atomically
            # (search/elastic.py). Several nodes: comma-separated URLs, each tried in turn.
            "ENGINE": "search.elastic.SummitElasticsearchEngine",
            "URL": [url.strip() for url in ELASTICSEARCH_URL.split(",") if url.strip()],
            "INDEX_NAME": ELASTICSEARCH_INDEX,
            # "Did you mean": the search view asks only when results are few.
            "INCLUDE_SPELLING": True,
            # A cluster that cannot answer is a 503, never a page that looks like "no results".
            "SILENTLY_FAIL": False,
            "KWARGS": {"max_retries": 3, "retry_on_timeout": True},
        }
    }
else:
    HAYSTACK_CONNECTIONS = {
        "default": {
            # haystack's Whoosh backend, made fast and its rebuilds atomic (search/backend.py).
            "ENGINE": "search.backend.SummitWhooshEngine",
            "PATH": str(WHOOSH_PATH),
        }
    }

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# On: `collectstatic` writes compressed, content-hashed copies that WhiteNoise serves with a
# one-year immutable Cache-Control. Off (the test suite): files are served straight from static/
# with no collectstatic, under their plain names.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST

# Caching. Pages are cached whole, keyed by the data's version (archive/freshness.py), so a data
# load invalidates them everywhere. CACHE_URL: locmem:// (each process its own, no set-up),
# file:///path, redis://host:port/0 or memcached://host:port to share one between processes.
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "locmem://"))}
PAGE_CACHE_ALIAS = "default"
# How long a rendered page stays in that cache; 0 renders every request.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
# A page larger than this is rendered for each request rather than kept (any CACHE_URL).
PAGE_CACHE_MAX_ENTRY_BYTES = env_int("PAGE_CACHE_MAX_ENTRY_BYTES", 256 * 1024)
# How long browsers and proxies may reuse a page before asking again (answered 304 when unchanged).
CACHE_MAX_AGE = env_int("CACHE_MAX_AGE", 300)
# How often a serving process looks in the database for a newer data load; -1: never (only
# this process loads data).
DATA_VERSION_CHECK_SECONDS = env_int("DATA_VERSION_CHECK_SECONDS", 2)
# The deployed release, e.g. the git commit: with it every machine gives a page the same ETag.
RELEASE = os.environ.get("RELEASE", "")

# Security headers (summit/middleware.py and Django's SecurityMiddleware). The policy allows
# only this site's own files: no inline script or style, no other origin, no framing.
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# HTTPS, switched on in production by environment variables (all off for local serving).
# HTTPS=1 turns on the redirect, secure cookies and a year of HSTS; each can also be set alone.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# The load balancer's health check may come in over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
# Behind a proxy that terminates TLS and sets X-Forwarded-Proto (deploy/nginx.conf does).
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# One JSON object per line on stdout (summit/logging.py); LOG_FORMAT=plain for a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "summit.logging.JSONFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {
        "one_line_warning": {"()": "summit.logging.OneLineWarning"},
        "service_unavailable_as_warning": {"()": "summit.logging.ServiceUnavailableAsWarning"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # summit.request already logs every request once; Django's request logger adds only
        # what that line cannot hold: the traceback of a 500.
        "django.request": {"level": "ERROR", "filters": ["service_unavailable_as_warning"]},
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
    },
}

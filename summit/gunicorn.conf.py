"""gunicorn settings for `make serve` and production; an environment variable overrides each.

gunicorn --config summit/gunicorn.conf.py summit.wsgi
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages are CPU-bound (template rendering), so processes, not threads, use the cores.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# sync: each worker takes one connection at a time, so the busy ones never hold clients back.
# A gthread worker keeps every keep-alive connection it accepted, and one worker could end up
# with most of them. `make bench-serve`, two runs each: the same requests/s (gthread 1,822 to
# 2,193 cached pages, sync 2,065 to 2,225), but cached p99 at 64 connections 90 to 610 ms with
# gthread, 36 to 39 ms with sync, and searches at half speed with 3 gthread workers. sync
# workers need a buffering proxy in front (deploy/nginx.conf) to face slow clients. More than
# one GUNICORN_THREADS turns them into gthread workers.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle each worker now and then, so a slow leak can never grow without bound; not often, as
# a new worker starts with an empty page cache (locmem, the default). At 10,000, a worker
# answering 400 to 1,200 cached pages a second (`make bench-serve`) was replaced every 8 to 25 s.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 10
# The app logs one JSON line per request itself (summit/logging.py); gunicorn's own access log
# would repeat it. Set GUNICORN_ACCESS_LOG=- to have it as well.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# gunicorn's own default believes X-Forwarded-Proto, -Protocol and -Ssl from loopback and tells
# Django the request was HTTPS, whatever Django's setting says. Here it follows the same setting:
# with TRUST_X_FORWARDED_PROTO=1 it believes only X-Forwarded-Proto (deploy/nginx.conf always
# sets it) and only from GUNICORN_FORWARDED_ALLOW_IPS; without it, no proxy and no header at all.
trust_proxy = os.environ.get("TRUST_X_FORWARDED_PROTO", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"} if trust_proxy else {}
forwarded_allow_ips = (
    os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1") if trust_proxy else ""
)
# Fork workers after loading the app: they share the code pages and start answering at once.
preload_app = True

"""gunicorn settings for `make serve` and production. Each can be overridden by an environment variable."""

import multiprocessing
import os

workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
accesslog = "-"
errorlog = "-"
# Fork workers after loading the app: they share the code pages and start answering at once.
preload_app = True

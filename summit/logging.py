"""Logs as one JSON object per line on stdout, and one such line for every request.

    {"time": "2026-11-23T04:10:00.123Z", "level": "INFO", "logger": "summit.request",
     "message": "GET /meetings/ 200", "method": "GET", "path": "/meetings/", "status": 200,
     "duration_ms": 4.2, "bytes": 18213, "remote_addr": "127.0.0.1", "user_agent": "..."}

A 500 adds a line from Django's `django.request` logger whose "traceback" field holds the whole
traceback (newlines escaped, so it stays one line for the log collector). A request with a bad
Host header is one WARNING line from `django.security.DisallowedHost`, without a traceback.
"""

import json
import logging
import time
from datetime import UTC, datetime

# The fields a LogRecord always has; anything else on a record came from `extra=` and is logged.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message"}

request_logger = logging.getLogger("summit.request")


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in STANDARD_ATTRIBUTES and name != "request":
                entry[name] = value
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class OneLineWarning(logging.Filter):
    """What Django logs at ERROR with a traceback for a request anyone can send (a bad Host
    header) becomes one WARNING line: it is the client's mistake, and a flood of them must not
    flood the log."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        return True


# 503 is the site saying "search is unavailable" (a missing or damaged index, the cluster down):
# an operator's concern, not a bug in the code, and every search would log it again.
LEVELS = {503: logging.WARNING}


class ServiceUnavailableAsWarning(logging.Filter):
    """Django's request logger reports every 5xx at ERROR; a 503 is a WARNING (see LEVELS)."""

    def filter(self, record):
        if getattr(record, "status_code", None) == 503:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = None
        return True


class RequestLogMiddleware:
    """One line per request, for every answer: pages, static files, redirects, 404s and 500s."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        status = response.status_code
        level = LEVELS.get(status, logging.ERROR if status >= 500 else logging.INFO)
        request_logger.log(
            level,
            "%s %s %s",
            request.method,
            request.get_full_path(),
            status,
            extra={
                "method": request.method,
                "path": request.get_full_path(),
                "status": status,
                "duration_ms": round(duration_ms, 2),
                "bytes": int(response.get("Content-Length", 0))
                if response.streaming
                else len(response.content),
                "remote_addr": request.META.get("REMOTE_ADDR", ""),
                "user_agent": request.META.get("HTTP_USER_AGENT", ""),
            },
        )
        return response

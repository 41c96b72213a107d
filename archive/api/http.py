"""What every data endpoint shares: read-only methods, CORS, absolute URLs and JSON errors."""

from functools import wraps

from django.http import Http404, HttpResponse, JsonResponse

# The data views' name for the site's public address (archive.site).
from ..site import base_url as site_base  # noqa: F401

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
ALLOW = ", ".join(SAFE_METHODS)


class BadRequest(Exception):
    """Input we understand to be wrong: answered 400 with what was wrong."""

    def __init__(self, message, detail=None):
        super().__init__(message)
        self.message = message
        self.detail = detail


def json_error(status, message, detail=None):
    body = {"error": message, "status": status}
    if detail:
        body["detail"] = detail
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _with_cors(response):
    # Read-only public data: any site may read it, none may write (there is nothing to write).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _options_response():
    response = HttpResponse(status=200)
    response["Allow"] = ALLOW
    response["Access-Control-Allow-Methods"] = ALLOW
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


def read_only(view, errors_as_json=False):
    """GET and HEAD answered with CORS, OPTIONS answered for CORS preflight. Any other method
    never gets here: summit.middleware.ReadOnlyMiddleware answers it 405 for the whole site."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _with_cors(_options_response())
        try:
            response = view(request, *args, **kwargs)
        except Http404 as error:
            if not errors_as_json:
                raise
            response = json_error(404, str(error) or "Not found.")
        except BadRequest as error:
            if errors_as_json:
                response = json_error(400, error.message, error.detail)
            else:
                response = HttpResponse(
                    f"{error.message}\n", status=400, content_type="text/plain; charset=utf-8"
                )
        return _with_cors(response)

    return wrapper


def json_endpoint(view):
    """A read-only view whose errors (404, 400, 405) are JSON too."""
    return read_only(view, errors_as_json=True)


def json_response(data):
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})

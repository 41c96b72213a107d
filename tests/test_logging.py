"""One JSON line per request on stdout; a 500 is logged with its traceback, shows our error page."""

import io
import json
import logging
import logging.config

from django.conf import settings
from django.http import HttpResponse
from django.test import Client, SimpleTestCase, override_settings
from django.urls import path

from summit.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise ZeroDivisionError("a fault planted by the test")


def unavailable_view(request):
    # What search answers while its index is missing or damaged (search.views).
    return HttpResponse("Search is unavailable", status=503)


# The site's own addresses plus two that always fail (this module is the URLconf below).
urlpatterns = [
    path("broken/", broken_view),
    path("unavailable/", unavailable_view),
    *site_urlpatterns,
]


class CapturedLog:
    """The site's logging configuration, writing to a string instead of stdout."""

    def __enter__(self):
        self.output = io.StringIO()
        config = json.loads(json.dumps(settings.LOGGING))
        config["handlers"]["stdout"]["stream"] = self.output
        config["handlers"]["stdout"]["formatter"] = "json"
        logging.config.dictConfig(config)
        return self

    def __exit__(self, *exc):
        logging.config.dictConfig(settings.LOGGING)

    def lines(self):
        return [json.loads(line) for line in self.output.getvalue().splitlines()]


@override_settings(ROOT_URLCONF=__name__)
class RequestLogTests(SimpleTestCase):
    def test_one_json_line_per_request(self):
        with CapturedLog() as log:
            self.client.get("/no-such-page/?q=x", headers={"User-Agent": "test-agent"})
        (line,) = log.lines()
        self.assertEqual(line["logger"], "summit.request")
        self.assertEqual(line["level"], "INFO")
        self.assertEqual(line["message"], "GET /no-such-page/?q=x 404")
        self.assertEqual(line["method"], "GET")
        self.assertEqual(line["path"], "/no-such-page/?q=x")
        self.assertEqual(line["status"], 404)
        self.assertEqual(line["user_agent"], "test-agent")
        self.assertIsInstance(line["duration_ms"], float)
        self.assertGreater(line["bytes"], 0)
        self.assertRegex(line["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")

    def test_a_refused_method_is_logged_too(self):
        with CapturedLog() as log:
            self.client.delete("/")
        (line,) = log.lines()
        self.assertEqual((line["method"], line["status"]), ("DELETE", 405))

    def test_a_bad_host_is_one_warning_line_without_a_traceback(self):
        # Anyone can send any Host: logging each at ERROR with a traceback floods the log.
        with CapturedLog() as log:
            response = self.client.get("/", headers={"Host": "evil.example"})
        self.assertEqual(response.status_code, 400)
        output = log.output.getvalue()
        warning, request = log.lines()
        self.assertEqual(len(output.splitlines()), 2)
        self.assertEqual(warning["logger"], "django.security.DisallowedHost")
        self.assertEqual(warning["level"], "WARNING")
        self.assertIn("Invalid HTTP_HOST header: 'evil.example'", warning["message"])
        self.assertNotIn("traceback", warning)
        self.assertNotIn("Traceback", output)
        self.assertEqual((request["status"], request["level"]), (400, "INFO"))

    def test_a_server_error_is_logged_with_its_traceback(self):
        client = Client(raise_request_exception=False)
        with CapturedLog() as log:
            client.get("/broken/")
        output = log.output.getvalue()
        error, request = log.lines()
        self.assertEqual(len(output.splitlines()), 2, "each entry stays on one line")
        self.assertEqual(error["logger"], "django.request")
        self.assertEqual(error["level"], "ERROR")
        self.assertIn("Traceback (most recent call last)", error["traceback"])
        self.assertIn("ZeroDivisionError: a fault planted by the test", error["traceback"])
        self.assertIn("broken_view", error["traceback"])
        self.assertEqual((request["logger"], request["status"]), ("summit.request", 500))
        self.assertEqual(request["level"], "ERROR")

    def test_an_unavailable_service_is_warnings_only(self):
        # A damaged index fails every search alike: an operator needs to know, but it is no
        # bug of the code, and an ERROR per request would bury the real ones.
        with CapturedLog() as log:
            self.client.get("/unavailable/")
        levels = {(line["logger"], line["level"]) for line in log.lines()}
        self.assertIn(("summit.request", "WARNING"), levels)
        self.assertNotIn("ERROR", {level for _logger, level in levels})
        self.assertNotIn("Traceback", log.output.getvalue())

    def test_a_server_error_shows_the_friendly_error_page(self):
        client = Client(raise_request_exception=False)
        with CapturedLog():
            response = client.get("/broken/")
        self.assertEqual(response.status_code, 500)
        self.assertEqual(response.headers["Content-Type"], "text/html; charset=utf-8")
        self.assertContains(response, "Something went wrong", status_code=500)
        self.assertNotContains(response, "ZeroDivisionError", status_code=500)
        self.assertNotContains(response, "a fault planted", status_code=500)
        self.assertIn("Content-Security-Policy", response.headers)

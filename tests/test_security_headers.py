"""Every response carries the security headers, and no template needs the policy loosened."""

import re
from pathlib import Path

from django.test import SimpleTestCase, override_settings

from archive.models import Meeting
from tests.base import ArchiveTestCase
from tests.search_support import temporary_search_index

ROOT = Path(__file__).resolve().parent.parent


def csp_directives(response):
    policy = response.headers["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


class SecurityHeaderTests(ArchiveTestCase):
    def responses(self):
        """A page, a list, a search, a 404, a refused POST and a static file."""
        meeting = Meeting.objects.first()
        with temporary_search_index():
            search = self.client.get("/search/?q=Vladivostok")
        self.assertEqual(search.status_code, 200)
        return {
            "home": self.client.get("/"),
            "meeting": self.client.get(f"/meetings/{meeting.slug}/"),
            "list": self.client.get("/meetings/"),
            "search": search,
            "not found": self.client.get("/no-such-page/"),
            "post": self.client.post("/meetings/"),
            "static": self.client.get("/static/css/site.css"),
        }

    def assertSecurityHeaders(self, responses, hsts=False):
        for name, response in responses.items():
            with self.subTest(name, status=response.status_code):
                self.assertEqual(response.headers.get("X-Frame-Options"), "DENY")
                self.assertEqual(response.headers.get("X-Content-Type-Options"), "nosniff")
                self.assertEqual(response.headers.get("Referrer-Policy"), "same-origin")
                self.assertIn("frame-ancestors 'none'", response.headers["Content-Security-Policy"])
                self.assertIn("camera=()", response.headers["Permissions-Policy"])
                self.assertIn("geolocation=()", response.headers["Permissions-Policy"])
                if hsts:
                    self.assertIn("max-age=", response.headers["Strict-Transport-Security"])

    def test_every_response_carries_every_security_header(self):
        self.assertSecurityHeaders(self.responses())

    def answers_that_are_not_pages(self, **request):
        """Everything the site answers that is not a rendered page, each as it is answered."""
        answers = {
            "slash redirect": self.client.get("/meetings", **request),
            "405": self.client.delete("/meetings/", **request),
            "405 from the data API": self.client.put("/meetings.json", **request),
            "OPTIONS": self.client.options("/meetings/", **request),
            "OPTIONS on the data API": self.client.options("/meetings.json", **request),
            "404": self.client.get("/no-such-page/", **request),
            "JSON 404": self.client.get("/meetings/no-such-meeting.json", **request),
            "static file": self.client.get("/static/css/site.css", **request),
            "bad Host": self.client.get("/", headers={"Host": "evil.example"}, **request),
        }
        expected = {"slash redirect": 301, "405": 405, "405 from the data API": 405}
        expected.update({"OPTIONS": 200, "OPTIONS on the data API": 200, "404": 404})
        expected.update({"JSON 404": 404, "static file": 200, "bad Host": 400})
        self.assertEqual({k: r.status_code for k, r in answers.items()}, expected)
        return answers

    def test_redirects_errors_options_and_static_files_carry_them_too(self):
        self.assertSecurityHeaders(self.answers_that_are_not_pages())

    @override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31_536_000)
    def test_over_https_they_carry_hsts_as_well(self):
        self.assertSecurityHeaders(self.answers_that_are_not_pages(secure=True), hsts=True)

    @override_settings(SECURE_SSL_REDIRECT=True)
    def test_the_https_redirect_of_a_bad_host_carries_them(self):
        # Django's SecurityMiddleware reads the Host to redirect, and fails on a bad one.
        response = self.client.get("/", headers={"Host": "evil.example"})
        self.assertEqual(response.status_code, 400)
        self.assertSecurityHeaders({"bad Host over plain HTTP": response})

    def test_pages_refuse_to_be_framed(self):
        response = self.client.get("/meetings/")
        self.assertEqual(response.headers["X-Frame-Options"], "DENY")
        self.assertEqual(csp_directives(response)["frame-ancestors"], ["'none'"])

    def test_policy_allows_only_our_own_origin(self):
        directives = csp_directives(self.client.get("/"))
        self.assertEqual(directives["default-src"], ["'self'"])
        self.assertEqual(directives["script-src"], ["'self'"])
        self.assertEqual(directives["style-src"], ["'self'"])
        self.assertEqual(directives["object-src"], ["'none'"])
        self.assertEqual(directives["base-uri"], ["'none'"])
        sources = {source for values in directives.values() for source in values}
        self.assertFalse({"'unsafe-inline'", "'unsafe-eval'", "*"} & sources, sources)
        self.assertFalse([s for s in sources if "://" in s or s.endswith(":")], sources)


# <script> with a src, or a JSON-LD data block (never executed, so the policy allows it).
ALLOWED_SCRIPT = re.compile(r"<script\b[^>]*(\bsrc=|application/ld\+json)", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


class TemplatesFitThePolicyTests(SimpleTestCase):
    """The policy forbids inline script and style; a template that used them would break."""

    def templates(self):
        return sorted((ROOT / "templates").rglob("*.html"))

    def test_there_are_templates_to_check(self):
        self.assertGreater(len(self.templates()), 5)

    def offending_lines(self, pattern):
        """'templates/x.html:12: <line>' for every line of every template matching pattern."""
        found = []
        for path in self.templates():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(pattern, line, re.IGNORECASE):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
        return found

    def test_no_template_has_inline_script(self):
        scripts = [
            line for line in self.offending_lines(r"<script\b") if not ALLOWED_SCRIPT.search(line)
        ]
        self.assertEqual(scripts, [], "inline <script>: move it to a file under static/js/")
        handlers = self.offending_lines(INLINE_HANDLER.pattern)
        self.assertEqual(handlers, [], "event handler attributes: use a script file instead")

    def test_no_template_has_inline_style(self):
        styles = self.offending_lines(r"<style\b|\sstyle\s*=")
        self.assertEqual(styles, [], "inline style: move it to static/css/site.css")

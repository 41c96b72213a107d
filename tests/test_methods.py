"""The site only publishes: GET, HEAD and OPTIONS everywhere, 405 for anything else, no admin."""

from archive.models import Meeting
from tests.base import ArchiveTestCase

WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "PROPFIND"]


class MethodTests(ArchiveTestCase):
    def addresses(self):
        meeting = Meeting.objects.first()
        return [
            "/",
            "/meetings/",
            f"/meetings/{meeting.slug}/",
            "/search/?q=summit",
            "/healthz",
            "/static/css/site.css",
            "/no-such-page/",
            "/admin/",
        ]

    def test_every_write_method_is_refused_everywhere(self):
        for path in self.addresses():
            for method in WRITE_METHODS:
                with self.subTest(method=method, path=path):
                    response = self.client.generic(method, path, data="title=changed")
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response.headers["Allow"], "GET, HEAD, OPTIONS")
                    self.assertIn(b"read-only", response.content)

    def test_get_and_head_are_answered(self):
        self.assertEqual(self.client.get("/meetings/").status_code, 200)
        self.assertEqual(self.client.head("/meetings/").status_code, 200)

    def test_options_says_what_is_allowed_without_rendering_the_page(self):
        response = self.client.options("/meetings/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Allow"], "GET, HEAD, OPTIONS")
        self.assertEqual(response.content, b"")

    def test_options_for_a_missing_page_is_not_found(self):
        self.assertEqual(self.client.options("/no-such-page/").status_code, 404)

    def test_there_is_no_admin(self):
        self.assertEqual(self.client.get("/admin/").status_code, 404)
        self.assertEqual(self.client.get("/admin/login/").status_code, 404)

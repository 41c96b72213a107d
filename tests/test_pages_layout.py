"""What every page shares: the header's search field, the footer's links and the site icon."""

from django.contrib.staticfiles import finders

from tests.page_checks import PageTestCase

PAGES = ["/", "/meetings/", "/people/kim-jong-un/", "/about/"]


class HeaderTests(PageTestCase):
    def test_search_field_has_a_label_and_a_short_hint(self):
        # The label is for screen readers; the hint must be short enough to show whole
        # (tests/browser/test_readability.py measures it).
        response = self.get("/meetings/")
        self.assertContains(
            response,
            '<label for="site-search-q" class="visually-hidden">Search the archive</label>',
            html=True,
        )
        self.assertContains(response, 'placeholder="Search the archive"')


class FooterTests(PageTestCase):
    def test_every_page_links_to_the_data_and_api_page(self):
        for url in PAGES:
            with self.subTest(url):
                content = self.get(url).content.decode()
                footer = content[content.index('<footer class="site-footer">') :]
                self.assertIn('<a href="/data/">Data &amp; API</a>', footer)
        self.get("/data/")


class SiteIconTests(PageTestCase):
    def test_pages_link_the_svg_icon(self):
        response = self.get("/")
        self.assertContains(
            response,
            '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">',
            html=True,
        )
        self.assertIsNotNone(finders.find("img/favicon.svg"), "static/img/favicon.svg is missing")

    def test_favicon_ico_redirects_permanently_to_the_icon(self):
        # Browsers ask for /favicon.ico on their own, whatever the page links.
        response = self.client.get("/favicon.ico")
        self.assertRedirects(
            response, "/static/img/favicon.svg", status_code=301, fetch_redirect_response=False
        )

import re
from unittest import mock

from archive.models import Quote
from tests.page_checks import PageTestCase


class OutletListTests(PageTestCase):
    def test_lists_outlets_with_kind_and_country(self):
        response = self.get("/outlets/")
        self.assertContains(response, '<a href="/outlets/tass/">TASS</a>', html=True)
        self.assertContains(response, "<td>State news agency</td>", html=True)
        self.assertContains(response, "<td>Russia</td>", html=True)

    def test_sharing_tags(self):
        self.assertSharable(self.get("/outlets/"), "/outlets/", "Outlets", "CollectionPage")

    def test_constant_queries(self):
        self.assertPageQueries(1, "/outlets/")


class OutletPageTests(PageTestCase):
    def test_yonhap_lists_its_articles_and_the_quotes_taken_from_them(self):
        response = self.get("/outlets/yonhap/")
        self.assertContains(response, "<h1>Yonhap News Agency</h1>", html=True)
        self.assertContains(response, "/articles/yonhap-north-korea-welcomes-putin/")
        for quote in Quote.objects.filter(article__outlet__slug="yonhap"):
            self.assertContains(response, quote.get_absolute_url())

    def test_a_channel_lists_the_quotes_it_first_carried(self):
        carried = Quote.objects.filter(channel__slug="tass")
        self.assertTrue(carried.exists())
        response = self.get("/outlets/tass/")
        self.assertContains(response, "Quotations it first carried")
        for quote in carried:
            self.assertContains(response, quote.get_absolute_url())

    def test_sharing_tags(self):
        response = self.get("/outlets/tass/")
        self.assertSharable(response, "/outlets/tass/", "TASS", "NewsMediaOrganization")

    def test_unknown_outlet_is_a_friendly_404(self):
        self.get("/outlets/daily-planet/", status=404)

    def test_constant_queries(self):
        # Its articles, the quotes taken from them and the quotes it first carried (+ a count
        # for a list cut short); the outlet itself comes from the catalogue.
        self.assertPageQueries(3, "/outlets/yonhap/")
        self.assertPageQueries(3, "/outlets/twitter/")

    def test_a_long_list_of_quotes_links_to_all_of_them(self):
        taken = list(Quote.objects.filter(article__outlet__slug="yonhap").newest_first())
        self.assertGreater(len(taken), 1)
        with mock.patch("archive.views.outlets.QUOTES_SHOWN", 1):
            content = self.get("/outlets/yonhap/").content.decode()
        section = content.split('id="taken-heading"')[1].split('id="carried-heading"')[0]
        self.assertEqual(
            re.findall(r'class="quote__permalink" href="([^"]+)"', section),
            [taken[0].get_absolute_url()],
        )
        self.assertIn(
            f'<a href="/quotes/?outlet=yonhap">All {len(taken)} quotes taken from '
            "Yonhap News Agency</a>",
            section,
        )

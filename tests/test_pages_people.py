import re
from unittest import mock

from tests.page_checks import PageTestCase

KIM = "/people/kim-jong-un/"


class PersonListTests(PageTestCase):
    def test_leaders_first_then_others_by_country(self):
        content = self.get("/people/").content.decode()
        leaders = content.index('id="leaders-heading"')
        self.assertLess(leaders, content.index(">Sergey Lavrov<"))
        self.assertLess(content.index(">Kim Jong Un<"), content.index(">Sergey Lavrov<"))
        self.assertRegex(content, r'<h2 id="country-\d+">Russia</h2>')
        self.assertRegex(content, r'<h2 id="country-\d+">South Korea</h2>')

    def test_countries_in_alphabetical_order_unknown_country_last(self):
        content = self.get("/people/").content.decode()
        headings = re.findall(r'<h2 id="country-\d+">([^<]+)</h2>', content)
        known = [heading for heading in headings if heading != "Country not given"]
        self.assertEqual(known, sorted(known))
        if "Country not given" in headings:
            self.assertEqual(headings[-1], "Country not given")

    def test_institutions_are_listed_apart(self):
        response = self.get("/people/")
        self.assertContains(response, '<h2 id="institutions-heading">Institutions</h2>', html=True)
        self.assertContains(response, "/people/the-kremlin/")

    def test_constant_queries(self):
        self.assertPageQueries(2, "/people/")


class PersonPageTests(PageTestCase):
    def test_kim_jong_un_is_also_written_kim_jong_un_with_a_hyphen(self):
        response = self.get(KIM)
        self.assertContains(response, "<h1>Kim Jong Un</h1>", html=True)
        self.assertContains(response, "Also written as")
        self.assertContains(response, '<span class="alias">Kim Jong-un</span>', html=True)
        # Other scripts are marked with their language for screen readers.
        self.assertContains(response, '<span class="alias" lang="ko">김정은</span>', html=True)
        self.assertContains(response, '<span class="alias" lang="ru">Ким Чен Ын</span>', html=True)

    def test_kim_jong_uns_meetings_in_order(self):
        content = self.get(KIM).content.decode()
        summits = [
            "/meetings/putin-kim-2019-vladivostok/",
            "/meetings/putin-kim-2023-vostochny/",
            "/meetings/putin-kim-2024-pyongyang/",
            "/meetings/putin-kim-2025-beijing/",
        ]
        meetings = content[
            content.index('id="meetings-heading"') : content.index('id="quotes-heading"')
        ]
        positions = [meetings.index(url) for url in summits]
        self.assertEqual(positions, sorted(positions))

    def test_roles_with_their_periods(self):
        response = self.get("/people/sergey-shoigu/")
        self.assertContains(response, "Minister of Defence of Russia")
        self.assertContains(response, "November 2012 – May 2024")

    def test_quotes_newest_first_with_meeting_and_source(self):
        person = self.person("kim-jong-un")
        quotes = list(person.quotes.newest_first())
        self.assertGreater(len(quotes), 1)
        content = self.get(KIM).content.decode()
        positions = [content.index(f'id="q-{quote.slug}"') for quote in quotes]
        self.assertEqual(positions, sorted(positions))
        newest = quotes[0]
        self.assertIn(newest.article.get_absolute_url(), content)

    def test_articles_mentioning_them(self):
        person = self.person("kim-jong-un")
        response = self.get(KIM)
        for article in person.articles_mentioning.all():
            self.assertContains(response, article.get_absolute_url())

    def test_articles_written_by_an_author(self):
        response = self.get("/people/konstantin-asmolov/")
        self.assertContains(response, "Articles written")
        self.assertContains(
            response, "/articles/neo-2025-09-korean-dimension-of-events-in-china-ii/"
        )

    def test_sharing_tags_and_person_jsonld(self):
        response = self.get(KIM)
        self.assertSharable(response, KIM, "Kim Jong Un", "Person")
        (person,) = self.jsonld(response)
        self.assertIn("Kim Jong-un", person["alternateName"])

    def test_unknown_person_is_a_friendly_404(self):
        self.assertContains(
            self.get("/people/nobody-at-all/", status=404), "Page not found", status_code=404
        )

    def test_constant_queries_whatever_how_much_a_person_did(self):
        # Meetings, quotes, articles written, articles mentioning them; the person, their roles
        # and everyone and everything their quotes name come from the catalogue.
        self.assertPageQueries(4, KIM)
        self.assertPageQueries(4, "/people/adrienne-watson/")

    def test_all_their_quotes_are_a_link_away(self):
        total = self.person("kim-jong-un").quotes.count()
        response = self.get(KIM)
        self.assertContains(
            response,
            f'<a href="/quotes/?speaker=kim-jong-un">All {total} quotes by Kim Jong Un</a>',
            html=True,
        )

    def test_a_long_list_of_quotes_shows_the_newest(self):
        newest = list(self.person("kim-jong-un").quotes.newest_first())
        with mock.patch("archive.views.people.QUOTES_SHOWN", 3):
            content = self.get(KIM).content.decode()
            # One more query, to count what is not shown.
            self.assertPageQueries(5, KIM)
        shown = re.findall(r'id="q-([^"]+)"', content)
        self.assertEqual(shown, [quote.slug for quote in newest[:3]])
        self.assertIn("The newest 3 are shown.", content)
        self.assertIn(f"All {len(newest)} quotes by Kim Jong Un</a>", content)

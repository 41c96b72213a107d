from tests.page_checks import PageTestCase

SUMMITS = [
    "/meetings/putin-kim-2019-vladivostok/",
    "/meetings/putin-kim-2023-vostochny/",
    "/meetings/putin-kim-2024-pyongyang/",
    "/meetings/putin-kim-2025-beijing/",
]


class HomePageTests(PageTestCase):
    def test_timeline_links_the_four_putin_kim_meetings_in_order(self):
        content = self.get("/").content.decode()
        timeline = content[content.index('<figure class="timeline">') : content.index("</figure>")]
        positions = [timeline.index(f'<a href="{url}"') for url in SUMMITS]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("<text", timeline)  # labelled in the drawing itself, not only by colour

    def test_other_meetings_leaders_outlets_and_search(self):
        response = self.get("/")
        self.assertContains(response, "/meetings/trump-putin-2018-helsinki/")
        self.assertContains(response, '<a href="/people/kim-jong-un/">Kim Jong Un</a>', html=True)
        self.assertContains(response, '<a href="/outlets/tass/">TASS</a>', html=True)
        self.assertContains(response, 'action="/search/"', count=2)  # header and page

    def test_counts_what_the_archive_holds(self):
        from archive.models import Meeting, Quote

        response = self.get("/")
        self.assertContains(response, f"<strong>{Meeting.objects.count()}</strong> meetings")
        self.assertContains(response, f"<strong>{Quote.objects.count()}</strong> quotes")

    def test_website_jsonld_and_sharing_tags(self):
        response = self.get("/")
        self.assertSharable(response, "/", "Summit Archive", "WebSite")
        (site,) = self.jsonld(response)
        self.assertEqual(site["potentialAction"]["target"], "http://testserver/search/?q={query}")

    def test_constant_queries(self):
        self.assertPageQueries(7, "/")

import re
from unittest import mock

from tests.page_checks import PageTestCase

PYONGYANG_2024 = "/meetings/putin-kim-2024-pyongyang/"


class MeetingListTests(PageTestCase):
    def test_lists_every_meeting_in_date_order(self):
        content = self.get("/meetings/").content.decode()
        positions = [
            content.index(title)
            for title in (
                "Putin–Kim summit in Vladivostok",
                "Putin–Kim summit at the Vostochny Cosmodrome",
                "Putin&#x27;s state visit to Pyongyang",
                "Putin–Kim talks in Beijing",
            )
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertContains(self.get("/meetings/"), "Trump–Putin summit in Helsinki")

    def test_filter_putin_kim_meetings(self):
        response = self.get("/meetings/?kind=putin-kim")
        self.assertContains(response, "Putin–Kim summit in Vladivostok")
        self.assertContains(response, "Putin–Kim talks in Beijing")
        self.assertNotContains(response, "Trump–Putin summit in Helsinki")

    def test_filter_other_meetings_and_by_kind(self):
        self.assertNotContains(self.get("/meetings/?kind=other"), "Putin–Kim summit in Vladivostok")
        response = self.get("/meetings/?kind=message")
        self.assertContains(response, "Putin&#x27;s telegram to Kim")
        self.assertNotContains(response, "Trump–Putin summit in Helsinki")

    def test_filter_by_year(self):
        response = self.get("/meetings/?year=2019")
        self.assertContains(response, "Putin–Kim summit in Vladivostok")
        self.assertContains(response, "Trump–Kim summit in Hanoi")
        self.assertNotContains(response, "Putin–Kim talks in Beijing")

    def test_bad_filter_values_get_a_clear_message_not_an_error(self):
        for query in ("year=abc", "year=1850", "kind=picnic", "year=2019&kind=%00"):
            with self.subTest(query):
                response = self.get(f"/meetings/?{query}", status=400)
                self.assertContains(response, "These filters could not be used", status_code=400)

    def test_canonical_ignores_the_filters(self):
        head = self.head(self.get("/meetings/?year=2019"))
        self.assertEqual(head.canonical, "http://testserver/meetings/")

    def test_constant_queries(self):
        self.assertPageQueries(2, "/meetings/")
        self.assertPageQueries(2, "/meetings/?kind=putin-kim&year=2024")


class MeetingPageTests(PageTestCase):
    def test_pyongyang_2024_names_the_treaty_and_its_date_and_place(self):
        response = self.get(PYONGYANG_2024)
        self.assertContains(
            response,
            "<h1>Putin&#x27;s state visit to Pyongyang and the partnership treaty</h1>",
            html=True,
        )
        self.assertContains(response, "Treaty on Comprehensive Strategic Partnership signed")
        self.assertContains(response, '<time datetime="2024-06-19">19 June 2024</time>')
        self.assertContains(response, "known to the day")
        self.assertContains(response, "<dd>Pyongyang, North Korea (DPRK)</dd>", html=True)
        self.assertContains(response, "Venue not given in the sources")

    def test_participants_grouped_by_side_with_their_roles(self):
        response = self.get(PYONGYANG_2024)
        self.assertContains(response, "<h3>Russia</h3>", html=True)
        self.assertContains(response, "<h3>North Korea (DPRK)</h3>", html=True)
        self.assertContains(response, "Russian President")
        self.assertContains(response, "North Korean leader")

    def test_quotes_grouped_by_speaker_each_with_an_anchor(self):
        meeting = self.meeting("putin-kim-2024-pyongyang")
        quotes = list(meeting.quotes.all())
        speakers = {quote.speaker.slug for quote in quotes}
        self.assertLessEqual({"vladimir-putin", "kim-jong-un"}, speakers)
        response = self.get(PYONGYANG_2024)
        content = response.content.decode()
        for quote in quotes:
            self.assertIn(f'id="q-{quote.slug}"', content)
        self.assertContains(
            response, '<a href="/people/vladimir-putin/">Vladimir Putin</a>', html=True
        )
        self.assertContains(response, '<a href="/people/kim-jong-un/">Kim Jong Un</a>', html=True)

    def test_articles_covering_it_grouped_by_outlet(self):
        response = self.get(PYONGYANG_2024)
        self.assertContains(response, "/articles/yonhap-north-korea-welcomes-putin/")
        self.assertContains(response, "/articles/korea-blog-putin-kim-sign-partnership-treaty/")
        self.assertContains(
            response, '<a href="/outlets/yonhap/">Yonhap News Agency</a>', html=True
        )

    def test_previous_and_next_meeting(self):
        response = self.get("/meetings/putin-kim-2019-vladivostok/")
        self.assertContains(response, 'rel="prev" href="/meetings/trump-kim-2019-hanoi/"')
        self.assertContains(response, 'rel="next" href="/meetings/putin-spief-2021-news-agencies/"')

    def test_map_drawn_from_coordinates_or_says_there_are_none(self):
        response = self.get(PYONGYANG_2024)
        self.assertContains(response, "<svg", count=1)
        self.assertContains(response, "locator-map__point--current")
        no_coordinates = self.get("/meetings/putin-telegram-2025-09-04/")
        self.assertContains(no_coordinates, "has no coordinates for this meeting")

    def test_sharing_tags_and_event_jsonld(self):
        response = self.get(PYONGYANG_2024)
        self.assertSharable(response, PYONGYANG_2024, "Pyongyang", "Event")
        (event,) = self.jsonld(response)
        self.assertEqual(event["startDate"], "2024-06-19")
        self.assertEqual(event["location"]["address"]["addressLocality"], "Pyongyang")
        self.assertEqual(
            {performer["name"] for performer in event["performer"]},
            {"Vladimir Putin", "Kim Jong Un"},
        )

    def test_offers_the_link_and_citations(self):
        response = self.get(PYONGYANG_2024)
        self.assertContains(
            response, 'value="http://testserver/meetings/putin-kim-2024-pyongyang/"'
        )
        self.assertContains(response, "@misc{putin-kim-2024-pyongyang,")
        self.assertContains(
            response, "Summit Archive. (n.d.). Putin&#x27;s state visit to Pyongyang"
        )
        # The copy buttons wait for the script to reveal them.
        self.assertContains(response, 'data-copy="share-url" hidden')

    def test_unknown_meeting_is_a_friendly_404(self):
        response = self.get("/meetings/no-such-meeting/", status=404)
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, 'action="/search/"', status_code=404)

    def test_constant_queries_whatever_the_size_of_the_meeting(self):
        # Participants, quotes and articles; the meeting itself, its neighbours, the places on
        # its map and every person, channel and outlet named come from the catalogue. The same
        # for a meeting with or without coordinates.
        self.assertPageQueries(3, PYONGYANG_2024)
        self.assertPageQueries(3, "/meetings/trump-putin-2018-helsinki/")
        self.assertPageQueries(3, "/meetings/putin-telegram-2025-09-04/")

    def test_a_long_list_of_quotes_shows_the_first_and_links_to_all(self):
        said = list(self.meeting("putin-kim-2024-pyongyang").quotes.chronological())
        self.assertGreater(len(said), 2)
        with mock.patch("archive.views.meetings.QUOTES_SHOWN", 2):
            content = self.get(PYONGYANG_2024).content.decode()
            # One more query, to count what is not shown.
            self.assertPageQueries(4, PYONGYANG_2024)
        shown = re.findall(r'id="q-([^"]+)"', content)
        self.assertEqual(sorted(shown), sorted(quote.slug for quote in said[:2]))
        self.assertIn(
            f'<a href="/quotes/?meeting=putin-kim-2024-pyongyang">All {len(said)} quotes from '
            "this meeting</a>",
            content,
        )

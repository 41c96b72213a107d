from unittest import mock

from archive.models import Quote
from archive.views.quotes import ORPHANS, QUOTES_PER_PAGE
from tests.page_checks import PageTestCase

TREATY = "/quotes/putin-2024-treaty-mutual-assistance/"


class QuoteListTests(PageTestCase):
    def test_first_page_newest_first(self):
        response = self.get("/quotes/")
        content = response.content.decode()
        newest = list(Quote.objects.newest_first()[:QUOTES_PER_PAGE])
        positions = [content.index(quote.get_absolute_url()) for quote in newest]
        self.assertEqual(positions, sorted(positions))

    def test_pages_cover_every_quote_once(self):
        total = Quote.objects.count()
        self.assertGreater(total, QUOTES_PER_PAGE + ORPHANS)
        seen = []
        page = 1
        while True:
            response = self.client.get(f"/quotes/?page={page}")
            if response.status_code == 404:
                break
            seen += [q.slug for q in response.context["quotes"]]
            page += 1
        self.assertEqual(sorted(seen), sorted(Quote.objects.values_list("slug", flat=True)))

    def test_second_page_links_back_and_has_its_own_canonical(self):
        response = self.get("/quotes/?page=2")
        self.assertContains(response, 'rel="prev" href="/quotes/"')
        self.assertEqual(self.head(response).canonical, "http://testserver/quotes/?page=2")

    def test_bad_page_numbers_are_404(self):
        for page in ("0", "-1", "abc", "999", "1.5"):
            with self.subTest(page):
                self.get(f"/quotes/?page={page}", status=404)

    def test_constant_queries_on_every_page(self):
        self.assertPageQueries(2, "/quotes/")
        self.assertPageQueries(2, "/quotes/?page=2")


class QuotePageTests(PageTestCase):
    def test_the_quote_its_speaker_and_when_and_where_it_was_said(self):
        response = self.get(TREATY)
        self.assertContains(
            response,
            "The treaty on comprehensive partnership signed today provides for mutual assistance",
        )
        self.assertContains(
            response, '<a href="/people/vladimir-putin/">Vladimir Putin</a>', html=True
        )
        self.assertContains(response, '<time datetime="2024-06-19">19 June 2024</time>', html=True)
        self.assertContains(response, "/meetings/putin-kim-2024-pyongyang/")
        self.assertContains(response, "Full quotation")

    def test_the_chain_of_sources(self):
        content = self.get(TREATY).content.decode()
        chain = content[content.index('class="source-chain"') :]
        said = chain.index("/meetings/putin-kim-2024-pyongyang/")
        carried = chain.index('<a href="/outlets/tass/">TASS</a>')
        reported = chain.index("/articles/korea-blog-putin-kim-sign-partnership-treaty/")
        self.assertLess(said, carried)
        self.assertLess(carried, reported)

    def test_a_fragment_is_marked_as_one(self):
        response = self.get("/quotes/putin-2024-truly-groundbreaking-document/")
        self.assertContains(response, "Quoted fragment")
        self.assertContains(response, "not a complete statement")

    def test_unknown_channel_and_date_are_said_to_be_unknown(self):
        response = self.get("/quotes/matsegora-2018-summit-on-the-agenda/")
        self.assertContains(response, "date unknown")
        self.assertContains(response, "told RIA on a Wednesday")
        response = self.get("/quotes/yeo-2025-greater-international-legitimacy/")
        self.assertContains(response, "First carried by</span>\n        not given in the source")

    def test_an_unknown_first_channel_and_the_outlet_that_passed_it_on(self):
        content = self.get("/quotes/kim-2023-unbreakable-strategic-partnership/").content.decode()
        chain = content[content.index('class="source-chain"') :]
        self.assertIn("not given in the source: unknown (first channel unknown:", chain)
        relayed = chain.index("Passed on by</span>")
        self.assertLess(relayed, chain.index('<a href="/outlets/yonhap/">Yonhap News Agency</a>'))
        self.assertLess(chain.index("First carried by"), relayed)

    def test_no_relay_line_where_the_source_names_none(self):
        self.assertNotContains(self.get(TREATY), "Passed on by")

    def test_an_inferred_channel_says_so(self):
        response = self.get("/quotes/kim-2025-fraternal-duty/")
        self.assertContains(response, '<a href="/outlets/kremlin-website/">')
        self.assertContains(response, "(inferred: the source names the Kremlin&#x27;s website")

    def test_what_is_beyond_the_sources_is_named(self):
        response = self.get("/quotes/lavrov-2018-lifting-of-sanctions/")
        section = response.content.decode().split('id="beyond-heading"')[1]
        self.assertIn("the year (2018) is general knowledge", section)
        self.assertNotContains(self.get("/quotes/cha-2023-message-is-clear/"), "beyond-heading")

    def test_the_same_statement_reported_elsewhere(self):
        quote = self.quote("putin-2024-treaty-mutual-assistance")
        other = self.quote("putin-2024-truly-groundbreaking-document")
        response = self.get(TREATY)
        self.assertContains(response, "The archive has no other report of this statement.")
        quote.same_statement.add(other)
        response = self.get(TREATY)
        section = response.content.decode().split('id="same-heading"')[1]
        self.assertIn(other.get_absolute_url(), section)

    def test_citations(self):
        response = self.get(TREATY)
        self.assertContains(
            response, "Vladimir Putin, &quot;The treaty on comprehensive partnership"
        )
        self.assertContains(response, "Putin, V. (2024, June 19).")
        self.assertContains(response, "@misc{putin-2024-treaty-mutual-assistance,")

    def test_sharing_tags_and_quotation_jsonld(self):
        response = self.get(TREATY)
        self.assertSharable(response, TREATY, "Vladimir Putin", "Quotation")
        (data,) = self.jsonld(response)
        self.assertEqual(data["creator"]["name"], "Vladimir Putin")
        self.assertTrue(data["text"].startswith("The treaty on comprehensive partnership"))
        self.assertEqual(data["dateCreated"], "2024-06-19")

    def test_unknown_quote_is_a_friendly_404(self):
        self.get("/quotes/never-said/", status=404)

    def test_constant_queries(self):
        # The quote and whether it was reported elsewhere; the other reports only if it was.
        self.assertPageQueries(1, TREATY)
        self.assertPageQueries(1, "/quotes/matsegora-2018-summit-on-the-agenda/")
        self.quote("putin-2024-treaty-mutual-assistance").same_statement.add(
            self.quote("putin-2024-truly-groundbreaking-document")
        )
        self.assertPageQueries(2, TREATY)


class QuoteListFilterTests(PageTestCase):
    """/quotes/?speaker=, ?meeting=, ?outlet=, ?year=: the same names as /quotes.json and .csv."""

    def slugs(self, response):
        return [quote.slug for quote in response.context["quotes"]]

    def test_a_speakers_quotes_and_only_theirs(self):
        response = self.get("/quotes/?speaker=kim-jong-un")
        kim = Quote.objects.filter(speaker__slug="kim-jong-un").newest_first()
        self.assertEqual(self.slugs(response), [quote.slug for quote in kim])
        self.assertContains(response, "<h1>Quotes by Kim Jong Un</h1>", html=True)
        self.assertEqual(
            self.head(response).canonical, "http://testserver/quotes/?speaker=kim-jong-un"
        )

    def test_a_meetings_quotes_and_an_outlets(self):
        meeting = "putin-kim-2024-pyongyang"
        response = self.get(f"/quotes/?meeting={meeting}")
        said_there = Quote.objects.filter(meeting__slug=meeting)
        self.assertEqual(sorted(self.slugs(response)), sorted(q.slug for q in said_there))
        response = self.get("/quotes/?outlet=yonhap")
        taken = Quote.objects.filter(article__outlet__slug="yonhap")
        self.assertEqual(sorted(self.slugs(response)), sorted(q.slug for q in taken))

    def test_pages_of_a_filtered_list_keep_the_filter(self):
        with (
            mock.patch("archive.views.quotes.QUOTES_PER_PAGE", 3),
            mock.patch("archive.views.quotes.ORPHANS", 0),
        ):
            first = self.get("/quotes/?speaker=kim-jong-un")
            self.assertContains(first, 'rel="next" href="?speaker=kim-jong-un&amp;page=2"')
            second = self.get("/quotes/?speaker=kim-jong-un&page=2")
            self.assertContains(second, 'rel="prev" href="/quotes/?speaker=kim-jong-un"')
            self.assertEqual(
                self.head(second).canonical,
                "http://testserver/quotes/?speaker=kim-jong-un&page=2",
            )
        kim = list(Quote.objects.filter(speaker__slug="kim-jong-un").newest_first())
        self.assertEqual(self.slugs(second), [quote.slug for quote in kim[3:6]])

    def test_an_unknown_or_malformed_filter_is_a_clear_400(self):
        response = self.get("/quotes/?speaker=nobody-at-all", status=400)
        self.assertContains(response, "No record has the slug nobody-at-all.", status_code=400)
        for query in ("meeting=%3Cscript%3E", "outlet=a%00b", "year=abc", "speaker=" + "x" * 500):
            with self.subTest(query):
                self.get(f"/quotes/?{query}", status=400)
        # The bad value is named back to the reader, but never with a control character in it.
        response = self.get("/quotes/?outlet=a%00b", status=400)
        self.assertNotIn(b"\x00", response.content)
        self.assertContains(response, "No record has the slug ab.", status_code=400)

    def test_constant_queries_with_filters(self):
        # Each filter names a record: one query to find it, then the count and the page.
        self.assertPageQueries(3, "/quotes/?speaker=kim-jong-un")
        self.assertPageQueries(
            4, "/quotes/?speaker=vladimir-putin&meeting=putin-kim-2024-pyongyang"
        )

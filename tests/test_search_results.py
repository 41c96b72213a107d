"""What a reader finds at /search/?q=…, with the real archive. Each behaviour runs on Whoosh, and
on Elasticsearch too when ELASTICSEARCH_URL is set."""

from tests.search_base import ElasticsearchTestCase, SearchTestCase

KIM_SPELLINGS = ["Kim Jong Un", "Kim Jong-un", "kim jong un", "Ким Чен Ын", "김정은"]


class ResultBehaviours:
    def test_a_phrase_from_a_quote_finds_it_first(self):
        response = self.search(q="fraternal duty")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.result_urls(response)[0], "/quotes/kim-2025-fraternal-duty/")
        text = self.text(response)
        self.assertIn("Kim Jong Un", text)
        self.assertIn("3 September 2025", text)

    def test_a_quote_result_links_to_its_page_and_its_place_on_the_meeting_page(self):
        response = self.search(q='"fraternal duty"')
        html = response.content.decode()
        self.assertIn('href="/quotes/kim-2025-fraternal-duty/"', html)
        self.assertIn('href="/meetings/putin-kim-2025-beijing/#q-kim-2025-fraternal-duty"', html)

    def test_the_snippet_highlights_the_words_searched_for(self):
        response = self.search(q="fraternal duty")
        html = response.content.decode()
        self.assertIn("<em>fraternal</em>", html)
        self.assertIn("<em>duty</em>", html)

    def test_words_are_stemmed(self):
        singular = self.result_urls(self.search(q="sanction"))
        plural = self.result_urls(self.search(q="sanctions"))
        self.assertTrue(singular)
        self.assertEqual(singular, plural)

    def test_every_spelling_of_kims_name_finds_his_quotes_and_page(self):
        kim_quotes = set(self.quote_slugs_by("kim-jong-un"))
        for spelling in KIM_SPELLINGS:
            with self.subTest(spelling=spelling):
                response = self.search(q=spelling, type="quote", speaker="kim-jong-un")
                self.assertEqual(self.hits(response), len(kim_quotes))
                everything = self.result_urls(self.search(q=spelling))
                self.assertIn("/people/kim-jong-un/", everything)

    def test_sergei_and_sergey_lavrov_find_the_same_results(self):
        sergei = self.result_urls(self.search(q="Sergei Lavrov"))
        sergey = self.result_urls(self.search(q="Sergey Lavrov"))
        self.assertIn("/quotes/lavrov-2018-lifting-of-sanctions/", sergey)
        self.assertEqual(sergei, sergey)

    def test_a_query_that_is_a_persons_name_shows_their_card(self):
        for spelling in ["Ким Чен Ын", "Kim Jong-un"]:
            with self.subTest(spelling=spelling):
                html = self.search(q=spelling).content.decode()
                self.assertIn('class="person-card"', html)
                self.assertIn('<h2><a href="/people/kim-jong-un/">Kim Jong Un</a></h2>', html)
        self.assertNotIn('class="person-card"', self.search(q="Kim sanctions").content.decode())

    def test_a_misspelled_query_that_finds_nothing_shows_the_corrected_results(self):
        response = self.search(q="Vladivostock")
        text = self.text(response)
        self.assertIn("Showing results for vladivostok", text)
        self.assertIn("search instead for Vladivostock", text)
        self.assertIn('href="/search/?q=Vladivostock&amp;exact=True"', response.content.decode())
        self.assertIn("/meetings/putin-kim-2019-vladivostok/", self.result_urls(response))

    def test_searching_instead_for_the_words_as_typed_suggests_a_spelling(self):
        response = self.search(q="lavrof", exact="True")
        self.assertIn("Did you mean", self.text(response))
        self.assertIn('href="/search/?q=lavrov&amp;exact=True"', response.content.decode())
        self.assertEqual(self.hits(response), 0)

    def test_a_query_that_finds_plenty_suggests_nothing(self):
        self.assertNotIn("Did you mean", self.text(self.search(q="Putin")))

    def test_excluded_words_leave_results_out(self):
        everything = set(self.result_urls(self.search(q="sanctions", type="quote")))
        without = set(self.result_urls(self.search(q="sanctions -lavrov", type="quote")))
        self.assertIn("/quotes/lavrov-2018-lifting-of-sanctions/", everything)
        self.assertNotIn("/quotes/lavrov-2018-lifting-of-sanctions/", without)
        self.assertTrue(without < everything)

    def test_or_finds_either_word(self):
        fraternal = set(self.result_urls(self.search(q='"fraternal duty"')))
        lavrov = set(self.result_urls(self.search(q="Lavrov")))
        either = set(self.result_urls(self.search(q='"fraternal duty" OR Lavrov')))
        self.assertLessEqual(fraternal | lavrov, either)
        self.assertTrue(fraternal and lavrov)

    def test_a_phrase_needs_its_words_together(self):
        loose = self.hits(self.search(q="duty fraternal"))
        phrase = self.hits(self.search(q='"duty fraternal"'))
        self.assertGreater(loose, 0)
        self.assertEqual(phrase, 0)

    def quote_slugs_by(self, speaker):
        from archive.models import Quote

        return Quote.objects.filter(speaker__slug=speaker).values_list("slug", flat=True)


class WhooshResultTests(ResultBehaviours, SearchTestCase):
    def test_other_spellings_of_a_searched_name_are_highlighted_too(self):
        html = self.search(q="Sergey Lavrov", type="person").content.decode()
        self.assertIn("<em>Sergei</em> <em>Lavrov</em>", html)
        self.assertIn("<em>Лавров</em>", html)
        html = self.search(q="Ким Чен Ын", type="person").content.decode()
        self.assertIn("<em>김정은</em>", html)
        self.assertIn("<em>Kim</em> <em>Jong</em>-<em>un</em>", html)


class ElasticsearchResultTests(ResultBehaviours, ElasticsearchTestCase):
    pass

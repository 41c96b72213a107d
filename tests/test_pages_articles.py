from tests.page_checks import PageTestCase

NEO = "/articles/neo-2025-09-korean-dimension-of-events-in-china-ii/"
NO_AUTHOR = "/articles/yonhap-north-korea-welcomes-putin/"


class ArticleListTests(PageTestCase):
    def test_lists_articles_with_outlet_date_and_authors(self):
        response = self.get("/articles/")
        self.assertContains(response, NEO)
        self.assertContains(response, "Konstantin Asmolov")
        self.assertContains(response, "Author not given")
        self.assertContains(response, "Date unknown")

    def test_constant_queries(self):
        self.assertPageQueries(2, "/articles/")


class ArticlePageTests(PageTestCase):
    def test_title_outlet_author_date_and_original(self):
        response = self.get(NEO)
        self.assertContains(
            response, "<h1>The Korean Dimension of Events in China - II</h1>", html=True
        )
        self.assertContains(
            response, '<a href="/people/konstantin-asmolov/">Konstantin Asmolov</a>', html=True
        )
        self.assertContains(
            response, '<time datetime="2025-09-11">11 September 2025</time>', html=True
        )
        self.assertContains(response, 'href="https://journal-neo.su/2025/09/11/')

    def test_a_copy_says_where_and_when_it_was_republished_apart_from_the_original(self):
        content = self.get(NEO).content.decode()
        published = content.index('<time datetime="2025-09-11">11 September 2025</time>')
        copy = content.index("<dt>The text we read</dt>")
        self.assertLess(published, copy)
        self.assertIn('dated <time datetime="2025-09-18">18 September 2025</time>', content)
        self.assertIn("does not name itself", content)

    def test_an_item_of_the_blog_compilation_names_the_blog_that_carries_it(self):
        response = self.get("/articles/korea-herald-matviyenko-kim-visit-to-russia/")
        self.assertContains(
            response, '<a href="/outlets/korea-herald/">The Korea Herald</a>', html=True
        )
        self.assertContains(
            response,
            'carried by <a href="/outlets/unnamed-korea-blog/">'
            "A Korea news blog (name not given)</a>",
        )
        self.assertContains(response, "[Korea Herald]")

    def test_an_original_has_no_copy_line(self):
        original = "/articles/eurasia-review-2019-meeting-between-putin-and-kim/"
        self.assertNotContains(self.get(original), "The text we read")

    def test_what_the_source_does_not_give_is_said_to_be_unknown(self):
        response = self.get(NO_AUTHOR)
        self.assertContains(response, "Author not given")
        self.assertContains(response, "Date unknown")
        self.assertContains(response, "Original address not given in the source")

    def test_meetings_it_covers_and_quotes_taken_from_it(self):
        article = self.article("neo-2025-09-korean-dimension-of-events-in-china-ii")
        response = self.get(NEO)
        for meeting in article.meetings.all():
            self.assertContains(response, meeting.get_absolute_url())
        quotes = list(article.quotes.all())
        self.assertTrue(quotes)
        for quote in quotes:
            self.assertContains(response, f'id="q-{quote.slug}"')

    def test_citations_cite_the_original(self):
        response = self.get(NEO)
        self.assertContains(response, "Asmolov, Konstantin. &quot;The Korean Dimension of Events")
        self.assertContains(response, "Asmolov, K. (2025, September 11).")
        self.assertContains(response, "@misc{neo-2025-09-korean-dimension-of-events-in-china-ii,")

    def test_sharing_tags_and_newsarticle_jsonld(self):
        response = self.get(NEO)
        self.assertSharable(response, NEO, "The Korean Dimension", "NewsArticle")
        (data,) = self.jsonld(response)
        self.assertEqual(data["datePublished"], "2025-09-11")
        self.assertEqual(data["author"][0]["name"], "Konstantin Asmolov")
        self.assertNotIn("datePublished", self.jsonld(self.get(NO_AUTHOR))[0])

    def test_unknown_article_is_a_friendly_404(self):
        self.get("/articles/no-such-article/", status=404)

    def test_constant_queries(self):
        self.assertPageQueries(5, NEO)
        self.assertPageQueries(5, NO_AUTHOR)

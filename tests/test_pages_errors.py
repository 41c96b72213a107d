"""The about page, the friendly 404 and 500 pages, and what no page may contain."""

import re

from django.template.loader import render_to_string
from django.test import SimpleTestCase

from tests.page_checks import PageTestCase

PAGES = [
    "/",
    "/meetings/",
    "/meetings/putin-kim-2024-pyongyang/",
    "/people/",
    "/people/kim-jong-un/",
    "/outlets/",
    "/outlets/tass/",
    "/articles/",
    "/articles/neo-2025-09-korean-dimension-of-events-in-china-ii/",
    "/quotes/",
    "/about/",
]


class AboutPageTests(PageTestCase):
    def test_states_the_content_policy(self):
        response = self.get("/about/")
        self.assertContains(response, "Quotations are verbatim and attributed")
        self.assertContains(response, "Summaries are our own words")
        self.assertContains(response, "Date unknown")
        self.assertSharable(response, "/about/", "About", "AboutPage")

    def test_lists_the_source_documents_by_number(self):
        # Notes elsewhere cite "(002)": the about page says what each number is.
        content = self.get("/about/").content.decode()
        listed = re.findall(r'<dt id="document-(\d+)">', content)
        self.assertEqual(listed, ["000", "001", "002", "003", "004"])
        documents = dict(zip(listed, re.split(r'<dt id="document-\d+">', content)[1:], strict=True))

        neo = documents["000"]
        self.assertIn("The Korean Dimension of Events in China - II", neo)
        self.assertIn('<a href="/outlets/new-eastern-outlook/">New Eastern Outlook</a>', neo)
        self.assertIn('<a href="/people/konstantin-asmolov/">Konstantin Asmolov</a>', neo)
        self.assertIn("18 September 2025", neo)

        # 002 is the blog page as a whole, not one of the news items it quotes.
        blog = documents["002"]
        self.assertIn('href="/articles/korea-blog-putin-and-north-korea-compilation/"', blog)
        self.assertIn("A Korea news blog (name not given)", blog)
        self.assertIn("Author not given", blog)
        self.assertIn("Date unknown", blog)
        self.assertNotIn("/articles/yonhap-", content)

    def test_constant_queries(self):
        # The source documents with their outlets, then their authors.
        self.assertPageQueries(2, "/about/")


class NotFoundTests(PageTestCase):
    def test_unknown_address_is_a_friendly_page_with_search(self):
        response = self.get("/no/such/page/", status=404)
        self.assertContains(response, "<h1>Page not found</h1>", status_code=404, html=True)
        self.assertContains(response, "/no/such/page/", status_code=404)
        self.assertContains(response, 'href="/meetings/"', status_code=404)


class ServerErrorTemplateTests(SimpleTestCase):
    def test_500_page_renders_with_no_context_at_all(self):
        # Django renders 500.html with an empty context when something has gone wrong.
        html = render_to_string("500.html")
        self.assertIn("<h1>Something went wrong</h1>", html)
        self.assertIn('<html lang="en">', html)
        self.assertIn("/static/css/site.css", html)


class StrictContentSecurityPolicyTests(PageTestCase):
    """No inline script or style anywhere, so the site can send a strict CSP."""

    def test_no_inline_scripts_styles_or_handlers(self):
        for url in PAGES:
            with self.subTest(url):
                content = self.get(url).content.decode()
                scripts = re.findall(r"<script\b([^>]*)>", content)
                for attributes in scripts:
                    self.assertTrue(
                        "src=" in attributes or 'type="application/ld+json"' in attributes,
                        f"inline script on {url}",
                    )
                self.assertNotRegex(content, r"\sstyle=")
                self.assertNotIn("<style", content)
                self.assertNotRegex(content, r"\son[a-z]+=")
                self.assertNotRegex(
                    content, r"(src|href)=\"(https?:)?//(?!testserver)[^\"]*\.(js|css)"
                )

    def test_html_lang_and_one_main_landmark_and_h1(self):
        for url in PAGES:
            with self.subTest(url):
                content = self.get(url).content.decode()
                self.assertIn('<html lang="en">', content)
                self.assertEqual(content.count("<main"), 1)
                self.assertEqual(len(re.findall(r"<h1\b", content)), 1)

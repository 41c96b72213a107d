"""The embeddable quotation and oEmbed: the only framable address, attributed, linking back; and
the oEmbed answers (https://oembed.com) for quotes and meetings, with their discovery links."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.test import override_settings

from tests.page_checks import PageTestCase

QUOTE = "/quotes/putin-2024-treaty-mutual-assistance/"
EMBED = f"{QUOTE}embed/"
MEETING = "/meetings/putin-kim-2024-pyongyang/"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.oembed, self.iframes = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs)
        elif tag == "link" and attrs.get("type") == "application/json+oembed":
            self.oembed.append(attrs["href"])
        elif tag == "iframe":
            self.iframes.append(attrs)


def parse(html):
    parser = Links()
    parser.feed(html)
    return parser


class EmbedPageTests(PageTestCase):
    def test_the_embed_may_be_framed_by_any_site(self):
        response = self.get(EMBED)
        policy = response["Content-Security-Policy"]
        self.assertIn("frame-ancestors *", policy)
        self.assertNotIn("frame-ancestors 'none'", policy)
        self.assertNotIn("X-Frame-Options", response.headers)
        # The rest of the policy is the site's own: still no inline script, no other origin.
        self.assertIn("script-src 'self'", policy)
        self.assertIn("default-src 'self'", policy)

    def test_no_other_page_may_be_framed(self):
        for url in [QUOTE, MEETING, "/", "/quotes/", "/oembed?url=x"]:
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response["X-Frame-Options"], "DENY")
                self.assertIn("frame-ancestors 'none'", response["Content-Security-Policy"])

    def test_the_embed_is_attributed_and_links_back_in_a_new_tab(self):
        response = self.get(EMBED)
        quote = self.quote("putin-2024-treaty-mutual-assistance")
        self.assertContains(response, quote.text)
        self.assertContains(response, quote.speaker.name)
        self.assertContains(response, quote.article.outlet.name)
        links = parse(response.content.decode()).links
        self.assertIn(f"http://testserver{QUOTE}", [link["href"] for link in links])
        for link in links:
            self.assertTrue(link["href"].startswith("http://testserver/"), link)
            self.assertEqual((link["target"], link["rel"]), ("_blank", "noopener"))

    def test_the_embed_is_self_contained(self):
        content = self.get(EMBED).content.decode()
        self.assertNotIn("<script", content)
        self.assertNotIn("site.css", content)
        self.assertNotIn('class="site-header', content)
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', content)
        self.assertEqual(stylesheets, ["/static/css/embed.css"])
        self.assertEqual(self.client.get(stylesheets[0]).status_code, 200)

    def test_an_unknown_quote_has_no_embed(self):
        self.get("/quotes/no-such-quote/embed/", status=404)

    def test_the_quote_page_offers_embed_code_that_frames_the_embed(self):
        content = self.get(QUOTE).content.decode()
        box = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', content, re.S)
        iframe = parse(box[1].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'))
        (frame,) = iframe.iframes
        self.assertEqual(frame["src"], f"http://testserver{EMBED}")
        self.assertIn("Vladimir Putin", frame["title"])
        self.assertContains(self.get(QUOTE), "hidden>Copy embed code</button>", count=1)


class OEmbedTests(PageTestCase):
    def oembed(self, status=200, **params):
        response = self.client.get("/oembed", params)
        self.assertEqual(response.status_code, status, response.content)
        return response

    def test_a_quote_is_a_rich_embed(self):
        response = self.oembed(url=f"http://testserver{QUOTE}", format="json")
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        data = json.loads(response.content)
        self.assertEqual(data["version"], "1.0")
        self.assertEqual(data["type"], "rich")
        self.assertEqual(data["provider_name"], "Summit Archive")
        self.assertEqual(data["provider_url"], "http://testserver/")
        self.assertEqual(data["author_name"], "Vladimir Putin")
        self.assertEqual(data["author_url"], "http://testserver/people/vladimir-putin/")
        self.assertIsInstance(data["width"], int)
        self.assertIsInstance(data["height"], int)
        (frame,) = parse(data["html"]).iframes
        self.assertEqual(frame["src"], f"http://testserver{EMBED}")
        self.assertEqual(
            (int(frame["width"]), int(frame["height"])), (data["width"], data["height"])
        )
        self.assertTrue(data["thumbnail_url"].startswith(f"http://testserver{QUOTE}card.png"))
        self.assertEqual((data["thumbnail_width"], data["thumbnail_height"]), (1200, 630))
        self.assertIsInstance(data["cache_age"], int)

    def test_a_meeting_is_a_link_with_its_card(self):
        data = json.loads(self.oembed(url=f"http://testserver{MEETING}").content)
        self.assertEqual(data["type"], "link")
        self.assertIn("Putin's state visit to Pyongyang", data["title"])
        self.assertTrue(data["thumbnail_url"].startswith(f"http://testserver{MEETING}card.png"))

    def test_maxwidth_and_maxheight_are_honoured(self):
        for maxwidth, maxheight in [(320, 200), (300, None), (None, 150), (2000, 2000)]:
            with self.subTest(maxwidth=maxwidth, maxheight=maxheight):
                params = {"url": f"http://testserver{QUOTE}"}
                params.update(
                    {k: v for k, v in [("maxwidth", maxwidth), ("maxheight", maxheight)] if v}
                )
                data = json.loads(self.oembed(**params).content)
                self.assertLessEqual(data["width"], maxwidth or 10_000)
                self.assertLessEqual(data["height"], maxheight or 10_000)
                (frame,) = parse(data["html"]).iframes
                self.assertEqual(int(frame["width"]), data["width"])
                self.assertEqual(int(frame["height"]), data["height"])
                # A thumbnail is given only where it fits the limits.
                if "thumbnail_url" in data:
                    self.assertLessEqual(data["thumbnail_width"], maxwidth or 10_000)
                    self.assertLessEqual(data["thumbnail_height"], maxheight or 10_000)

    def test_xml_is_not_implemented(self):
        self.oembed(501, url=f"http://testserver{QUOTE}", format="xml")

    def test_addresses_that_are_not_an_embeddable_page_are_not_found(self):
        for url in [
            "http://testserver/quotes/no-such-quote/",
            "http://testserver/people/kim-jong-un/",
            "http://testserver/nowhere/",
            f"http://elsewhere.example{QUOTE}",
            f"ftp://testserver{QUOTE}",
            "not a url at all",
        ]:
            with self.subTest(url):
                self.oembed(404, url=url)

    def test_bad_parameters_are_a_clear_400(self):
        self.oembed(400)
        self.oembed(400, url=f"http://testserver{QUOTE}", maxwidth="wide")
        self.oembed(400, url=f"http://testserver{QUOTE}", maxheight="0")

    def test_quote_and_meeting_pages_link_their_oembed(self):
        for url in [QUOTE, MEETING]:
            with self.subTest(url):
                (href,) = parse(self.get(url).content.decode()).oembed
                parts = urlsplit(href)
                self.assertEqual(parts.path, "/oembed")
                self.assertEqual(
                    parse_qs(parts.query), {"url": [f"http://testserver{url}"], "format": ["json"]}
                )
                self.assertEqual(self.client.get(href).status_code, 200)

    def test_other_pages_have_no_oembed_link(self):
        for url in ["/", "/people/kim-jong-un/", "/quotes/"]:
            with self.subTest(url):
                self.assertEqual(parse(self.get(url).content.decode()).oembed, [])

    @override_settings(SITE_URL="https://summit.example")
    def test_the_public_address_is_the_one_embedded(self):
        data = json.loads(self.oembed(url=f"https://summit.example{QUOTE}").content)
        self.assertIn(f'src="https://summit.example{EMBED}"', data["html"])
        self.oembed(404, url=f"http://testserver{QUOTE}")

"""Every address the site has ever published still answers: 200, or 301 to a page that does.

tests/published_urls.txt is committed. When records are added, append their addresses by running

    .venv/bin/python manage.py shell --no-imports -c \
        "from tests.test_published_urls import print_new_urls; print_new_urls()" \
        >> tests/published_urls.txt

(it prints only the addresses not yet listed). Never delete a line: a removed or renamed record
gets an entry in fixtures/redirects.yaml instead.
"""

from pathlib import Path

from archive.redirects import redirects
from tests.page_checks import PageTestCase

PUBLISHED = Path(__file__).with_name("published_urls.txt")
PAGES = ["/", "/about/", "/meetings/", "/people/", "/outlets/", "/articles/", "/quotes/"]
# Sharing addresses other sites keep (archive/share_urls.py): the site's card and the whole-list
# reference files. Each record's card and files live beside its page (`<page>card.png`,
# `<page without its slash>.ris`), so they last as long as the page does.
SHARING = ["/card.png", "/quotes.ris", "/quotes.bib", "/quotes.csl.json"]


def published_urls():
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def current_urls():
    """The pages the archive serves now: the lists and every record's own page."""
    from django.core.paginator import Paginator

    from archive.models import Article, Meeting, Outlet, Person, Quote
    from archive.views.quotes import ORPHANS, QUOTES_PER_PAGE

    urls = list(PAGES)
    quote_pages = Paginator(Quote.objects.all(), QUOTES_PER_PAGE, orphans=ORPHANS).page_range
    urls += [f"/quotes/?page={number}" for number in quote_pages if number > 1]
    for model in (Meeting, Person, Outlet, Article, Quote):
        urls += [record.get_absolute_url() for record in model.objects.order_by("slug")]
    urls += SHARING
    # Embedded in other sites' pages (embed code, oEmbed): an embed must outlive any redesign.
    urls += [f"{quote.get_absolute_url()}embed/" for quote in Quote.objects.order_by("slug")]
    return urls


class PublishedUrlTests(PageTestCase):
    def test_every_published_url_still_answers(self):
        moved = redirects()
        urls = published_urls()
        self.assertGreater(len(urls), 100)
        for url in urls:
            with self.subTest(url):
                response = self.client.get(url)
                if url in moved:
                    self.assertEqual(response.status_code, 301)
                    response = self.client.get(response["Location"])
                self.assertEqual(response.status_code, 200)

    def test_every_page_of_the_archive_is_in_the_published_list(self):
        missing = sorted(set(current_urls()) - set(published_urls()))
        self.assertEqual(
            missing,
            [],
            "New pages are not in tests/published_urls.txt; run "
            "print_new_urls() (see the top of tests/test_published_urls.py)",
        )

    def test_the_list_has_no_duplicates(self):
        urls = published_urls()
        self.assertEqual(len(urls), len(set(urls)))


def print_new_urls():
    """Print the current pages not yet in the published list (to append to it)."""
    listed = set(published_urls()) if PUBLISHED.exists() else set()
    for url in current_urls():
        if url not in listed:
            print(url)

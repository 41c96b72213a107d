"""sitemap.xml (an index of one sitemap per section) and robots.txt pointing to it.

Django's sitemap framework chooses the entries and pages them; the two views here write the XML,
with every address on SITE_URL when it is set instead of the request's host.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.html import escape

from ..models import Article, Meeting, Outlet, Person, Quote
from .addresses import Addresses
from .freshness import data_last_changed
from .http import read_only, site_base


class ArchiveSitemap(Sitemap):
    """Made afresh for each request, so the data's last change is read once per request."""

    def __init__(self):
        self.data_changed = data_last_changed()

    def lastmod(self, item):
        # Records carry no timestamps: every page changes when the data does.
        return self.data_changed

    def get_latest_lastmod(self):
        return self.data_changed


class PageSitemap(ArchiveSitemap):
    url_names = [
        "archive:home",
        "archive:meeting_list",
        "archive:person_list",
        "archive:outlet_list",
        "archive:article_list",
        "archive:quote_list",
        "archive:about",
        "api:data",
    ]

    def items(self):
        return self.url_names

    def location(self, url_name):
        return reverse(url_name)


class RecordSitemap(ArchiveSitemap):
    """Every record of one kind, by slug. Smaller pages than the protocol's 50,000 keep each
    sitemap quick to build."""

    limit = 10000
    model = None
    kind = ""

    def __init__(self):
        super().__init__()
        self.addresses = Addresses()

    def items(self):
        return self.model.objects.order_by("slug").values_list("slug", flat=True)

    def location(self, slug):
        return self.addresses.page(self.kind, slug)


def record_sitemap(record_model, kind):
    attributes = {"model": record_model, "kind": kind}
    return type(f"{record_model.__name__}Sitemap", (RecordSitemap,), attributes)


SITEMAPS = {
    "pages": PageSitemap,
    "meetings": record_sitemap(Meeting, "meeting"),
    "people": record_sitemap(Person, "person"),
    "outlets": record_sitemap(Outlet, "outlet"),
    "articles": record_sitemap(Article, "article"),
    "quotes": record_sitemap(Quote, "quote"),
}


def _public_site(request):
    parts = urlsplit(site_base(request))
    return parts.scheme, SimpleNamespace(domain=parts.netloc + parts.path)


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _xml(root, entries):
    """<urlset> or <sitemapindex> of (tag, location, lastmod) entries. Written directly: the
    template Django ships took most of a second per thousand addresses."""
    lines = [f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{SITEMAP_NS}">\n']
    for tag, location, lastmod in entries:
        modified = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        lines.append(f"<{tag}><loc>{escape(location)}</loc>{modified}</{tag}>\n")
    lines.append(f"</{root}>\n")
    return HttpResponse("".join(lines), content_type="application/xml")


@read_only
def sitemap_index(request):
    protocol, site = _public_site(request)
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = f"{protocol}://{site.domain}{reverse('api:sitemap_section', args=[section])}"
        lastmod = sitemap.get_latest_lastmod()
        entries.append(("sitemap", location, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(("sitemap", f"{location}?p={page}", lastmod))
    return _xml("sitemapindex", entries)


@read_only
def sitemap_section(request, section):
    if section not in SITEMAPS:
        raise Http404(f"No sitemap section {section!r}")
    protocol, site = _public_site(request)
    try:
        urls = SITEMAPS[section]().get_urls(
            page=request.GET.get("p", 1), site=site, protocol=protocol
        )
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page of this sitemap") from None
    return _xml("urlset", (("url", url["location"], url["lastmod"]) for url in urls))


@read_only
def robots_txt(request):
    lines = [
        "User-agent: *",
        # Search results are an endless space of pages; everything they show has its own page.
        "Disallow: /search/",
        "Disallow: /search.json",
        "Disallow: /search.csv",
        "",
        f"Sitemap: {site_base(request)}{reverse('api:sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

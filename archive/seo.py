"""What a page tells search engines and link previews: title, description, canonical address,
Open Graph / Twitter card tags and schema.org JSON-LD.

Views build one PageMeta each; templates/includes/_meta.html renders it. Every address is
absolute, built from SITE_URL (or the request's own host when SITE_URL is empty).
"""

import json
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

# The site's name, description and addresses are defined once, in archive.site.
from .site import SITE_DESCRIPTION, SITE_NAME, absolute, base_url  # noqa: F401

site_url = base_url  # the name the templates' callers use


def plain_text(html, words=40):
    """A meta description from rendered Markdown: no tags, one line, a sensible length."""
    text = " ".join(strip_tags(html).split())
    return Truncator(text).words(words, truncate="…")


@dataclass
class PageMeta:
    title: str
    description: str
    url: str  # absolute canonical address
    og_type: str = "website"
    jsonld: dict = field(default_factory=dict)
    # The link-preview card (archive/cards): absolute address and its alt text.
    image: str = ""
    image_alt: str = ""
    # Highwire/Google Scholar tags for reference managers (archive/scholar.py): (name, content).
    citation_tags: list = field(default_factory=list)
    # oEmbed discovery: the endpoint's address for this page, on pages that can be embedded.
    oembed: str = ""

    @property
    def full_title(self):
        return self.title if self.title == SITE_NAME else f"{self.title} · {SITE_NAME}"


def page_meta(
    request, title, description, path=None, og_type="website", jsonld=None, card=None, **extra
):
    """card: (card address, alt text) from archive/views/cards.py; the site's card when None.
    extra: citation_tags, oembed."""
    from .views.cards import card_path, card_query, site_card_alt

    card_address, card_alt = card or (card_path(None), site_card_alt())
    return PageMeta(
        title=title,
        description=description or SITE_DESCRIPTION,
        url=absolute(request, path if path is not None else request.path),
        og_type=og_type,
        jsonld=jsonld or {},
        image=absolute(request, card_address + card_query()),
        image_alt=card_alt,
        **extra,
    )


def jsonld_script_body(data):
    """JSON for a <script type="application/ld+json"> block that no string in it can close early.

    Escaping <, > and & as JSON unicode escapes keeps "</script>" or "<!--" in a quotation from
    ever reading as HTML, and the result is still exactly the same JSON.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above; this is data, not markup


# schema.org descriptions of each record, built from the same objects the page shows.


def _person_ref(request, person):
    kind = "Organization" if person.is_organisation else "Person"
    return {"@type": kind, "name": person.name, "url": absolute(request, person.get_absolute_url())}


def website_jsonld(request):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": absolute(request, "/"),
        "description": SITE_DESCRIPTION,
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute(request, "/search/?q={query}"),
            "query-input": "required name=query",
        },
    }


def list_page_meta(request, title, description, **extra):
    """The meta of a list page (meetings, people, outlets, articles): a schema.org
    CollectionPage of that name."""
    jsonld = collection_jsonld(request, title, description)
    return page_meta(request, title, description, jsonld=jsonld, **extra)


def collection_jsonld(request, name, description, page_type="CollectionPage"):
    return {
        "@context": "https://schema.org",
        "@type": page_type,
        "name": name,
        "description": description,
        "url": absolute(request, request.path),
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": absolute(request, "/")},
    }


def meeting_jsonld(request, meeting, participations):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "url": absolute(request, meeting.get_absolute_url()),
        "startDate": meeting.start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "description": plain_text(meeting.summary_html) or meeting.title,
        "performer": [_person_ref(request, p.person) for p in participations],
    }
    if meeting.end:
        data["endDate"] = meeting.end.isoformat()
    if meeting.city or meeting.venue or meeting.country:
        place = {"@type": "Place", "name": meeting.place_display}
        address = {"@type": "PostalAddress"}
        if meeting.city:
            address["addressLocality"] = meeting.city
        if meeting.country:
            address["addressCountry"] = meeting.country
        place["address"] = address
        if meeting.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(meeting.latitude),
                "longitude": float(meeting.longitude),
            }
        data["location"] = place
    return data


def person_jsonld(request, person, roles):
    data = _person_ref(request, person)
    data["@context"] = "https://schema.org"
    if person.aliases:
        data["alternateName"] = list(person.aliases)
    if person.bio_html:
        data["description"] = plain_text(person.bio_html)
    if person.country_name and not person.is_organisation:
        data["nationality"] = {"@type": "Country", "name": person.country_name}
    if roles and not person.is_organisation:
        data["jobTitle"] = [role.title for role in roles]
    return data


def outlet_jsonld(request, outlet):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsMediaOrganization",
        "name": outlet.name,
        "url": absolute(request, outlet.get_absolute_url()),
    }
    if outlet.homepage:
        data["sameAs"] = outlet.homepage
    return data


def article_jsonld(request, article, authors):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": absolute(request, article.get_absolute_url()),
        "publisher": {"@type": "Organization", "name": article.outlet.name},
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if authors:
        data["author"] = [_person_ref(request, author) for author in authors]
    if article.url:
        data["sameAs"] = article.url
    if article.summary_html:
        data["abstract"] = plain_text(article.summary_html)
    return data


def quote_jsonld(request, quote):
    data = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": quote.text,
        "url": absolute(request, quote.get_absolute_url()),
        "creator": _person_ref(request, quote.speaker),
        "isBasedOn": {
            "@type": "NewsArticle",
            "headline": quote.article.title,
            "url": absolute(request, quote.article.get_absolute_url()),
            "publisher": {"@type": "Organization", "name": quote.article.outlet.name},
        },
    }
    if quote.said_on:
        data["dateCreated"] = quote.said_on.isoformat()
    if quote.meeting:
        data["about"] = {
            "@type": "Event",
            "name": quote.meeting.title,
            "url": absolute(request, quote.meeting.get_absolute_url()),
        }
    return data

"""Records as plain dicts for JSON: stable field names, absolute URLs, dates with their precision.

A *ref* is the short form used when one record points at another; a *summary* is a record as it
appears in a list; the full form (the detail page's twin) adds the records related to it.
"""

from django.urls import reverse

from .addresses import Addresses
from .http import site_base

KIND = {
    "Person": "person",
    "Outlet": "outlet",
    "Meeting": "meeting",
    "Article": "article",
    "Quote": "quote",
}


def partial_date(value):
    """{"date": "2019-04", "precision": "month"}, or None when the date is unknown."""
    if value is None:
        return None
    return {"date": value.isoformat(), "precision": value.precision}


def decimal_or_none(value):
    return None if value is None else float(value)


class Serializer:
    def __init__(self, request):
        self.base = site_base(request)
        self.addresses = Addresses(self.base)

    def absolute(self, path):
        return self.base + path

    def links(self, record):
        kind = KIND[type(record).__name__]
        return {
            "url": self.addresses.page(kind, record.slug),
            "json_url": self.addresses.json(kind, record.slug),
        }

    # Refs ---------------------------------------------------------------------------------

    def person_ref(self, person):
        return {"slug": person.slug, "name": person.name, **self.links(person)}

    def outlet_ref(self, outlet):
        return {"slug": outlet.slug, "name": outlet.name, **self.links(outlet)}

    def meeting_ref(self, meeting):
        return {
            "slug": meeting.slug,
            "title": meeting.title,
            "start": partial_date(meeting.start),
            **self.links(meeting),
        }

    def article_ref(self, article):
        return {
            "slug": article.slug,
            "title": article.title,
            "outlet": self.outlet_ref(article.outlet),
            "published": partial_date(article.published),
            **self.links(article),
        }

    def optional(self, ref, record):
        return None if record is None else ref(record)

    def bounded(self, name, records, serialize):
        """A list as its page shows it (querysets.Bounded): the first records, and how many
        there are in all; the `…_json_url` beside it, where there is one, lists them all."""
        return {name: [serialize(record) for record in records], f"{name}_total": records.total}

    def quote_list_url(self, kind, **filters):
        query = "&".join(f"{name}={value}" for name, value in filters.items())
        return self.absolute(f"{reverse(f'api:quote_{kind}')}?{query}")

    # People -------------------------------------------------------------------------------

    def person_summary(self, person):
        return {
            "slug": person.slug,
            "name": person.name,
            "aliases": list(person.aliases),
            "country": person.country or None,
            "country_name": person.country_name or None,
            "is_leader": person.is_leader,
            "is_organisation": person.is_organisation,
            **self.links(person),
        }

    def person(self, page):
        person = page["person"]
        return {
            **self.person_summary(person),
            "bio": person.bio,
            "bio_html": person.bio_html,
            "beyond_sources": person.beyond_sources,
            "source_paragraphs": list(person.source_paragraphs),
            "roles": [
                {
                    "title": role.title,
                    "start": partial_date(role.start),
                    "end": partial_date(role.end),
                    "note": role.note,
                }
                for role in page["roles"]
            ],
            "meetings": [self.meeting_ref(p.meeting) for p in page["participations"]],
            **self.bounded("quotes", page["quotes"], self.quote_summary),
            "quotes_json_url": self.quote_list_url("list", speaker=person.slug),
            "quotes_csv_url": self.quote_list_url("csv", speaker=person.slug),
            **self.bounded("articles_written", page["articles_written"], self.article_ref),
            **self.bounded("articles_mentioning", page["articles_mentioning"], self.article_ref),
        }

    # Outlets ------------------------------------------------------------------------------

    def outlet_summary(self, outlet):
        return {
            "slug": outlet.slug,
            "name": outlet.name,
            "kind": outlet.kind,
            "kind_display": outlet.get_kind_display(),
            "country": outlet.country or None,
            "country_name": outlet.country_name or None,
            "homepage": outlet.homepage or None,
            **self.links(outlet),
        }

    def outlet(self, page):
        outlet = page["outlet"]
        return {
            **self.outlet_summary(outlet),
            "description": outlet.description,
            "description_html": outlet.description_html,
            "beyond_sources": outlet.beyond_sources,
            "source_paragraphs": list(outlet.source_paragraphs),
            **self.bounded("articles", page["articles"], self.article_ref),
            **self.bounded("quotes", page["quotes_taken"], self.quote_summary),
            "quotes_json_url": self.quote_list_url("list", outlet=outlet.slug),
            **self.bounded("quotes_first_carried", page["quotes_carried"], self.quote_summary),
        }

    # Meetings -----------------------------------------------------------------------------

    def meeting_summary(self, meeting):
        return {
            "slug": meeting.slug,
            "title": meeting.title,
            "kind": meeting.kind,
            "kind_display": meeting.get_kind_display(),
            "is_putin_kim": meeting.is_putin_kim,
            "start": partial_date(meeting.start),
            "end": partial_date(meeting.end),
            "date_display": meeting.date_display,
            "city": meeting.city or None,
            "venue": meeting.venue or None,
            "country": meeting.country or None,
            "country_name": meeting.country_name or None,
            "latitude": decimal_or_none(meeting.latitude),
            "longitude": decimal_or_none(meeting.longitude),
            "outcomes": list(meeting.outcomes),
            "participants": [
                {
                    "person": self.person_ref(participation.person),
                    "part": participation.part,
                    "side": participation.side or None,
                    "role": participation.role or None,
                }
                for participation in meeting.participations.all()
            ],
            **self.links(meeting),
        }

    def meeting(self, page):
        meeting = page["meeting"]
        return {
            **self.meeting_summary(meeting),
            "summary": meeting.summary,
            "summary_html": meeting.summary_html,
            "beyond_sources": meeting.beyond_sources,
            "source_paragraphs": list(meeting.source_paragraphs),
            **self.bounded("quotes", page["quotes_shown"], self.quote_summary),
            "quotes_json_url": self.quote_list_url("list", meeting=meeting.slug),
            **self.bounded("articles", page["articles_shown"], self.article_ref),
        }

    # Articles -----------------------------------------------------------------------------

    def article_summary(self, article):
        return {
            "slug": article.slug,
            "title": article.title,
            "outlet": self.outlet_ref(article.outlet),
            "authors": [self.person_ref(author) for author in article.authors.all()],
            "published": partial_date(article.published),
            "original_url": article.url or None,
            **self.links(article),
        }

    def article(self, page):
        article = page["article"]
        return {
            **self.article_summary(article),
            "summary": article.summary,
            "summary_html": article.summary_html,
            "seed_document": article.seed_document,
            "source_paragraphs": list(article.source_paragraphs),
            "republication": self.republication(article),
            "beyond_sources": article.beyond_sources,
            "meetings": [self.meeting_ref(meeting) for meeting in page["meetings"]],
            "people_mentioned": [self.person_ref(p) for p in page["people_mentioned"]],
            **self.bounded("quotes", page["quotes"], self.quote_summary),
        }

    def republication(self, article):
        """Where and when the text we read was published again, or None for the original."""
        if not article.is_republication:
            return None
        return {
            "republished_by": self.optional(self.outlet_ref, article.republished_by),
            "republished_on": partial_date(article.republished_on),
            "note": article.republication_note or None,
        }

    # Quotes -------------------------------------------------------------------------------

    def quote_summary(self, quote):
        """Needs Quote.objects.with_sources() to stay at one query for a whole list."""
        return {
            "slug": quote.slug,
            "text": quote.text,
            "is_fragment": quote.is_fragment,
            "speaker": self.person_ref(quote.speaker),
            "meeting": self.optional(self.meeting_ref, quote.meeting),
            "said_on": partial_date(quote.said_on),
            "channel": self.optional(self.outlet_ref, quote.channel),
            "channel_note": quote.channel_note or None,
            "article": self.article_ref(quote.article),
            **self.links(quote),
        }

    def quote(self, quote, *, same_statement):
        return {
            **self.quote_summary(quote),
            "context": quote.context,
            "context_html": quote.context_html,
            "relayed_by": [self.outlet_ref(outlet) for outlet in quote.relayed_by.order_by("name")],
            "beyond_sources": quote.beyond_sources,
            "source_paragraphs": list(quote.source_paragraphs),
            "same_statement": [self.quote_summary(other) for other in same_statement],
        }

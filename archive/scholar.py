"""Highwire Press / Google Scholar `citation_*` meta tags, so reference managers save a page as
the right item.

Zotero's browser connector reads them (its "Embedded Metadata" translator): citation_title,
citation_author (one tag per person), citation_date, citation_publisher, citation_public_url.
It guesses "journal article" from citation_title alone, so each page also says its item type in
Dublin Core (`DC.type`, a Zotero item type name), which the connector prefers to that guess:
meetings and quotations are records of this archive ("webpage"); an article page cites the
original article, as a newspaper, magazine or journal article or a blog post by its outlet.
Dates keep the source's precision: "2019/04" for April 2019, never a made-up day.
"""

from .citations import SITE_NAME
from .models import Outlet

ITEM_TYPE_OF_OUTLET = {
    Outlet.Kind.STATE_AGENCY: "newspaperArticle",
    Outlet.Kind.STATE_MEDIA: "newspaperArticle",
    Outlet.Kind.NEWS: "newspaperArticle",
    Outlet.Kind.ANALYSIS: "journalArticle",
    Outlet.Kind.THINK_TANK: "report",
    Outlet.Kind.BLOG: "blogPost",
    Outlet.Kind.OFFICIAL: "webpage",
    Outlet.Kind.SOCIAL: "forumPost",
}


def highwire_date(date):
    """2024/06/19, 2019/04 or 2018: the Highwire form, as precise as the source."""
    if date is None:
        return None
    parts = [f"{date.year:04d}"]
    if date.month is not None:
        parts.append(f"{date.month:02d}")
        if date.day is not None:
            parts.append(f"{date.day:02d}")
    return "/".join(parts)


def _tags(item_type, title, authors, date, publisher, url, extra=()):
    tags = [("DC.type", item_type), ("citation_title", title)]
    tags += [("citation_author", name) for name in authors]
    if date:
        tags.append(("citation_date", highwire_date(date)))
        tags.append(("citation_publication_date", highwire_date(date)))
    tags += [*extra, ("citation_publisher", publisher), ("citation_public_url", url)]
    return tags


def meeting_tags(meeting, url):
    return _tags("webpage", meeting.title, [], None, SITE_NAME, url)


def quote_tags(quote, url):
    from .citations import quoted_words

    return _tags(
        "webpage", quoted_words(quote.text), [quote.speaker.name], quote.said_on, SITE_NAME, url
    )


def article_tags(article, authors, archive_url):
    item_type = ITEM_TYPE_OF_OUTLET.get(article.outlet.kind, "webpage")
    # The container's name goes where Zotero reads a publication's title.
    extra = [("citation_journal_title", article.outlet.name)] if item_type != "webpage" else []
    return _tags(
        item_type,
        article.title,
        [author.name for author in authors],
        article.published,
        article.outlet.name,
        article.url or archive_url,
        extra,
    )

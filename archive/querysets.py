"""Query logic for the archive's records: what a page asks for, named so a view reads like a
sentence (`Quote.objects.by_speaker(person).newest_first()`)."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery


class Bounded:
    """The first `limit` items of a query, and how many there are in all, for a page that shows
    a bounded list and links to the rest. Costs one query, plus a count only when the list is
    cut short."""

    def __init__(self, queryset, limit):
        items = list(queryset[: limit + 1])
        self.is_cut = len(items) > limit
        self.items = items[:limit]
        self.total = queryset.count() if self.is_cut else len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)


class PersonQuerySet(models.QuerySet):
    def leaders(self):
        return self.filter(is_leader=True)

    def others(self):
        return self.filter(is_leader=False)

    def leaders_first(self):
        """Leaders, then everyone else by country and name (the people list)."""
        return self.order_by("-is_leader", "is_organisation", "country", "name")


class MeetingQuerySet(models.QuerySet):
    def chronological(self):
        return self.order_by("start", "slug")

    def putin_kim(self):
        return self.filter(is_putin_kim=True)

    def others(self):
        return self.filter(is_putin_kim=False)

    def in_year(self, year):
        return self.filter(start__startswith=f"{int(year):04d}")

    def years(self):
        """The years that have a meeting, newest last (the year filter's choices)."""
        return sorted({start.year for start in self.values_list("start", flat=True)})

    def located(self):
        """Meetings with coordinates, with just what a map needs."""
        return self.filter(latitude__isnull=False, longitude__isnull=False).only(
            "latitude", "longitude", "city", "venue", "country"
        )


class ArticleQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(models.F("published").desc(nulls_last=True), "slug")

    def for_listing(self):
        """Only what an article in a list shows: its title, date and outlet
        (archive_tags.article_item), not its summaries. The outlet comes from the
        catalogue (archive/catalogue.py), not a join."""
        return self.only("slug", "title", "published", "outlet")

    def whole_documents(self):
        """One article per source document: the record of the document as a whole, which
        fixtures/articles.yaml lists first for its file (a compilation's items follow it)."""
        first_ids = self.order_by().values("seed_document").annotate(first=models.Min("id"))
        return self.filter(id__in=first_ids.values("first")).order_by("seed_document")


class QuoteQuerySet(models.QuerySet):
    def with_sources(self):
        """With the article it was taken from. Its speaker, meeting, channel and the article's
        outlet come from the catalogue (archive/catalogue.py), so they cost no join."""
        return self.select_related("article")

    def for_listing(self):
        """with_sources(), reading only what a quotation in a list shows (its text, date,
        speaker, meeting, channel, and its article's title and outlet; see
        archive_tags.quote_figure): a third of the columns, a much cheaper query."""
        return self.with_sources().only(
            "slug", "text", "is_fragment", "said_on", "channel_note",
            "speaker", "meeting", "channel",
            "article__slug", "article__title", "article__outlet",
        )  # fmt: skip

    def with_same_statement_flag(self):
        """Each quote's `has_same_statement`: whether another report of it is linked. Few are,
        and asking here costs less than listing an empty set on every quote page."""
        links = self.model.same_statement.through.objects.filter(from_quote=OuterRef("pk"))
        return self.annotate(has_same_statement=Exists(links))

    def with_relayed_flag(self):
        """Each quote's `has_relays`: whether the source names outlets that passed it on. Few
        do, so the detail page lists them only then."""
        relays = self.model.relayed_by.through.objects.filter(quote=OuterRef("pk"))
        return self.annotate(has_relays=Exists(relays))

    def by_speaker(self, person):
        return self.filter(speaker=person)

    def newest_first(self):
        return self.order_by(models.F("said_on").desc(nulls_last=True), "slug")

    def chronological(self):
        return self.order_by(models.F("said_on").asc(nulls_last=True), "slug")

    def taken_from_outlet(self, outlet):
        return self.filter(outlet=outlet)

    def match_article_outlets(self):
        """Give every quote its article's outlet where the two differ (after writes that
        bypass save(): bulk_create, update, an article moved to another outlet). Returns how
        many quotes changed; none when the archive is consistent."""
        from .models import Article

        article_outlet = Subquery(
            Article.objects.filter(pk=OuterRef("article")).values("outlet")[:1]
        )
        stale = self.annotate(article_outlet=article_outlet).filter(
            Q(outlet__isnull=True) | ~Q(outlet=F("article_outlet"))
        )
        return self.filter(pk__in=stale.values("pk")).update(outlet=article_outlet)

    def said_at(self, meeting):
        return self.filter(meeting=meeting)

    def said_in_year(self, year):
        return self.filter(said_on__startswith=f"{int(year):04d}")

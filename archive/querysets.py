"""Query logic for the archive's records: what a page asks for, named so a view reads like a
sentence (`Quote.objects.by_speaker(person).newest_first()`)."""

from django.db import models


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

    def with_outlet(self):
        return self.select_related("outlet")

    def for_listing(self):
        """with_outlet(), reading only what an article in a list shows: its title, date and
        outlet (templates/includes/_article_item.html), not its summaries."""
        return self.with_outlet().only("slug", "title", "published", "outlet__slug", "outlet__name")

    def whole_documents(self):
        """One article per source document: the record of the document as a whole, which
        fixtures/articles.yaml lists first for its file (a compilation's items follow it)."""
        first_ids = self.order_by().values("seed_document").annotate(first=models.Min("id"))
        return self.filter(id__in=first_ids.values("first")).order_by("seed_document")


class QuoteQuerySet(models.QuerySet):
    def with_sources(self):
        return self.select_related("speaker", "meeting", "channel", "article__outlet")

    def for_listing(self):
        """with_sources(), reading only what a quotation in a list shows (its text, date and
        the names and addresses of its speaker, meeting, channel, article and outlet; see
        archive_tags.quote_figure): a third of the columns, a much cheaper query."""
        return self.with_sources().only(
            "slug", "text", "is_fragment", "said_on", "channel_note",
            "speaker__slug", "speaker__name",
            "meeting__slug", "meeting__title",
            "channel__slug", "channel__name",
            "article__slug", "article__title",
            "article__outlet__slug", "article__outlet__name",
        )  # fmt: skip

    def by_speaker(self, person):
        return self.filter(speaker=person)

    def newest_first(self):
        return self.order_by(models.F("said_on").desc(nulls_last=True), "slug")

    def chronological(self):
        return self.order_by(models.F("said_on").asc(nulls_last=True), "slug")

    def taken_from_outlet(self, outlet):
        return self.filter(article__outlet=outlet)

    def said_at(self, meeting):
        return self.filter(meeting=meeting)

    def said_in_year(self, year):
        return self.filter(said_on__startswith=f"{int(year):04d}")

from django.shortcuts import render

from .. import cards, seo
from ..models import Participation, Person
from ..querysets import Bounded
from .cards import card_path
from .common import find_or_404, group_by

COUNTRY_NOT_GIVEN = "Country not given"
# A person page shows their newest quotations and links to the quotes list for the rest.
QUOTES_SHOWN = 20
ARTICLES_SHOWN = 50


def person_list(request):
    people = list(Person.objects.leaders_first().prefetch_related("roles"))
    description = "The leaders, ministers, envoys and institutions in the archive, by country."
    context = {
        "meta": seo.page_meta(
            request,
            "People",
            description,
            jsonld=seo.collection_jsonld(request, "People", description),
        ),
        "leaders": [person for person in people if person.is_leader],
        "others_by_country": sorted(
            group_by(
                [p for p in people if not p.is_leader and not p.is_organisation],
                key=lambda person: person.country_name or COUNTRY_NOT_GIVEN,
            ),
            # Countries by name; people whose country the sources do not give come last.
            key=lambda group: (group[0] == COUNTRY_NOT_GIVEN, group[0]),
        ),
        "organisations": [p for p in people if p.is_organisation and not p.is_leader],
    }
    return render(request, "archive/person_list.html", context)


def person_detail(request, slug):
    person = find_or_404(Person, slug)
    roles = list(person.roles.all())
    # In date order, sorted here: the meetings come from the catalogue, and a join only to sort
    # by them cost more than the rest of the query.
    participations = sorted(
        Participation.objects.filter(person=person).only("part", "role", "person", "meeting"),
        key=lambda participation: (
            participation.meeting.start.isoformat(),
            participation.meeting.slug,
        ),
    )
    quotes = Bounded(person.quotes.for_listing().newest_first(), QUOTES_SHOWN)
    articles_written = Bounded(person.articles_written.for_listing().newest_first(), ARTICLES_SHOWN)
    articles_mentioning = Bounded(
        person.articles_mentioning.for_listing().newest_first(), ARTICLES_SHOWN
    )
    summary = seo.plain_text(person.bio_html, words=30)
    context = {
        "meta": seo.page_meta(
            request,
            person.name,
            summary or f"{person.name} in the Summit Archive: meetings, roles and quotations.",
            og_type="profile",
            jsonld=seo.person_jsonld(request, person, roles),
            card=(card_path("people", slug), cards.person_alt(person, roles)),
        ),
        "person": person,
        "roles": roles,
        "participations": participations,
        "quotes": quotes,
        "articles_written": articles_written,
        "articles_mentioning": articles_mentioning,
    }
    return render(request, "archive/person_detail.html", context)

from django.shortcuts import render

from .. import cards, seo
from ..models import Participation, Person
from ..querysets import Bounded
from .cards import card_path
from .common import find_or_404, group_by, listed_briefly, listed_in_full

COUNTRY_NOT_GIVEN = "Country not given"
# A person page shows their newest quotations and links to the quotes list for the rest.
QUOTES_SHOWN = 20
ARTICLES_SHOWN = 50


def person_list(request):
    people = list(Person.objects.leaders_first().prefetch_related("roles"))
    description = "The leaders, ministers, envoys and institutions in the archive, by country."
    context = {
        "meta": seo.list_page_meta(request, "People", description),
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


def person_page(slug, *, for_json=False):
    """What a person's page shows, bounded as the page bounds it: the page and its JSON twin
    (archive.api.json_views) are built from this one dict."""
    person = find_or_404(Person, slug)
    shown = listed_in_full if for_json else listed_briefly
    # In date order, sorted here: the meetings come from the catalogue, and a join only to sort
    # by them cost more than the rest of the query.
    participations = sorted(
        Participation.objects.filter(person=person).only("part", "role", "person", "meeting"),
        key=lambda participation: (
            participation.meeting.start.isoformat(),
            participation.meeting.slug,
        ),
    )
    return {
        "person": person,
        "roles": list(person.roles.all()),
        "participations": participations,
        "quotes": Bounded(shown(person.quotes).newest_first(), QUOTES_SHOWN),
        "articles_written": Bounded(shown(person.articles_written).newest_first(), ARTICLES_SHOWN),
        "articles_mentioning": Bounded(
            shown(person.articles_mentioning).newest_first(), ARTICLES_SHOWN
        ),
    }


def person_detail(request, slug):
    context = person_page(slug)
    person = context["person"]
    summary = seo.plain_text(person.bio_html, words=30)
    context["meta"] = seo.page_meta(
        request,
        person.name,
        summary or f"{person.name} in the Summit Archive: meetings, roles and quotations.",
        og_type="profile",
        jsonld=seo.person_jsonld(request, person, context["roles"]),
        card=(card_path("people", slug), cards.person_alt(person, context["roles"])),
    )
    return render(request, "archive/person_detail.html", context)

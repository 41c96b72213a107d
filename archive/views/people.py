from django.shortcuts import get_object_or_404, render

from .. import seo
from ..models import Participation, Person
from .common import group_by

COUNTRY_NOT_GIVEN = "Country not given"


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
    person = get_object_or_404(Person, slug=slug)
    roles = list(person.roles.all())
    participations = list(
        Participation.objects.filter(person=person)
        .select_related("meeting")
        .order_by("meeting__start", "meeting__slug")
    )
    quotes = list(person.quotes.with_sources().newest_first())
    articles_written = list(person.articles_written.with_outlet().newest_first())
    articles_mentioning = list(person.articles_mentioning.with_outlet().newest_first())
    summary = seo.plain_text(person.bio_html, words=30)
    context = {
        "meta": seo.page_meta(
            request,
            person.name,
            summary or f"{person.name} in the Summit Archive: meetings, roles and quotations.",
            og_type="profile",
            jsonld=seo.person_jsonld(request, person, roles),
        ),
        "person": person,
        "roles": roles,
        "participations": participations,
        "quotes": quotes,
        "articles_written": articles_written,
        "articles_mentioning": articles_mentioning,
    }
    return render(request, "archive/person_detail.html", context)

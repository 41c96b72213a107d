from django.http import Http404

from .. import catalogue


def group_by(items, key):
    """[(key, [items])], keys in the order they first appear, items in their own order."""
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())


def find_or_404(model, slug):
    """A person, meeting or outlet by its slug, from the catalogue (archive/catalogue.py), or
    from the database should it have been added since this process last read them."""
    record = catalogue.current().find(model, slug) or model.objects.filter(slug=slug).first()
    if record is None:
        raise Http404(f"No {model._meta.verbose_name} with that address")
    return record


def listed_briefly(queryset):
    """A list on a page: only the columns a list item shows (QuerySet.for_listing)."""
    return queryset.for_listing()


def listed_in_full(queryset):
    """The same list for the page's JSON twin, which gives each record's summary in full."""
    return queryset.with_sources() if hasattr(queryset, "with_sources") else queryset.all()

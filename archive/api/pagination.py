"""Pages of a JSON list, with absolute first/last/next/previous links that keep the filters."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

PAGE_SIZE = 100


def paginate(request, queryset, serialize, base):
    # The page is chosen on the ids alone, then only its records are read with their relations:
    # a deep page of a large list then sorts narrow rows, not every joined column.
    paginator = Paginator(queryset.values_list("pk", flat=True), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(f"No such page: {error}") from None
    ids = list(page.object_list)
    records = queryset.in_bulk(ids)

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        return f"{base}{request.path}?{params.urlencode()}"

    return {
        "count": paginator.count,
        "page": page.number,
        "num_pages": paginator.num_pages,
        "page_size": PAGE_SIZE,
        "first": link(1),
        "last": link(paginator.num_pages),
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [serialize(records[pk]) for pk in ids],
    }

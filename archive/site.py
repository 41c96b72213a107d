"""The site's name, its one-line description and its public address, for every page, citation,
feed, sitemap and JSON document: one definition of each."""

from django.conf import settings

SITE_NAME = "Summit Archive"
SITE_DESCRIPTION = (
    "An archive of the meetings between Vladimir Putin and Kim Jong Un and the diplomacy around "
    "them, with what was said, who said it and who reported it."
)


def base_url(request):
    """The public base address: SITE_URL when set, otherwise the address the request came in on
    (so a copy served on localhost links to itself)."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def absolute(request, path):
    """The absolute address of a path on this site: `absolute(request, "/people/")`."""
    return base_url(request) + path

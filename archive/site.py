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
    (so a copy served on localhost links to itself). Worked out once per request: a page asks
    a dozen times, and each get_host() checks ALLOWED_HOSTS again."""
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return request._summit_base_url
    except AttributeError:
        request._summit_base_url = f"{request.scheme}://{request.get_host()}"
        return request._summit_base_url


def absolute(request, path):
    """The absolute address of a path on this site: `absolute(request, "/people/")`."""
    return base_url(request) + path

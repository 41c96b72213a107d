from .site import SITE_NAME, base_url


def site(request):
    """The site's name and public base URL (for canonical links and citations) on every page."""
    return {"site_name": SITE_NAME, "site_url": base_url(request)}

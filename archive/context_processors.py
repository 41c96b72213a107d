from django.conf import settings


def site(request):
    """The public base URL (for canonical links and citations) on every page."""
    base_url = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    return {"site_name": "Summit Archive", "site_url": base_url}

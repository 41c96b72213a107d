"""Embedding: a quotation framed on another site, and oEmbed (https://oembed.com) for quotes and
meetings.

`/quotes/<slug>/embed/` is the only address of the site that another site may frame: it sets its
own Content-Security-Policy (frame-ancestors *), which SecurityHeadersMiddleware leaves alone,
and is exempt from X-Frame-Options. Every other page keeps frame-ancestors 'none' and DENY.
"""

import json
import math
import re
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_exempt

from .. import catalogue, seo
from ..models import Meeting, Quote
from .cards import card_path, card_query

EMBED_WIDTH = 560
CARD_WIDTH, CARD_HEIGHT = 1200, 630
OEMBED_CACHE_AGE = 86400


def embed_policy():
    """The site's policy with framing allowed from anywhere, for the embed page only."""
    policy = settings.CONTENT_SECURITY_POLICY
    if "frame-ancestors" in policy:
        return re.sub(r"frame-ancestors [^;]*", "frame-ancestors *", policy)
    return f"{policy}; frame-ancestors *".lstrip("; ")


@xframe_options_exempt
def quote_embed(request, slug):
    quote = get_object_or_404(Quote.objects.with_sources(), slug=slug)
    context = {"quote": quote, "page_url": seo.absolute(request, quote.get_absolute_url())}
    response = render(request, "archive/quote_embed.html", context)
    response["Content-Security-Policy"] = embed_policy()
    return response


def embed_size(quote, maxwidth=None, maxheight=None):
    """The iframe's size: wide enough to read, tall enough for the words and the attribution
    (estimated from their length at the embed's type sizes), within the consumer's limits."""
    width = min(EMBED_WIDTH, maxwidth or EMBED_WIDTH)
    text_width = max(width - 52, 100)
    caption = " ".join(
        [
            quote.speaker.name,
            quote.meeting.title if quote.meeting else "",
            quote.said_on_display,
            "Reported in",
            quote.article.title,
            quote.article.outlet.name,
            quote.article.published_display,
        ]
    )
    quote_lines = math.ceil(len(quote.text) * 10.5 / text_width)
    caption_lines = math.ceil(len(caption) * 8.2 / text_width) + 1
    height = 32 + 10 + 29 * quote_lines + 21 * caption_lines + 36
    if maxheight:
        height = min(height, maxheight)
    return width, height


def embed_code(request, quote, maxwidth=None, maxheight=None):
    width, height = embed_size(quote, maxwidth, maxheight)
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="Quotation: {}, {}" '
        'style="border:1px solid #d7d5cc;border-radius:4px;max-width:100%" loading="lazy">'
        "</iframe>",
        seo.absolute(request, f"{quote.get_absolute_url()}embed/"),
        width,
        height,
        quote.speaker.name,
        quote.said_on_display,
    )


def oembed_discovery(request, page_url):
    return seo.absolute(request, "/oembed?" + urlencode({"url": page_url, "format": "json"}))


def _text(status, message):
    return HttpResponse(f"{message}\n", status=status, content_type="text/plain; charset=utf-8")


def _positive(value):
    if value in (None, ""):
        return None
    if not (value.isascii() and value.isdigit()) or int(value) == 0:
        raise ValueError(value)
    return int(value)


def _record(request, url):
    """The quote or meeting a URL of this site names, or Http404."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[" and the like
        raise Http404("not an address") from None
    ours = urlsplit(seo.absolute(request, "/"))
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != ours.netloc.lower():
        raise Http404("not an address of this site")
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise Http404("no such page") from None
    slug = match.kwargs.get("slug")
    if match.view_name in ("archive:quote", "share:quote_embed"):
        return get_object_or_404(Quote.objects.with_sources(), slug=slug)
    if match.view_name == "archive:meeting":
        meeting = catalogue.current().find(Meeting, slug)
        if meeting is None:
            raise Http404("no such meeting")
        return meeting
    raise Http404("only quotations and meetings can be embedded")


def oembed(request):
    """oEmbed 1.0: `rich` (an iframe) for a quotation, `link` for a meeting; JSON only."""
    response_format = request.GET.get("format", "json")
    if response_format != "json":
        return _text(501, f"format={response_format} is not available: use format=json.")
    url = request.GET.get("url", "")
    if not url:
        return _text(400, "Give the page to embed: /oembed?url=<address of a quote or meeting>")
    try:
        maxwidth = _positive(request.GET.get("maxwidth"))
        maxheight = _positive(request.GET.get("maxheight"))
    except ValueError:
        return _text(400, "maxwidth and maxheight are whole numbers of pixels above 0.")
    try:
        record = _record(request, url)
    except Http404 as error:
        return _text(404, f"Nothing to embed at {url}: {error}.")
    data = {
        "version": "1.0",
        "provider_name": seo.SITE_NAME,
        "provider_url": seo.absolute(request, "/"),
        "cache_age": OEMBED_CACHE_AGE,
    }
    if isinstance(record, Quote):
        width, height = embed_size(record, maxwidth, maxheight)
        data.update(
            type="rich",
            title=f"{record.speaker.name}, {record.said_on_display}",
            author_name=record.speaker.name,
            author_url=seo.absolute(request, record.speaker.get_absolute_url()),
            html=str(embed_code(request, record, maxwidth, maxheight)),
            width=width,
            height=height,
        )
        card = card_path("quotes", record.slug)
    else:
        data.update(type="link", title=f"{record.title}, {record.date_display}")
        card = card_path("meetings", record.slug)
    # The card as thumbnail, where it fits the consumer's limits.
    if (maxwidth or CARD_WIDTH) >= CARD_WIDTH and (maxheight or CARD_HEIGHT) >= CARD_HEIGHT:
        data.update(
            thumbnail_url=seo.absolute(request, card + card_query()),
            thumbnail_width=CARD_WIDTH,
            thumbnail_height=CARD_HEIGHT,
        )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response

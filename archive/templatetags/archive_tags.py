from django import template
from django.utils.html import format_html

from .. import seo

register = template.Library()


@register.simple_tag
def jsonld(data):
    """The page's schema.org description as a JSON-LD data block (not a script that runs)."""
    if not data:
        return ""
    return format_html(
        '<script type="application/ld+json">{}</script>', seo.jsonld_script_body(data)
    )


@register.simple_tag(takes_context=True)
def nav_link(context, path, label):
    """A main-menu link, marked as the current section when the page is inside it."""
    request = context.get("request")
    current = request is not None and (
        request.path == path if path == "/" else request.path.startswith(path)
    )
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', path, label)
    return format_html('<a href="{}">{}</a>', path, label)


@register.filter
def script_lang(text):
    """A lang code for a name in Hangul or Cyrillic, so screen readers pronounce it right."""
    for char in text:
        if "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff":
            return "ko"
        if "\u0400" <= char <= "\u04ff":
            return "ru"
        if "\u4e00" <= char <= "\u9fff":
            return "zh"
    return ""

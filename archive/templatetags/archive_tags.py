import functools
from html import escape

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import seo

register = template.Library()


@register.simple_tag
@functools.cache
def asset(path):
    """{% static %}, worked out once per process: the files and their hashed names (the
    manifest) only change with a deploy, which restarts the server. Every page names four."""
    return static(path)


@receiver(setting_changed)
def _forget_assets(setting, **kwargs):
    # Tests switch the storage on and off (settings never change while serving).
    if setting in ("STATIC_URL", "STATIC_ROOT", "STORAGES"):
        asset.cache_clear()


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


@register.simple_tag
def quote_figure(quote, anchor=False, hide_speaker=False, hide_meeting=False):
    """One quotation with its attribution: the quote, who said it, when and where, the channel
    that first carried it and the article we took it from.

    Built in Python rather than an {% include %}: pages list up to fifty of these, and as a
    template each cost more than the rest of a quote page's rendering put together. Escaped with
    the standard library's html.escape (what Django's escape() calls) rather than format_html:
    measured, a fifth of the time for the same output, and a meeting page shows fifty.
    anchor: give it an id, so #q-slug can target it; hide_speaker, hide_meeting: for pages that
    already say who or where (a person's or a meeting's own page).
    """
    speaker, meeting, article = quote.speaker, quote.meeting, quote.article
    parts = [
        f'<figure class="quote{" quote--fragment" if quote.is_fragment else ""}"',
        f' id="{escape(quote.anchor)}">' if anchor else ">",
        f"\n  <blockquote><p>{escape(quote.text)}</p></blockquote>\n  <figcaption>\n    ",
    ]
    if not hide_speaker:
        parts.append(_link("quote__speaker", speaker.get_absolute_url(), speaker.name) + ",")
    parts.append(f'\n    <span class="quote__date">{escape(quote.said_on_display)}</span>')
    if meeting is not None and not hide_meeting:
        parts.append(f", at {_link('', meeting.get_absolute_url(), meeting.title)}")
    parts.append(".\n    ")
    if quote.is_fragment:
        parts.append('<span class="tag">Fragment in a paraphrase</span>')
    parts.append('\n    <span class="quote__source">')
    if quote.channel_id:
        channel = quote.channel
        note = f" ({escape(quote.channel_note)})" if quote.channel_note else ""
        link = _link("", channel.get_absolute_url(), channel.name)
        parts.append(f"First carried by {link}{note}; quoted")
    else:
        parts.append("Quoted")
    parts.append(
        f" in {_link('', article.get_absolute_url(), article.title)}"
        f" ({escape(article.outlet.name)}).</span>\n"
        f'    <a class="quote__permalink" href="{escape(quote.get_absolute_url())}">Permalink'
        f'<span class="visually-hidden"> to this quotation by {escape(speaker.name)}</span></a>\n'
        "  </figcaption>\n</figure>"
    )
    return mark_safe("".join(parts))


def _link(css_class, href, text):
    attribute = f' class="{css_class}"' if css_class else ""
    return f'<a{attribute} href="{escape(href)}">{escape(text)}</a>'


@register.simple_tag
def article_item(article, hide_outlet=False):
    """An article in a list: its title, linked, and its outlet and date. In Python for the same
    reason as quote_figure: as an {% include %}, ten of these cost a whole millisecond."""
    outlet = "" if hide_outlet else f"{escape(article.outlet.name)} · "
    if article.published:
        date = (
            f'<time datetime="{escape(article.published.isoformat())}">'
            f"{escape(article.published_display)}</time>"
        )
    else:
        date = "Date unknown"
    return mark_safe(
        '<li class="article-item">\n'
        f"  {_link('', article.get_absolute_url(), article.title)}\n"
        f'  <span class="article-item__meta">{outlet}{date}</span>\n'
        "</li>\n"
    )


@register.simple_tag
def meeting_item(meeting):
    """A meeting in a list: its title, linked, date, place and kind (see article_item)."""
    kind = " meeting-item--putin-kim" if meeting.is_putin_kim else ""
    start, date = escape(meeting.start.isoformat()), escape(meeting.date_display)
    return mark_safe(
        f'<li class="meeting-item{kind}">\n'
        f"  {_link('meeting-item__title', meeting.get_absolute_url(), meeting.title)}\n"
        f'  <span class="meeting-item__meta"><time datetime="{start}">{date}</time>'
        f" · {escape(meeting.place_display)} · {escape(meeting.get_kind_display())}</span>\n"
        "</li>\n"
    )

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


@register.simple_tag
def quote_figure(quote, anchor=False, hide_speaker=False, hide_meeting=False):
    """One quotation with its attribution: the quote, who said it, when and where, the channel
    that first carried it and the article we took it from.

    Built in Python rather than an {% include %}: pages list up to fifty of these, and as a
    template each cost more than the rest of a quote page's rendering put together.
    anchor: give it an id, so #q-slug can target it; hide_speaker, hide_meeting: for pages that
    already say who or where (a person's or a meeting's own page).
    """
    speaker = ""
    if not hide_speaker:
        speaker = format_html(
            '<a class="quote__speaker" href="{}">{}</a>,',
            quote.speaker.get_absolute_url(),
            quote.speaker.name,
        )
    meeting = ""
    if quote.meeting_id and not hide_meeting:
        meeting = format_html(
            ', at <a href="{}">{}</a>', quote.meeting.get_absolute_url(), quote.meeting.title
        )
    if quote.channel_id:
        source = format_html(
            'First carried by <a href="{}">{}</a>{}; quoted',
            quote.channel.get_absolute_url(),
            quote.channel.name,
            format_html(" ({})", quote.channel_note) if quote.channel_note else "",
        )
    else:
        source = "Quoted"
    article = quote.article
    return format_html(
        '<figure class="quote{}"{}>\n'
        "  <blockquote><p>{}</p></blockquote>\n"
        "  <figcaption>\n"
        "    {}\n"
        '    <span class="quote__date">{}</span>{}.\n'
        "    {}\n"
        '    <span class="quote__source">{} in <a href="{}">{}</a> ({}).</span>\n'
        '    <a class="quote__permalink" href="{}">Permalink<span class="visually-hidden">'
        " to this quotation by {}</span></a>\n"
        "  </figcaption>\n"
        "</figure>",
        " quote--fragment" if quote.is_fragment else "",
        format_html(' id="{}"', quote.anchor) if anchor else "",
        quote.text,
        speaker,
        quote.said_on_display,
        meeting,
        mark_safe('<span class="tag">Fragment in a paraphrase</span>') if quote.is_fragment else "",
        source,
        article.get_absolute_url(),
        article.title,
        article.outlet.name,
        quote.get_absolute_url(),
        quote.speaker.name,
    )

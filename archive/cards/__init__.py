"""Link-preview cards: a 1200 × 630 PNG for each meeting, person, outlet, article and quote (and
one for the site), drawn by the server from the record, with the alt text that describes it.

Pages name their card in og:image / twitter:image (archive/seo.py); archive/views/sharing.py
serves it, cached per data version. fonts.py says which fonts draw it, draw.py how.
"""

from django.utils.text import Truncator

from .. import graphics
from ..seo import SITE_DESCRIPTION, SITE_NAME
from .draw import ACCENT, HEIGHT, MUTED, RULE, WIDTH, Canvas, fit, locator_map, wrap

LEFT = 64
RIGHT = WIDTH - 64
FOOTER_Y = 556


def _frame(kind):
    canvas = Canvas()
    canvas.rect((0, 0, 16, HEIGHT), ACCENT)
    if kind:
        canvas.text(LEFT, 92, kind.upper(), "bold", 24, ACCENT)
    canvas.rect((LEFT, FOOTER_Y, RIGHT, FOOTER_Y + 2), RULE)
    canvas.text(LEFT, FOOTER_Y + 48, SITE_NAME, "bold", 28, ACCENT)
    tagline = "Putin–Kim meetings: what was said, who said it, who reported it"
    width = canvas.width_of(tagline, "sans", 22)
    canvas.text(RIGHT - width, FOOTER_Y + 46, tagline, "sans", 22, MUTED)
    return canvas


def _names(people):
    return ", ".join(person.name for person in people)


# Meetings


def meeting_card(meeting, participants, located_meetings):
    canvas = _frame("Meeting")
    drawing = graphics.locator_map(meeting, located_meetings)
    text_right = 650 if drawing else RIGHT
    width = text_right - LEFT
    size, title = fit(canvas, meeting.title, "bold", (56, 48, 42, 36), width, 3)
    y = canvas.lines(LEFT, 110, title, "bold", size, leading=1.2)
    y = canvas.lines(LEFT, y + 14, [meeting.date_display], "sans", 30, MUTED)
    y = canvas.lines(
        LEFT, y + 4, wrap(canvas, meeting.place_display, "sans", 28, width, 2), "sans", 28, MUTED
    )
    if participants:
        lines = wrap(canvas, f"With {_names(participants)}", "sans", 26, width, 3)
        canvas.lines(LEFT, y + 16, lines, "sans", 26)
    if drawing:
        locator_map(canvas, drawing, (690, 130, RIGHT, 130 + (RIGHT - 690) * 2 // 3))
    return canvas


def meeting_alt(meeting, participants):
    parts = [f"{meeting.title}: {meeting.date_display}, {meeting.place_display}"]
    if participants:
        parts.append(f"with {_names(participants)}")
    if meeting.has_coordinates:
        parts.append("a map marks the place among the archive's other meeting places")
    return f"{SITE_NAME} card. " + "; ".join(parts) + "."


# Quotations


def _occasion(quote):
    meeting = quote.meeting.title if quote.meeting else ""
    return " · ".join(part for part in (quote.said_on_display, meeting) if part)


def quote_card(quote):
    canvas = _frame("")
    canvas.text(LEFT - 8, 150, "\u201c", "serif", 140, ACCENT)
    width = RIGHT - LEFT
    words = f"{quote.text.strip()}\u201d"
    for size in (54, 48, 42, 38, 34, 30, 27):
        lines = wrap(canvas, words, "serif", size, width, max_lines=int(300 / (size * 1.3)))
        if not lines[-1].endswith("…"):
            break
    y = canvas.lines(LEFT, 110, lines, "serif", size, leading=1.3)
    y = max(y + 24, 420)
    y = canvas.lines(LEFT, y, [f"— {quote.speaker.name}"], "bold", 32)
    canvas.lines(
        LEFT, y + 2, wrap(canvas, _occasion(quote), "sans", 24, width, 1), "sans", 24, MUTED
    )
    return canvas


def quote_alt(quote):
    words = Truncator(quote.text.strip()).words(60, "…")
    return f"{SITE_NAME} card. {quote.speaker.name}: \u201c{words}\u201d ({_occasion(quote)})."


# People, outlets, articles and the site


def person_card(person, roles):
    canvas = _frame("Institution" if person.is_organisation else "Person")
    width = RIGHT - LEFT
    size, name = fit(canvas, person.name, "bold", (72, 60, 48), width, 2)
    y = canvas.lines(LEFT, 110, name, "bold", size, leading=1.2)
    if person.aliases:
        aliases = wrap(canvas, " · ".join(person.aliases), "sans", 34, width, 2)
        y = canvas.lines(LEFT, y + 16, aliases, "sans", 34, MUTED)
    details = [role.title for role in roles[:3]] or [person.country_name]
    canvas.lines(
        LEFT,
        y + 20,
        wrap(canvas, "; ".join(filter(None, details)), "sans", 28, width, 3),
        "sans",
        28,
    )
    return canvas


def person_alt(person, roles):
    parts = [person.name, *person.aliases[:4], *(role.title for role in roles[:3])]
    return f"{SITE_NAME} card. " + "; ".join(parts) + "."


def outlet_card(outlet):
    canvas = _frame("Outlet")
    width = RIGHT - LEFT
    size, name = fit(canvas, outlet.name, "bold", (72, 60, 48), width, 2)
    y = canvas.lines(LEFT, 110, name, "bold", size, leading=1.2)
    detail = ", ".join(filter(None, [outlet.get_kind_display(), outlet.country_name]))
    canvas.lines(LEFT, y + 20, [detail], "sans", 32, MUTED)
    return canvas


def outlet_alt(outlet):
    detail = ", ".join(filter(None, [outlet.get_kind_display(), outlet.country_name]))
    return f"{SITE_NAME} card. {outlet.name}: {detail}."


def article_card(article, authors):
    canvas = _frame("Article")
    width = RIGHT - LEFT
    size, title = fit(canvas, article.title, "bold", (56, 48, 42, 36), width, 4)
    y = canvas.lines(LEFT, 110, title, "bold", size, leading=1.2)
    y = canvas.lines(
        LEFT, y + 16, [f"{article.outlet.name} · {article.published_display}"], "sans", 30, MUTED
    )
    if authors:
        canvas.lines(
            LEFT, y + 4, wrap(canvas, f"By {_names(authors)}", "sans", 28, width, 2), "sans", 28
        )
    return canvas


def article_alt(article, authors):
    by = f", by {_names(authors)}" if authors else ""
    return (
        f"{SITE_NAME} card. {article.title}: {article.outlet.name}, "
        f"{article.published_display}{by}."
    )


def site_card():
    canvas = _frame("")
    y = canvas.lines(LEFT, 120, [SITE_NAME], "bold", 88)
    canvas.lines(
        LEFT, y + 24, wrap(canvas, SITE_DESCRIPTION, "sans", 36, RIGHT - LEFT, 5), "sans", 36, MUTED
    )
    return canvas


SITE_ALT = f"{SITE_NAME} card: {SITE_DESCRIPTION}"

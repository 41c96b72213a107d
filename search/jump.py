"""Jump to: the people, meetings and outlets whose names fit what a reader is typing.

The header's search box asks /search/jump.json?q=… as the reader types (search/static/search/
jump.js) and lists up to MAX_ITEMS records to go to straight away. A record fits when every typed
word starts a word of its name (the last word may be half typed): "lav" finds Sergey Lavrov,
"kim jo" Kim Jong Un and Kim Yo-jong; a meeting fits by its title, city or venue, an outlet by its
name. Other spellings of names and places count (archive.names): "Пхеньян" finds the Pyongyang
meetings. The archive holds about a hundred such records, so they are read and matched in Python.
"""

from archive import names
from archive.models import Meeting, Outlet, Person

from .query import clean_text

MAX_ITEMS = 8
MIN_CHARACTERS = 2
MAX_CHARACTERS = 100


def jump_targets(text):
    """[{"type", "name", "detail", "url"}] for the records whose names fit `text`, best first."""
    text = clean_text(text or "")[:MAX_CHARACTERS]
    typed = names.fold(text)
    if len("".join(typed)) < MIN_CHARACTERS:
        return []
    respelled = names.name_table().normalise_words(typed)
    found = []
    for person in Person.objects.order_by("-is_leader", "name"):
        if _fits([person.name, *person.aliases], typed, respelled):
            found.append(_item("person", person.name, person.country_name, person))
    for meeting in Meeting.objects.order_by("-start"):
        if _fits([meeting.title, meeting.city, meeting.venue], typed, respelled):
            found.append(_item("meeting", meeting.title, meeting.date_display, meeting))
    for outlet in Outlet.objects.order_by("name"):
        if _fits([outlet.name], typed, respelled):
            found.append(_item("outlet", outlet.name, outlet.get_kind_display(), outlet))
    return found[:MAX_ITEMS]


def _fits(texts, typed, respelled):
    words = [word for text in texts if text for word in names.fold(text)]
    return any(
        all(any(word.startswith(part) for word in words) for part in candidate)
        for candidate in {typed, respelled}
    )


def _item(kind, name, detail, record):
    return {"type": kind, "name": name, "detail": detail or "", "url": record.get_absolute_url()}

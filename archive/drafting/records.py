"""A draft as fixture records: articles, quotes, and people and outlets only for new names.

Every record carries `draft: true` and a `why:` note for each guess; the loader refuses both
(archive/loading/validation.py) until the editor has reviewed the record and removed them.
"""

import re

import yaml

from ..names import fold
from .reference import family_names

STOPWORDS = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "is", "as", "with", "our"}


def slugify(text, words=6):
    parts = [w for w in fold(text) if w.isascii() and w not in STOPWORDS][:words]
    return "-".join(parts) or "untitled"


def article_record(draft, reference, outlet=None, people_mentioned=(), source_name=None):
    page = draft.page
    why = {}
    outlet_slug = outlet or detect_outlet(page, reference)
    if outlet is None:
        why["outlet"] = (
            f"the page names {page.title_outlet!r}" if outlet_slug else "not found: pass --outlet"
        )
    year = str(page.published.year) if page.published else ""
    record = {
        "slug": "-".join(p for p in (outlet_slug or "", year, slugify(page.title)) if p),
        "title": page.title or None,
        "outlet": outlet_slug,
    }
    if not page.title:
        why["title"] = "the page has no headline: write one in our own words (beyond_sources)"
    authors = [author_slug(name, reference, draft) for name in page.authors]
    if authors:
        record["authors"] = authors
        why["authors"] = "the byline"
    if page.published is not None:
        record["published"] = str(page.published)
        why["published"] = page.published_why
    if page.url:
        record["url"] = page.url
    record["summary"] = ""
    why["summary"] = "ours to write: a summary in our own words, never the outlet's"
    meetings = sorted({q.meeting for q in draft.kept if q.meeting})
    if meetings:
        record["meetings"] = meetings
    mentioned = [slug for slug in people_mentioned if slug not in authors]
    if mentioned:
        record["people_mentioned"] = mentioned
    record["seed_document"] = source_name
    why["seed_document"] = (
        "the drafted file's name: keep the source text in shared/seeds/ under it"
        if source_name
        else "required: the name of the source document's file in shared/seeds/"
    )
    record["draft"] = True
    record["why"] = why
    return record


def detect_outlet(page, reference):
    if page.title_outlet:
        return reference.outlet_spellings.get(fold(page.title_outlet))
    return None


def author_slug(name, reference, draft):
    slug = reference.spellings.get(fold(name))
    if slug:
        return slug
    return draft_propose(draft, name, "named in the byline")


def draft_propose(draft, name, why):
    slug = "-".join(fold(name))
    draft.proposed_people.setdefault(slug, {"name": name, "why": why})
    return slug


def quote_records(draft, article_slug, reference=None):
    records, used = [], set()
    for quotation in draft.kept:
        base = quote_slug(quotation, reference)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        record = {"slug": slug, "text": quotation.text, "speaker": quotation.speaker}
        if quotation.meeting:
            record["meeting"] = quotation.meeting
        if quotation.said_on is not None:
            record["said_on"] = str(quotation.said_on)
        if quotation.channel:
            record["channel"] = quotation.channel
        if quotation.channel_note:
            record["channel_note"] = quotation.channel_note
        record["article"] = article_slug
        if quotation.is_fragment:
            record["is_fragment"] = True
        record["draft"] = True
        record["confidence"] = round(quotation.confidence, 2)
        record["why"] = {"paragraph": f"¶{quotation.number}", **quotation.notes}
        records.append(record)
    return records


def quote_slug(quotation, reference):
    """'putin-2024-today-we-have-taken': the speaker's family name, the year, the first words."""
    person = reference.people.get(quotation.speaker) if reference else None
    names = sorted(family_names(person)) if person else []
    if person and person.get("is_organisation"):  # "kcna", "kremlin", "government"
        ascii_aliases = [a for a in person.get("aliases") or () if a.isascii()]
        names = [
            slugify(min(ascii_aliases, key=len))
            if ascii_aliases
            else quotation.speaker.split("-")[-1]
        ]
    who = names[0] if names else (quotation.speaker or "unknown").split("-")[0]
    year = f"-{quotation.said_on.year}" if quotation.said_on else ""
    return f"{who}{year}-{slugify(quotation.text, 4)}"


def people_records(draft):
    return [
        {"slug": slug, "name": data["name"], "draft": True, "why": {"name": data["why"]}}
        for slug, data in draft.proposed_people.items()
    ]


def outlet_records(draft):
    return [
        {
            "slug": slug,
            "name": data["name"],
            "kind": "news",
            "draft": True,
            "why": {"name": data["why"], "kind": "a guess: check it"},
        }
        for slug, data in draft.proposed_outlets.items()
    ]


class DraftDumper(yaml.SafeDumper):
    pass


def represent_text(dumper, text):
    long = "\n" in text or (len(text) > 90 and " " in text)
    style = "|" if long and not re.search(r"[ \t]\n|\n[ \t]|^\s|\s$", text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


DraftDumper.add_representer(str, represent_text)


def dump(records):
    return yaml.dump(records, Dumper=DraftDumper, allow_unicode=True, sort_keys=False, width=100)


def draft_files(draft, reference, outlet=None, source_name=None):
    """{file name: YAML text} for the files a draft fills (people/outlets only if new ones)."""
    mentioned = people_mentioned(draft)
    article = article_record(draft, reference, outlet, mentioned, source_name)
    files = {
        "articles.yaml": dump([article]),
        "quotes.yaml": dump(quote_records(draft, article["slug"], reference)),
    }
    if draft.proposed_people:
        files["people.yaml"] = dump(people_records(draft))
    if draft.proposed_outlets:
        files["outlets.yaml"] = dump(outlet_records(draft))
    return {name: files[name] for name in ORDER if name in files}


ORDER = ["outlets.yaml", "people.yaml", "articles.yaml", "quotes.yaml"]


def people_mentioned(draft):
    """The speakers, then everyone else the article names (the editor prunes)."""
    found = []
    for slug in [q.speaker for q in draft.kept] + draft.people_named:
        if slug and slug not in found:
            found.append(slug)
    return found

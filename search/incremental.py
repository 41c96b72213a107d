"""Updating only the search documents a load changed, instead of rebuilding the whole index.

save_archive reports which slugs of which models were created, updated or deleted. A document
also carries words of the records it points at (a quote its speaker's names, its meeting's and
article's titles, its outlet's name), so a change to a person, meeting, article or outlet touches
their dependants' documents too (`affected`).

The caller (search.indexing.update_and_publish) decides whether an update is safe: the live
index must have been built from the load just before this one, with the same schema and the same
name spellings (archive.names rewrites other spellings into every document that has them, so a
changed alias can touch any document), and the change must be small; else it rebuilds.

On Whoosh the live index directory is copied to a new one with hard links (Whoosh never rewrites
a segment's files: deletions and new segments are recorded in a new table of contents), the
deletes and adds are applied there in one writer commit, and the copy is published by the same
pointer swap as a full build. Readers stay on the old directory until the swap.
"""

import os
from dataclasses import dataclass, field

from django.db.models import Q
from haystack.constants import ID
from haystack.utils import get_identifier

from archive.models import Article, Meeting, Outlet, Person, Quote

# Above this share of the index's documents (and this many) a full rebuild is cheaper.
LARGEST_SHARE = 0.10
ALWAYS_UPDATED = 100


def too_many(count, documents):
    return count > max(LARGEST_SHARE * documents, ALWAYS_UPDATED)


# Updates add a segment each, kept as they are; past this many, small segments are merged.
MERGE_FROM_SEGMENTS = 12

MODEL_OF_FILE = {
    "outlets": Outlet,
    "people": Person,
    "meetings": Meeting,
    "articles": Article,
    "quotes": Quote,
}
INDEXED = (Quote, Article, Meeting, Person)


@dataclass
class Affected:
    """Primary keys whose documents must be rewritten (or removed if the row is gone), and the
    identifiers of the documents of deleted rows."""

    pks: dict = field(default_factory=dict)  # model -> {pk}
    removed: set = field(default_factory=set)  # haystack identifiers ("archive.quote.7")

    def __len__(self):
        return sum(len(pks) for pks in self.pks.values()) + len(self.removed)


def affected(counts):
    """The documents a load changed, from save_archive's {file name: ModelCounts}."""
    changed = {model: set() for model in MODEL_OF_FILE.values()}
    result = Affected(pks={model: set() for model in INDEXED})
    for name, model_counts in counts.items():
        model = MODEL_OF_FILE[name]
        slugs = model_counts.created_slugs | model_counts.updated_slugs
        if slugs:
            changed[model] = set(model.objects.filter(slug__in=slugs).values_list("pk", flat=True))
        if model in INDEXED:
            label = model._meta.label_lower
            result.removed |= {f"{label}.{pk}" for pk in model_counts.deleted_pks}
    people, meetings = changed[Person], changed[Meeting]
    articles, outlets = changed[Article], changed[Outlet]
    result.pks[Person] |= people
    result.pks[Meeting] |= meetings | _pks(Meeting, Q(participants__in=people))
    result.pks[Article] |= articles | _pks(
        Article,
        Q(outlet__in=outlets)
        | Q(authors__in=people)
        | Q(people_mentioned__in=people)
        | Q(meetings__in=meetings),
    )
    result.pks[Quote] |= changed[Quote] | _pks(
        Quote,
        Q(speaker__in=people)
        | Q(meeting__in=meetings)
        | Q(article__in=articles)
        | Q(article__outlet__in=outlets)
        | Q(outlet__in=outlets)
        | Q(channel__in=outlets),
    )
    return result


def _pks(model, condition):
    return set(model.objects.filter(condition).values_list("pk", flat=True))


def copy_index(source, target):
    """Hard-link every file of the live index into `target` (a new, empty directory), but the
    write lock and the manifest."""
    from . import live

    for path in source.iterdir():
        if path.is_file() and path.name != live.MANIFEST and not path.name.endswith("LOCK"):
            os.link(path, target / path.name)


def apply(backend, indexes, directory, affected_docs, using):
    """Delete and re-add the affected documents in the index at `directory`, in one commit.
    Returns the change in the number of documents."""
    from whoosh import writing
    from whoosh.filedb.filestore import FileStorage

    from archive.faults import fault_point

    ix = FileStorage(str(directory)).open_index()
    many_segments = len(ix._segments()) >= MERGE_FROM_SEGMENTS
    writer = ix.writer(compound=False)
    delta = 0
    try:
        for identifier in affected_docs.removed:
            delta -= writer.delete_by_term(ID, identifier)
        for model, pks in affected_docs.pks.items():
            if not pks:
                continue
            index = indexes[model]
            for pk in pks:
                delta -= writer.delete_by_term(ID, get_identifier_for(model, pk))
            queryset = index.index_queryset(using=using).filter(pk__in=pks)
            for obj in queryset.iterator(chunk_size=2000):
                doc = backend.whoosh_document(index, obj)
                if doc[ID] != get_identifier(obj):  # pragma: no cover - haystack's own scheme
                    raise ValueError(f"Unexpected document id {doc[ID]!r}")
                writer.add_document(**doc)
                delta += 1
        fault_point("index-write")
        writer.commit(mergetype=writing.MERGE_SMALL if many_segments else writing.NO_MERGE)
    except BaseException:
        writer.cancel()
        raise
    return delta


def get_identifier_for(model, pk):
    return f"{model._meta.label_lower}.{pk}"

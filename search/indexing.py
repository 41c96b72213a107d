"""Rebuilding the search index from the database, atomically.

The new Whoosh index is written beside the live one (search.live), with compound=False segments
and Whoosh's multi-process writer for large archives, then swapped in by one rename of the pointer
file. Readers keep answering from the old index until the swap and from the new one after it; a
failed build leaves the live index untouched. With Elasticsearch configured, the same promise is
kept by an alias moved to a new index (search.elastic.rebuild).
"""

import os
import shutil
import time
from datetime import UTC, datetime

from haystack import connections

from archive.progress import Progress

from . import live, names, wordpairs
from .backend import SummitWhooshBackend

# Below this many documents the worker processes cost more than they save.
MULTIPROCESS_FROM = 5000
WRITER_MEMORY_MB = 256
CHUNK_SIZE = 2000


def rebuild_index(progress=None, using="default"):
    """Build a fresh index of every record and make it live. Returns the number of documents."""
    progress = progress or Progress()
    backend = connections[using].get_backend()
    if not isinstance(backend, SummitWhooshBackend):
        # Elasticsearch: a new index beside the live one, then the alias moved (search.elastic).
        from . import elastic

        names.reset_indexing_table()
        return elastic.rebuild(backend, progress, using)

    started = time.monotonic()
    backend.setup()
    names.reset_indexing_table()
    table = names.indexing_table()
    indexes = connections[using].get_unified_index().get_indexes()
    total = sum(index.index_queryset(using=using).count() for index in indexes.values())
    directory = live.new_directory(backend.path)
    try:
        documents = _write(backend, indexes, directory, total, progress, using)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    live.publish(backend.path, directory, _manifest(documents, table, backend))
    progress.note(
        f"Search index: {documents} documents in {time.monotonic() - started:.1f} s "
        f"({_size_mb(directory):.1f} MB)"
    )
    return documents


def _write(backend, indexes, directory, total, progress, using):
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(directory)).create_index(_schema(backend, indexes, total, using))
    options = {"limitmb": WRITER_MEMORY_MB, "compound": False}
    procs = min(os.cpu_count() or 1, 4)
    if total >= MULTIPROCESS_FROM and procs > 1:
        # Each worker writes its own segment; the segments are kept as they are (no merge pass).
        writer = ix.writer(procs=procs, multisegment=True, batchsize=500, **options)
    else:
        writer = ix.writer(**options)
    documents = 0
    try:
        for index in indexes.values():
            queryset = index.index_queryset(using=using).order_by("pk")
            label = f"Indexing {index.get_model()._meta.verbose_name_plural}"
            objects = queryset.iterator(chunk_size=CHUNK_SIZE)
            for obj in progress.track(objects, label, total=queryset.count()):
                writer.add_document(**backend.whoosh_document(index, obj))
                documents += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return documents


def _schema(backend, indexes, total, using):
    """The backend's schema, pairing the words common in a sample of the documents."""
    step = max(1, total // wordpairs.SAMPLE_SIZE)
    texts = []
    for index in indexes.values():
        queryset = index.index_queryset(using=using).order_by("pk")
        pks = list(queryset.values_list("pk", flat=True)[::step])
        for start in range(0, len(pks), CHUNK_SIZE):
            for obj in queryset.filter(pk__in=pks[start : start + CHUNK_SIZE]):
                texts.append(backend.whoosh_document(index, obj)[backend.content_field_name])
    analyzer = backend.schema[backend.content_field_name].analyzer
    schema = backend.schema.copy()
    schema.remove(wordpairs.FIELD)
    schema.add(wordpairs.FIELD, wordpairs.field_type(wordpairs.common_terms(texts, analyzer)))
    return schema


def _manifest(documents, table, backend):
    """What the index was built with; the backend reads the name variants for highlighting."""
    analyzer = backend.schema[backend.content_field_name].analyzer
    variant_terms = {}
    for word, variants in table.variant_words.items():
        for stem in (token.text for token in analyzer(word)):
            stems = {token.text for variant in variants for token in analyzer(variant)}
            variant_terms.setdefault(stem, set()).update(stems)
    return {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": documents,
        "names_table_version": names.TABLE_VERSION,
        "variant_terms": {key: sorted(values) for key, values in variant_terms.items()},
    }


def _size_mb(directory):
    return sum(path.stat().st_size for path in directory.iterdir()) / 1e6

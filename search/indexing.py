"""Rebuilding the search index from the database, atomically.

The new Whoosh index is written beside the live one (search.live), with compound=False segments
written with their postings in memory (search.memory_writer), by one worker process per core for
large archives (search.writers), then swapped in by one rename of the pointer file. Readers
keep answering from the old index until the swap and from the new one after it; a failed build
leaves the live index untouched. With Elasticsearch configured, the same promise is
kept by an alias moved to a new index (search.elastic.rebuild).

The manifest names the data load (archive.models.DataLoad) the index was built from; once the
index is live that load is published, which gives every page its new version. An index that
was out of step with the newest load (a build killed after the load's commit) is re-versioned.
"""

import hashlib
import json
import os
import shutil
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime

from haystack import connections

from archive import freshness, names
from archive.faults import fault_point
from archive.progress import Progress

from . import incremental, live, wordpairs
from .backend import SummitWhooshBackend
from .memory_writer import MemorySegmentWriter
from .writers import ParallelWriter

# Below this many documents the worker processes cost more than they save.
MULTIPROCESS_FROM = 5000
CHUNK_SIZE = 2000


@dataclass
class IndexReport:
    documents: int
    reversioned: bool  # the pages got a new version with this index


def rebuild_index(progress=None, using="default"):
    """Build a fresh index of every record and make it live. Returns the number of documents."""
    return rebuild_and_publish(progress, using).documents


def rebuild_and_publish(progress=None, using="default", reversion=False):
    """Build a fresh index of every record, make it live and publish the newest data load.
    `reversion` gives the pages a new version even when the old index was in step."""
    progress = progress or Progress()
    load = freshness.last_load()
    backend = connections[using].get_backend()
    if not isinstance(backend, SummitWhooshBackend):
        # Elasticsearch: a new index beside the live one, then the alias moved (search.elastic).
        from . import elastic

        names.reset_indexing_table()
        documents = elastic.rebuild(backend, progress, using)
        return IndexReport(documents, bool(load) and freshness.publish_load(load, reversion))

    in_step = load is not None and index_load_id(backend.path) == load.id

    started = time.monotonic()
    backend.setup()
    names.reset_indexing_table()
    table = names.indexing_table()
    indexes = connections[using].get_unified_index().get_indexes()
    total = sum(index.index_queryset(using=using).count() for index in indexes.values())
    directory = live.new_directory(backend.path)
    try:
        documents = _write(backend, indexes, directory, total, progress, using)
        fault_point("before-publish")
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    manifest = _manifest(documents, table, backend, load)
    live.publish(backend.path, directory, manifest)
    reversioned = bool(load) and freshness.publish_load(load, again=reversion or not in_step)
    progress.note(
        f"Search index: {documents} documents in {time.monotonic() - started:.1f} s "
        f"({_size_mb(directory):.1f} MB)"
    )
    return IndexReport(documents, reversioned)


def update_and_publish(counts, progress=None, using="default"):
    """After a load: update only the documents it changed (search.incremental) and publish the
    load, or rebuild everything when an update would not be safe or would not be cheaper."""
    progress = progress or Progress()
    load = freshness.last_load()
    backend = connections[using].get_backend()
    if not isinstance(backend, SummitWhooshBackend):
        # Elasticsearch: its own in-place update through the alias (search.elastic).
        from . import elastic

        names.reset_indexing_table()
        documents = elastic.update(backend, counts, load, progress, using)
        if documents is None:
            return rebuild_and_publish(progress, using)
        return IndexReport(documents, bool(load) and freshness.publish_load(load))

    started = time.monotonic()
    backend.setup()
    names.reset_indexing_table()
    directory = live.live_directory(backend.path)
    manifest = live.read_manifest(directory) if directory else {}
    changed = any(model_counts.changed for model_counts in counts.values())
    reason = _why_rebuild(backend, manifest, load, changed)
    if reason is None and not changed:
        # Nothing to write: publish the load if a build was stopped just before that.
        return IndexReport(manifest["documents"], bool(load) and freshness.publish_load(load))
    if reason is None:
        documents = incremental.affected(counts)
        if incremental.too_many(len(documents), manifest["documents"]):
            reason = f"{len(documents)} documents changed"
    if reason is not None:
        progress.note(f"Search index: rebuilding ({reason})")
        return rebuild_and_publish(progress, using)

    indexes = connections[using].get_unified_index().get_indexes()
    indexes = {index.get_model(): index for index in indexes.values()}
    new = live.new_directory(backend.path)
    try:
        incremental.copy_index(directory, new)
        total = manifest["documents"] + incremental.apply(backend, indexes, new, documents, using)
        fault_point("before-publish")
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    live.publish(backend.path, new, {**manifest, "documents": total, "data_load": load.id})
    reversioned = freshness.publish_load(load)
    progress.note(
        f"Search index: {len(documents)} documents updated in "
        f"{time.monotonic() - started:.2f} s ({total} documents)"
    )
    return IndexReport(total, reversioned)


def _why_rebuild(backend, manifest, load, changed):
    """Why the live index cannot just be updated for this load, or None if it can."""
    if not manifest or "documents" not in manifest:
        return "no live index"
    if manifest.get("names_table_version") != names.TABLE_VERSION:
        return "the names table's rules changed"
    if manifest.get("fields") != sorted(backend.schema.names()):
        return "the schema changed"
    if manifest.get("spellings") != spellings_digest(names.indexing_table()):
        return "the names' spellings changed"
    if load is None:
        return "no data load"
    # The index must hold the data as it was before this load (or this load, if none changed).
    expected = load.id
    if changed:
        before = type(load).objects.filter(id__lt=load.id).order_by("-id").first()
        expected = before.id if before else None
    if manifest.get("data_load") != expected:
        return "the index is out of step with the database"
    return None


def spellings_digest(table):
    """A fingerprint of the spellings the names table rewrites into documents."""
    pairs = sorted(
        (" ".join(spelling), " ".join(name)) for spelling, name in table.spellings.items()
    )
    return hashlib.sha256(json.dumps(pairs, ensure_ascii=False).encode()).hexdigest()[:16]


def index_load_id(root):
    """The id of the data load the live index was built from, or None if unknown."""
    directory = live.live_directory(root)
    return live.read_manifest(directory).get("data_load") if directory else None


def _write(backend, indexes, directory, total, progress, using):
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(directory)).create_index(_schema(backend, indexes, total, using))
    options = {"compound": False}
    procs = min(os.cpu_count() or 1, 4)
    if total >= MULTIPROCESS_FROM and procs > 1:
        # Each worker writes its own segment; the segments are kept as they are (no merge pass).
        # Its workers die with this process and are stopped when the build is (search.writers).
        writer = ParallelWriter(ix, procs=procs, batchsize=500, **options)
    else:
        writer = MemorySegmentWriter(ix, **options)
    documents = 0
    try:
        for index in indexes.values():
            queryset = index.index_queryset(using=using).order_by("pk")
            label = f"Indexing {index.get_model()._meta.verbose_name_plural}"
            objects = progress.track(
                queryset.iterator(chunk_size=CHUNK_SIZE), label, total=queryset.count()
            )
            # Closed here even when interrupted, while the database connection is still open.
            with closing(objects):
                for obj in objects:
                    writer.add_document(**backend.whoosh_document(index, obj))
                    documents += 1
                    if documents == total // 2:
                        fault_point("index-write")
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
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


def _manifest(documents, table, backend, load):
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
        "data_load": load.id if load else None,
        "names_table_version": names.TABLE_VERSION,
        "spellings": spellings_digest(table),
        "fields": sorted(backend.schema.names()),
        "variant_terms": {key: sorted(values) for key, values in variant_terms.items()},
    }


def _size_mb(directory):
    return sum(path.stat().st_size for path in directory.iterdir()) / 1e6

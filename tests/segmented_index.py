"""Search indexes of several segments, laid out by the test.

search.indexing writes one segment per worker process from 5,000 documents on (multi-process
writer, segments not merged); which records land in which segment depends on the batches. Tests
that need a segment with no value at all for a field (only people, only undated quotes...) write
the segments themselves, one list of records each, with the backend's own schema and documents
and the same writer options, then make the index live as search.indexing does.
"""

from django.db.models import Model
from haystack import connections
from whoosh.filedb.filestore import FileStorage

from archive import names
from search import live


def build_segmented_index(segments):
    """Make an index live at the configured PATH with one segment per list of records, in order.
    Returns the live index's directory."""
    backend = connections["default"].get_backend()
    backend.setup()
    unified = connections["default"].get_unified_index()
    names.reset_indexing_table()
    directory = live.new_directory(backend.path)
    ix = FileStorage(str(directory)).create_index(backend.schema)
    for records in segments:
        writer = ix.writer(compound=False)
        for record in records:
            assert isinstance(record, Model), record
            index = unified.get_index(type(record))
            writer.add_document(**backend.whoosh_document(index, record))
        writer.commit(merge=False)
    live.publish(backend.path, directory, {})
    return directory


def segment_columns(directory, fieldname):
    """For each segment of the index: its document count and whether it has `fieldname`'s column."""
    ix = FileStorage(str(directory)).open_index()
    with ix.reader() as reader:
        return [
            (leaf.doc_count_all(), bool(leaf.has_column(fieldname)))
            for leaf, _offset in reader.leaf_readers()
        ]

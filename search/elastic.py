"""haystack's Elasticsearch 7 engine for a cluster of several nodes, searched through an alias.

INDEX_NAME names an alias, never an index: each rebuild writes a new index beside the live one
and moves the alias to it in one request (rebuild()), so a reader never sees an empty or a
half-built index, and a failed build leaves the live one as it was. Beyond haystack's own backend:

- searching never creates an index (haystack's setup() would create one under the alias's name,
  empty, whenever a search came before the first build);
- a cluster that cannot answer raises IndexUnavailable (a SearchBackendError), so search answers
  503 exactly as on Whoosh, instead of haystack's silent "no results";
- snippets come from the stored verbatim text (`body`), as on Whoosh, not from the whole search
  document (which carries names in every spelling and source titles);
- every facet value is counted, as on Whoosh (haystack asks for Elasticsearch's default top ten);
- every index has one primary shard and one replica: any one node of three may stop and searches
  keep answering from the other copy.
"""

import time
import uuid

import elasticsearch
from elasticsearch.helpers import BulkIndexError
from haystack import connections
from haystack.backends.elasticsearch7_backend import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchEngine,
)

from archive import freshness

from .backend import SNIPPET_FIELD, IndexUnavailable
from .scoring import BM25_B, BM25_K1
from .snippets import SNIPPET_CHARS

# How long a rebuild waits for the new index's replica before giving up (the live one stays).
GREEN_TIMEOUT = "60s"
CHUNK_SIZE = 1000
REBUILD_TIMEOUT = 120
# Facet values counted per search: more than the archive has people, meetings or outlets.
FACET_VALUES = 10000


# Whoosh's StemmingAnalyzer (search.backend), rebuilt from Elasticsearch's parts, so both engines
# find the same words: Unicode words, lower case, Whoosh's stop words and words of one letter
# dropped, the Porter stemmer (Elasticsearch's "snowball" is Porter2, which stems some words
# otherwise).
WHOOSH_STOP_WORDS = sorted(
    "a an and are as at be by can for from have if in is it may not of on or tbd that the this "
    "to us we when will with yet you your".split()
)
TEXT_ANALYSIS = {
    "tokenizer": {
        "whoosh_words": {
            "type": "pattern",
            "pattern": r"\w+(\.?\w+)*",
            "group": 0,
            "flags": "UNICODE_CHARACTER_CLASS",
        }
    },
    "filter": {
        "whoosh_stop": {"type": "stop", "stopwords": WHOOSH_STOP_WORDS},
        "whoosh_minsize": {"type": "length", "min": 2},
    },
    "analyzer": {
        "summit_text": {
            "type": "custom",
            "tokenizer": "whoosh_words",
            "filter": ["lowercase", "whoosh_stop", "whoosh_minsize", "porter_stem"],
        }
    },
}


def _merged_analysis(analysis):
    return {
        key: {**analysis.get(key, {}), **TEXT_ANALYSIS.get(key, {})}
        for key in {*analysis, *TEXT_ANALYSIS}
    }


class SummitElasticsearchBackend(Elasticsearch7SearchBackend):
    DEFAULT_SETTINGS = {
        "settings": {
            **Elasticsearch7SearchBackend.DEFAULT_SETTINGS["settings"],
            "analysis": _merged_analysis(
                Elasticsearch7SearchBackend.DEFAULT_SETTINGS["settings"]["analysis"]
            ),
            # One shard: scores from one set of term statistics, as on Whoosh.
            "number_of_shards": 1,
            # Lucene's BM25 with Whoosh's tuning (search/scoring.py): a short fragment must not
            # outrank the full quotation, meeting or article a reader named.
            "similarity": {"default": {"type": "BM25", "b": BM25_B, "k1": BM25_K1}},
            "number_of_replicas": 1,
            # A node that leaves has its copies re-made on the others after 10 s, not a minute:
            # the archive's index is small, and a rebuild waits for its replica.
            "unassigned.node_left.delayed_timeout": "10s",
        }
    }
    DEFAULT_FIELD_MAPPING = {"type": "text", "analyzer": "summit_text"}

    def setup(self):
        """Read the live index's mapping through the alias; create nothing."""
        unified_index = connections[self.connection_alias].get_unified_index()
        self.content_field_name, field_mapping = self.build_schema(unified_index.all_searchfields())
        self.field_mapping = field_mapping
        self.setup_complete = True

    def build_schema(self, fields):
        """haystack's mapping, with the verbatim text analysed too, so it can be highlighted."""
        content_field_name, mapping = super().build_schema(fields)
        mapping[SNIPPET_FIELD] = dict(self.DEFAULT_FIELD_MAPPING)
        return content_field_name, mapping

    def build_search_kwargs(self, query_string, **kwargs):
        """haystack's request, with every facet value counted (as on Whoosh, not the top ten) and
        one snippet of the verbatim text highlighted with the words searched for."""
        search_kwargs = super().build_search_kwargs(query_string, **kwargs)
        # The exact number of matches: OpenSearch stops counting at 10,000 unless asked.
        search_kwargs["track_total_hits"] = True
        for aggregation in search_kwargs.get("aggs", {}).values():
            if "terms" in aggregation:
                aggregation["terms"].setdefault("size", FACET_VALUES)
        if "highlight" in search_kwargs:
            search_kwargs["highlight"] = {
                "fields": {
                    SNIPPET_FIELD: {"number_of_fragments": 1, "fragment_size": SNIPPET_CHARS}
                },
                # The words were searched in the search document; they are shown in the text.
                "require_field_match": False,
                "encoder": "html",
                "pre_tags": ["<em>"],
                "post_tags": ["</em>"],
            }
        return search_kwargs

    def _process_results(self, raw_results, highlight=False, *args, **kwargs):
        """haystack reads the highlight of the search document's field: give it the snippet."""
        for hit in raw_results.get("hits", {}).get("hits", []):
            if "highlight" in hit:
                hit["highlight"] = {self.content_field_name: hit["highlight"].get(SNIPPET_FIELD)}
        return super()._process_results(raw_results, highlight, *args, **kwargs)

    def search(self, query_string, **kwargs):
        try:
            return super().search(query_string, **kwargs)
        except elasticsearch.NotFoundError as error:
            raise IndexUnavailable("The search index has not been built yet.") from error
        except elasticsearch.TransportError as error:
            raise IndexUnavailable(f"The search cluster did not answer: {error}") from error

    def live_indexes(self):
        """The concrete indexes behind the alias (one, except during a swap)."""
        try:
            return sorted(self.conn.indices.get_alias(name=self.index_name))
        except elasticsearch.NotFoundError:
            return []

    def cluster_state(self):
        """The cluster's health: its status, and how many of the configured nodes answer."""
        health = self.conn.cluster.health(params={"timeout": "5s"})
        return {
            "status": health["status"],
            "nodes": health["number_of_nodes"],
            "expected_nodes": len(self.conn.transport.hosts),
        }


class SummitElasticsearchEngine(Elasticsearch7SearchEngine):
    backend = SummitElasticsearchBackend


def index_meta(load):
    """What a build records in its index's mapping (`_meta`), for deciding on an update later."""
    from archive import names

    from . import indexing

    return {
        "data_load": load.id if load else None,
        "names_table_version": names.TABLE_VERSION,
        "spellings": indexing.spellings_digest(names.indexing_table()),
    }


def update(backend, counts, load, progress, using="default"):
    """Rewrite only the documents a load changed, in place through the alias, then refresh.
    Returns the number of documents, or None when a full rebuild is needed instead.

    Atomic enough: each document is replaced whole by its id (a reader never sees it missing or
    half-written), and the refresh at the end makes all of them searchable within one refresh
    (readers may see some of a load's few changed documents a second before the others). The
    pages' version changes only after the refresh, so no page of the new version is built from
    the old documents."""
    from archive import names

    from . import incremental

    started = time.monotonic()
    backend.setup()
    changed = any(model_counts.changed for model_counts in counts.values())
    live = backend.live_indexes()
    if len(live) != 1 or load is None:
        return None
    mapping = backend.conn.indices.get_mapping(index=live[0])[live[0]]["mappings"]
    meta = mapping.get("_meta", {})
    expected = load.id
    if changed:
        before = type(load).objects.filter(id__lt=load.id).order_by("-id").first()
        expected = before.id if before else None
    wanted = index_meta(load)
    if (
        meta.get("data_load") != expected
        or meta.get("names_table_version") != wanted["names_table_version"]
        or meta.get("spellings") != wanted["spellings"]
    ):
        return None
    total = backend.conn.count(index=live[0])["count"]
    documents = incremental.affected(counts)
    if incremental.too_many(len(documents), total):
        return None
    indexes = connections[using].get_unified_index().get_indexes()
    indexes = {index.get_model(): index for index in indexes.values()}
    for identifier in documents.removed:
        backend.remove(identifier, commit=False)
    for model, pks in documents.pks.items():
        found = set()
        if pks:
            objects = list(indexes[model].index_queryset(using=using).filter(pk__in=pks))
            found = {obj.pk for obj in objects}
            _bulk(backend, indexes[model], objects)
        for pk in pks - found:
            backend.remove(incremental.get_identifier_for(model, pk), commit=False)
    backend.conn.indices.refresh(index=live[0])
    backend.conn.indices.put_mapping(index=live[0], body={"_meta": wanted})
    names.reset_indexing_table()
    progress.note(
        f"Search index: {len(documents)} documents updated in "
        f"{time.monotonic() - started:.2f} s (index {live[0]})"
    )
    return backend.conn.count(index=live[0])["count"]


def rebuild(backend, progress, using="default"):
    """Index every record into a new index, then point the alias at it and remove the old ones.

    Returns the number of documents. Until the swap, readers search the old index (or, before the
    first build, get 503); if anything fails before it, the new index is deleted and the alias is
    left where it was."""
    started = time.monotonic()
    backend.setup()
    alias = backend.index_name
    # Longer than a search may wait: a node leaving midway holds writes until its shards' other
    # copies take over (seconds), and the rebuild waits for the new index's replica.
    conn = elasticsearch.Elasticsearch(
        backend.conn.transport.hosts,
        timeout=REBUILD_TIMEOUT,
        max_retries=5,
        retry_on_timeout=True,
    )
    new = f"{alias}-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
    indexes = connections[using].get_unified_index().get_indexes()
    body = {
        **backend.DEFAULT_SETTINGS,
        "mappings": {
            **backend._get_current_mapping(backend.field_mapping),
            "_meta": index_meta(freshness.last_load()),
        },
    }
    # During the build: no refreshes until the end (faster), then the replica before the swap.
    body["settings"] = {**body["settings"], "refresh_interval": "-1"}
    # Both copies started before any write: a node leaving midway then leaves a whole copy.
    conn.indices.create(index=new, body=body, params={"wait_for_active_shards": "all"})
    try:
        documents = _write(backend, conn, new, indexes, progress, using)
        conn.indices.put_settings(index=new, body={"index": {"refresh_interval": "1s"}})
        conn.indices.refresh(index=new)
        health = conn.cluster.health(
            index=new, params={"wait_for_status": "green", "timeout": GREEN_TIMEOUT}
        )
        if health.get("timed_out"):
            raise IndexUnavailable(f"The new index {new} has no replica after {GREEN_TIMEOUT}.")
        indexed = conn.count(index=new)["count"]
        if indexed != documents:
            raise IndexUnavailable(f"The new index {new} holds {indexed} of {documents} documents.")
        old = backend.live_indexes()
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        if conn.indices.exists(index=alias) and not old:
            # An index under the alias's own name (haystack's plain rebuild): replaced in the swap.
            actions.append({"remove_index": {"index": alias}})
        actions.append({"add": {"index": new, "alias": alias}})
        conn.indices.update_aliases(body={"actions": actions})
    except BaseException:
        conn.indices.delete(index=new, ignore=[404])
        raise
    _remove_old(conn, alias, keep=new)
    progress.note(
        f"Search index: {documents} documents in {time.monotonic() - started:.1f} s "
        f"(index {new} behind alias {alias})"
    )
    return documents


def _write(backend, conn, new, indexes, progress, using):
    """Every record of every search index, in bulk requests of CHUNK_SIZE, into `new`."""
    writer = type(backend).__new__(type(backend))
    writer.__dict__.update(backend.__dict__)
    writer.index_name = new
    writer.conn = conn
    documents = 0
    for index in indexes.values():
        queryset = index.index_queryset(using=using).order_by("pk")
        label = f"Indexing {index.get_model()._meta.verbose_name_plural}"
        chunk = []
        objects = queryset.iterator(chunk_size=CHUNK_SIZE)
        for obj in progress.track(objects, label, total=queryset.count()):
            chunk.append(obj)
            if len(chunk) == CHUNK_SIZE:
                documents += _bulk(writer, index, chunk)
                chunk = []
        if chunk:
            documents += _bulk(writer, index, chunk)
    return documents


def _bulk(writer, index, objects):
    try:
        writer.update(index, objects, commit=False)
    except BulkIndexError as error:
        raise IndexUnavailable(f"{len(error.errors)} documents were refused.") from error
    return len(objects)


def _remove_old(conn, alias, keep):
    """Indexes of earlier builds (and of failed ones a crash left behind)."""
    built = conn.indices.get(index=f"{alias}-*", params={"expand_wildcards": "open,closed"})
    old = [name for name in built if name != keep]
    if old:
        conn.indices.delete(index=",".join(old), ignore=[404])

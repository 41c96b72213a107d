"""A haystack engine over Whoosh, fast enough to serve every search.

haystack's stock Whoosh backend re-opens the index for every query, narrows by model with one extra
full search per narrow query, facets through Whoosh's grouping, maps facet fields to stemmed text
and highlights with a fresh analyzer over the whole document. At 10,000 documents that cost 0.3–6 s
a query. This backend keeps what haystack expects (the same search() arguments and answers, so the
views use only haystack's public API and Elasticsearch stays a settings switch) and changes how:

- one searcher per process per index, reopened only when the live index changes (search.live);
- words, phrases, OR and NOT scored a whole posting list at a time (search.fastpath), with
  Whoosh's own matchers as the fallback for anything else; phrases of common words found
  through an extra field of word pairs (search.wordpairs);
- exact facet fields (Whoosh ID/KEYWORD), counted over the matched document numbers;
- snippets from the stored `body` (the verbatim text), with the other spellings of names in the
  query highlighted too (archive.names);
- a spelling suggestion only when asked for (SearchQuerySet.spelling_suggestion), never per query
  (search.spelling);
- the index is written with compound=False segments (opening one costs ~1 ms, not ~80 ms).
"""

from functools import lru_cache

import numpy as np
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError
from haystack.fields import FacetField
from haystack.models import SearchResult
from haystack.utils import get_model_ct
from whoosh import query as whoosh_query
from whoosh.analysis import StemmingAnalyzer
from whoosh.columns import RefBytesColumn
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import KEYWORD, STORED, TEXT, Schema
from whoosh.qparser import QueryParser
from whoosh.sorting import FieldFacet

from . import fastpath, live, snippets, spelling, unreadable, wordpairs
from .unreadable import IndexUnavailable

SNIPPET_FIELD = "body"
PARSED_QUERIES = 4096  # per process: a few MB


class SummitWhooshBackend(WhooshSearchBackend):
    def setup(self):
        from haystack import connections

        fields = connections[self.connection_alias].get_unified_index().all_searchfields()
        self.content_field_name, self.schema = self.build_schema(fields)
        self.parser = QueryParser(self.content_field_name, schema=self.schema)
        # Parsing costs about 1 ms a query; popular searches and filters repeat. Whoosh's query
        # objects are not changed by searching them.
        self.parse = lru_cache(maxsize=PARSED_QUERIES)(self.parser.parse)
        self.multivalued = {
            field.index_fieldname for field in fields.values() if field.is_multivalued
        }
        self.setup_complete = True

    def build_schema(self, fields):
        schema = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True),
        }
        content_field_name = ""
        for field in fields.values():
            name = field.index_fieldname
            if field.document:
                content_field_name = name
                # No spelling field: it made indexing a third slower; the corrector reads the
                # stemmed terms instead (search.spelling).
                schema[name] = TEXT(analyzer=wordpairs.content_analyzer())
            elif isinstance(field, FacetField) and field.is_multivalued:
                schema[name] = KEYWORD(stored=True, commas=True, lowercase=False)
            elif isinstance(field, FacetField):
                # A column of references to the few distinct values: read at once as an array
                # of codes for facets and sorting (search.columns).
                schema[name] = WHOOSH_ID(stored=True, sortable=RefBytesColumn())
            elif not field.indexed:
                schema[name] = STORED()
            else:
                schema[name] = TEXT(stored=True, analyzer=StemmingAnalyzer())
        if not content_field_name:
            raise SearchBackendError("No document=True field in the search indexes.")
        # Pairs of neighbouring words, for fast phrase search (search.wordpairs).
        schema[wordpairs.FIELD] = wordpairs.field_type()
        return content_field_name, Schema(**schema)

    def whoosh_document(self, index, obj):
        """The fields Whoosh indexes for one record: haystack's, plus the word pairs."""
        doc = index.full_prepare(obj)
        doc.pop("boost", None)
        to_whoosh = self._from_python
        doc = {key: v if type(v) is str else to_whoosh(v) for key, v in doc.items()}
        doc[wordpairs.FIELD] = doc.get(self.content_field_name, "")
        return doc

    # Writing: the live index only (a full rebuild goes through search.indexing, atomically).

    def update(self, index, iterable, commit=True):
        if not self.setup_complete:
            self.setup()
        ix = live.open_or_create(self.path, self.schema)
        writer = ix.writer(compound=False)
        for obj in iterable:
            doc = self.whoosh_document(index, obj)
            if wordpairs.FIELD not in ix.schema:  # an index built before word pairs
                doc.pop(wordpairs.FIELD)
            writer.update_document(**doc)
        writer.commit()

    def remove(self, obj_or_string, commit=True):
        from haystack.utils import get_identifier

        if not self.setup_complete:
            self.setup()
        ix = live.open_index(self.path)
        if ix is not None:
            ix.delete_by_term(ID, get_identifier(obj_or_string))

    def clear(self, models=None, commit=True):
        if not self.setup_complete:
            self.setup()
        ix = live.open_index(self.path)
        if ix is None:
            return
        if models is None:
            live.clear(self.path, self.schema)
            return
        writer = ix.writer(compound=False)
        for model in models:
            writer.delete_by_term(DJANGO_CT, get_model_ct(model))
        writer.commit()

    def optimize(self):
        ix = live.open_index(self.path)
        if ix is not None:
            ix.optimize()

    def check(self):
        """A real query against the live index, for /healthz; raises IndexUnavailable."""
        if not self.setup_complete:
            self.setup()
        unreadable.check(self, live.current_searcher(self.path))

    # Searching.

    @log_query
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        highlight=False,
        facets=None,
        narrow_queries=None,
        spelling_query=None,
        models=None,
        result_class=None,
        **kwargs,
    ):
        if not self.setup_complete:
            self.setup()
        if kwargs.get("date_facets") or kwargs.get("query_facets"):
            raise SearchBackendError("Facet on exact fields (e.g. year), not on dates or queries.")
        empty = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}
        current = live.current_searcher(self.path)
        if current is None:
            raise IndexUnavailable("The search index is missing or cannot be read.")
        parsed = self.parse(str(query_string)) if query_string else None
        if parsed is None or parsed is whoosh_query.NullQuery:
            return empty
        try:
            return self._search(
                current, parsed, sort_by, start_offset, end_offset, highlight, facets,
                narrow_queries, spelling_query, models, result_class, empty,
            )  # fmt: skip
        except SearchBackendError:
            raise
        except Exception as error:
            # Damaged index files fail in Whoosh with whatever their bytes decode to (struct,
            # zlib, pickle, Unicode, KeyError, TypeError, "Block tag error"...): all are "search
            # unavailable", logged once by the view without a traceback (search.unreadable).
            raise unreadable.unavailable(current, error) from error

    def _search(
        self, current, parsed, sort_by, start_offset, end_offset, highlight, facets,
        narrow_queries, spelling_query, models, result_class, empty,
    ):  # fmt: skip
        searcher = current.searcher
        restriction = self._restriction(searcher, narrow_queries, models)
        if spelling_query is not None:
            empty["spelling_suggestion"] = spelling.suggest(
                searcher,
                spelling_query,
                self.content_field_name,
                self.schema[self.content_field_name].analyzer,
                SNIPPET_FIELD,
            )

        start_offset = start_offset or 0
        limit = max(end_offset or start_offset + 10, start_offset + 1)
        terms = self._highlight_terms(parsed, current) if highlight else None
        result_class = result_class or SearchResult
        scores = None
        if not sort_by or len(sort_by) == 1:
            scores = fastpath.search(searcher, parsed, self.content_field_name, restriction)
        if scores is not None:
            sort_keys, reverse = None, False
            if sort_by:
                sort_keys = current.sort_keys(sort_by[0].lstrip("-"))
                reverse = sort_by[0].startswith("-")
            best = fastpath.top(scores, limit, sort_keys, reverse)[start_offset:limit]
            page = [
                self._result(searcher.stored_fields(docnum), score, terms, result_class)
                for docnum, score in best
            ]
            hits, matched = len(scores), scores.docs
        else:
            sortedby, reverse = _sorting(sort_by)
            # optimize=False makes the collector keep every matched document number, which the
            # facets count, instead of skipping low-scoring blocks.
            results = searcher.search(
                parsed,
                limit=limit,
                filter=None if restriction is None else _docnum_set(restriction),
                sortedby=sortedby,
                reverse=reverse,
                optimize=not facets,
            )
            page = [
                self._result(hit.fields(), hit.score, terms, result_class)
                for hit in results[start_offset:limit]
            ]
            hits = len(results)
            matched = np.fromiter(sorted(results.docs()), dtype=np.int64) if facets else None
        return {
            "results": page,
            "hits": hits,
            "facets": self._facets(current, facets, matched) if facets else {},
            "spelling_suggestion": empty["spelling_suggestion"],
        }

    def _restriction(self, searcher, narrow_queries, models):
        """A boolean array, one per document, of those allowed by the narrowing queries and
        models, or None when all are."""
        queries = [self.parse(str(narrow)) for narrow in narrow_queries or ()]
        if models:
            cts = sorted(get_model_ct(model) for model in models)
            queries.append(whoosh_query.Or([whoosh_query.Term(DJANGO_CT, ct) for ct in cts]))
        if not queries:
            return None
        combined = whoosh_query.And(queries)
        docs = fastpath.exact_docs(searcher, combined)
        if docs is None:
            docs = np.zeros(searcher.doc_count_all(), dtype=bool)
            docs[np.fromiter(searcher.docs_for_query(combined), dtype=np.int64)] = True
        return docs

    def _facets(self, current, facets, matched):
        """Each facet's (value, count) rows over the matched documents (an array of document
        numbers), counted on the field's codes (search.columns)."""
        fields = {name: current.facet_column(name).counts(matched) for name in facets}
        return {"fields": fields, "dates": {}, "queries": {}}

    def _highlight_terms(self, parsed, current):
        terms = set(_positive_terms(parsed, self.content_field_name))
        for term in list(terms):
            terms |= current.variant_terms.get(term, set())
        return terms

    def _result(self, stored, score, terms, result_class):
        stored = dict(stored)
        app_label, model_name = stored.pop(DJANGO_CT).split(".")
        pk = stored.pop(DJANGO_ID)
        stored.pop(ID, None)
        for name in self.multivalued & stored.keys():
            stored[name] = stored[name].split(",") if stored[name] else []
        if terms is not None:
            snippet = snippets.snippet(stored.get(SNIPPET_FIELD, ""), terms)
            stored["highlighted"] = {self.content_field_name: [snippet]}
        return result_class(app_label, model_name, pk, score or 0, **stored)


def _docnum_set(allowed):
    """A boolean array of allowed documents as the set of their numbers, for Whoosh's filter."""
    return set(np.flatnonzero(allowed).tolist())


def _sorting(sort_by):
    """haystack's order_by list as a Whoosh sort; one direction for all keys (Whoosh's limit)."""
    if not sort_by:
        return None, False
    reverse = {name.startswith("-") for name in sort_by}
    if len(reverse) > 1:
        raise SearchBackendError("Whoosh sorts every key in the same direction.")
    names = [name.lstrip("-") for name in sort_by]
    return [FieldFacet(name) for name in names], reverse.pop()


def _positive_terms(q, fieldname):
    """The analysed terms a query asks for, leaving out what it excludes."""
    if isinstance(q, whoosh_query.Not):
        return
    if q.is_leaf():
        for field, text in q.terms(phrases=True):
            if field == fieldname:
                yield text.decode() if isinstance(text, bytes) else text
        return
    for child in q.children():
        yield from _positive_terms(child, fieldname)


class SummitWhooshEngine(WhooshEngine):
    backend = SummitWhooshBackend
    query = WhooshSearchQuery

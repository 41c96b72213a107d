"""The site's records as a plain SQLite database for Datasette, with an FTS5 index over the same
fields the site searches (search/search_indexes.py and templates/search/indexes/archive/):

- a quote: its text, its speaker's name and aliases, its context, its meeting's title and city,
  its article's title and outlet;
- an article: its title and summary, its outlet, its authors' and mentioned people's names, its
  meetings' titles;
- a meeting: its title, city and summary, its participants' names;
- a person: their name, aliases and biography.

Every searchable record is one row of `documents` (its type, its record's id and slug, a title)
and of `documents_fts` (porter stemming, as the site's Whoosh analyser stems). The record
tables keep the site's primary keys, so /bench/quotes/<pk> is the row page of the quote the site
shows at /quotes/<slug>/. Built from the site's database through the ORM (Django set up).
"""

import sqlite3

SCHEMA = """
CREATE TABLE people (id INTEGER PRIMARY KEY, slug TEXT, name TEXT, aliases TEXT, bio TEXT);
CREATE TABLE outlets (id INTEGER PRIMARY KEY, slug TEXT, name TEXT);
CREATE TABLE meetings (id INTEGER PRIMARY KEY, slug TEXT, title TEXT, city TEXT, start TEXT,
    summary TEXT);
CREATE TABLE articles (id INTEGER PRIMARY KEY, slug TEXT, title TEXT,
    outlet_id INTEGER REFERENCES outlets(id), published TEXT, summary TEXT);
CREATE TABLE quotes (id INTEGER PRIMARY KEY, slug TEXT, text TEXT,
    speaker_id INTEGER REFERENCES people(id), meeting_id INTEGER REFERENCES meetings(id),
    article_id INTEGER REFERENCES articles(id), said_on TEXT, context TEXT);
CREATE TABLE documents (id INTEGER PRIMARY KEY, type TEXT, record_id INTEGER, slug TEXT,
    title TEXT);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    body, names, context, sources, tokenize='porter unicode61');
"""

# Datasette's "ranked search": the top 20 by BM25 with a snippet of the best-matching text, and a
# count of all matches (as the site's first results page gives its results and their number).
# The words weigh as on the site: the record's own words and names above its context and sources.
SEARCH_SQL = """
select documents.type, documents.slug, documents.title,
  snippet(documents_fts, 0, '<mark>', '</mark>', '…', 24) as snippet,
  (select count(*) from documents_fts where documents_fts match :q) as matches
from documents_fts join documents on documents.id = documents_fts.rowid
where documents_fts match :q
order by bm25(documents_fts, 2.0, 2.0, 1.0, 1.0)
limit 20
"""

METADATA = {
    "title": "Summit Archive, synthetic corpus (benchmark)",
    "databases": {
        "bench": {
            "queries": {"search": {"sql": SEARCH_SQL.strip(), "title": "Ranked search"}},
            "tables": {
                "people": {"label_column": "name"},
                "outlets": {"label_column": "name"},
                "meetings": {"label_column": "title"},
                "articles": {"label_column": "title"},
            },
        }
    },
}


def names(person):
    return " ".join([person.name, *person.aliases])


def build(path):
    """Write the database at path (which must not exist). Returns {table: rows}."""
    from archive.models import Article, Meeting, Outlet, Person, Quote

    connection = sqlite3.connect(path)
    try:
        connection.executescript(SCHEMA)
        documents = []  # (type, record id, slug, title, body, names, context, sources)

        people = {}
        for person in Person.objects.order_by("pk"):
            people[person.pk] = person
            aliases = " / ".join(person.aliases)
            connection.execute(
                "INSERT INTO people VALUES (?, ?, ?, ?, ?)",
                (person.pk, person.slug, person.name, aliases, person.bio),
            )
            documents.append(
                ("person", person.pk, person.slug, person.name, person.bio, names(person), "", "")
            )
        outlets = dict(Outlet.objects.values_list("pk", "name"))
        connection.executemany(
            "INSERT INTO outlets VALUES (?, ?, ?)", Outlet.objects.values_list("pk", "slug", "name")
        )
        meetings = {}
        for meeting in Meeting.objects.prefetch_related("participants").order_by("pk"):
            meetings[meeting.pk] = meeting
            connection.execute(
                "INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?)",
                (meeting.pk, meeting.slug, meeting.title, meeting.city, _date(meeting.start),
                 meeting.summary),
            )  # fmt: skip
            participants = " ".join(names(person) for person in meeting.participants.all())
            body = f"{meeting.title}\n{meeting.summary}"
            documents.append(
                ("meeting", meeting.pk, meeting.slug, meeting.title, body, participants,
                 meeting.city, "")
            )  # fmt: skip
        _insert_documents(connection, documents)

        articles = Article.objects.prefetch_related("authors", "people_mentioned", "meetings")
        article_titles = {}
        documents = []
        for article in articles.order_by("pk").iterator(chunk_size=2000):
            article_titles[article.pk] = article.title
            connection.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                (article.pk, article.slug, article.title, article.outlet_id,
                 _date(article.published), article.summary),
            )  # fmt: skip
            people_named = [*article.authors.all(), *article.people_mentioned.all()]
            documents.append(
                ("article", article.pk, article.slug, article.title,
                 f"{article.title}\n{article.summary}", " ".join(map(names, people_named)), "",
                 " ".join([outlets[article.outlet_id], *(m.title for m in article.meetings.all())]))
            )  # fmt: skip
        _insert_documents(connection, documents)

        documents = []
        fields = ("pk", "slug", "text", "speaker_id", "meeting_id", "article_id", "said_on")
        quotes = Quote.objects.order_by("pk").values_list(*fields, "context", "article__outlet_id")
        for pk, slug, text, speaker, meeting, article, said_on, context, outlet in quotes.iterator(
            chunk_size=5000
        ):
            connection.execute(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (pk, slug, text, speaker, meeting, article, _date(said_on), context),
            )
            at = meetings.get(meeting)
            sources = [at.title, at.city] if at else []
            sources += [article_titles[article], outlets[outlet]]
            title = f"{people[speaker].name}: {text[:80]}"
            documents.append(
                ("quote", pk, slug, title, text, names(people[speaker]), context,
                 " ".join(sources))
            )  # fmt: skip
            if len(documents) == 5000:
                _insert_documents(connection, documents)
                documents = []
        _insert_documents(connection, documents)
        connection.commit()
        # Datasette's counts and queries read these; a built database is analysed once.
        connection.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
        connection.execute("ANALYZE")
        connection.commit()
        tables = ("people", "outlets", "meetings", "articles", "quotes", "documents")
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in tables
        }
    finally:
        connection.close()


def _insert_documents(connection, documents):
    for type_, record_id, slug, title, body, names_, context, sources in documents:
        cursor = connection.execute(
            "INSERT INTO documents (type, record_id, slug, title) VALUES (?, ?, ?, ?)",
            (type_, record_id, slug, title),
        )
        connection.execute(
            "INSERT INTO documents_fts (rowid, body, names, context, sources) "
            "VALUES (?, ?, ?, ?, ?)",
            (cursor.lastrowid, body, names_, context, sources),
        )


def _date(value):
    return value.isoformat() if value else None

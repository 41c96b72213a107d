"""Reusing the last load's checked records for the fixture items whose text has not changed.

A load that changes one quote of 100,000 should cost in proportion to that one quote. Fixture
files are read item by item (loading.items); after a successful load, every item's key (a hash
of its text) is kept in VAR_DIR/load-cache.pickle with what the checks across records read of its
checked record (ValidRecord.cache_entry). On the next load an item with a known key is not parsed
or checked again, and its row is not compared with the database: it already holds exactly what
that record writes. The checks across records (unique slugs, relations, deletions, redirects)
still run over every record.

That holds only while the database is exactly what the load that wrote the cache left, and the
records are checked and rendered by the same code. So the load leaves a random token in the
database (LoadStamp), in the transaction that writes the archive, and keeps it in the cache; a
trigger on every table the loader writes deletes the stamp on any insert, update or delete, by
anyone (migration 0007). The cache is used only if the database still has its token, every
written table has its trigger, and the cache was written by the same loader code and library
versions (`code_version`). Anything else – no cache, one that cannot be read, another token, a
row missing after all (StaleCache) – and every record is read, checked and compared with its
row, as without a cache. The cache is a pickle: it sits in VAR_DIR beside the database it
describes, and whoever can write one can write the other.
"""

import hashlib
import logging
import os
import pickle
import secrets
import sys
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import connection

from archive.models import LoadStamp

from .schema import MODEL_FILES, many_to_many_fields

logger = logging.getLogger(__name__)

FORMAT = 1
# What a checked record depends on besides its text: these libraries parse, clean and render it.
LIBRARIES = ("Django", "PyYAML", "Markdown", "nh3")


class StaleCache(Exception):
    """The database does not hold a record the cache said it holds: load again without it."""


def cache_path():
    return Path(settings.VAR_DIR) / "load-cache.pickle"


def code_version():
    """A hash of the archive package's code, Python's version and the libraries records are
    checked and rendered with."""
    digest = hashlib.blake2b(f"{FORMAT} {sys.version}".encode(), digest_size=16)
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name}=={metadata.version(name)}\0".encode())
    return digest.hexdigest()


def written_tables():
    """Every table load_archive writes: the models, their nested rows, many-to-many links."""
    models = []
    for spec in MODEL_FILES:
        models.append(spec.model)
        if spec.nested:
            models.append(spec.nested.model)
        models += [f.remote_field.through for f in many_to_many_fields(spec.model).values()]
    return [model._meta for model in models]


TRIGGERS = "%_clears_load_stamp"  # their names (migration 0007)


def watched():
    """Whether every table the loader writes has the trigger that deletes the stamp."""
    tables = {meta.db_table for meta in written_tables()}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s "
                "GROUP BY tbl_name HAVING count(*) = 3",
                [TRIGGERS],
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname LIKE %s AND t.tgenabled <> 'D' GROUP BY c.relname "
                "HAVING count(*) = 2",
                [TRIGGERS],
            )
        else:
            return False
        return tables <= {table for (table,) in cursor.fetchall()}


def current_stamp():
    """The token of the load whose writes are the last the database had, if it is known."""
    tokens = list(LoadStamp.objects.values_list("token", flat=True)[:2])
    return tokens[0] if len(tokens) == 1 and watched() else None


def stamp_database(token):
    """At the end of a load's transaction: keep the stamp if nothing was written since it was
    left (`token`), else leave a new one. None where writes cannot be watched."""
    if token is not None and current_stamp() == token:
        return token
    if not watched():
        return None
    LoadStamp.objects.all().delete()
    return LoadStamp.objects.create(token=secrets.token_hex(16)).token


def read_cache():
    """(the cache's stamp, {item key: cache entry}) if a cache from this code is there."""
    try:
        with open(cache_path(), "rb") as file:
            cache = pickle.load(file)
        if cache["format"] == FORMAT and cache["code"] == code_version():
            return cache["stamp"], cache["records"]
    except FileNotFoundError:
        pass
    except Exception as error:  # a truncated or foreign file: the full path, never a failure
        logger.warning("Ignoring the load cache %s: %r", cache_path(), error)
    return None, {}


def known_records():
    """(the database's stamp, {item key: cache entry} to reuse): no entries unless the cache
    was left by the load that left the stamp."""
    stamp = current_stamp()
    if stamp is None:
        return None, {}
    token, records = read_cache()
    if token != stamp:
        logger.info("The database is not as the last cached load left it: checking every record")
        return stamp, {}
    return stamp, records


def write_cache(archive, stamp, known=None):
    """Keep every keyed record of this load for the next one; written whole or not at all.
    `known`: the entries of the cache there, if it was left with this same stamp; it is not
    written again if it would hold the same (a load that found nothing to do)."""
    records = {
        record.key: record.cache_entry()
        for records in archive.values()
        for record in records
        if record.key is not None
    }
    if known and records.keys() == known.keys():
        return
    cache = {"format": FORMAT, "code": code_version(), "stamp": stamp, "records": records}
    path = cache_path()
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as file:
            pickle.dump(cache, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:
        logger.warning("Could not write the load cache %s: %s", path, error)
        forget()
        temporary.unlink(missing_ok=True)


def forget():
    try:
        cache_path().unlink(missing_ok=True)
    except OSError as error:
        logger.warning("Could not remove the load cache %s: %s", cache_path(), error)

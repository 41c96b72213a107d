"""Reusing the last load's checked records for the fixture items whose text has not changed.

A load that changes one quote of 100,000 should cost in proportion to that one quote. Fixture
files are read item by item (loading.items); after a successful load, every item's key (a hash
of its text) is kept in VAR_DIR/load-cache.pickle with its checked record, slimmed to what the
checks across records read (ValidRecord.slimmed). On the next load an item with a known key is
not parsed or checked again, and its row is not compared with the database: it already holds
exactly what that record writes. The checks across records (unique slugs, relations, deletions,
redirects) still run over every record.

That holds only while the database is exactly what the load that wrote the cache left, and the
records are checked and rendered by the same code: so the cache is used only if it was written
by the same loader code and library versions (`code_version`) and a digest of every table the
loader writes (`database_digest`) equals the one taken when it was written. Anything else – no
cache, one that cannot be read, another digest, a row missing after all (StaleCache) – and every
record is read, checked and compared with its row, as without a cache.
"""

import hashlib
import logging
import os
import pickle
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import connection

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
    """A hash of the archive package's code and the libraries it checks records with."""
    digest = hashlib.blake2b(f"{FORMAT}".encode(), digest_size=16)
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


def database_digest():
    """A hash of every row of every table the loader writes, read in primary key order."""
    digest = hashlib.blake2b(digest_size=20)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for meta in written_tables():
            digest.update(f"\0{meta.db_table}\0".encode())
            cursor.execute(f"SELECT * FROM {quote(meta.db_table)} ORDER BY {quote(meta.pk.column)}")
            while rows := cursor.fetchmany(5000):
                digest.update(repr(rows).encode())
    return digest.hexdigest()


def read_cache():
    """(the cache's digest, {item key: ValidRecord}) if a cache from this code is there."""
    try:
        with open(cache_path(), "rb") as file:
            cache = pickle.load(file)
        if cache["format"] == FORMAT and cache["code"] == code_version():
            return cache["digest"], cache["records"]
    except FileNotFoundError:
        pass
    except Exception as error:  # a truncated or foreign file: the full path, never a failure
        logger.warning("Ignoring the load cache %s: %r", cache_path(), error)
    return None, {}


def known_records():
    """{item key: ValidRecord} to reuse, or {} when the database is not the cache's."""
    digest, records = read_cache()
    if digest is None:
        return None, {}
    now = database_digest()
    if now != digest:
        logger.info("The database changed since the last load: every record is checked")
        return now, {}
    return now, records


def write_cache(archive, digest):
    """Keep every keyed record of this load for the next one; written whole or not at all."""
    records = {
        record.key: record if record.reused else record.slimmed()
        for records in archive.values()
        for record in records
        if record.key is not None
    }
    cache = {"format": FORMAT, "code": code_version(), "digest": digest, "records": records}
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

"""Which Whoosh index is live, and one open searcher on it per process.

The configured PATH (settings.WHOOSH_PATH) holds built indexes side by side and a pointer file:

    var/whoosh/CURRENT                  "index-20260123-041500-123"
    var/whoosh/index-20260123-041500-123/
    var/whoosh/index-20260122-...       the previous one, kept for readers still on it

search.indexing builds a new index in a directory of its own and then replaces CURRENT atomically
(os.replace), so a reader sees either the old index or the new one, never a half-built or empty
one. A running process notices the new pointer on its next search (one os.stat) and reopens.
"""

import json
import logging
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from .columns import read_column
from .scoring import ListLengthBM25F

POINTER = "CURRENT"
MANIFEST = "summit-index.json"

_lock = threading.Lock()
_open = {}  # root path -> LiveSearcher

logger = logging.getLogger(__name__)


@dataclass
class LiveSearcher:
    directory: Path
    pointer_stamp: tuple
    searcher: object
    variant_terms: dict
    _columns: dict = field(default_factory=dict)

    def facet_column(self, name):
        """An exact field's values as codes, one per document, for counting facets and sorting
        (search.columns; read once per searcher)."""
        column = self._columns.get(name)
        if column is None:
            column = read_column(self.searcher.reader(), name)
            self._columns[name] = column
        return column

    def sort_keys(self, name):
        """Per document an integer sorting as its value of the (single-valued) field does."""
        return self.facet_column(name).codes


def live_directory(root):
    """The directory of the live index under `root`, or None when there is none."""
    root = Path(root)
    try:
        name = (root / POINTER).read_text().strip()
    except FileNotFoundError:
        # An index written straight into root (haystack's own commands) is used as it is.
        return root if whoosh_index.exists_in(str(root)) else None
    except OSError:
        return None
    return root / name if name and "/" not in name else None


def _pointer_stamp(root):
    try:
        stat = os.stat(Path(root) / POINTER)
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def open_index(root):
    directory = live_directory(root)
    if directory is None:
        return None
    try:
        return FileStorage(str(directory)).open_index()
    except (OSError, whoosh_index.IndexError, ValueError, EOFError):
        return None


def open_or_create(root, schema):
    ix = open_index(root)
    if ix is None:
        directory = new_directory(root)
        ix = FileStorage(str(directory)).create().create_index(schema)
        publish(root, directory, {})
    return ix


def clear(root, schema):
    """Replace the live index with an empty one (haystack's clear_index), atomically."""
    directory = new_directory(root)
    FileStorage(str(directory)).create().create_index(schema)
    publish(root, directory, {})


def current_searcher(root):
    """The process's searcher on the live index, reopened when the index changed; None if there
    is no readable index."""
    root = str(root)
    stamp = _pointer_stamp(root)
    live = _open.get(root)
    if live is not None and live.pointer_stamp == stamp:
        try:
            if live.searcher.up_to_date():
                return live
        except (OSError, whoosh_index.IndexError):
            pass
    with _lock:
        live = _open.get(root)
        if live is not None and live.pointer_stamp == stamp and _up_to_date(live):
            return live
        live = _open_searcher(root, stamp)
        if live is None:
            _open.pop(root, None)
        else:
            _open[root] = live
        return live


def _up_to_date(live):
    try:
        return live.searcher.up_to_date()
    except (OSError, whoosh_index.IndexError):
        return False


def _open_searcher(root, stamp):
    directory = live_directory(root)
    if directory is None:
        return None
    try:
        ix = FileStorage(str(directory)).open_index()
        searcher = ix.searcher(weighting=ListLengthBM25F())
    except Exception as error:
        # Whatever is wrong with the files (truncated, another version's pickled schema naming a
        # class that no longer exists...), readers get "search unavailable", never a 500. One
        # line, no traceback: it is logged again at every search until the index is rebuilt.
        logger.warning(
            "The search index at %s cannot be opened: %s: %s",
            directory,
            type(error).__name__,
            str(error)[:200],
        )
        return None
    manifest = read_manifest(directory)
    variant_terms = {key: set(values) for key, values in manifest.get("variant_terms", {}).items()}
    return LiveSearcher(directory, stamp, searcher, variant_terms)


def read_manifest(directory):
    try:
        return json.loads((Path(directory) / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


def new_directory(root):
    """A fresh, empty directory beside the live index for a new build, named after this process
    so that a later build can tell an abandoned directory from one still being written."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(root, keep=set())
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    directory = root / f"index-{stamp}-{os.getpid()}"
    directory.mkdir()
    return directory


def publish(root, directory, manifest):
    """Write the manifest, then point CURRENT at `directory` in one atomic rename."""
    root = Path(root)
    previous = live_directory(root)
    (Path(directory) / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False))
    temporary = root / f".{POINTER}.{os.getpid()}.tmp"
    with open(temporary, "w") as pointer:
        pointer.write(Path(directory).name)
        pointer.flush()
        os.fsync(pointer.fileno())
    os.replace(temporary, root / POINTER)
    kept = {Path(directory).name} | ({previous.name} if previous else set())
    _remove_old(root, keep=kept)


def _remove_old(root, keep):
    """Delete every index but the live one and the one live before it (for readers that opened
    it just before the swap), except builds still running."""
    _remove_abandoned(root, keep)
    for path in root.glob("index-*"):
        if path.name not in keep and not _builder_running(path.name):
            shutil.rmtree(path, ignore_errors=True)


def _remove_abandoned(root, keep):
    """Delete what interrupted builds left: half-written index directories and pointer files
    of processes that are no longer running. A build still running is left alone."""
    leftovers = [path for path in root.glob("index-*") if not (path / MANIFEST).exists()]
    leftovers += list(root.glob(f".{POINTER}.*.tmp"))
    for path in leftovers:
        if path.name in keep or _builder_running(path.name):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _builder_running(name):
    """Whether the process whose id ends the name (index-<time>-<pid>, .CURRENT.<pid>.tmp) runs."""
    digits = name.removesuffix(".tmp").replace(".", "-").rsplit("-", 1)[-1]
    if not digits.isdigit():
        return True  # not a name a build gives: leave it
    pid = int(digits)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # running, as another user
    return True

"""When the archive's data last changed, for sitemap lastmod and undated feed entries.

Records carry no timestamps of their own: the archive is loaded whole, so every record is as new as
the last load, which the serving layer records (archive.freshness).
"""

from archive.freshness import last_load


def data_last_changed():
    """The time of the last `load_archive`, or None if the archive was never loaded."""
    load = last_load()
    return load.loaded_at.replace(microsecond=0) if load else None

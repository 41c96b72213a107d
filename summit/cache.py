"""The page cache of one process: Django's locmem cache, bounded in bytes as well as in entries.

Django's LocMemCache counts entries only (MAX_ENTRIES), so its memory grows with the size of what
it is given. This one also keeps the total size of its stored (pickled) values within MAX_BYTES:
the least recently used entries go first once either limit is reached, and a value larger than
the whole budget is not stored at all. Settings: PAGE_CACHE_MAX_ENTRIES, PAGE_CACHE_MAX_BYTES.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# Sizes of the stored values, per cache name: shared like LocMemCache's own store, as Django
# makes one cache object per thread.
_sizes = {}


class BoundedLocMemCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 32 * 2**20))
        self._sizes = _sizes.setdefault(name, {})

    def bytes_used(self):
        with self._lock:
            return sum(self._sizes.values())

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._delete(key)
        size = len(key) + len(value)
        if size > self.max_bytes:
            return
        used = sum(self._sizes.values())
        while self._cache and (
            len(self._cache) >= self._max_entries or used + size > self.max_bytes
        ):
            # The store is kept most recently used first: its last entry is the least.
            oldest, _ = self._cache.popitem()
            del self._expire_info[oldest]
            used -= self._sizes.pop(oldest)
        super()._set(key, value, timeout)
        self._sizes[key] = size

    def _delete(self, key):
        self._sizes.pop(key, None)
        return super()._delete(key)

    def clear(self):
        with self._lock:
            self._sizes.clear()
        super().clear()

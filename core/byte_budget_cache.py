"""A process-local cache capped in bytes, for the fragment cache (core/fragment_cache.py).

Django's LocMemCache caps the number of entries, but the fragments differ a hundredfold in size
(a list's results a few KB, a report preview ~180 KB), so an entry cap is either too small for the
small ones or lets a worker hold tens of MB of previews. Here an entry counts by what it costs to
hold: its key plus its pickled value, the bytes the store keeps. When a new entry does not fit,
the least recently used ones go first; an entry larger than the whole budget is not stored at all
(it would empty the cache for one page). Like LocMemCache, every instance with the same LOCATION
in a process shares one store, and every change to it happens under that store's lock, so the
gunicorn threads of a worker see one consistent store and one byte count.

OPTIONS: MAX_BYTES (the budget), and MAX_ENTRIES as an extra cap on the count (LocMemCache's).
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 32 * 1024 * 1024

# Per LOCATION, beside LocMemCache's own module-level stores: each entry's size and their sum.
_sizes: dict[str, dict[str, int]] = {}
_totals: dict[str, list[int]] = {}


class ByteBudgetLocMemCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", DEFAULT_MAX_BYTES))
        self._sizes = _sizes.setdefault(name, {})
        self._total = _totals.setdefault(name, [0])

    @property
    def stored_bytes(self) -> int:
        with self._lock:
            return self._total[0]

    def _store(self, key, pickled, expiry) -> bool:
        """Under the lock: replace key's entry by pickled, evicting the least recently used."""
        self._delete(key)
        size = len(key) + len(pickled)
        if size > self.max_bytes:
            return False
        # LocMemCache keeps the most recently used first (get() moves a hit there), so the least
        # recently used entry is the last one.
        while self._cache and (self._total[0] + size > self.max_bytes or len(self._cache) >= self._max_entries):
            self._delete(next(reversed(self._cache)))
        self._cache[key] = pickled
        self._cache.move_to_end(key, last=False)
        self._expire_info[key] = expiry
        self._sizes[key] = size
        self._total[0] += size
        return True

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._store(key, value, self.get_backend_timeout(timeout))

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            new_value = pickle.loads(self._cache[key]) + delta  # noqa: S301 - our own pickles
            self._store(key, pickle.dumps(new_value, self.pickle_protocol), self._expire_info[key])
        return new_value

    def _cull(self):
        # Only reached through LocMemCache code paths that _store() replaces; kept consistent anyway.
        count = len(self._cache) if self._cull_frequency == 0 else len(self._cache) // self._cull_frequency
        for _ in range(count):
            self._delete(next(reversed(self._cache)))

    def _delete(self, key):
        if not super()._delete(key):
            return False
        self._total[0] -= self._sizes.pop(key, 0)
        return True

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._sizes.clear()
            self._total[0] = 0

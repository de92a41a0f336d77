"""core/byte_budget_cache.py: the fragment cache's store is capped in bytes (each entry counted by
its key plus its pickled value), the least recently used entries leave first, an entry larger than
the budget is never stored, and the byte count stays exact when threads share the store."""

import pickle
import threading
import uuid

import pytest
from django.core.cache import caches

from core.byte_budget_cache import ByteBudgetLocMemCache


def _cache(max_bytes, max_entries=10000, name=None):
    return ByteBudgetLocMemCache(
        name or f"test-{uuid.uuid4()}", {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_ENTRIES": max_entries}}
    )


def _size(cache, key, value):
    return len(cache.make_and_validate_key(key)) + len(pickle.dumps(value, cache.pickle_protocol))


def test_the_fragments_cache_is_the_byte_budgeted_one():
    assert isinstance(caches["fragments"], ByteBudgetLocMemCache)
    assert caches["fragments"].max_bytes == 32 * 1024 * 1024


def test_entries_are_counted_by_their_encoded_size():
    cache = _cache(10_000)
    cache.set("a", "x" * 1000)
    cache.set("b", "y" * 10)
    assert cache.stored_bytes == _size(cache, "a", "x" * 1000) + _size(cache, "b", "y" * 10)
    cache.set("a", "short")  # a replaced entry counts only once, at its new size
    assert cache.stored_bytes == _size(cache, "a", "short") + _size(cache, "b", "y" * 10)
    cache.delete("b")
    assert cache.stored_bytes == _size(cache, "a", "short")
    cache.clear()
    assert cache.stored_bytes == 0 and cache.get("a") is None


def test_the_least_recently_used_leave_first_when_the_bytes_run_out():
    value = "v" * 1000
    one = _size(_cache(1), "k0", value)
    cache = _cache(3 * one)
    for key in ("k0", "k1", "k2"):
        cache.set(key, value)
    assert cache.get("k0") == value  # k0 is now the most recently used, k1 the least
    cache.set("k3", value)
    assert cache.get("k1") is None
    assert [cache.get(k) for k in ("k0", "k2", "k3")] == [value] * 3
    assert cache.stored_bytes == 3 * one <= cache.max_bytes


def test_one_large_entry_makes_room_by_evicting_as_many_small_ones_as_needed():
    cache = _cache(10_000)
    for i in range(20):
        cache.set(f"small{i}", "s" * 300)
    cache.set("big", "B" * 6000)
    assert cache.get("big") == "B" * 6000
    kept = [i for i in range(20) if cache.get(f"small{i}") is not None]
    assert kept and kept == list(range(20 - len(kept), 20))  # the oldest went, the newest stayed
    assert cache.stored_bytes <= 10_000


def test_an_entry_larger_than_the_budget_is_not_stored_and_evicts_nothing():
    cache = _cache(5_000)
    cache.set("small", "s" * 100)
    cache.set("huge", "H" * 6_000)
    assert cache.get("huge") is None
    assert cache.get("small") == "s" * 100
    # An old value under the same key is not left behind either.
    cache.set("small", "L" * 6_000)
    assert cache.get("small") is None and cache.stored_bytes == 0


def test_hits_and_misses_return_exactly_what_was_stored():
    cache = _cache(100_000)
    assert cache.get("missing") is None
    assert cache.get("missing", "standard") == "standard"
    value = {"title": "Delårsrapport", "rows": [1, 2, 3]}
    cache.set("k", value)
    assert cache.get("k") == value
    assert cache.add("k", "other") is False and cache.get("k") == value
    assert cache.add("n", 1) is True and cache.incr("n", 1) == 2
    assert cache.get("n") == 2 and cache.stored_bytes == _size(cache, "k", value) + _size(cache, "n", 2)
    cache.set("gone", "x", timeout=-1)
    assert cache.get("gone") is None


def test_the_entry_cap_still_applies():
    cache = _cache(10_000_000, max_entries=3)
    for i in range(5):
        cache.set(f"k{i}", i)
    assert [cache.get(f"k{i}") for i in range(5)] == [None, None, 2, 3, 4]


def test_threads_sharing_the_store_keep_the_byte_count_exact():
    name = f"test-{uuid.uuid4()}"
    cache, other = _cache(200_000, name=name), _cache(200_000, name=name)  # two threads' handles, one store
    errors = []

    def work(worker):
        try:
            for i in range(400):
                key = f"k{(worker * 7 + i) % 150}"
                (cache if i % 2 else other).set(key, "x" * (100 + (i * 37) % 3000))
                (other if i % 2 else cache).get(f"k{i % 150}")
                if i % 11 == 0:
                    cache.delete(f"k{(i * 3) % 150}")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    expected = sum(len(key) + len(pickled) for key, pickled in cache._cache.items())
    assert cache.stored_bytes == other.stored_bytes == expected <= 200_000
    assert set(cache._cache) == set(cache._expire_info) == set(cache._sizes)


@pytest.mark.parametrize("short", [1, 0])
def test_an_entry_is_stored_only_when_it_fits_to_the_byte(short):
    size = _size(_cache(1), "k", "value")
    cache = _cache(size - short)
    cache.set("k", "value")
    assert (cache.get("k") == "value") is (short == 0)
    assert cache.stored_bytes == (0 if short else size)

"""Giving freed memory back to the system.

Python frees the decoded source texts (tens of thousands of strings of a few kilobytes)
into the C heap, where glibc keeps the pages: the arrays that later checks allocate are
large enough to be mapped anew, so the peak resident size would count both. Dask's
workers trim the heap for the same reason. On other C libraries this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache
from typing import Any


def trim_heap() -> None:
    """Return the free pages of the C heap to the system (glibc's ``malloc_trim``), and
    those Arrow's allocator keeps for reuse (when pyarrow is loaded)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
    arrow = sys.modules.get("pyarrow")
    release = getattr(arrow.default_memory_pool(), "release_unused", None) if arrow else None
    if release is not None:
        release()


@lru_cache(maxsize=1)
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None

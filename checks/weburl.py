"""Addresses that may leave the package: absolute ``http(s)`` URLs and nothing else.

A URL from the data becomes a link in the published Datasette site, a ``url`` in the
ClaimReview markup that a newsroom pastes into its pages, and a line in ``explain``. A
``javascript:`` or ``data:`` address there runs code in a reader's browser, so only an
absolute ``http://`` or ``https://`` URL with a host, without spaces or control
characters, is a web URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SHAPE = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f<>\"'`\\]+", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def is_web_url(text: str) -> bool:
    """An absolute http(s) URL with a host.

    >>> is_web_url("https://example.org/a?b=1"), is_web_url("javascript:alert(1)")
    (True, False)
    >>> is_web_url("https://"), is_web_url(" https://example.org")
    (False, False)
    """
    if not _SHAPE.fullmatch(text):
        return False
    try:
        return bool(urlsplit(text).hostname)
    except ValueError:  # a malformed port or IPv6 host
        return False


def has_scheme(text: str) -> bool:
    """Does ``text`` start with a URL scheme (``javascript:``, ``https:``), i.e. is it an
    address rather than a path inside the package?

    >>> has_scheme("JavaScript:alert(1)"), has_scheme("licences/cc-by.txt")
    (True, False)
    """
    return _SCHEME.match(text.strip()) is not None

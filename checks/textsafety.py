"""Untrusted text made inert for a terminal or a CI log: one visible line, no escape codes.

Quotes, cell values and file names come from the data, and the data may come from a
stranger's pull request. Before such text reaches a terminal or a log it must not be
able to move the cursor, recolour or hide output (ANSI/C1 escape codes), reorder what
is shown (bidirectional overrides), or start a new line (where a CI runner would read
``::error::`` or ``::stop-commands::`` as a command). Those characters are shown as
visible ``\\xNN``/``\\uNNNN`` escapes instead of being dropped, so nothing is hidden.
"""

from __future__ import annotations

import re

# C0 controls (tab included), DEL, C1 controls, line and paragraph separators, and the
# bidirectional embedding/override/isolate marks ("Trojan Source", CVE-2021-42574).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` with every control, line-break and bidi character shown as an escape.

    >>> one_line("quote\\x1b[31m red\\n::error::x \\u202egnp.exe")
    'quote\\\\x1b[31m red\\\\x0a::error::x \\\\u202egnp.exe'
    """
    return _UNSAFE.sub(_visible, text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix with ``'``).

    >>> spreadsheet_safe("=SUM(A1:A9)"), spreadsheet_safe("quote")
    ("'=SUM(A1:A9)", 'quote')
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell

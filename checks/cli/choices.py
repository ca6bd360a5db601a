"""The choices that several commands share: a text's language, a text report's format, and
when a text checker (``stats``, ``recompute``) exits 1."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    vi = "vi"
    en = "en"
    auto = "auto"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


FAILING: dict[FailOn, tuple[str, ...]] = {
    FailOn.error: ("error",),
    FailOn.warning: ("error", "warning"),
    FailOn.never: (),
}
"""The severities that make a text checker exit 1, for each ``--fail-on``."""

"""The recomputations of one file: located by line and column, in text order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks.model.textfile import line_and_column, read_text_file
from checks.recompute.text import recompute_text
from checks.recompute.verdict import Recomputed


@dataclass(frozen=True, slots=True)
class Located:
    """A recomputation with the line and column of its stated figure in its file."""

    path: str
    line: int
    column: int
    sentence: str
    found: Recomputed

    @property
    def severity(self) -> str:
        """``error``, ``warning`` or ``ok``."""
        severity = self.found.severity
        return severity.value if severity is not None else "ok"

    def as_json(self) -> dict[str, Any]:
        relation = self.found.relation
        stated = relation.stated
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "kind": relation.kind,
            "stated": {"as_written": stated.as_written, "start": stated.start, "end": stated.end},
            "inputs": [
                {"as_written": m.as_written, "start": m.start, "end": m.end}
                for m in relation.inputs
            ],
            "reading": self.found.reading or None,
            "recomputed": self.found.value,
            "recomputed_interval": [self.found.computed.lo, self.found.computed.hi],
            "stated_interval": [self.found.stated.lo, self.found.stated.hi],
            "severity": self.severity,
            "message": self.found.message(),
            "sentence": self.sentence,
        }


def recompute_file_text(text: str, path: str = "", language: str = "auto") -> list[Located]:
    """Every recomputation of ``text``, located in it."""
    nfc, found = recompute_text(text, language)
    located: list[Located] = []
    for item in found:
        line, column = line_and_column(nfc, item.relation.stated.start)
        start, end = item.relation.sentence
        located.append(Located(path, line, column, nfc[start:end].strip(), item))
    return located


def recompute_file(path: Path, language: str = "auto") -> list[Located]:
    """:func:`recompute_file_text` of a UTF-8 file (an unreadable one raises ``InputError``)."""
    return recompute_file_text(read_text_file(path), str(path), language)

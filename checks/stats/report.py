"""The verdicts of one text's reported results: found, recomputed, in text order."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks.model.textfile import line_and_column, read_text_file
from checks.stats.apa import find_results, one_tailed
from checks.stats.recompute import Verdict, check_result


@dataclass(frozen=True, slots=True)
class Located:
    """A verdict with the line and column of its result in its file."""

    path: str
    line: int
    column: int
    verdict: Verdict

    @property
    def severity(self) -> str:
        """``error`` (decision inconsistency), ``warning`` (inconsistency) or ``ok``."""
        if self.verdict.decision_error:
            return "error"
        return "ok" if self.verdict.consistent else "warning"

    def as_json(self) -> dict[str, Any]:
        reported = self.verdict.reported
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "as_written": reported.as_written,
            "test": reported.test,
            "df": [d for d in (reported.df1, reported.df2) if d is not None],
            "value": reported.value,
            "reported_p": f"{reported.comparison} {reported.p}",
            "computed_p": [self.verdict.p_low, self.verdict.p_high],
            "one_tailed": self.verdict.one_tailed,
            "severity": self.severity,
        }


def check_text(text: str, path: str = "") -> list[Located]:
    """The verdict of every reported result of ``text`` (NFC), in text order."""
    text = unicodedata.normalize("NFC", text)
    tailed = one_tailed(text)
    found: list[Located] = []
    for result in find_results(text):
        line, column = line_and_column(text, result.start)
        found.append(Located(path, line, column, check_result(result, one_tailed_text=tailed)))
    return found


def check_file(path: Path) -> list[Located]:
    """:func:`check_text` of a UTF-8 file (an unreadable file raises ``InputError``)."""
    return check_text(read_text_file(path), str(path))

"""A finding is data: what was checked, how bad it is, which claims, and the evidence."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: sort order, most severe first."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    def at_least(self, threshold: Severity) -> bool:
        """Whether this severity is at or above ``threshold``."""
        return self.rank <= threshold.rank


@dataclass(frozen=True)
class Finding:
    """One inconsistency, reported as a row.

    The fingerprint depends on the check, the finding's code, its key (such as a rule id)
    and the sorted claim ids: never on row order, line numbers or message wording.

    >>> f = Finding("citation", "quote-mismatch", Severity.ERROR, ("b", "a"), "quote moved")
    >>> g = Finding("citation", "quote-mismatch", Severity.ERROR, ("a", "b"), "x")
    >>> f.fingerprint == g.fingerprint
    True
    """

    check: str
    code: str
    severity: Severity
    claim_ids: tuple[str, ...]
    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    path: str | None = None
    line: int | None = None
    key: str = ""
    waiver: Mapping[str, Any] | None = None

    @property
    def fingerprint(self) -> str:
        identity = "\x1f".join([self.check, self.code, self.key, *sorted(self.claim_ids)])
        return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "check": self.check,
            "code": self.code,
            "severity": self.severity.value,
            "claim_ids": list(self.claim_ids),
            "message": self.message,
            "evidence": dict(self.evidence),
            "path": self.path,
            "line": self.line,
            "key": self.key,
            "waiver": dict(self.waiver) if self.waiver else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Rebuild a finding from its JSON form; the fingerprint must match."""
        finding = cls(
            check=str(data["check"]),
            code=str(data.get("code", "")),
            severity=Severity(data["severity"]),
            claim_ids=tuple(str(c) for c in data.get("claim_ids", [])),
            message=str(data["message"]),
            evidence=dict(data.get("evidence") or {}),
            path=data.get("path"),
            line=data.get("line"),
            key=str(data.get("key", "")),
            waiver=data.get("waiver") or None,
        )
        stored = data.get("fingerprint")
        if stored is not None and stored != finding.fingerprint:
            raise ValueError(
                f"fingerprint {stored!r} does not match the finding's identity "
                f"({finding.fingerprint})"
            )
        return finding


def sort_key(finding: Finding) -> tuple[int, str, int, str]:
    """Most severe first, then by file and line, then by fingerprint (a total order)."""
    return (finding.severity.rank, finding.path or "", finding.line or 0, finding.fingerprint)

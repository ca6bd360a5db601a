"""The kinds of rule; one module per kind, each declaring a ``KIND``.

A module here declares its kind's name (the rules table's ``kind``), the check whose
findings its rules raise, its shape check, its evaluation and its finding codes
(:class:`~checks.rules.kinds.common.RuleKind`). :data:`KINDS` and the per-check maps are
collected from the modules, so adding a kind is adding a module (and its name to the
``kind`` enum of ``datapackage/rules.schema.json``, which a test ties to :data:`KINDS`).
"""

from __future__ import annotations

import importlib
import pkgutil

from checks.model.codes import FindingCode
from checks.rules.kinds.common import Evaluator, Result, RuleFailure, RuleKind


def _collect() -> dict[str, RuleKind]:
    kinds: dict[str, RuleKind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if not isinstance(kind, RuleKind):
            continue
        if kind.name in kinds:
            raise ValueError(f"rule kind {kind.name!r} is declared twice ({info.name})")
        kinds[kind.name] = kind
    return kinds


KINDS: dict[str, RuleKind] = _collect()
"""Every rule kind by name."""


def evaluators(check: str) -> dict[str, Evaluator]:
    """The kinds whose rules raise findings of ``check``, each with its evaluation."""
    return {name: kind.evaluate for name, kind in KINDS.items() if kind.check == check}


def kind_codes(check: str) -> tuple[FindingCode, ...]:
    """The finding codes of the kinds of ``check``, each once."""
    seen: dict[str, FindingCode] = {}
    for kind in KINDS.values():
        if kind.check == check:
            for code in kind.codes:
                seen.setdefault(code.code, code)
    return tuple(seen.values())


__all__ = ["KINDS", "Evaluator", "Result", "RuleFailure", "RuleKind", "evaluators", "kind_codes"]

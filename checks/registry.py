"""The registry of checks: each check is a small class with a kebab-case id.

A check declares its id, a title, a help text and the finding codes it can raise
(:class:`~checks.model.codes.FindingCode`). Most checks read a package and yield findings
(:class:`Check`); a gate (:class:`Gate`, the ``waivers`` check) reviews the findings of
the others once they have run. Registering refuses a duplicate id and a code declared
twice.

>>> sorted(registered())[:2]  # doctest: +SKIP
['arithmetic', 'citation']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import ClassVar, Protocol, TypeVar

from checks.model.codes import FindingCode, catalogue
from checks.model.finding import Finding
from checks.model.package import Package


class Described(Protocol):
    """What every registered check declares."""

    id: ClassVar[str]
    title: ClassVar[str]
    help: ClassVar[str]
    codes: ClassVar[tuple[FindingCode, ...]]


class Check(Described, Protocol):
    """A check reads a package and yields findings as data."""

    def run(self, pkg: Package) -> Iterable[Finding]: ...


class Gate(Described, Protocol):
    """A check that reviews the findings of the others (waivers): it may mark some and
    add its own."""

    @classmethod
    def applies(cls, pkg: Package) -> bool: ...

    def review(
        self, pkg: Package, findings: list[Finding], *, today: date, complete: bool
    ) -> list[Finding]: ...


class RegistryError(ValueError):
    def __init__(self, check_id: str, reason: str) -> None:
        super().__init__(f"check {check_id!r}: {reason}")
        self.check_id = check_id


_REGISTRY: dict[str, type[Described]] = {}
C = TypeVar("C", bound=type[Described])


def register(cls: C) -> C:
    """Class decorator: add a check to the registry, refusing a duplicate id or code."""
    check_id = getattr(cls, "id", None)
    if not isinstance(check_id, str) or not check_id:
        raise RegistryError(repr(check_id), "has no id")
    if check_id in _REGISTRY and _REGISTRY[check_id] is not cls:
        raise RegistryError(check_id, "is already registered")
    codes = getattr(cls, "codes", None)
    if not isinstance(codes, tuple) or not all(isinstance(c, FindingCode) for c in codes):
        raise RegistryError(check_id, "declares no codes (a tuple of FindingCode)")
    try:
        catalogue(codes, check_id)
    except ValueError as exc:
        raise RegistryError(check_id, str(exc)) from None
    _REGISTRY[check_id] = cls
    return cls


def _ordered() -> dict[str, type[Described]]:
    from checks.suite import ORDER  # importing the suite registers the built-in checks

    def rank(check_id: str) -> int:
        return ORDER.index(check_id) if check_id in ORDER else len(ORDER)

    return {cid: _REGISTRY[cid] for cid in sorted(_REGISTRY, key=lambda c: (rank(c), c))}


def described() -> dict[str, type[Described]]:
    """Every registered check and gate by id, in run order."""
    return _ordered()


def registered() -> dict[str, type[Check]]:
    """The checks that read a package (not the gates) by id, in run order."""
    return {cid: cls for cid, cls in _ordered().items() if hasattr(cls, "run")}  # type: ignore[misc]


def gates() -> dict[str, type[Gate]]:
    """The gates (checks that review the others' findings) by id, in run order."""
    return {cid: cls for cid, cls in _ordered().items() if hasattr(cls, "review")}  # type: ignore[misc]


def declared_codes(check_id: str) -> dict[str, FindingCode]:
    """The codes a registered check declares (empty for an unknown check)."""
    cls = described().get(check_id)
    return {} if cls is None else catalogue(cls.codes, check_id)

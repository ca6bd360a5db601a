"""The registry of checks: each check is a small class with a kebab-case id.

>>> sorted(registered())[:2]  # doctest: +SKIP
['arithmetic', 'citation']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol, TypeVar

from checks.model.finding import Finding
from checks.model.package import Package


class Check(Protocol):
    """A check reads a package and yields findings as data."""

    id: ClassVar[str]
    title: ClassVar[str]
    help: ClassVar[str]

    def run(self, pkg: Package) -> Iterable[Finding]: ...


class RegistryError(ValueError):
    def __init__(self, check_id: str, reason: str) -> None:
        super().__init__(f"check {check_id!r}: {reason}")
        self.check_id = check_id


_REGISTRY: dict[str, type[Check]] = {}
C = TypeVar("C", bound=type[Check])


def register(cls: C) -> C:
    """Class decorator: add a check to the registry, refusing a duplicate id."""
    check_id = getattr(cls, "id", None)
    if not isinstance(check_id, str) or not check_id:
        raise RegistryError(repr(check_id), "has no id")
    if check_id in _REGISTRY and _REGISTRY[check_id] is not cls:
        raise RegistryError(check_id, "is already registered")
    _REGISTRY[check_id] = cls
    return cls


def registered() -> dict[str, type[Check]]:
    """All registered checks by id, after importing the built-in suite."""
    from checks.suite import ORDER  # importing the suite registers the built-in checks

    def rank(check_id: str) -> int:
        return ORDER.index(check_id) if check_id in ORDER else len(ORDER)

    return {cid: _REGISTRY[cid] for cid in sorted(_REGISTRY, key=lambda c: (rank(c), c))}

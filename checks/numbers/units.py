"""One pint registry for the whole package.

VND and USD are distinct dimensions (no implicit conversion); counted things
(person, report, attack, ...) are dimensions of their own.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterable
from functools import cache
from importlib import resources
from types import ModuleType
from typing import TYPE_CHECKING


def _pint_without_dask() -> ModuleType:
    """pint, imported without its optional Dask support.

    When Dask is installed (the ``dask`` extra), importing pint imports ``dask.base`` to
    support Dask arrays, which costs every command several tenths of a second at start-up;
    the registry never meets a Dask array. Dask is hidden while pint is imported (a
    ``None`` in ``sys.modules`` makes it look absent) and is importable again after.
    """
    if "pint" in sys.modules or "dask" in sys.modules:
        import pint

        return pint
    sys.modules["dask"] = None  # type: ignore[assignment]
    try:
        import pint
    finally:
        del sys.modules["dask"]
    return pint


if TYPE_CHECKING:
    import pint
else:
    pint = _pint_without_dask()


class UnitError(ValueError):
    """A unit string that the registry cannot parse, or two units that cannot be converted."""

    def __init__(self, message: str, unit: str) -> None:
        super().__init__(message)
        self.unit = unit


_DEFINING = threading.Lock()


@cache
def registry() -> pint.UnitRegistry[float]:
    ureg: pint.UnitRegistry[float] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    definitions = resources.files("checks.data").joinpath("units.txt")
    with resources.as_file(definitions) as path:
        ureg.load_definitions(str(path))
    return ureg


def parse_unit(unit: str) -> pint.Unit:
    """Parse a unit string such as ``VND/report`` or ``percent``.

    A count unit that a package declared (:func:`use_counts`) parses only while that
    package is the one in use: the registry keeps it, the next package does not see it.

    >>> str(parse_unit("VND/report"))
    'VND / report'
    """
    parsed = _parse_unit(unit)
    hidden = _declared - _in_use
    if hidden:
        _refuse_hidden(unit, parsed, frozenset(hidden))
    return parsed


@cache
def _parse_unit(unit: str) -> pint.Unit:
    if not unit.strip():
        return registry().dimensionless
    try:
        return registry().Unit(unit)
    except Exception as exc:  # pint's parser raises many types (TokenError on ")", ...)
        raise UnitError(f"unknown unit {unit!r}: {exc}", unit) from None


@cache
def _refuse_hidden(unit: str, parsed: pint.Unit, hidden: frozenset[str]) -> None:
    dimensions = dict(registry().Quantity(1.0, parsed).dimensionality)
    for name in sorted(hidden):
        if f"[{name}]" in dimensions:
            raise UnitError(
                f"unknown unit {unit!r}: {name!r} is not defined in the unit registry "
                "(another package's count unit)",
                unit,
            )


@cache
def conversion_factor(source: str, target: str) -> float:
    """The factor that turns a magnitude in ``source`` into ``target``."""
    try:
        return float(registry().Quantity(1.0, parse_unit(source)).to(parse_unit(target)).magnitude)
    except pint.DimensionalityError:
        raise UnitError(f"cannot convert {source!r} to {target!r}", source) from None


def convert(value: float, source: str, target: str) -> float:
    """Convert a magnitude between two compatible units.

    >>> convert(50, "percent", "dimensionless")
    0.5
    """
    return value * conversion_factor(source, target)


_COUNT_NAME = re.compile(r"[a-z][a-z_]{1,39}")
"""A count unit a package may add: one lower-case word (``account``, ``vehicle``)."""


_declared: set[str] = set()
"""Every count unit a package has added to the registry in this process."""
_in_use: frozenset[str] = frozenset()
"""The count units of the package in use (the last one loaded)."""


def use_counts(names: Iterable[str]) -> None:
    """Make ``names`` the package's own count units: each is added to the registry as a
    count of its own (``account = [account]``), as ``person`` and ``report`` are, and the
    count units another package declared stop parsing (:func:`parse_unit`).

    Raises :class:`UnitError` for a name that is not one lower-case word, or that is
    already another unit (``day``, ``km``): a package cannot redefine a unit.
    """
    global _in_use
    wanted = list(names)
    ureg = registry()
    with _DEFINING:
        for name in wanted:
            if _COUNT_NAME.fullmatch(name) is None:
                raise UnitError(f"{name!r} is not one lower-case word", name)
            if name in _declared:
                continue
            try:
                known = ureg.Quantity(1.0, ureg.Unit(name)).dimensionality
            except Exception:  # not a unit yet: pint's parser raises several types
                ureg.define(f"{name} = [{name}]")
                _declared.add(name)
                continue
            if dict(known) != {f"[{name}]": 1}:
                raise UnitError(f"{name!r} is already a unit of {known}", name)
        _in_use = frozenset(wanted)


def declared_counts() -> frozenset[str]:
    """The count units packages have added in this process (see :func:`use_counts`)."""
    return frozenset(_declared)

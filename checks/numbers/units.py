"""One pint registry for the whole package.

VND and USD are distinct dimensions (no implicit conversion); counted things
(person, report, attack, ...) are dimensions of their own.
"""

from __future__ import annotations

import sys
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


@cache
def registry() -> pint.UnitRegistry[float]:
    ureg: pint.UnitRegistry[float] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    definitions = resources.files("checks.data").joinpath("units.txt")
    with resources.as_file(definitions) as path:
        ureg.load_definitions(str(path))
    return ureg


@cache
def parse_unit(unit: str) -> pint.Unit:
    """Parse a unit string such as ``VND/report`` or ``percent``.

    >>> str(parse_unit("VND/report"))
    'VND / report'
    """
    if not unit.strip():
        return registry().dimensionless
    try:
        return registry().Unit(unit)
    except Exception as exc:  # pint's parser raises many types (TokenError on ")", ...)
        raise UnitError(f"unknown unit {unit!r}: {exc}", unit) from None


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

"""One pint registry for the whole package.

VND and USD are distinct dimensions (no implicit conversion); counted things
(person, report, attack, ...) are dimensions of their own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pint


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

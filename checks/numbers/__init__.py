"""Numbers as printed in the news, turned into intervals with units."""

from checks.numbers.interval import Interval
from checks.numbers.parse import ParsedNumber, parse_number
from checks.numbers.qualifiers import QUALIFIERS, widen
from checks.numbers.units import UnitError, convert, parse_unit

__all__ = [
    "QUALIFIERS",
    "Interval",
    "ParsedNumber",
    "UnitError",
    "convert",
    "parse_number",
    "parse_unit",
    "widen",
]

"""The count units a package declares in its descriptor, beyond the registry's own.

The registry knows the counts of the first data set (person, report, attack, incident,
country ...). A package about other things counts other things: it names them in its
descriptor, and each becomes a count of its own, as ``person`` is::

    "countUnits": ["account", "vehicle"]

A claim or an indicator may then use ``account``, ``accounts`` or ``VND/account``. A name
must be one lower-case word and may not be a unit already (``day``, ``km``).
"""

from __future__ import annotations

import sys
from typing import Any

from checks.model.errors import InputError

PROPERTY = "countUnits"


def declare_count_units(descriptor: dict[str, Any], *, display: str) -> tuple[str, ...]:
    """Add the descriptor's count units to the unit registry (and hide those of packages
    loaded before); the names declared.

    Raises :class:`InputError` (naming the descriptor and the property) for a value that is
    not a list of lower-case words, or a name that is already another unit.
    """
    names = descriptor.get(PROPERTY, [])
    expected = 'a list of lower-case words, e.g. ["account", "vehicle"]'
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InputError(
            f"{PROPERTY} is not a list of words", path=display, column=PROPERTY, expected=expected
        )
    loaded = sys.modules.get("checks.numbers.units")  # pint only when a package counts
    if not names and (loaded is None or not loaded.declared_counts()):
        return ()  # nothing to add, nothing of another package's to hide
    from checks.numbers import units

    try:
        units.use_counts(names)
    except units.UnitError as exc:
        raise InputError(
            str(exc),
            path=display,
            column=f"{PROPERTY}[{names.index(exc.unit)}]",
            expected=expected,
        ) from None
    return tuple(names)

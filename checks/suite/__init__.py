"""The built-in checks; importing this package registers them.

``ORDER`` is the order in which they run and are reported: the schema first, because
every other check reads the tables it validates.
"""

from checks.suite import (
    arithmetic,
    citation,
    conflicts,
    coverage,
    provenance,
    schema,
    temporal,
)

ORDER = ("schema", "citation", "coverage", "arithmetic", "conflicts", "temporal", "provenance")

__all__ = [
    "ORDER",
    "arithmetic",
    "citation",
    "conflicts",
    "coverage",
    "provenance",
    "schema",
    "temporal",
]

"""The built-in checks; importing this package registers them.

``ORDER`` is the order in which they run and are reported: the schema first, because
every other check reads the tables it validates; ``waivers`` last, because it reviews
the findings of the others.
"""

from checks.suite import (
    arithmetic,
    citation,
    conflicts,
    coverage,
    provenance,
    schema,
    sentences,
    temporal,
    waivers,
)

ORDER = (
    "schema",
    "citation",
    "coverage",
    "arithmetic",
    "sentences",
    "conflicts",
    "temporal",
    "provenance",
    "waivers",
)

__all__ = [
    "ORDER",
    "arithmetic",
    "citation",
    "conflicts",
    "coverage",
    "provenance",
    "schema",
    "sentences",
    "temporal",
    "waivers",
]

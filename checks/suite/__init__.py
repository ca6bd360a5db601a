"""The built-in checks; importing this package registers them.

``ORDER`` is the order in which they run and are reported: the schema first, because
every other check reads the tables it validates.
"""

from checks.suite import citation, schema

ORDER = ("schema", "citation", "coverage", "arithmetic", "conflicts", "temporal", "provenance")

__all__ = ["ORDER", "citation", "schema"]

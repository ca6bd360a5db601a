"""The ledger: what the checks derive from a package's tables, each part built once.

Every check reads the same derived tables: typed views of the string tables, the claims'
source languages, every ``as_written`` parsed, the claims as intervals, the parsed rules
and the names of the sources. The :class:`Ledger` of a package holds them as typed
attributes, each built on first use; the checks may run on two threads, and a second
caller waits for the first to finish building a part instead of building it again.

>>> from checks.model.package import load_package
>>> book = ledger(load_package("."))  # doctest: +SKIP
>>> len(book.claims)  # doctest: +SKIP
67
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.ledger.claims import ClaimTable, build_claim_table
from checks.ledger.sources import SourceNames, source_names
from checks.ledger.statements import Statements, find_statements
from checks.ledger.typed import typed_view
from checks.ledger.written import quote_positions, read_written
from checks.model.memory import trim_heap
from checks.model.package import Package

if TYPE_CHECKING:
    from checks.rules.ruleset import RuleSet

T = TypeVar("T")


class Ledger:
    """The derived tables of one package, built lazily and shared by every check."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self._built: dict[str, object] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _once(self, key: str, build: Callable[[], T]) -> T:
        if key in self._built:
            return cast(T, self._built[key])
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._built:
                self._built[key] = build()
                trim_heap()  # the build's intermediate arrays go back to the system
            return cast(T, self._built[key])

    def has(self, key: str) -> bool:
        """Whether the part ``key`` (``claims``, ``written``, ``typed:claims`` ...) is built."""
        return key in self._built

    def offer(self, key: str, value: object) -> None:
        """Keep ``value`` as the part ``key`` unless that is built already: a check that
        computed a part on its way (citation, the quote positions) hands it over, and the
        next check to ask does not compute it again. The value must be what the part's
        own build gives."""
        with self._guard:
            self._built.setdefault(key, value)

    def release_inputs(self) -> None:
        """Forget the typed views and the parsed ``as_written`` (a later use builds them
        again). At a million claims they are about 350 and 100 MB; the runner drops them
        once the checks that read them (those with ``reads_typed``) are done and the claims
        as intervals, built on them, exist."""
        with self._guard:
            for key in [k for k in self._built if k.startswith("typed:") or k == "written"]:
                del self._built[key]
        trim_heap()

    def typed(self, name: str) -> pd.DataFrame:
        """The table with its integer, number and date fields converted
        (:func:`~checks.ledger.typed.typed_view`); invalid cells are missing."""
        return self._once(f"typed:{name}", lambda: typed_view(self.package, name))

    @property
    def languages(self) -> pd.Series:
        """The language each claim's ``as_written`` is read in, row-aligned with claims.csv:
        its source's (``vi`` when the source is unknown), or its quote's where that settles
        an ambiguous reading (:func:`~checks.ledger.written.read_written`)."""
        return self._once("written", lambda: read_written(self))[0]

    @property
    def written(self) -> pd.DataFrame:
        """Every claim's ``as_written`` parsed in the language of :attr:`languages`, one row
        per row of claims.csv."""
        return self._once("written", lambda: read_written(self))[1]

    @property
    def quote_positions(self) -> npt.NDArray[np.int64]:
        """Where each claim's ``as_written`` starts in its quote (-1 when it does not
        occur), one entry per row of claims.csv; citation and coverage both ask."""
        claims = self.package.table("claims")
        if not {"quote", "as_written"} <= set(claims.columns):  # the schema check says why
            return np.full(len(claims), -1, dtype=np.int64)
        return self._once(
            "quote_positions", lambda: quote_positions(claims["quote"], claims["as_written"])
        )

    @property
    def claims(self) -> ClaimTable:
        """The claims as intervals (:class:`~checks.ledger.claims.ClaimTable`)."""
        return self._once("claims", lambda: build_claim_table(self))

    @property
    def statements(self) -> Statements:
        """The statements printed more than once (:mod:`~checks.ledger.statements`)."""
        return self._once("statements", lambda: find_statements(self.claims))

    @property
    def rules(self) -> RuleSet:
        """The rules table parsed (:class:`~checks.rules.ruleset.RuleSet`)."""
        from checks.rules.ruleset import load_rules  # the rule language builds on the ledger

        return self._once("rules", lambda: load_rules(self.package))

    @property
    def source_names(self) -> SourceNames:
        """source_id → its title, publisher and url, for the messages that cite a source."""
        return self._once("source_names", lambda: source_names(self.package))


def ledger(pkg: Package) -> Ledger:
    """The package's ledger, made on first use and kept with the package."""
    return pkg.derived(Ledger, lambda: Ledger(pkg))

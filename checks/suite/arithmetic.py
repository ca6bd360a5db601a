"""arithmetic: identities and recomputations declared in the rules table.

identity (the implied population from internet users and penetration, compared with each
population claim), ratio-bound (losses per fraud report against documented bounds, also
in USD through an archived exchange rate), growth (a stated rate against the levels it
links, or the implied missing level) and cagr (the compound rate implied by a level and a
forecast against a stated rate). Every comparison is interval against interval.

Without a rule, the arithmetic a claim's own sentence states is recomputed by the
``sentences`` check (:mod:`checks.suite.sentences`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from checks.model.codes import FindingCode
from checks.model.finding import Finding
from checks.model.package import Package
from checks.registry import register
from checks.rules.engine import rule_codes, run_check_rules

CHECK = "arithmetic"


@register
class ArithmeticCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = "Identities, ratios and growth rates recompute"
    codes: ClassVar[tuple[FindingCode, ...]] = rule_codes(CHECK)
    help: ClassVar[str] = (
        "Evaluates the identity, ratio-bound, growth and cagr rules of the rules table on "
        "the claims as intervals; reports a figure only when no reading of the printed "
        "numbers agrees, and derived values (an implied population, an implied rate) as "
        "information."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        yield from run_check_rules(pkg, CHECK)

"""The rules table read into :class:`~checks.rules.rule.Rule` objects, with a problem for
each bad row. What shape a rule must have is said by its kind (``checks.rules.kinds``, one
module per kind; see docs/rules.md); a row of a kind no module declares is left to the
schema check, which rejects it against the table schema's enum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from checks.model.finding import Severity
from checks.model.package import Package
from checks.numbers.units import UnitError, parse_unit
from checks.rules.errors import RuleSyntaxError
from checks.rules.kinds import KINDS
from checks.rules.parser import parse_expression
from checks.rules.rule import Rule, RuleProblem, article
from checks.rules.syntax import references


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    problems: tuple[RuleProblem, ...]

    def of_kind(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules if r.kind in kinds]

    def problems_of_kind(self, *kinds: str) -> list[RuleProblem]:
        return [p for p in self.problems if p.kind in kinds]


def load_rules(pkg: Package) -> RuleSet:
    """Parse every rule row; rows the schema check rejects (unknown kind) are skipped."""
    frame = pkg.table("rules")
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    if frame.empty or "rule_id" not in frame.columns:
        return RuleSet((), ())
    parsed: list[tuple[int, str, str, Rule | RuleSyntaxError]] = []
    for row, record in enumerate(frame.to_dict("records")):
        cells = {k: str(v) for k, v in record.items()}
        kind = cells.get("kind", "")
        rule_id = cells.get("rule_id", "") or f"row{row + 1}"
        if kind not in KINDS:
            continue
        try:
            parsed.append((row, rule_id, kind, _rule(rule_id, kind, cells, row)))
        except RuleSyntaxError as exc:
            parsed.append((row, rule_id, kind, exc))
    mentioned = {
        ref.target
        for *_, rule in parsed
        if isinstance(rule, Rule)
        for ref in references(rule.expression)
        if ref.is_claim
    }
    known = _known(pkg, mentioned)
    for row, rule_id, kind, outcome in parsed:
        try:
            if isinstance(outcome, RuleSyntaxError):
                raise outcome
            _check_references(outcome, *known)
            rules.append(outcome)
        except RuleSyntaxError as exc:
            problems.append(
                RuleProblem(
                    rule_id,
                    kind,
                    row,
                    exc.detail,
                    exc.column or "expression",
                    exc.expected,
                    exc.position,
                    exc.pointer if exc.column == "expression" else None,
                )
            )
    return RuleSet(tuple(rules), tuple(problems))


def _known(pkg: Package, mentioned: set[str]) -> tuple[set[str], set[str]]:
    """The indicator ids, and those of the ``mentioned`` claim ids that exist.

    Only the claim ids the rules mention are looked up, so the cost does not follow the
    size of the ledger.
    """
    indicators = pkg.table("indicators")
    claims = pkg.table("claims")
    present: set[str] = set()
    if mentioned and "claim_id" in claims.columns:
        wanted = sorted(mentioned)
        hits = claims["claim_id"][claims["claim_id"].isin(wanted).to_numpy(dtype=bool)]
        present = set(hits.tolist())
    return (
        set(indicators["indicator_id"]) if "indicator_id" in indicators.columns else set(),
        present,
    )


def _check_references(rule: Rule, indicators: set[str], claims: set[str]) -> None:
    """Every reference names an indicator of indicators.csv or a claim of claims.csv."""
    for ref in references(rule.expression):
        names, what = (claims, "claim") if ref.is_claim else (indicators, "indicator")
        if ref.target not in names:
            raise RuleSyntaxError(
                rule.rule_id,
                rule.text,
                ref.position,
                f"{article(what)} {what} id that exists in {what}s.csv",
                str(ref),
            )


def _number(cells: dict[str, str], column: str, rule_id: str) -> float | None:
    text = cells.get(column, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise RuleSyntaxError(rule_id, text, 0, "a finite number", text, column=column)
    return value


def _share(cells: dict[str, str], column: str, rule_id: str) -> float | None:
    value = _number(cells, column, rule_id)
    if value is not None and value < 0:
        text = cells.get(column, "").strip()
        raise RuleSyntaxError(rule_id, text, 0, "a share of at least 0", text, column=column)
    return value


def _rule(rule_id: str, kind: str, cells: dict[str, str], row: int) -> Rule:
    text = cells.get("expression", "")
    expression = parse_expression(text, rule_id)
    unit = cells.get("unit", "").strip()
    if unit:
        try:
            parse_unit(unit)
        except UnitError:
            raise RuleSyntaxError(
                rule_id, unit, 0, "a unit the unit registry knows", unit, column="unit"
            ) from None
    severity_text = cells.get("severity", "")
    severity = Severity(severity_text) if severity_text in Severity._value2member_map_ else None
    if severity is None:
        raise RuleSyntaxError(
            rule_id, severity_text, 0, "error, warning or info", severity_text, column="severity"
        )
    rule = Rule(
        rule_id=rule_id,
        kind=kind,
        text=text,
        expression=expression,
        minimum=_number(cells, "minimum", rule_id),
        maximum=_number(cells, "maximum", rule_id),
        unit=unit,
        severity=severity,
        tolerance=_number(cells, "tolerance", rule_id) or 0.0,
        rationale=cells.get("rationale", ""),
        row=row,
        error_gap=_share(cells, "error_gap", rule_id),
        edge_share=_share(cells, "edge_share", rule_id),
    )
    KINDS[kind].shape(rule)
    return rule

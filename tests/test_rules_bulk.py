"""The column pre-check of ratio-bound rules never hides a finding.

:func:`checks.rules.bulk.suspect_anchors` decides, for all bindings at once, which anchors
may fail; the kind evaluates only those. Over random packages (stocks and ratios with
instants inside windows, flows over equal periods, hedged and exact numbers, units that
convert) the arithmetic findings with the pre-check equal those of evaluating every
anchor, and on a fixed package the pre-check leaves out the anchors that pass.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.ledger.ledger import ledger
from checks.model.package import load_package
from checks.numbers.interval import Interval
from checks.numbers.units import parse_unit
from checks.rules import bulk
from checks.rules.kinds import ratio
from checks.rules.parser import parse_expression
from checks.rules.syntax import Comparison
from tests.claim_packages import build, claim, codes, findings, rule

PERIODS = {
    "internet-users": ["2024-01-01", "2024", "2024-07-01"],
    "population": ["2024", "2024-01-01", "2023"],
    "internet-penetration": ["2024-01-01", "2024"],
    "online-fraud-reports": ["2023", "2023-01-01..2023-06-30", "2024"],
    "online-fraud-losses": ["2023", "2024", "2023-01-01..2023-06-30"],
}
NUMBERS = ["10", "11", "50", "1.000", "2,5 triệu", "120"]
QUALIFIERS = ["exact", "nearly", "more_than", "approx", "forecast"]


@st.composite
def claims(draw: st.DrawFn) -> list[dict[str, str]]:
    rows = []
    for index in range(draw(st.integers(1, 10))):
        indicator = draw(st.sampled_from(sorted(PERIODS)))
        written = draw(st.sampled_from(NUMBERS))
        rows.append(
            claim(
                f"c{index}",
                indicator,
                written,
                value="",
                qualifier=draw(st.sampled_from(QUALIFIERS)),
                period=draw(st.sampled_from(PERIODS[indicator])),
                subject=draw(st.sampled_from(["VNM", "THA"])),
                source_id=draw(st.sampled_from(["news", "office"])),
            )
        )
    return rows


@st.composite
def rules(draw: st.DrawFn) -> list[dict[str, str]]:
    bound = st.sampled_from(["", "0", "0.5", "1", "5", "20", "1000000"])
    out = []
    for index, expression in enumerate(
        [
            "[internet-users] / [population]",
            "[online-fraud-losses] / [online-fraud-reports]",
            "[internet-users] * [internet-penetration] - [population]",
            "-[online-fraud-reports] + 2 * [online-fraud-reports]",
        ]
    ):
        unit = ["", "VND/report", "person", "report"][index]
        out.append(
            rule(
                f"bound-{index}",
                "ratio-bound",
                expression,
                minimum=draw(bound),
                maximum=draw(bound),
                unit=unit,
                tolerance=draw(st.sampled_from(["0", "0.05"])),
            )
        )
    return out


def _every_anchor(*args: object, **kwargs: object) -> None:
    return None


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rows=claims(), table=rules())
def test_precheck_gives_the_same_findings_as_evaluating_every_anchor(
    rows: list[dict[str, str]], table: list[dict[str, str]]
) -> None:
    sources = {"office": {"kind": "statistical"}}
    with tempfile.TemporaryDirectory() as folder:
        root = build(Path(folder) / "p", rows, table, sources)
        fast = findings(root, "arithmetic")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(ratio, "suspect_anchors", _every_anchor)
            slow = findings(root, "arithmetic")
    assert codes(fast) == codes(slow)
    assert [f.message for f in fast] == [f.message for f in slow]


def test_precheck_leaves_out_anchors_whose_bindings_all_pass(tmp_path: Path) -> None:
    rows = [
        claim("fine", "online-fraud-losses", "100", value="100", period="2023"),
        claim("fine-n", "online-fraud-reports", "10", value="10", period="2023"),
        claim("high", "online-fraud-losses", "900", value="900", period="2024"),
        claim("high-n", "online-fraud-reports", "10", value="10", period="2024"),
    ]
    expression = "[online-fraud-losses] / [online-fraud-reports]"
    root = build(tmp_path / "p", rows, [rule("r", "ratio-bound", expression, maximum="50")])
    pkg = load_package(root)
    table = ledger(pkg).claims
    (bound,) = ledger(pkg).rules.rules
    suspects = bulk.suspect_anchors(
        table, bound.left, Interval(float("-inf"), 50.0), parse_unit("VND/report"), 0.0
    )
    assert suspects is not None
    assert [table.claim(p).claim_id for p in suspects] == ["high"]


def test_precheck_gives_up_on_claim_references_and_selectors(tmp_path: Path) -> None:
    rows = [claim("a", "online-fraud-reports", "10", value="10", period="2023")]
    root = build(tmp_path / "p", rows, [])
    table = ledger(load_package(root)).claims
    anything = Interval(0.0, 1.0)
    for text in ("[claim:a] / [online-fraud-reports]", "[online-fraud-reports@previous] + 1"):
        node = parse_expression(text)
        assert not isinstance(node, Comparison)
        assert bulk.suspect_anchors(table, node, anything, parse_unit("report"), 0.0) is None

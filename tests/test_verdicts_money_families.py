"""Money in families: flows of one family normalised to a rate per year and one currency
(through a dated exchange-rate claim); a comparability warning beyond the family's factor,
information within it."""

from __future__ import annotations

from pathlib import Path

from tests.claim_packages import claim, findings
from tests.verdict_packages import build_graded

POLICE = {"police": {"kind": "official"}}


def _losses(root: Path, reported: str, value: str, **extra: str) -> Path:
    rows = [
        claim("estimated", "fraud-losses-estimated", "390.000 tỷ đồng", value="390000000000000",
              unit="VND", speaker="Bộ Ngoại giao"),
        claim("reported", "fraud-losses-reported", reported, value=value,
              unit=extra.pop("unit", "VND"), source_id="police", speaker="Bộ Công an"),
        *[claim(k, "exchange-rate-usd-vnd", v, value=v.replace(".", ""), source_id="police")
          for k, v in extra.items()],
    ]  # fmt: skip
    return build_graded(root, rows, sources=POLICE)


def test_two_money_figures_of_a_family_40_times_apart_are_a_warning(tmp_path: Path) -> None:
    found = findings(_losses(tmp_path / "p", "9.750 tỷ đồng", "9750000000000"), "conflicts")
    (pair,) = [f for f in found if f.code == "comparability"]
    assert pair.severity.value == "warning"
    assert "at least 39.5 times the other, more than the family's factor 10" in pair.message
    assert pair.evidence["definitions"] == {
        "fraud-losses-estimated": "Definition of fraud-losses-estimated.",
        "fraud-losses-reported": "Definition of fraud-losses-reported.",
    }


def test_two_money_figures_of_a_family_within_the_factor_are_information(
    tmp_path: Path,
) -> None:
    found = findings(_losses(tmp_path / "p", "130.000 tỷ đồng", "130000000000000"), "conflicts")
    (pair,) = [f for f in found if f.code == "comparability"]
    assert pair.severity.value == "info"


def test_money_in_another_currency_is_compared_through_a_dated_exchange_rate(
    tmp_path: Path,
) -> None:
    root = _losses(tmp_path / "p", "400 triệu USD", "400000000", unit="USD", rate="24.426")
    (pair,) = [f for f in findings(root, "conflicts") if f.code == "comparability"]
    assert pair.severity.value == "warning"
    assert "VND/year)" in pair.message  # the USD figure shown in VND
    assert "more than the family's factor 10" in pair.message

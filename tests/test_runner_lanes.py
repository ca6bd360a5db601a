"""Running the checks in two lanes on two threads gives what one thread gives.

Large packages run the source checks (citation, coverage) beside the table checks; the
findings, their order, and which error is raised must not depend on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from checks.model.errors import InputError
from checks.model.finding import Finding
from checks.model.package import Package, load_package
from checks.runner import run_checks
from checks.suite import conflicts, coverage


def _found(root: Path, workers: int) -> list[Finding]:
    return run_checks(load_package(root), workers=workers)


def test_two_lanes_give_the_same_findings_in_the_same_order(mini: Path) -> None:
    one, two = _found(mini, 1), _found(mini, 2)
    assert [f.to_dict() for f in two] == [f.to_dict() for f in one]
    assert one


def test_the_repository_package_gives_the_same_findings_on_two_lanes() -> None:
    root = Path(__file__).resolve().parents[1]
    one, two = _found(root, 1), _found(root, 2)
    assert [f.fingerprint for f in two] == [f.fingerprint for f in one]
    assert len(one) > 10


def test_progress_is_reported_once_per_check_on_two_lanes(mini: Path) -> None:
    seen: list[str] = []
    run_checks(load_package(mini), on_check=seen.append, workers=2)
    assert sorted(seen) == sorted(set(seen))
    assert {"citation", "coverage", "schema", "conflicts"} <= set(seen)


class _Broken:
    title: ClassVar[str] = "broken"
    help: ClassVar[str] = "raises"

    def __init__(self, message: str) -> None:
        self.message = message

    def run(self, pkg: Package) -> Iterator[Finding]:
        raise InputError(self.message)


def test_the_error_of_the_first_failing_check_in_run_order_is_raised(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """coverage (source lane) runs before conflicts (table lane) in run order: when both
    fail, coverage's error is the one raised, whichever thread fails first."""
    monkeypatch.setattr(coverage.CoverageCheck, "run", _Broken("coverage failed").run)
    monkeypatch.setattr(conflicts.ConflictsCheck, "run", _Broken("conflicts failed").run)
    for workers in (1, 2):
        with pytest.raises(InputError, match="coverage failed"):
            run_checks(load_package(mini), workers=workers)


@pytest.mark.parametrize("workers", [1, 2])
def test_source_texts_are_released_once_the_checks_that_read_them_are_done(
    mini: Path, workers: int
) -> None:
    pkg = load_package(mini)
    first = run_checks(pkg, workers=workers)
    assert pkg._texts == {}
    assert [f.fingerprint for f in run_checks(pkg, workers=workers)] == [
        f.fingerprint for f in first
    ]


def test_a_table_check_run_alone_keeps_the_texts_it_did_not_read(mini: Path) -> None:
    pkg = load_package(mini)
    pkg.source_text(str(pkg.table("sources")["path"].iloc[0]))
    run_checks(pkg, ["conflicts"], workers=1)
    assert len(pkg._texts) == 1

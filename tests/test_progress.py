"""The progress bar shows on a terminal only: never in CI, with NO_COLOR, or in a pipe."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from checks.progress import check_progress, progress_enabled


def terminal() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=True, width=100), buffer


def test_bar_names_each_check_on_a_terminal() -> None:
    console, buffer = terminal()
    with check_progress(2, console=console, environ={}) as on_check:
        on_check("schema")
        on_check("citation")
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buffer.getvalue())
    assert "claimledger check schema" in drawn
    assert "claimledger check citation" in drawn
    assert "1/2" in drawn


@pytest.mark.parametrize("environ", [{"CI": "true"}, {"NO_COLOR": "1"}, {"CI": ""}])
def test_nothing_is_drawn_in_ci_or_with_no_color(environ: dict[str, str]) -> None:
    console, buffer = terminal()
    assert not progress_enabled(console, environ)
    with check_progress(2, console=console, environ=environ) as on_check:
        on_check("schema")
    assert buffer.getvalue() == ""


def test_nothing_is_drawn_when_not_a_terminal() -> None:
    buffer = io.StringIO()
    with check_progress(1, console=Console(file=buffer), environ={}) as on_check:
        on_check("schema")
    assert buffer.getvalue() == ""


def test_check_writes_nothing_to_stderr_in_a_pipe(mini: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "GITHUB_ACTIONS")}
    proc = subprocess.run(
        [sys.executable, "-m", "checks.cli", "check", str(mini), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert "\x1b[" not in proc.stdout

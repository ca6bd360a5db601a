"""The README's "Check your own article" commands, run exactly as written in an empty folder:
init → source add → scan --draft → claims add → check → publish."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def own_article_commands() -> str:
    section = re.search(
        r"<!-- own-article:start -->\n```sh\n(.*?)```\n<!-- own-article:end -->", README, re.S
    )
    assert section is not None, "the README has a 'Check your own article' block"
    return section.group(1)


def test_the_readme_commands_take_an_article_from_init_to_publish(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "claimledger").exists(), "the claimledger script beside this Python"
    env = {
        **{k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", own_article_commands()],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    root = tmp_path / "my-checks"
    with (tmp_path / "draft.csv").open(encoding="utf-8", newline="") as fh:
        draft = list(csv.DictReader(fh))
    # the dates only fix the periods: two number rows, indicators proposed from 'người'
    assert [(r["as_written"], r["indicator_id"], r["period_start"]) for r in draft] == [
        ("101,3 triệu", "population", "2024-01-01"),
        ("101.112.656", "population", "2024-04-01"),
    ]
    with (root / "datapackage" / "claims.csv").open(encoding="utf-8", newline="") as fh:
        claims = list(csv.DictReader(fh))
    assert [(c["claim_id"], c["subject"]) for c in claims] == [
        ("gso-2024-population-001", "VNM"),
        ("gso-2024-population-002", "VNM"),
    ]
    findings = json.loads((root / "reports" / "findings.json").read_text(encoding="utf-8"))
    assert findings["summary"]["error"] == 0
    assert "2 claims from 1 source" in done.stdout
    assert (root / "out" / "claimledger-0.1.0.zip").is_file()
    assert (root / "out" / "claimledger.db").is_file()

"""Shared fixtures: a small package written for the tests, copied fresh for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/mini; returns its root folder."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target

"""Shared fixtures: a small package written for the tests, copied fresh for each test; the
tests that share the session's Dask cluster run on one pytest-xdist worker."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """The address of a LocalCluster (two single-threaded workers) shared by the session."""
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=":0", scheduler_port=0
    ) as cluster:
        yield str(cluster.scheduler_address)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``-n``, on by default) the tests that use :func:`dask_scheduler`
    form one group (``--dist loadgroup``): one worker starts the cluster, not every one."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if "dask_scheduler" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("dask"))

"""A Dask distributed client for one run: a LocalCluster started and closed, or a
connection to a running scheduler."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from checks.engine import EngineOptions
from checks.model.errors import InputError

EXTRA = "pip install 'claimledger[dask]'"


def require_dask() -> None:
    """Raise an input error (exit 2) naming the extra when Dask is not installed."""
    try:
        importlib.import_module("dask.dataframe")
        importlib.import_module("distributed")
    except ImportError as exc:
        raise InputError(
            f"the dask engine needs Dask distributed, which is not installed ({exc.name})",
            column="--engine",
            expected=f"the optional extra: {EXTRA}",
        ) from None


@contextmanager
def dask_client(options: EngineOptions) -> Iterator[Any]:
    """A ``distributed.Client``; a LocalCluster made for it is closed on exit.

    Workers are processes with one thread each (the checks hold the GIL much of the time).
    """
    require_dask()
    distributed = dask_module("distributed")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout="20s")
        except OSError as exc:
            raise InputError(
                f"cannot reach the Dask scheduler {options.scheduler!r}: {exc}",
                column="--scheduler",
                expected="the address of a running scheduler, e.g. tcp://host:8786",
            ) from None
        try:
            yield client
        finally:
            client.close()
        return
    kwargs: dict[str, Any] = {
        "processes": True,
        "threads_per_worker": 1,
        "dashboard_address": ":0",
        "scheduler_port": 0,
        "silence_logs": logging.ERROR,
    }
    if options.workers is not None:
        kwargs["n_workers"] = options.workers
    if options.worker_memory is not None:
        kwargs["memory_limit"] = options.worker_memory
    # A worker past 80% of its limit pauses until its memory falls; ours is the checks' own
    # (their results are small), which pausing cannot free: the run would wait forever. So
    # a worker keeps working, and one past 95% is restarted by its nanny, which ends the
    # run with KilledWorker (said below) instead of a silent hang.
    dask = dask_module("dask")
    with dask.config.set({"distributed.worker.memory.pause": False}):
        try:
            with LocalCluster(**kwargs) as cluster, Client(cluster) as client:
                yield client
        except distributed.KilledWorker as exc:
            raise InputError(
                f"a Dask worker ran out of memory, again after each restart ({exc})",
                column="--worker-memory",
                expected="a larger limit per worker, or more workers",
            ) from None


def dask_module(name: str) -> Any:
    """A module of Dask (``dask``, ``dask.dataframe``, ``distributed``), untyped.

    Dask is an optional extra: the engine reaches it through this function so that the
    rest of the package type-checks and imports without it.
    """
    require_dask()
    return importlib.import_module(name)

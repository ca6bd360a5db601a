"""The ``--engine`` options that ``check`` and ``scan`` share."""

from __future__ import annotations

from enum import StrEnum

from checks.engine import EngineOptions
from checks.model.errors import InputError


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def engine_options(
    engine: Engine,
    scheduler: str | None,
    workers: int | None = None,
    worker_memory: str | None = None,
) -> EngineOptions:
    """The options as given on the command line; cluster options need ``--engine dask``."""
    if engine is Engine.local:
        for name, value in (
            ("--scheduler", scheduler),
            ("--workers", workers),
            ("--worker-memory", worker_memory),
        ):
            if value is not None:
                raise InputError(
                    f"{name} given with the local engine", column=name, expected="--engine dask"
                )
    if scheduler is not None and (workers is not None or worker_memory is not None):
        raise InputError(
            "--workers and --worker-memory describe a LocalCluster, not a running scheduler",
            column="--scheduler",
            expected="either --scheduler or --workers/--worker-memory",
        )
    return EngineOptions(engine.value, scheduler, workers, worker_memory)

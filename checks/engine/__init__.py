"""Engines: where the checks and the corpus scan run.

``local`` (the default) runs everything in this process, as ``claimledger`` always has
(:mod:`checks.runner`). ``dask`` runs the table checks and the corpus scan on a Dask
distributed cluster (the optional extra ``claimledger[dask]``): a ``LocalCluster``
started and closed for the run, or an existing cluster named by ``scheduler``. Both give
the same findings, fingerprint for fingerprint (docs/engines.md says how and what the
dask engine partitions).
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.model.errors import InputError

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class EngineOptions:
    """Which engine runs, and for ``dask`` which cluster.

    ``scheduler`` is the address of a running Dask scheduler (``tcp://host:8786``); without
    it a ``LocalCluster`` of ``workers`` processes (default: one per core), each limited to
    ``worker_memory`` (``"2GB"``; default: Dask's share of the machine), is started and
    closed. ``block_bytes`` is the size of a chunk of the claims table (one partition).

    >>> EngineOptions("dask", workers=2).name
    'dask'
    """

    name: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    worker_memory: str | None = None
    block_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise InputError(
                f"unknown engine {self.name!r}", column="--engine", expected=", ".join(ENGINES)
            )
        if self.workers is not None and self.workers < 1:
            raise InputError(
                f"workers={self.workers!r}", column="--workers", expected="a positive number"
            )

    @property
    def distributed(self) -> bool:
        return self.name == "dask"


LOCAL = EngineOptions()

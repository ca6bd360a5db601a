"""JSON as every reader parses it: no bare ``NaN`` or ``Infinity``.

Python's ``json`` writes a non-finite float as ``Infinity``, which ``JSON.parse``, SQLite's
``json_extract`` and SARIF viewers reject. Every JSON claimledger writes goes through
:func:`dumps`: a non-finite number (an unbounded side of an interval, an overflow in a
rule's arithmetic) becomes ``null``, and the encoder is told to refuse any that is left.
"""

from __future__ import annotations

import json
import math
from typing import Any


def finite(value: Any) -> Any:
    """``value`` with every non-finite float inside it replaced by ``None``.

    >>> finite({"lo": float("-inf"), "hi": [1.5, float("nan")]})
    {'lo': None, 'hi': [1.5, None]}
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` of ``value`` with non-finite numbers as ``null``; strict JSON always.

    >>> dumps([1.0, float("inf")])
    '[1.0, null]'
    """
    return json.dumps(finite(value), allow_nan=False, **options)

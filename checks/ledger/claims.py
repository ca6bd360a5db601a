"""The claims as intervals: what every consistency check compares.

Each numeric claim becomes the interval its printed number stands for: ``as_written`` parsed
in the source's language (printed precision, scale word), widened by the claim's
``qualifier``, in the claim's ``unit``, and again in the indicator's canonical unit when
the two convert. An event claim (no number) is its period of days. The table is built once
per package and shared by the arithmetic, conflicts, temporal and provenance checks;
parsing happens once per distinct printed number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.ledger.periods import Period
from checks.model.dates import iso_dates
from checks.model.lookup import lookup
from checks.model.package import Package
from checks.numbers.batch import widen_columns
from checks.numbers.interval import Interval
from checks.numbers.qualifiers import QUALIFIERS
from checks.numbers.units import UnitError, conversion_factor

if TYPE_CHECKING:
    from checks.ledger.ledger import Ledger

_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim with everything the checks need to compare and explain it.

    ``interval`` is what the printed number stands for (precision widened by the
    qualifier); ``printed`` the printed precision alone; ``canonical`` the interval in
    the indicator's unit. All three are None for an event or an unreadable number.
    """

    claim_id: str
    source_id: str
    source_kind: str
    published: dt.date | None
    subject: str
    indicator_id: str
    kind: str
    family: str
    unit: str
    qualifier: str
    as_written: str
    quote: str
    speaker: str
    note: str
    period: Period
    interval: Interval | None
    printed: Interval | None
    canonical: Interval | None
    canonical_unit: str
    row: int

    @property
    def is_event(self) -> bool:
        return not self.as_written

    @property
    def is_forecast(self) -> bool:
        return self.qualifier == "forecast"

    def describe(self) -> str:
        """``claim-id ('as written', qualifier, period)`` for messages."""
        if self.is_event:
            return f"{self.claim_id} (event, {self.period})"
        return f"{self.claim_id} ({self.as_written!r}, {self.qualifier}, {self.period})"


class ClaimTable:
    """All readable claims of a package, one row each, with interval columns.

        Columns: the claim's own fields, ``row`` (its row in claims.csv), ``start_day`` and
        ``end_day`` (days since 1970-01-01), ``lo``/``hi`` (claim unit), ``clo``/``chi``
        (indicator unit), the indicator's ``kind``, ``family``, ``ind_unit``, and the source's
        ``source_kind``, ``published`` and ``language``, ``printed_unit`` (the unit
        ``as_written`` itself prints, ``""`` when none) and ``plo``/``phi`` (the printed
        precision alone, before the qualifier widens it, in the claim's unit; ``cplo``/``cphi`` the
    same in the indicator's unit). Rows whose
        dates or indicator cannot be read are left out (the schema check reports them).

        The quotes, which no check compares, stay in the claims table (``quotes``, by row of
        claims.csv) and are read only for the claims that are built.
    """

    def __init__(
        self, frame: pd.DataFrame, indicators: pd.DataFrame, quotes: pd.Series | None = None
    ) -> None:
        self.frame = frame
        self.indicators = indicators
        self.quotes = quotes if quotes is not None else pd.Series(dtype="str")

    def __len__(self) -> int:
        return len(self.frame)

    def position(self, claim_id: str) -> int | None:
        positions: dict[str, int] | None = self.__dict__.get("_positions")
        if positions is None:
            ids = self.frame["claim_id"].tolist()
            positions = self.__dict__["_positions"] = {cid: i for i, cid in enumerate(ids)}
        return positions.get(claim_id)

    def claim(self, position: int) -> Claim:
        """The claim at a row position, built once and then reused."""
        found = self._memo.get(position)
        return found if found is not None else self.claims([position])[0]

    def claims(self, positions: Sequence[int]) -> list[Claim]:
        """The claims at these row positions; those not built yet are built in one batch.

        Only the rows asked for are turned into Python objects: the checks work on the
        columns and build claims for what they report.
        """
        memo = self._memo
        missing = sorted({p for p in positions if p not in memo})
        if missing:
            rows = self.frame.take(missing)
            columns = {name: rows[name].tolist() for name in rows.columns}
            at = rows["row"].to_numpy(np.int64)
            columns["quote"] = (
                self.quotes.take(at).astype(str).tolist() if len(self.quotes) else [""] * len(at)
            )
            for i, position in enumerate(missing):
                memo[position] = _build_claim({n: v[i] for n, v in columns.items()})
        return [memo[p] for p in positions]

    @property
    def _memo(self) -> dict[int, Claim]:
        memo: dict[int, Claim] | None = self.__dict__.get("_claim_memo")
        if memo is None:
            memo = self.__dict__["_claim_memo"] = {}
        return memo

    def codes(self, column: str) -> npt.NDArray[np.int64]:
        """The column as integer codes (equal values, equal codes), computed once."""
        cache: dict[str, npt.NDArray[np.int64]] = self.__dict__.setdefault("_codes", {})
        if column not in cache:
            cache[column] = pd.factorize(self.frame[column])[0].astype(np.int64)
        return cache[column]

    def group_codes(
        self, positions: npt.NDArray[np.int64], columns: list[str]
    ) -> npt.NDArray[np.int64]:
        """One integer per distinct combination of ``columns`` among the rows at ``positions``.

        Text columns are compared through :meth:`codes`, day columns as they are, so rows are
        grouped without copying any string.
        """
        if len(positions) == 0:
            return np.empty(0, dtype=np.int64)
        combined = np.zeros(len(positions), dtype=np.int64)
        size = 1
        for name in columns:
            values = (
                self.frame[name].to_numpy(np.int64)
                if name in ("start_day", "end_day")
                else self.codes(name)
            )[positions]
            low = int(values.min())
            radix = int(values.max()) - low + 1  # codes are small integers: no hashing
            if radix > 4 * len(values):  # sparse (days, or codes of a few rows): make dense
                values, uniques = pd.factorize(values)
                low, radix = 0, max(len(uniques), 1)
            if size * radix >= 2**62:  # the mixed-radix number would overflow: regroup
                combined, kept = pd.factorize(combined)
                size = max(len(kept), 1)
            combined = combined * radix + (values - low)
            size *= radix
        result: npt.NDArray[np.int64] = pd.factorize(combined)[0].astype(np.int64)
        return result

    def subset(self, positions: npt.NDArray[np.int64]) -> ClaimTable:
        """The table of the rows at ``positions`` (in that order), keeping the column codes
        computed so far (equal values keep equal codes)."""
        frame = self.frame.take(positions).reset_index(drop=True)
        table = ClaimTable(frame, self.indicators, self.quotes)
        known: dict[str, npt.NDArray[np.int64]] = self.__dict__.get("_codes", {})
        table.__dict__["_codes"] = {name: codes[positions] for name, codes in known.items()}
        return table

    def by_id(self, claim_id: str) -> Claim | None:
        position = self.position(claim_id)
        return None if position is None else self.claim(position)

    def of_indicator(self, indicator_id: str, subject: str | None = None) -> list[Claim]:
        """The claims of one indicator (and subject), in claims.csv order."""
        if subject is None:
            return self.claims(self._indicator_groups().get((indicator_id,), []))
        return self.claims(self._subject_groups().get((indicator_id, subject), []))

    def of_source(self, indicator_id: str, subject: str, source_id: str) -> list[Claim]:
        """The claims of one indicator and subject that one source gives, in claims.csv order."""
        groups = self._grouped("_by_source", ["indicator_id", "subject", "source_id"])
        positions = groups.get((indicator_id, subject, source_id), [])
        if any(p not in self._memo for p in positions):  # build the subject's claims at once
            self.claims(self._subject_groups().get((indicator_id, subject), []))
        return self.claims(positions)

    def _subject_groups(self) -> dict[tuple[str, ...], list[int]]:
        return self._grouped("_by_subject", ["indicator_id", "subject"])

    def _indicator_groups(self) -> dict[tuple[str, ...], list[int]]:
        return self._grouped("_by_indicator", ["indicator_id"])

    def _grouped(self, attr: str, columns: list[str]) -> dict[tuple[str, ...], list[int]]:
        """Row positions (ascending) per distinct value of ``columns``, built once."""
        cached: dict[tuple[str, ...], list[int]] | None = self.__dict__.get(attr)
        if cached is None:
            cached = {}
            if len(self.frame):
                codes = self.group_codes(np.arange(len(self.frame), dtype=np.int64), columns)
                order = np.argsort(codes, kind="stable")
                parts = np.split(order, np.flatnonzero(np.diff(codes[order])) + 1)
                firsts = [int(part[0]) for part in parts]
                values = zip(*(self.frame[c].take(firsts).tolist() for c in columns), strict=True)
                for key, part in zip(values, parts, strict=True):
                    cached[tuple(str(v) for v in key)] = part.tolist()
            self.__dict__[attr] = cached
        return cached

    def indicator(self, indicator_id: str) -> dict[str, str] | None:
        """The indicator's label, definition, unit, kind, family, measure,
        max_change_per_year and family_factor (``""`` when not given; None if unknown)."""
        cached: dict[str, dict[str, str]] | None = getattr(self, "_indicator_rows", None)
        if cached is None:
            names = ("label", "definition", "unit", "kind", "family", *_INDICATOR_EXTRA)
            cached = {
                str(i): {k: str(row.get(k, "")) for k in names}
                for i, row in self.indicators.iterrows()
            }
            self._indicator_rows = cached
        return cached.get(indicator_id)


def _build_claim(r: dict[str, object]) -> Claim:
    published = r["published"]
    return Claim(
        claim_id=str(r["claim_id"]),
        source_id=str(r["source_id"]),
        source_kind=str(r["source_kind"]),
        published=None if pd.isna(published) else pd.Timestamp(published).date(),
        subject=str(r["subject"]),
        indicator_id=str(r["indicator_id"]),
        kind=str(r["kind"]),
        family=str(r["family"]),
        unit=str(r["unit"]),
        qualifier=str(r["qualifier"]),
        as_written=str(r["as_written"]),
        quote=str(r["quote"]),
        speaker=str(r["speaker"]),
        note=str(r["note"]),
        period=Period(_date(r["start_day"]), _date(r["end_day"])),
        interval=_interval(r["lo"], r["hi"]),
        printed=_interval(r["plo"], r["phi"]),
        canonical=_interval(r["clo"], r["chi"]),
        canonical_unit=str(r["ind_unit"]),
        row=int(str(r["row"])),
    )


_INDICATOR_EXTRA = ("measure", "max_change_per_year", "family_factor")
"""Optional indicator columns: what a figure measures, how fast a level may change, and
the factor beyond which two figures of a family are a comparability warning."""
_TEXT = ("claim_id", "source_id", "subject", "indicator_id", "unit", "qualifier", "as_written")
_MORE = ("speaker", "note")


def build_claim_table(book: Ledger) -> ClaimTable:
    pkg = book.package
    indicators = _indicators(pkg)
    if not pkg.has("claims"):
        return ClaimTable(_empty(), indicators)
    claims = book.typed("claims")
    if claims.empty or not set(_TEXT) <= set(claims.columns):
        return ClaimTable(_empty(), indicators)
    frame = pd.DataFrame({name: claims[name].astype(str) for name in _TEXT})
    for name in _MORE:
        frame[name] = claims[name].astype(str) if name in claims.columns else ""
    frame["row"] = np.arange(len(claims))
    start = pd.to_datetime(claims["period_start"], errors="coerce")
    end = pd.to_datetime(claims["period_end"], errors="coerce")
    frame["start_day"] = _days(start)
    frame["end_day"] = _days(end)
    keep = (
        (frame["claim_id"] != "")
        & start.notna().to_numpy()
        & end.notna().to_numpy()
        & (frame["start_day"] <= frame["end_day"])
        & frame["indicator_id"].isin(indicators.index)
    )
    frame = _rows_kept(frame, keep.to_numpy(dtype=bool))
    _join_sources(pkg, frame)
    found = lookup(frame["indicator_id"], indicators[["kind", "family", "unit"]])
    frame["kind"], frame["family"] = found["kind"], found["family"]
    frame["ind_unit"] = found["unit"]
    _add_intervals(book, frame)
    quotes = claims["quote"] if "quote" in claims.columns else None
    return ClaimTable(frame, indicators, quotes)


def _empty() -> pd.DataFrame:
    columns = [*_TEXT, *_MORE, "row", "start_day", "end_day", "source_kind", "published"]
    columns += ["language", "kind", "family", "ind_unit", "lo", "hi", "clo", "chi"]
    columns += ["printed_unit", "plo", "phi", "cplo", "cphi"]
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def _indicators(pkg: Package) -> pd.DataFrame:
    frame = pkg.table("indicators")
    names = ("indicator_id", "label", "definition", "unit", "kind", "family", *_INDICATOR_EXTRA)
    if frame.empty or "indicator_id" not in frame.columns:
        return pd.DataFrame(columns=list(names)).set_index("indicator_id")
    out = pd.DataFrame({n: frame[n] if n in frame.columns else "" for n in names})
    return out[out["indicator_id"] != ""].drop_duplicates("indicator_id").set_index("indicator_id")


def _days(series: pd.Series) -> np.ndarray:
    values = series.to_numpy(dtype="datetime64[D]")
    days = (values - _EPOCH).astype("int64")
    return np.where(pd.isna(series).to_numpy(), np.iinfo(np.int64).max, days)


def _date(day: object) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(str(day)))


def _rows_kept(frame: pd.DataFrame, keep: npt.NDArray[np.bool_]) -> pd.DataFrame:
    """The kept rows, first of each claim id, renumbered 0..n-1.

    A ledger in order keeps every row: then no column is copied (a million claims' strings
    are a few hundred megabytes).
    """
    if not keep.all():
        frame = frame[keep]
    duplicated = frame["claim_id"].duplicated().to_numpy(dtype=bool)
    if duplicated.any():
        frame = frame[~duplicated]
    return frame.reset_index(drop=True)


def _join_sources(pkg: Package, frame: pd.DataFrame) -> None:
    """Add each claim's ``source_kind``, ``published`` and ``language`` (a left join that
    adds three columns and copies none)."""
    sources = pkg.table("sources")
    if sources.empty or "source_id" not in sources.columns:
        frame["source_kind"] = ""
        frame["published"] = pd.NaT
        frame["language"] = "vi"
        return
    info = pd.DataFrame(
        {
            "source_kind": sources.get("kind", ""),
            "published": iso_dates(sources.get("published", pd.Series("", index=sources.index))),
            "language": sources.get("language", "vi"),
        }
    )
    info.index = pd.Index(sources["source_id"])
    found = lookup(frame["source_id"], info[~info.index.duplicated()])
    frame["source_kind"] = found["source_kind"].fillna("")
    frame["published"] = found["published"]
    frame["language"] = found["language"].fillna("vi")


def _add_intervals(book: Ledger, frame: pd.DataFrame) -> None:
    """``lo``/``hi`` in the claim's unit and ``clo``/``chi`` in the indicator's, by column:
    each row's printed number comes from :attr:`~checks.ledger.ledger.Ledger.written`
    (parsed once per package, shared with the citation check), widened by the claim's
    qualifier, and scaled from the printed unit to the claim's unit."""
    if frame.empty:
        for name in ("lo", "hi", "clo", "chi", "plo", "phi", "cplo", "cphi"):
            frame[name] = np.array([], dtype=float)
        frame["printed_unit"] = np.array([], dtype=object)
        return
    parsed = book.written.take(frame["row"].to_numpy(np.int64)).reset_index(drop=True)
    qualifier = frame["qualifier"].to_numpy(dtype=object)
    lo, hi = widen_columns(
        parsed["printed_lo"].to_numpy(float),
        parsed["printed_hi"].to_numpy(float),
        parsed["value"].to_numpy(float),
        qualifier,
        parsed["decimals"].fillna(0).to_numpy(np.int64),
    )
    known = np.isin(qualifier, list(QUALIFIERS))
    printed = _pair_factors(
        parsed["unit"].fillna("").astype(str), frame["unit"], lambda u, c: bool(u) and bool(c)
    )
    lo, hi = np.where(known, lo * printed, np.nan), np.where(known, hi * printed, np.nan)
    frame["lo"], frame["hi"] = np.minimum(lo, hi), np.maximum(lo, hi)
    plo = parsed["printed_lo"].to_numpy(float) * printed
    phi = parsed["printed_hi"].to_numpy(float) * printed
    frame["plo"], frame["phi"] = np.minimum(plo, phi), np.maximum(plo, phi)
    frame["printed_unit"] = parsed["unit"].fillna("").astype(str).to_numpy()
    scale = _pair_factors(frame["unit"], frame["ind_unit"].fillna(""), lambda u, c: bool(c))
    clo, chi = lo * scale, hi * scale
    frame["clo"] = np.minimum(clo, chi)
    frame["chi"] = np.maximum(clo, chi)
    cplo, cphi = plo * scale, phi * scale
    frame["cplo"], frame["cphi"] = np.minimum(cplo, cphi), np.maximum(cplo, cphi)


def _pair_factors(
    source: pd.Series, target: pd.Series, applies: Callable[[str, str], bool]
) -> npt.NDArray[np.float64]:
    """The conversion factor from ``source[i]`` to ``target[i]`` (1 where it does not
    apply, NaN where the units do not convert), computed once per distinct pair."""
    pair = source.astype(str) + "\x1f" + target.astype(str)
    codes, uniques = pd.factorize(pair)
    factors = np.array(
        [_factor(str(p)) if applies(*str(p).split("\x1f")) else 1.0 for p in uniques],
        dtype=float,
    )
    return factors[codes] if len(uniques) else np.ones(len(pair))


@lru_cache(maxsize=4096)
def _factor(pair: str) -> float:
    unit, canonical = pair.split("\x1f")
    if not canonical or unit == canonical:
        return 1.0
    try:
        return conversion_factor(unit, canonical)
    except UnitError:
        return float("nan")


def _interval(lo: object, hi: object) -> Interval | None:
    a, b = float(str(lo)), float(str(hi))
    if np.isnan(a) or np.isnan(b):
        return None
    return Interval(a, b)

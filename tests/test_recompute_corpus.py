"""The sentence arithmetic on a corpus of 900 news-style sentences written to test it.

``tests/data/recompute/`` holds Vietnamese and English sentences in the style of wire and
statistics reporting: correct arithmetic (some with rounded operands), planted errors, and
sentences whose numbers do not relate; ``key.csv`` says what a careful fact-checker says of
each line (C correct, E error, W warning or agreement acceptable, N unrelated). Every
correct and unrelated line must raise nothing; every planted error must be an error,
except the forms listed in ``KNOWN_MISSES`` (each with what is not read yet). One line
was moved from N to W when it was added: ``Of the 1,000 workers laid off, 400 were rehired
within a month and 700 within a year`` counts the 400 in the 700, which no sentence
reader can know; a warning that names the overlap is what a fact-checker should see.

``heldout_vi.txt`` and ``heldout_en.txt`` (100 sentences) were written by another helper,
with its key, without seeing the others or the code's rules: on their first run 88 were
right (4 false alarms, 8 planted errors missed); the fixes they prompted are pinned here.
``heldout3_vi.txt`` and ``heldout3_en.txt`` (120 more, a third helper, same conditions): on
their first run 114 right (1 false error: ``lớp 10`` read as a part; 5 planted errors
missed; 10 correct lines not read at all), and a false error on variants of a whole marked
by ``tổng cộng`` heading numbers of another noun. ``heldout4_*.txt`` (100 more, a fourth
helper, in the style of statistics releases and wire copy): on their first run no correct
or unrelated line raised anything; 20 of 31 planted errors were errors, 1 a warning, 10 not
read. Since fixed: a price's second mention without its ``/lít`` (``từ 21.980 đồng xuống
còn 21.460 đồng/lít``), ``include`` as a list, ``Model 3`` as a name, and a change word
whose levels move the other way (``Inflation rose to 2.9% from 3.2%``), an average per
month over a printed number of months, a change in percent and as an amount with only the
level it reached (``The Dow rose 1.2%, or 412 points, to 42,512``). ``heldout5_*.txt`` (80
more, a fifth helper): on their first run no correct or unrelated line raised anything; 23 of
28 planted errors were errors, 2 warnings, 3 not read; its variants showed ``Bão số 3``
summed as a part, since read as a name. ``heldout6_*.txt`` (120 more, a sixth helper, with
shares and multiples in words, averages over a year, base-swapped percentages and exchange
rates): on their first run no correct line raised anything and one unrelated line did
(``cited 14 times`` read as a multiple); 21 of 44 planted errors were errors, 6 warnings, 4
agreed and 13 were not read. Since fixed: how often is not a multiple; ``tăng 3 lần`` at four
times as much is a warning; a percent change reckoned on the new level is an error; shares
in words (``khoảng một phần ba``, ``one in four``); an average per month over a year named
(``Năm 2024``, ``last year``); ``split between`` as a breakdown; a duration printed in
whole units is exact (``Trong 5 năm``); ``mỗi tháng 2 triệu`` is not February; a share
naming its whole in words past a nested list (``chiếm 25% tổng số ca nhập viện``); a rate
per 100,000 people; a margin between two percentages; a gap after ``cao hơn … so với``;
a duration in words (``Ba tháng``, ``over six months``) or ``over the year`` as the count of
an average per month.
``heldout7_*.txt`` (120 lines, a seventh helper: ten short articles, one sentence a line,
most lines with numbers that do not relate), on their first run on the code above: one
correct line raised a false error (``415 were male and 155 were female, meaning men
accounted for almost three-quarters (73%)``: the share's part taken as the 155); 12 of 26
planted errors were errors, 3 agreed, 11 were not read. Since fixed: a share whose clause
names its own subject among several listed parts draws nothing, nor does a percentage in
brackets right after another; points that print exactly as the stated percent while the
relative change does not are a warning; a hedge on a multiple printed with decimals
reaches 5%; a rate's population after it (``in a population of``) or after ``dân số``;
the level right after a change with ``to … from``; ``amounted to`` marks a share, and a
whole the share names right after it (``54.9% of the 288,500 ballots``) need not count what
its part counts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks.recompute.report import recompute_file

DATA = Path(__file__).parent / "data" / "recompute"
RANK = {"-": 0, "ok": 0, "warning": 1, "error": 2}

KNOWN_MISSES = {
    # several parts over their whole: a warning by policy (the groups may overlap)
    ("en_error.txt", 10): "warning",
    ("en_probe.txt", 10): "warning",
    ("vi_error.txt", 6): "warning",
    ("probe2vi.txt", 12): "warning",
    # 650 + 380 + 220 million is 1.25 billion: at the very limit of $1.2 billion's rounding
    ("heldout_en.txt", 22): "warning",
    # forms not read yet
    ("en_probe.txt", 2): "a change whose base is in a later clause (when it was $2.0 billion)",
    ("en_probe.txt", 15): "a fraction in words as a share (about a third of the 2,400)",
    ("probe2vi.txt", 7): "vượt N% (exceeded by): not a change word",
    ("vi_error.txt", 21): "vượt N% (exceeded by): not a change word",
    ("heldout_vi.txt", 30): "vượt N% (exceeded by): not a change word",
    ("probe2vi.txt", 11): "a yield (tấn/ha) as an average of a total and an area",
    ("vi_error.txt", 18): "a yield (tấn/ha) as an average of a total and an area",
    ("probe4.txt", 7): "more than three times 2 million: 2 million may be 1.8 million",
    ("probe4vi.txt", 3): "hơn gấp 3 lần 2 triệu: 2 triệu may be 1,8 triệu",
    ("heldout3_vi.txt", 34): "a change whose base is in a later clause (năm 2022, con số này là)",
    ("heldout3_en.txt", 39): "a count in words (for four players, an average of €40m each)",
    # several parts over their whole: a warning by policy
    ("heldout4_en.txt", 4): "warning",
    ("heldout4_en.txt", 48): "warning",
    ("heldout4_en.txt", 35): "an average stated before its total (On average, each of the 15 …)",
    ("heldout5_en.txt", 20): "bringing the total to: may include an unprinted earlier amount",
    # $2,000 as a round number reaches $1,700 + $400 at the limit of its rounding
    ("heldout5_en.txt", 24): "warning",
    # shares of one whole adding up to more than 100%: a warning, as several parts over a
    # whole are (the groups may overlap)
    ("heldout4_vi.txt", 25): "warning",
    # percentage points printed as a percent: a warning by policy (docs/recompute.md)
    ("heldout6_vi.txt", 4): "warning",
    ("heldout6_en.txt", 4): "warning",
    # 12% for 76 → 84 (10.5%): reached only with both levels and the 12 at their limits
    ("heldout6_vi.txt", 23): "warning",
    ("heldout6_vi.txt", 10): "exports and imports under trong đó: not known to be all of trade",
    ("heldout6_vi.txt", 25): "a currency conversion at a printed exchange rate",
    ("heldout6_en.txt", 25): "a currency conversion at a printed exchange rate",
    ("heldout6_vi.txt", 34): "a share whose whole has no cue (Khảo sát trên 1.500 học sinh)",
    ("heldout6_en.txt", 28): "a per-head figure without a per-head word (every American owes)",
    ("heldout6_en.txt", 34): "a hedged part (Some 1.2 million) reaches the share in words",
    ("heldout6_en.txt", 46): "an additional amount before its levels (an additional 1,200 … to)",
    # percentage points printed as a percent: a warning by policy
    ("heldout7_vi.txt", 34): "warning",
    # 0.3 point for 60.1% → 60.3%: reached through the rounding of the two levels
    ("heldout7_en.txt", 22): "warning",
    ("heldout7_vi.txt", 29): "warning",
    ("heldout7_en.txt", 4): "an improvement of: whether it is a rise depends on the measure",
    ("heldout7_en.txt", 10): "an equal split (three equal tranches of $600 million each)",
    ("heldout7_en.txt", 18): "an average stated before the parts it averages",
    ("heldout7_en.txt", 24): "a gap between two changes (outpacing … by 1.9 percentage points)",
    ("heldout7_en.txt", 27): "bringing the total to: may include an unprinted earlier amount",
    ("heldout7_en.txt", 35): "a figure per head in another unit than its total (TWh, kWh)",
    ("heldout7_en.txt", 56): "a change by an amount to a level, restated in percent further on",
}


def _key() -> Iterator[tuple[str, int, str]]:
    with (DATA / "key.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield row["file"], int(row["line"]), row["expected"]


def _verdicts() -> dict[tuple[str, int], str]:
    worst: dict[tuple[str, int], str] = {}
    for path in sorted(DATA.glob("*.txt")):
        for found in recompute_file(path):
            key = (path.name, found.line)
            if RANK[found.severity] >= RANK[worst.get(key, "-")]:
                worst[key] = found.severity
    return worst


@pytest.fixture(scope="module")
def verdicts() -> dict[tuple[str, int], str]:
    return _verdicts()


def test_no_correct_or_unrelated_sentence_is_flagged(verdicts: dict[tuple[str, int], str]) -> None:
    flagged = [
        (name, line, verdicts[(name, line)])
        for name, line, expected in _key()
        if expected in ("C", "N") and verdicts.get((name, line), "-") not in ("-", "ok")
    ]
    assert flagged == []


def test_every_planted_error_is_an_error_but_the_known_misses(
    verdicts: dict[tuple[str, int], str],
) -> None:
    errors = [(name, line) for name, line, expected in _key() if expected == "E"]
    missed = {(name, line) for name, line in errors if verdicts.get((name, line)) != "error"}
    assert missed == set(KNOWN_MISSES)
    assert len(errors) - len(missed) >= 116


def test_the_warnings_of_the_known_misses_are_still_warnings(
    verdicts: dict[tuple[str, int], str],
) -> None:
    warned = {k for k, why in KNOWN_MISSES.items() if why == "warning"}
    assert {k for k in warned if verdicts.get(k) == "warning"} == warned

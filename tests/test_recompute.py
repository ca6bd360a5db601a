"""Arithmetic a sentence states, recomputed from its own numbers (checks.recompute)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checks.cli import app
from checks.recompute import recompute_text
from checks.scan.scanner import scan_text
from tests.claim_packages import build, claim, findings, sentence_package

runner = CliRunner()


def _verdicts(text: str, language: str = "auto") -> list[tuple[str, str]]:
    _, found = recompute_text(text, language)
    return [(r.relation.kind, r.severity.value if r.severity else "ok") for r in found]


AGREEING = [
    ("Doanh thu năm 2023 đạt 1.250 tỷ đồng, tăng 25% so với năm 2022 (1.000 tỷ đồng).", "change"),
    ("Số vụ giảm từ 1.200 vụ xuống còn 900 vụ, giảm 25%.", "change"),
    ("Revenue rose to $5.2 billion from $4.0 billion, an increase of 30%.", "change"),
    ("The number of users grew 12.5% year on year to 45 million, from 40 million.", "change"),
    ("Tỷ lệ thất nghiệp giảm từ 2,5% xuống 2,3%, giảm 0,2 điểm phần trăm.", "change"),
    ("GDP growth slowed to 5.05% in 2023 from 8.02% in 2022, a decline of 2.97 percentage points.",
     "change"),
    ("Of the 1,500 people surveyed, 600 (40%) said they had received a scam call.", "share"),
    ("Có 45 trong tổng số 63 tỉnh, thành phố (71,4%) đã hoàn thành.", "share"),
    ("Năm 2023 có 78,44 triệu người dùng Internet, chiếm 79,1% dân số 99,2 triệu người.",
     "share"),
    ("Số người dùng tăng gấp đôi, từ 2 triệu lên 4 triệu người.", "multiple"),
    ("In 2023, 4,500 cases were reported, three times the 1,500 recorded in 2022.", "multiple"),
    ("Có 4.500 vụ, gấp 3 lần so với 1.500 vụ năm 2022.", "multiple"),
    ("Với 1.000 lao động, doanh nghiệp chi 50 tỷ đồng tiền lương, bình quân mỗi người 50 "
     "triệu đồng.", "average"),
    ("Số thuê bao đạt 125 triệu, trong đó 80 triệu thuê bao 4G và 30 triệu thuê bao 5G.",
     "parts"),
    ("Hanoi had 1,200 cases and Ho Chi Minh City 900, for a total of 2,100.", "total"),
    ("Investment fraud losses rose from $3.31 billion in 2022 to $4.57 billion in 2023, an "
     "increase of 38%.", "change"),
    ("The company cut 1,200 jobs, or about 8% of its 15,000 workforce.", "share"),
    # the average was computed from the unrounded total: not an error of the article
    ("Losses of $3.4 billion were reported by 101,068 victims, an average loss of $33,915.",
     "average"),
    ("Quý 1 đạt 500 tỷ đồng, quý 2 đạt 600 tỷ đồng, quý 3 đạt 700 tỷ đồng, tổng cộng 1.800 tỷ "
     "đồng.", "total"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "kind"), AGREEING)
def test_a_sentence_whose_arithmetic_holds_raises_nothing(sentence: str, kind: str) -> None:
    found = _verdicts(sentence)
    assert (kind, "ok") in found
    assert all(verdict == "ok" for _, verdict in found)


DISAGREEING = [
    # no reading of the printed numbers gives the stated figure
    ("Revenue rose to $5.2 billion from $4.0 billion, an increase of 23%.", "change", "error"),
    ("Online fraud cases rose from 12,500 in 2022 to 15,000 in 2023, an increase of 25%.",
     "change", "error"),
    ("Cases fell from 2,400 to 1,800, a drop of 40%.", "change", "error"),
    ("The unemployment rate fell to 3.5% from 3.9%, a decrease of 0.6 percentage points.",
     "change", "error"),
    ("Năm 2023 có 78,44 triệu người dùng Internet, chiếm 79,1% dân số 100,3 triệu người.",
     "share", "error"),
    ("Có 45 trong tổng số 63 tỉnh, thành phố (75%) đã hoàn thành.", "share", "error"),
    ("Thiệt hại 5 tỷ đồng từ 100 vụ, bình quân mỗi vụ 80 triệu đồng.", "average", "error"),
    ("In 2023, 4,500 cases were reported, twice the 1,500 recorded in 2022.", "multiple",
     "error"),
    ("Of the 200 victims, 230 were women.", "parts", "error"),
    ("Quý 1 đạt 500 tỷ đồng, quý 2 đạt 600 tỷ đồng, quý 3 đạt 700 tỷ đồng, tổng cộng 1.900 tỷ "
     "đồng.", "total", "error"),
    ("Năm 2022 có 500 vụ, năm 2023 có 600 vụ, tổng cộng 1.000 vụ.", "total", "error"),
    # only a 1-significant-figure reading of the round levels reaches the stated change
    ("Số vụ tăng từ 10.000 vụ năm 2022 lên 16.000 vụ năm 2023, tương ứng tăng 40%.", "change",
     "error"),
    ("Of the 1,500 people surveyed, 600 (45%) said they had received a scam call.", "share",
     "error"),
    # only the rounding of the printed operands reaches it
    ("Số người dùng tăng gấp ba, từ 2 triệu lên 4 triệu người.", "multiple", "warning"),
    ("Tỷ lệ thất nghiệp giảm từ 2,5% xuống 2,3%, giảm 0,3 điểm phần trăm.", "change", "warning"),
    # several parts together: the groups may overlap
    ("Trong số 500 doanh nghiệp được khảo sát, có 320 doanh nghiệp ở miền Bắc và 250 doanh "
     "nghiệp ở miền Nam.", "parts", "warning"),
    # both the average and its total are estimates: a warning, never an error
    ("Tổng thiệt hại ước tính 390.000 tỷ đồng từ 16.000 vụ, bình quân mỗi vụ khoảng 30 tỷ đồng.",
     "average", "warning"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "kind", "severity"), DISAGREEING)
def test_a_sentence_whose_arithmetic_fails_is_flagged_at_its_severity(
    sentence: str, kind: str, severity: str
) -> None:
    assert (kind, severity) in _verdicts(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Xuất khẩu đạt 355,5 tỷ USD, tăng 15,8% so với năm trước.",  # no base printed
        "Vietnam's GDP grew 5.05% in 2023, down from 8.02% in 2022.",  # two rates, no change
        "Số ca mắc mới là 1.234 ca, tăng 234 ca so với tuần trước.",
        "Năm 2023, Hà Nội có 8,5 triệu dân, TP.HCM có 9,4 triệu dân.",
        "Giá vàng tăng 2 triệu đồng/lượng, lên 75 triệu đồng/lượng.",
        "Population rose from 96.2 million in 2019 to 100.3 million in 2023.",
        "Lượng khách đạt 12,6 triệu lượt, tăng 3,4 lần so với năm 2022, bằng 70% năm 2019.",
        # ages are not parts of a count of people
        "Cơ quan chức năng đã lấy lời khai 2 nghi phạm gồm: Nguyễn Văn A (23 tuổi) và "
        "Trần Văn B (24 tuổi).",
        # the base belongs to another change, and another number stands between
        "Shares jumped 15% to $45.20 after the company reported revenue of $2.1 billion, up "
        "from $1.8 billion a year ago.",
        # a share whose whole is not printed: nothing to recompute
        "Hơn 60% trong số 1.000 người được hỏi cho biết họ từng nhận cuộc gọi lừa đảo.",
    ],
)
def test_no_relation_is_drawn_where_the_sentence_does_not_say_how_its_numbers_relate(
    sentence: str,
) -> None:
    assert all(verdict == "ok" for _, verdict in _verdicts(sentence))


def test_a_year_before_to_is_a_date_then_a_number_not_a_range() -> None:
    scan = scan_text("Cases rose from 12,500 in 2022 to 15,000 in 2023.", "en")
    assert [(m.kind.value, m.as_written) for m in scan.mentions] == [
        ("quantity", "12,500"),
        ("date", "2022"),
        ("quantity", "15,000"),
        ("date", "2023"),
    ]
    years = scan_text("From 2019 to 2022 it grew.", "en").mentions
    assert [(m.kind.value, m.as_written) for m in years] == [("date", "2019 to 2022")]


def test_twice_and_three_times_are_multiples_only_when_they_compare() -> None:
    counted = scan_text("He was arrested twice last year and fined three times in 2023.", "en")
    assert [m.as_written for m in counted.mentions if m.unit == "times"] == []
    compared = scan_text("Losses were twice the 2022 figure, three times as high as in 2020.")
    assert [m.as_written for m in compared.mentions if m.unit == "times"] == [
        "twice",
        "three times",
    ]


def test_check_flags_a_change_its_own_sentence_contradicts_without_any_rule(
    tmp_path: Path,
) -> None:
    root = sentence_package(tmp_path / "p", "40%")
    (finding,) = [f for f in findings(root, "sentences") if f.code == "change"]
    assert finding.severity.value == "error"
    assert sorted(finding.claim_ids) == ["growth", "hi", "lo"]
    assert finding.message.startswith("growth: the sentence states the change 'tăng 40%'")
    assert "+60.0%" in finding.message
    assert finding.evidence["inputs"] == ["10.000", "16.000"]


def test_check_reports_a_sentence_the_source_prints_twice_once(tmp_path: Path) -> None:
    root = sentence_package(tmp_path / "p", "40%", printed=2)
    (finding,) = [f for f in findings(root, "sentences") if f.code == "change"]
    assert sorted(finding.claim_ids) == ["growth", "growth2", "hi", "hi2", "lo", "lo2"]
    assert finding.message.endswith("(the source prints this sentence 2 times)")


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue grew 15% a year, from $100 billion in 2020 to $200 billion in 2025.",
        "Revenue is expected to grow by 15 percent per year, from $100 billion to $200 billion.",
        "Doanh thu tăng 15% mỗi năm, từ 100 tỷ USD năm 2020 lên 200 tỷ USD năm 2025.",
        "Doanh thu tăng 15%/năm, từ 100 tỷ USD năm 2020 lên 200 tỷ USD năm 2025.",
    ],
)
def test_a_rate_per_year_is_not_the_change_between_two_levels_years_apart(
    sentence: str,
) -> None:
    assert [f for f in recompute_text(sentence)[1] if f.severity is not None] == []


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Exports are expected to rise by 12% to $110 billion from $100 billion.", "warning"),
        ("Exports will grow 40% to $110 billion from $100 billion.", "error"),
        ("Cả nước có 2.000 vụ, trong đó Hà Nội có 700 vụ, chiếm 60%.", "error"),
        ("B trúng cử với 45.000 phiếu trên tổng số 60.000 phiếu hợp lệ, đạt 65%.", "error"),
        ("Tổng cộng 5 đội đăng ký 150 cầu thủ, bình quân 25 cầu thủ mỗi đội.", "error"),
        ("84 goals in 38 matches, an average of 3.2 goals per match.", "error"),
        ("Spending on education reached $96bn, or 9.5% of the $1.75 trillion budget.", "error"),
        # percent printed for percentage points (the relative change is +29%)
        ("Cases rose from 4.1% to 5.3%, up 1.2%.", "warning"),
        # an average per period over a duration the sentence prints
        (
            "Trong 8 tháng, tỉnh xử phạt 24.600 trường hợp, bình quân mỗi tháng 4.100 trường hợp.",
            "error",
        ),
        (
            "Over the past 12 months the agency handled 48,000 complaints, an average of 5,000 a "
            "month.",
            "error",
        ),
        # a count printed to the unit is exact (24 players are not 26)
        ("Đội tuyển có 26 cầu thủ, gồm 3 thủ môn, 9 hậu vệ, 8 tiền vệ và 4 tiền đạo.", "error"),
        # a percentage right after its part, of a marked whole
        ("The candidate took 2.3 million votes, 46% of the 4.1 million cast.", "error"),
        # a change in percent and as an amount, with only the level it reached
        ("The Dow rose 1.2%, or 412 points, to 42,512.", "error"),
        ("Brent crude fell $2.10, or 3.4%, to settle at $80.15 a barrel.", "error"),
        # a change word with no figure whose levels move the other way
        ("Inflation rose to 2.9% in July from 3.2% in June.", "error"),
        ("Số vụ giảm từ 1.200 vụ xuống còn 1.500 vụ.", "error"),
        # a price's second mention without its /lít
        ("Giá xăng giảm 700 đồng/lít, từ 21.980 đồng xuống còn 21.460 đồng/lít.", "error"),
        ("The company's 8,400 employees include 5,100 engineers and 3,900 others.", "warning"),
        ("Tỷ trọng tăng từ 82,0% lên 85,2%, tức tăng 3,2%.", "warning"),
        # đạt is the verb of a part when the sentence states no change
        (
            "Trong số 17,58 triệu lượt khách, khách châu Á đạt 13,34 triệu lượt, khách châu Âu "
            "2,38 triệu lượt và khách châu Mỹ 4,12 triệu lượt.",
            "warning",
        ),
        (
            "Total revenue reached VND 840 trillion, up 14.2% over 2023 (VND 676.3 trillion).",
            "error",
        ),
    ],
)
def test_held_out_forms_are_read(sentence: str, severity: str) -> None:
    assert {f.severity.value for f in recompute_text(sentence)[1] if f.severity is not None} == {
        severity
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Trong tổng số 2.400 học sinh dự thi, có 1.800 em đỗ vào lớp 10 công lập, chiếm 75%.",
        "Of the 80 patients treated at Hospital 108, 20 were discharged, or 25%.",
        "Tổng cộng 3 tỉnh bị ảnh hưởng, với 1.200 hộ dân.",
        "Tổng cộng 5 đội đăng ký 150 cầu thủ, bình quân 30 cầu thủ mỗi đội.",
        "Cả nước có 217,7 nghìn doanh nghiệp, trong đó 159,9 nghìn doanh nghiệp mới, chiếm 73,4%.",
        "Revenue from tourists in 2024 reached VND 840 trillion, up 24.2% over 2023 (VND 676.3 "
        "trillion).",
        "Exports rose to $10bn, while imports fell from $12bn.",
        "Bão số 3 làm hư hỏng 5.200 ngôi nhà ở Quảng Ninh, 3.100 ngôi nhà ở Hải Phòng và 2.400 "
        "ngôi nhà ở Thái Bình, tổng cộng 10.700 ngôi nhà.",
        "The candidate took 2.3 million votes, 56% of the 4.1 million cast.",
        "Đội tuyển có 26 cầu thủ, gồm 3 thủ môn, 9 hậu vệ, 10 tiền vệ và 4 tiền đạo.",
        "The Dow rose 1.0%, or 412 points, to 42,512.",
        "Brent crude fell $2.10, or 2.6%, to settle at $80.15 a barrel.",
        "GDP grew 5.1% in 2023, with 412 new firms, to reach 42,512 firms.",
        "Sales rose 9%, or $2 billion, to a record, while profit rose to $40 billion.",
        "Prices rose 3.2% in March, down from 3.5% in February.",
        "Inflation rose to 3.2% in March, down from 3.5% in February.",
        "The unemployment rate fell to 3.9% from 4.1%, while wages rose 0.3%.",
        "Tỷ lệ thất nghiệp giảm xuống 2,1% từ 2,3%, trong khi lương tăng 5%.",
        "Over the past 12 months the agency handled 48,000 complaints, an average of 4,000 a "
        "month.",
        "Trong 5 năm, doanh thu đạt 500 tỷ đồng, bình quân mỗi năm tăng 10%.",
        "Inflation fell to 2.9% in July from 3.2% in June.",
        "Giá xăng giảm 520 đồng/lít, từ 21.980 đồng xuống còn 21.460 đồng/lít.",
        "Arrivals reached 17,584,400, up 39.5% over 2023 (12,602,000 arrivals), equal to 97.6% "
        "of the pre-pandemic year 2019 (18,008,600 arrivals).",
    ],
)
def test_numbers_that_name_or_count_something_else_raise_nothing(sentence: str) -> None:
    assert [f for f in recompute_text(sentence)[1] if f.severity is not None] == []


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Năm 2023 có 2.895 vụ, gấp đôi so với 1.500 vụ năm 2022.", None),
        ("Năm 2023 có 2.895 vụ, gấp 2 lần so với 1.500 vụ năm 2022.", None),
        ("In 2023 there were 2,895 cases, twice the 1,500 recorded in 2022.", None),
        ("Năm 2023 có 2.500 vụ, gấp 2 lần so với 1.500 vụ năm 2022.", "error"),
        ("Năm 2023 có 4.100 vụ, gấp 3 lần so với 1.500 vụ năm 2022.", "warning"),
        ("Năm 2023 có 4.100 vụ, gấp ba so với 1.500 vụ năm 2022.", "warning"),
    ],
)
def test_a_whole_multiple_in_words_or_digits_reaches_five_percent(
    sentence: str, severity: str | None
) -> None:
    (found,) = recompute_text(sentence)[1]
    assert (found.severity.value if found.severity else None) == severity


def test_check_flags_a_change_word_its_two_levels_contradict(tmp_path: Path) -> None:
    sentence = "Penetration rose to 2.9% from 3.2%."
    rows = [
        claim("new", "internet-penetration", "2.9%", value="2.9", quote=sentence, period="2024"),
        claim("old", "internet-penetration", "3.2%", value="3.2", quote=sentence, period="2023"),
    ]
    sources = {"article": {"language": "en"}}
    (finding,) = findings(build(tmp_path / "p", rows, sources=sources), "sentences")
    assert finding.severity.value == "error"
    assert "the levels move the other way" in finding.message


def test_check_is_silent_when_the_sentence_adds_up(tmp_path: Path) -> None:
    root = sentence_package(tmp_path / "p", "60%")
    assert findings(root, "sentences") == []


def test_recompute_command_lists_what_fails_and_exits_1(tmp_path: Path) -> None:
    article = tmp_path / "bai.txt"
    article.write_text(
        "Revenue rose to $5.2 billion from $4.0 billion, an increase of 23%.\n"
        "Of the 1,500 people surveyed, 600 (40%) said so.\n",
        encoding="utf-8",
    )
    before = article.read_bytes()
    result = runner.invoke(app, ["recompute", str(article)])
    assert result.exit_code == 1
    assert f"error   {article}:1:52 change:" in result.stdout
    assert "3 recomputed figure(s): 1 error, 0 warning, 2 agree" in result.stdout
    assert article.read_bytes() == before
    listed = runner.invoke(
        app, ["recompute", str(article), "--format", "json", "--all", "--fail-on", "never"]
    )
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert [(r["line"], r["kind"], r["severity"]) for r in rows] == [
        (1, "change", "error"),
        (2, "share", "ok"),
        (2, "parts", "ok"),
    ]
    assert rows[0]["recomputed"] == pytest.approx(30.0)


def test_recompute_command_refuses_an_unreadable_file_with_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Revenue rose 23% to café".encode("latin-1"))
    result = runner.invoke(app, ["recompute", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "UTF-8" in result.stderr


def test_a_change_reached_inside_the_rounding_of_unround_levels_is_at_most_a_warning() -> None:
    # 15,900 -> 18,500 is +16.4%; 17% needs levels at the edge of their rounding
    assert _verdicts("18,500 reports were filed in 2024, up 17% from 15,900 in 2023.") == [
        ("change", "warning")
    ]


def test_cases_counted_as_vu_are_parts_of_reports_counted_by_another_name() -> None:
    sentence = "Trong tổng số 18.500 tin báo, có 11.200 vụ tại Hà Nội và 8.100 vụ tại TP.HCM."
    assert _verdicts(sentence) == [("parts", "warning")]


def test_a_figure_no_reading_gives_says_how_far_it_is_as_printed() -> None:
    _, (found,) = recompute_text(
        "Thiệt hại 12.000 tỷ đồng từ 18.500 vụ, bình quân mỗi vụ gần 1 tỷ đồng."
    )
    assert found.severity is not None and found.severity.value == "error"
    assert "no reading agrees; the printed figures differ by 54%" in found.message()


def test_a_figure_rounding_reconciles_says_how_far_it_is_from_the_stated_one() -> None:
    _, (found,) = recompute_text(
        "Cả nước xảy ra 17.500 vụ, giảm 12% so với cùng kỳ năm 2023 (20.000 vụ)."
    )
    assert found.severity is not None and found.severity.value == "warning"
    assert found.message().endswith("computed from them as printed, the figure is 4.2% off")


@pytest.mark.parametrize(
    ("quote", "picked"),
    [
        ("Trong số 17.500 vụ", True),  # a whole before a number: its sentence may list parts
        ("Of the 200 victims", True),
        ("có 11.200 vụ trên quốc lộ và 7.100 vụ trên đường đô thị", False),  # two, no cue
        ("tương ứng tăng 40%", True),
        ("the group had 5 people", False),  # 'up' inside a word is no cue
        # a rate alone names no relation (a million generated quotes print one like it)
        ("tỷ lệ hộ gia đình có băng rộng cố định tại Peru là gần 37,3%", False),
        ("đã điều tra làm rõ 720 vụ, đạt tỷ lệ 89,7%", True),
    ],
)
def test_the_check_looks_at_the_sentences_of_quotes_with_a_cue_or_a_whole(
    quote: str, picked: bool
) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc

    from checks.suite.sentences import _quote_filter

    assert pc.match_substring_regex(pa.array([quote]), _quote_filter())[0].as_py() is picked


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # how often, not a multiple
        ("The clause was cited 14 times in the 112-page ruling of 2021.", []),
        ("Anh đã 3 lần vô địch, ghi 14 bàn trong 22 trận.", []),
        # "N times more": the usual reading agrees; the strict one (N + 1) only warns
        (
            "Khách tăng 3 lần, lên 900 nghìn lượt so với 300 nghìn lượt năm trước.",
            [("multiple", "ok")],
        ),
        (
            "Khách tăng 3 lần, lên 1,2 triệu lượt so với 300 nghìn lượt năm trước.",
            [("multiple", "warning")],
        ),
        (
            "Khách gấp 3 lần, đạt 1,2 triệu lượt so với 300 nghìn lượt năm trước.",
            [("multiple", "error")],
        ),
        # a percent change reckoned on the new level, even where round levels' halos reach it
        ("Số khách giảm từ 5 triệu lượt xuống 4 triệu lượt, tức giảm 25%.", [("change", "error")]),
        ("Sales dropped from 2.4 million to 2.0 million, a fall of 20%.", [("change", "error")]),
        ("Sales dropped from 2.4 million to 2.0 million, a fall of 16.7%.", [("change", "ok")]),
        # a share in words
        (
            "Có 450 trong số 1.800 hộ đã nhận hỗ trợ, tức khoảng một phần ba số hộ.",
            [("share", "error")],
        ),
        (
            "Có 600 trong số 1.800 hộ đã nhận hỗ trợ, tức khoảng một phần ba số hộ.",
            [("share", "ok")],
        ),
        (
            "Of the 6 million workers, 1.5 million, or one in four, earn less.",
            [("share", "ok"), ("parts", "ok")],
        ),
        (
            "Of the 6 million workers, 900,000, or one in four, earn less.",
            [("share", "error"), ("parts", "ok")],
        ),
        # an average per month over the one year the sentence names
        (
            "Năm 2024, cảng thông qua 5,4 triệu TEU, bình quân mỗi tháng đạt 500 nghìn TEU.",
            [("average", "error")],
        ),
        (
            "Năm 2023 có 217.700 doanh nghiệp mới, bình quân mỗi tháng có 18.100 doanh nghiệp.",
            [("average", "ok")],
        ),
        (
            "The charity handed out 2.1 million parcels last year, an average of 210,000 a month.",
            [("average", "error")],
        ),
        (
            "Năm ngoái, hãng chở 24 triệu lượt khách, bình quân mỗi tháng 2 triệu lượt.",
            [("average", "ok")],
        ),
        # a duration in words, or a year named in words, counts an average per period
        (
            "Ba tháng đầu năm, tỉnh đón 900.000 lượt khách, bình quân 300.000 lượt mỗi tháng.",
            [("average", "ok")],
        ),
        (
            "The district had 960 mm of rain over six months, an average of 200 mm a month.",
            [("average", "error")],
        ),
        (
            "The region had 4.8 million visitors over the year, an average of 400,000 a month.",
            [("average", "ok")],
        ),
        # a duration printed in whole units is exact
        (
            "Trong 5 năm, tỉnh thu hút 6,5 tỷ USD vốn FDI, bình quân 1,5 tỷ USD mỗi năm.",
            [("average", "error")],
        ),
        # a figure per head over a total and a population
        (
            "With GDP of $4.1 trillion and 84 million people, output per head is about $60,000.",
            [("average", "error")],
        ),
        (
            "Với GDP 430 tỷ USD và dân số 100 triệu người, GDP bình quân đầu người đạt 4.300 USD.",
            [("average", "ok")],
        ),
        # a share naming its whole in words, past a nested list
        (
            "Trong số 500 ca nhập viện, có 120 ca là trẻ em, trong đó 30 ca nặng, chiếm 6% "
            "tổng số ca nhập viện.",
            [("share", "ok"), ("parts", "ok")],
        ),
        (
            "Of the 3,200 people arrested, 800 were charged and 240 of those were convicted, "
            "or 30 percent of all those arrested.",
            [("share", "error"), ("parts", "ok")],
        ),
        # a rate per so many people
        (
            "The state recorded 2,250 overdose deaths among its 4.5 million residents, a rate "
            "of 65 per 100,000 people.",
            [("average", "error")],
        ),
        (
            "Tỉnh có 1,2 triệu dân, ghi nhận 600 ca sốt xuất huyết, tương đương 50 ca/100.000 dân.",
            [("average", "ok")],
        ),
        # a margin between two percentages
        (
            "The Democrat won 52.4 percent of the vote to the Republican's 46.1 percent, a "
            "margin of 7.3 points.",
            [("change", "error")],
        ),
        (
            "Ứng viên A đạt 52,4%, ứng viên B đạt 46,1%, cách biệt 6,3 điểm phần trăm.",
            [("change", "ok")],
        ),
        # cao hơn / thấp hơn a gap to the base so với names
        (
            "Điểm chuẩn năm nay là 28,15 điểm, cao hơn 0,65 điểm so với năm ngoái (27,7 điểm).",
            [("change", "error")],
        ),
        (
            "Giá vàng là 84 triệu đồng, thấp hơn 2 triệu đồng so với tuần trước (86 triệu đồng).",
            [("change", "ok")],
        ),
        # split between: the parts make up the whole
        (
            "The $95 billion is split between $61 billion, $26 billion and $12 billion.",
            [("breakdown", "error")],
        ),
    ],
)
def test_forms_of_the_sixth_held_out_set_are_read(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _verdicts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Từ đầu năm 2024 đến nay, tỉnh đón 2,4 triệu lượt, bình quân mỗi tháng 300 nghìn lượt.",
        "So far in 2024 the agency handled 48,000 complaints, an average of 6,000 a month.",
        "Since 2020 the agency has handled 48,000 complaints, an average of 1,000 a month.",
        "By the end of 2024 the agency had handled 48,000 complaints, an average of 6,000 a month.",
        "Since last year the agency has handled 48,000 complaints, an average of 6,000 a month.",
        "Kể từ năm ngoái, cơ quan đã xử lý 48.000 đơn, bình quân mỗi tháng 6.000 đơn.",
    ],
)
def test_a_year_that_is_not_the_whole_period_gives_an_average_no_count(sentence: str) -> None:
    assert _verdicts("Doanh thu tăng mạnh. " + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a share whose clause names its own subject among several listed parts: no guess
        (
            "Of the 570 victims, 415 were male and 155 were female, meaning men accounted for "
            "almost three-quarters (73%) of victims.",
            [("parts", "ok")],
        ),
        # points printed exactly as the percent, the relative change not: a warning
        ("Tỷ lệ lấp đầy tăng từ 82% lên 86%, tức tăng 4%.", [("change", "warning")]),
        # a hedge on a multiple printed with decimals reaches 5%, not 15%
        (
            "She raised $3.2 million, about 1.6 times the $2.4 million of her rival.",
            [("multiple", "error")],
        ),
        (
            "She raised $3.2 million, about 1.3 times the $2.4 million of her rival.",
            [("multiple", "ok")],
        ),
        # a rate whose population comes after it, or after dân số
        (
            "The force had 147,400 officers, equivalent to 224 officers per 100,000 people in "
            "a population of 60.9 million.",
            [("average", "error")],
        ),
        (
            "Với 11.860 ca mắc trên dân số khoảng 9,5 triệu người, tỷ lệ mắc tương đương 125 ca "
            "trên 100.000 dân.",
            [("average", "ok")],
        ),
        # the level right after a change with to … from, past another change's level
        (
            "The rate rose to 62.7%, and the ratio increased 0.5 percentage point to 60.3% "
            "from 60.1%.",
            [("change", "error")],
        ),
        # shares of one whole side by side: together at most 100% (a warning past it)
        (
            "Căn hộ hạng A chiếm 48% nguồn cung mới, hạng B chiếm 37% và hạng C chiếm 25%.",
            [("parts", "warning")],
        ),
        (
            "Căn hộ hạng A chiếm 48% nguồn cung mới, hạng B chiếm 37% và hạng C chiếm 15%.",
            [("parts", "ok")],
        ),
        ("Nhóm A chiếm 60% người dùng Facebook, nhóm B chiếm 50% người dùng Zalo.", []),
        # amounted to marks a share; a whole named right after it need not count the same
        ("Her 148,200 votes amounted to 54.9% of the 288,500 ballots cast.", [("share", "error")]),
        ("Her 148,200 votes amounted to 51.4% of the 288,500 ballots cast.", [("share", "ok")]),
    ],
)
def test_forms_of_the_seventh_held_out_set_are_read(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _verdicts(sentence) == expected


def test_check_warns_of_shares_of_one_whole_past_100_percent(tmp_path: Path) -> None:
    sentence = "Căn hộ hạng A chiếm 48% nguồn cung mới, hạng B chiếm 37% và hạng C chiếm 25%."
    rows = [
        claim(f"c{i}", "internet-penetration", share, value=share.rstrip("%"), quote=sentence,
              period="2024-01-01")
        for i, share in enumerate(["48%", "37%", "25%"])
    ]  # fmt: skip
    (finding,) = findings(build(tmp_path / "p", rows), "sentences")
    assert (finding.severity.value, finding.code) == ("warning", "parts")
    assert sorted(finding.claim_ids) == ["c0", "c1", "c2"]
    assert "add up to 110%" in finding.message

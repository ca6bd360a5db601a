"""Each number form the scanner knows, on sentences written for the tests.

Every case pins the whole reading of the one number in its sentence: as_written, kind,
the interval or period, the qualifier, the unit and the counted noun.
"""

from __future__ import annotations

import pytest

from checks.scan import Kind, Mention, scan_text


def only(text: str, language: str = "vi") -> Mention:
    mentions = scan_text(text, language).mentions
    assert len(mentions) == 1, [m.as_written for m in mentions]
    (mention,) = mentions
    assert text[mention.start : mention.end] == mention.as_written
    return mention


def summary(m: Mention) -> tuple[str, str, str, str, str, str]:
    return (m.as_written, m.kind.value, m.reading, m.qualifier, m.unit or "", m.noun)


QUANTITIES = [
    (
        "đã ghi nhận gần 16.000 phản ánh chỉ riêng",
        ("gần 16.000", "quantity", "[14,400, 16,000]", "nearly", "report", "phản ánh"),
    ),
    (
        "gây thiệt hại 390.000 tỷ đồng, tăng mạnh",
        (
            "390.000 tỷ đồng",
            "quantity",
            "[385,000,000,000,000, 395,000,000,000,000]",
            "exact",
            "VND",
            "",
        ),
    ),
    (
        "ước tính hơn 100 nghìn vụ việc có liên quan",
        ("hơn 100 nghìn", "quantity", "[100,000, 125,000]", "more_than", "incident", "vụ việc"),
    ),
    (
        "tương đương 79,1% dân số",
        ("79,1%", "quantity", "[79.05, 79.15]", "exact", "percent", ""),
    ),
    (
        "với 78,44 triệu người sử dụng Internet",
        ("78,44 triệu", "quantity", "[78,435,000, 78,445,000]", "exact", "person", "người"),
    ),
    (
        "đã hỗ trợ hơn 6,6 triệu USD cho các chương trình",
        ("hơn 6,6 triệu USD", "quantity", "[6,600,000, 6,700,000]", "more_than", "USD", ""),
    ),
    (
        "giá trị khoảng 10.221,8 nghìn tỷ đồng",
        (
            "khoảng 10.221,8 nghìn tỷ đồng",
            "quantity",
            "[1.02217e+16, 1.02219e+16]",
            "approx",
            "VND",
            "",
        ),
    ),
    (
        "thiệt hại 8.000-10.000 tỷ đồng mỗi năm",
        (
            "8.000-10.000 tỷ đồng",
            "quantity",
            "[7,999,500,000,000, 10,000,500,000,000]",
            "range",
            "VND",
            "",
        ),
    ),
    (
        "xuyên suốt 08 phiên họp của Ủy ban",
        ("08", "quantity", "[7.5, 8.5]", "exact", "session", "phiên họp"),
    ),
    (
        "thống nhất quy định 06 biện pháp nghiệp vụ",
        ("06", "quantity", "[5.5, 6.5]", "exact", "measure", "biện pháp"),
    ),
    (
        "có 2 nghi phạm bị bắt",
        ("2", "quantity", "[1.5, 2.5]", "exact", "", "nghi phạm"),
    ),
]

DURATIONS = [
    ("sau gần 5 năm đàm phán", ("gần 5 năm", "duration", "[4.5, 5]", "nearly", "year", "")),
    ("và 47 năm quan hệ đối tác", ("47 năm", "duration", "[46.5, 47.5]", "exact", "year", "")),
    ("kéo dài 3 tháng liền", ("3", "duration", "[2.5, 3.5]", "exact", "month", "tháng")),
    ("mất khoảng 1-2 ngày", ("khoảng 1-2", "duration", "[0.5, 2.5]", "approx", "day", "ngày")),
]

DATES = [
    ("Chiều 24/12 (giờ New York), Đại hội đồng", ("24/12", "date", "--12-24")),
    ("Ngày 8/8 tại New York", ("Ngày 8/8", "date", "--08-08")),
    ("dân số thời điểm 01/4/2024 là", ("01/4/2024", "date", "2024-04-01")),
    ("được mở ký trong năm 2025 tại Hà Nội", ("năm 2025", "date", "2025-01-01..2025-12-31")),
    ("kéo dài (2021-2024) giữa các quốc gia", ("2021-2024", "date", "2021-01-01..2024-12-31")),
    ("tổ chức từ ngày 25-26/10 tại Hà Nội", ("ngày 25-26/10", "date", "--10-25..--10-26")),
    ("Ngày 24.4, Phòng Cảnh sát điều tra", ("Ngày 24.4", "date", "--04-24")),
    ("Sáng nay (30.5), đoàn công tác", ("30.5", "date", "--05-30")),
    ("ký Công văn ngày 9.5 của Thủ tướng", ("ngày 9.5", "date", "--05-09")),
    ("hạn chót ngày 5 tháng 10 năm 2025", ("ngày 5 tháng 10 năm 2025", "date", "2025-10-05")),
    ("đạt 99 triệu vào tháng 1 năm 2024", None),
    ("báo cáo tháng 10/2025 cho thấy", ("tháng 10/2025", "date", "2025-10-01..2025-10-31")),
    ("phát hành 2024-12-25 trên mạng", ("2024-12-25", "date", "2024-12-25")),
    ("họp lúc 10h30 sáng", ("10h30", "date", "")),
    ("kết thúc lúc 10:30:15 tối", ("10:30:15", "date", "")),
    ("tính đến 3/2024 có", ("3/2024", "date", "2024-03-01..2024-03-31")),
    ("GDP quý 1/2024 tăng", ("quý 1/2024", "date", "2024-01-01..2024-03-31")),
    ("GDP quý II/2024 tăng", ("quý II/2024", "date", "2024-04-01..2024-06-30")),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES, ids=[t for t, _ in QUANTITIES])
def test_quantity_is_read_with_its_hedge_scale_currency_and_noun(
    text: str, expected: tuple[str, ...]
) -> None:
    assert summary(only(text)) == expected


@pytest.mark.parametrize(("text", "expected"), DURATIONS, ids=[t for t, _ in DURATIONS])
def test_duration_is_a_duration_with_a_time_unit(text: str, expected: tuple[str, ...]) -> None:
    assert summary(only(text)) == expected


@pytest.mark.parametrize(("text", "expected"), DATES, ids=[t for t, _ in DATES])
def test_date_forms_read_as_periods(text: str, expected: tuple[str, str, str] | None) -> None:
    if expected is None:  # two mentions: the quantity and the month
        mentions = scan_text(text, "vi").mentions
        assert [(m.as_written, m.kind, m.reading) for m in mentions] == [
            ("99 triệu", Kind.QUANTITY, "[98,500,000, 99,500,000]"),
            ("tháng 1 năm 2024", Kind.DATE, "2024-01-01..2024-01-31"),
        ]
        return
    mention = only(text)
    assert (mention.as_written, mention.kind.value, mention.reading) == expected
    assert mention.value is None and mention.interval is None


def test_day_dot_month_without_a_day_word_is_a_number_not_a_date() -> None:
    mention = only("giá 9.5 đô la")
    assert (mention.kind, mention.value, mention.note) == (
        Kind.QUANTITY,
        9.5,
        "read in the en number convention",
    )


def test_bare_year_is_a_date_but_a_counted_thousand_is_a_quantity() -> None:
    year = only("Tết Nguyên đán Giáp Thìn 2024 đã qua")
    counted = only("có 2000 người tham dự")
    assert (year.kind, year.reading) == (Kind.DATE, "2024-01-01..2024-12-31")
    assert (counted.kind, counted.value, counted.unit) == (Kind.QUANTITY, 2000.0, "person")


def test_hedged_four_digit_number_is_a_quantity_not_a_year() -> None:
    mention = only("khoảng 2000 quốc gia")
    assert (mention.as_written, mention.kind, mention.qualifier) == (
        "khoảng 2000",
        Kind.QUANTITY,
        "approx",
    )


def test_verbal_hedge_sets_the_qualifier_but_stays_outside_as_written() -> None:
    forecast = only("và dự báo lên đến 10.500 tỷ vào năm sau")
    estimated = only("ước tính hơn 100 nghìn vụ việc")
    assert (forecast.as_written, forecast.qualifier, forecast.reading) == (
        "10.500 tỷ",
        "forecast",
        "[10,000,000,000,000, 11,000,000,000,000]",
    )
    assert (estimated.as_written, estimated.qualifier) == ("hơn 100 nghìn", "more_than")


def test_ordinal_in_words_and_digits() -> None:
    vi = only("lần thứ 80 tổ chức")
    en = only("became the 149th member state", "en")
    assert (vi.as_written, vi.kind, vi.value) == ("80", Kind.ORDINAL, 80.0)
    assert (en.as_written, en.kind, en.value, en.unit, en.noun) == (
        "149",
        Kind.ORDINAL,
        149.0,
        "country",
        "member state",
    )


def test_impossible_day_month_is_reported_as_a_ratio_without_a_value() -> None:
    mention = only("tỷ lệ 3/45 đạt chuẩn")
    assert (mention.kind, mention.value, mention.note) == (
        Kind.QUANTITY,
        None,
        "'3/45' is not a calendar date; a ratio?",
    )


ENGLISH = [
    (
        "more than 2.5 million people were affected",
        ("more than 2.5 million", "quantity", "[2,500,000, 2,600,000]", "more_than", "person"),
    ),
    (
        "reaching $10.5 trillion annually",
        ("$10.5 trillion", "quantity", "[10,450,000,000,000, 10,550,000,000,000]", "exact", "USD"),
    ),
    (
        "penetration reached 79.1% of the population",
        ("79.1%", "quantity", "[79.05, 79.15]", "exact", "percent"),
    ),
    (
        "grow by 15 percent per year",
        ("grow by 15 percent", "quantity", "[14.5, 15.5]", "exact", "percent"),
    ),
    (
        "was around 24,426 VND in the year",
        ("around 24,426 VND", "quantity", "[24,425, 24,427]", "approx", "VND"),
    ),
    (
        "adopted on 24 December 2024 in New York",
        ("24 December 2024", "date", "2024-12-24", "exact", ""),
    ),
    ("admitted on September 20, 1977.", ("September 20, 1977", "date", "1977-09-20", "exact", "")),
    ("up from $3 trillion in 2015", None),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[t for t, _ in ENGLISH])
def test_english_number_forms(text: str, expected: tuple[str, ...] | None) -> None:
    if expected is None:
        mentions = scan_text(text, "en").mentions
        assert [(m.as_written, m.kind.value, m.reading) for m in mentions] == [
            ("$3 trillion", "quantity", "[2,500,000,000,000, 3,500,000,000,000]"),
            ("2015", "date", "2015-01-01..2015-12-31"),
        ]
        return
    assert summary(only(text, "en"))[:5] == expected


def test_a_failed_range_after_a_dash_keeps_its_second_number() -> None:
    mentions = scan_text("The bill passed 312-98; Vietnam won 2-1.", "en").mentions
    assert [(m.as_written, m.value) for m in mentions] == [
        ("312", 312.0),
        ("98", 98.0),
        ("2", 2.0),
        ("1", 1.0),
    ]


def test_a_season_or_fiscal_year_is_a_period_not_a_fraction() -> None:
    mentions = scan_text("The 2024/25 budget, the 2024/2025 season and 1/4 inch.", "en").mentions
    assert [(m.as_written, m.kind.value, str(m.period)) for m in mentions] == [
        ("2024/25", "date", "2024-01-01..2025-12-31"),
        ("2024/2025", "date", "2024-01-01..2025-12-31"),
        ("1/4 inch", "quantity", "None"),
    ]
    (season,) = [m for m in scan_text("the 2022-23 season", "en").mentions]
    assert str(season.period) == "2022-01-01..2023-12-31"


def test_a_glued_m_before_a_word_of_length_is_flagged_with_both_readings() -> None:
    mentions = {
        m.as_written: m for m in scan_text("the 100m sprint, £2.3m and 5m people", "en").mentions
    }
    assert dict(mentions["100m"].ambiguous) == {"million": 1e8, "metre": 100.0}
    assert "ambiguous" in mentions["100m"].note
    assert mentions["£2.3m"].ambiguous == () and mentions["£2.3m"].value == 2.3e6
    assert mentions["5m"].ambiguous == () and mentions["5m"].value == 5e6


def test_from_to_after_a_change_or_transition_verb_is_two_numbers() -> None:
    text = "Inflation rose from 4.1% to 5.3%; prices went from 10 to 15; from 10 to 15 million"
    assert [m.as_written for m in scan_text(text, "en").mentions] == [
        "4.1%",
        "5.3%",
        "10",
        "15",
        "from 10 to 15 million",
    ]


def test_a_unit_on_the_first_end_only_is_not_a_range() -> None:
    text = "a rise of 15 per cent to 1,234 cases, but $5-10 and 10-15 exabytes"
    assert [m.as_written for m in scan_text(text, "en").mentions] == [
        "rise of 15 per cent",  # the change word belongs to it (like "increase of")
        "1,234",
        "$5-10",
        "10-15 exabytes",
    ]


NEWS_EN = (
    "Cybercrime cost the global economy an estimated $8tn in 2023 and may reach $10.5 trillion "
    "by 2025. Action Fraud received 232,429 reports, with losses of £2.35bn. Complaints were up "
    "nearly 10%; payments fell 35% to roughly $814m. One in five (19%) firms paid a median "
    "US$200,000. Japan pledged more than US$6.6 million. Over 13,750 attacks in 9 months, a "
    "9.5-fold jump. The bill passed 312-98. Shares rose 4.2 per cent to 1,050p. The 2024/25 "
    "budget sets aside Rs 1,500 crore. Temperatures hit 41.3°C. Households spent £1,234.56, "
    "about £24 a week; roughly 2-3% of GDP; some 1.2bn people; 0.5 percentage points."
)
NEWS_VI = (
    "Năm 2023 ghi nhận gần 16.000 phản ánh, thiệt hại khoảng 390.000 tỷ đồng, tăng 64,78% so "
    "với năm 2022. Hơn 13.750 cuộc tấn công mạng. Kim ngạch đạt 1,2 nghìn tỷ USD. Giá xăng "
    "21.500 đồng/lít. Tỷ lệ thất nghiệp giảm 0,3 điểm phần trăm xuống 2,24%. Khoảng 5-7 triệu "
    "người dùng. Doanh thu quý III/2024 đạt 2.500 tỷ đồng, gấp 1,5 lần cùng kỳ. Lãi suất "
    "6,5%/năm. Nhiệt độ 39 độ C. Dân số 100,3 triệu người. Chi phí 1 triệu 200 nghìn đồng."
)


NEWS_QUANTITIES = {
    "en": [
        ("$8tn", 8e12, "USD"),
        ("$10.5 trillion", 10.5e12, "USD"),
        ("232,429", 232429.0, "report"),
        ("£2.35bn", 2.35e9, "GBP"),
        ("up nearly 10%", 10.0, "percent"),
        ("fell 35%", -35.0, "percent"),
        ("roughly $814m", 814e6, "USD"),
        ("One in five", 0.2, None),
        ("19%", 19.0, "percent"),
        ("US$200,000", 200000.0, "USD"),
        ("more than US$6.6 million", 6.6e6, "USD"),
        ("Over 13,750", 13750.0, "attack"),
        ("9", 9.0, "month"),
        ("9.5-fold", 9.5, "times"),
        ("312", 312.0, None),
        ("98", 98.0, None),
        ("rose 4.2 per cent", 4.2, "percent"),
        ("1,050p", 1050.0, "GBP_penny"),
        ("Rs 1,500 crore", 15e9, "INR"),
        ("41.3°C", 41.3, "degree_Celsius"),
        ("£1,234.56", 1234.56, "GBP"),
        ("about £24", 24.0, "GBP"),
        ("roughly 2-3%", 2.5, "percent"),
        ("some 1.2bn", 1.2e9, "person"),
        ("0.5 percentage points", 0.5, "percentage_point"),
    ],
    "vi": [
        ("gần 16.000", 16000.0, "report"),
        ("khoảng 390.000 tỷ đồng", 390e12, "VND"),
        ("tăng 64,78%", 64.78, "percent"),
        ("Hơn 13.750", 13750.0, "attack"),
        ("1,2 nghìn tỷ USD", 1.2e12, "USD"),
        ("21.500 đồng/lít", 21500.0, "VND/liter"),
        ("giảm 0,3 điểm phần trăm", -0.3, "percentage_point"),
        ("2,24%", 2.24, "percent"),
        ("Khoảng 5-7 triệu", 6e6, "person"),
        ("2.500 tỷ đồng", 2.5e12, "VND"),
        ("gấp 1,5 lần", 1.5, "times"),
        ("6,5%", 6.5, "percent"),
        ("39 độ C", 39.0, "degree_Celsius"),
        ("100,3 triệu", 100.3e6, "person"),
        ("1 triệu 200 nghìn đồng", 1.2e6, "VND"),
    ],
}


@pytest.mark.parametrize(("language", "text"), [("en", NEWS_EN), ("vi", NEWS_VI)])
def test_every_quantity_of_a_news_paragraph_is_read_with_its_value(
    language: str, text: str
) -> None:
    found = [
        (m.as_written, m.value, m.unit)
        for m in scan_text(text, language).mentions
        if m.kind is not Kind.DATE
    ]
    assert found == NEWS_QUANTITIES[language]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Khoảng 1/3 số người được hỏi từng bị lừa.", "vi", ("Khoảng 1/3", "quantity", "approx")),
        (
            "Hơn 1/3 số vụ lừa đảo nhắm vào người cao tuổi.",
            "vi",
            ("Hơn 1/3", "quantity", "more_than"),
        ),
        ("1/3 tổng số vụ việc đã được xử lý.", "vi", ("1/3", "quantity", "exact")),
        ("About 1/3 of firms were hit.", "en", ("About 1/3", "quantity", "approx")),
        ("Sáng 1/3, đoàn công tác đến Hà Nội.", "vi", ("1/3", "date", "exact")),
        ("Dự kiến 1/3 sẽ khai mạc hội nghị.", "vi", ("1/3", "date", "exact")),
        ("Ngày 1/3 số vụ lừa đảo tăng mạnh.", "vi", ("Ngày 1/3", "date", "exact")),
        # a hedge at the start of a sentence, with a capital K (once skipped as a Kelvin sign)
        ("Khoảng 1/4 doanh nghiệp bị tấn công.", "vi", ("Khoảng 1/4", "quantity", "approx")),
    ],
)
def test_a_day_month_form_is_a_fraction_after_a_hedge_of_size_or_before_a_word_of_share(
    text: str, language: str, expected: tuple[str, str, str]
) -> None:
    (mention,) = scan_text(text, language).mentions
    assert (mention.as_written, mention.kind.value, mention.qualifier) == expected


@pytest.mark.parametrize(
    ("text", "language", "written", "period"),
    [
        (
            "Losses fell in the first half of 2024.",
            "en",
            "first half of 2024",
            "2024-01-01..2024-06-30",
        ),
        (
            "Attacks rose in the third quarter of 2023.",
            "en",
            "third quarter of 2023",
            "2023-07-01..2023-09-30",
        ),
        ("Revenue in Q4 2023 was flat.", "en", "Q4 2023", "2023-10-01..2023-12-31"),
        ("Sales in H2 2022 were weak.", "en", "H2 2022", "2022-07-01..2022-12-31"),
        ("Trong nửa đầu năm 2024, số vụ tăng.", "vi", "nửa đầu năm 2024", "2024-01-01..2024-06-30"),
        ("In 2023 the figure fell.", "en", "2023", "2023-01-01..2023-12-31"),
    ],
)
def test_a_quarter_or_half_before_a_year_is_that_part_of_the_year(
    text: str, language: str, written: str, period: str
) -> None:
    assert _one_date(text, language) == (written, period)


@pytest.mark.parametrize(
    ("text", "language", "written", "qualifier"),
    [
        ("Thiệt hại tăng gần gấp đôi so với năm trước.", "vi", "tăng gần gấp đôi", "nearly"),
        ("Losses nearly doubled last year.", "en", "nearly doubled", "nearly"),
        ("Số vụ tăng gấp đôi.", "vi", "tăng gấp đôi", "exact"),
        ("Khoảng gấp đôi năm trước.", "vi", "Khoảng gấp đôi", "approx"),
    ],
)
def test_a_hedge_before_a_word_multiplier_is_part_of_what_is_written(
    text: str, language: str, written: str, qualifier: str
) -> None:
    (mention,) = scan_text(text, language).mentions
    assert (mention.as_written, mention.qualifier) == (written, qualifier)


def test_one_in_so_many_is_one_share_not_two_numbers() -> None:
    mentions = scan_text("Roughly 1 in 5 adults and 1 in 10,000 users; it rose 3 in 2024.", "en")
    read = [(m.as_written, m.value, m.unit, m.kind.value) for m in mentions.mentions]
    assert read == [
        ("Roughly 1 in 5", 0.2, None, "quantity"),
        ("1 in 10,000", 0.0001, None, "quantity"),
        ("rose 3", 3.0, None, "quantity"),
        ("2024", None, None, "date"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("One in four women were targeted.", "en", [("One in four", 0.25, "women")]),
        (
            "3 out of 10 men and 1 in every 5 firms paid.",
            "en",
            [("3 out of 10", 0.3, "men"), ("1 in every 5", 0.2, "firms")],
        ),
        ("Two out of three victims stayed silent.", "en", [("Two out of three", 2 / 3, "victims")]),
        (
            "Nearly one in twenty-five users lost money.",
            "en",
            [("Nearly one in twenty-five", 0.04, "users")],
        ),
        (
            "Cứ 5 người trưởng thành thì có 1 người từng bị lừa.",
            "vi",
            [("Cứ 5 người trưởng thành thì có 1", 0.2, "người trưởng thành")],
        ),
        (
            "Cứ 1.000 người dùng có 7 người bị lộ dữ liệu.",
            "vi",
            [("Cứ 1.000 người dùng có 7", 0.007, "người dùng")],
        ),
    ],
)
def test_so_many_in_so_many_is_one_share(
    text: str, language: str, read: list[tuple[str, float, str]]
) -> None:
    mentions = scan_text(text, language).mentions
    found = [(m.as_written, m.value, m.noun) for m in mentions if m.kind.value == "quantity"]
    assert [(w, pytest.approx(v), n) for w, v, n in found] == read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The one in Paris was closed in 2024.", "en"),  # no number after "in"
        ("He scored one in 2024.", "en"),  # a year is no denominator
        ("Cứ 3 ngày lại có một vụ.", "vi"),  # the second number in words: a duration
    ],
)
def test_words_around_in_that_are_no_share_are_not_read_as_one(text: str, language: str) -> None:
    mentions = scan_text(text, language).mentions
    assert not [m for m in mentions if m.form == "fraction"]


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("Hàng triệu người dùng bị lừa.", "vi", [("Hàng triệu", 1e6, 1e9, "person")]),
        (
            "Thiệt hại khoảng hàng trăm tỷ đồng.",
            "vi",
            [("khoảng hàng trăm tỷ đồng", 1e11, 1e12, "VND")],
        ),
        ("Hàng chục nghìn tài khoản bị lộ.", "vi", [("Hàng chục nghìn", 1e4, 1e5, None)]),
        (
            "Tens of thousands of accounts were hacked.",
            "en",
            [("Tens of thousands", 1e4, 1e5, None)],
        ),
        (
            "It cost hundreds of millions of dollars.",
            "en",
            [("hundreds of millions of dollars", 1e8, 1e9, "USD")],
        ),
        ("Thousands of people were arrested.", "en", [("Thousands of", 1e3, 1e6, "person")]),
    ],
)
def test_an_order_of_magnitude_in_words_is_a_range_of_one_magnitude(
    text: str, language: str, read: list[tuple[str, float, float, str | None]]
) -> None:
    mentions = scan_text(text, language).mentions
    found = [(m.as_written, m.interval.lo, m.interval.hi, m.unit) for m in mentions if m.interval]
    assert found == read
    assert all(m.parts == () for m in mentions)  # no digits: coverage does not ask for them


@pytest.mark.parametrize(
    "text",
    [
        "Ngân hàng trăm năm tuổi vẫn mở cửa.",  # a hundred-year-old bank
        "Mặt hàng nghìn loại được bày bán.",  # an item of a thousand kinds
        "Khách hàng triệu phú tăng nhanh.",  # millionaire customers
    ],
)
def test_hang_in_a_compound_noun_is_no_order_of_magnitude(text: str) -> None:
    assert [m.as_written for m in scan_text(text, "vi").mentions] == []


def test_an_english_day_range_in_one_month_is_one_period() -> None:
    mentions = scan_text("It met on October 25-26, 2025 and on Oct. 5 - 7.", "en").mentions
    assert [(m.as_written, str(m.period)) for m in mentions] == [
        ("October 25-26, 2025", "2025-10-25..2025-10-26"),
        ("Oct. 5 - 7", "--10-05..--10-07"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "written", "period"),
    [
        (
            "Trong 6 tháng đầu năm 2024, thiệt hại tăng.",
            "vi",
            "6 tháng đầu năm 2024",
            "2024-01-01..2024-06-30",
        ),
        ("9 tháng năm 2023 có nhiều vụ việc.", "vi", "9 tháng năm 2023", "2023-01-01..2023-09-30"),
        (
            "3 tháng cuối năm 2023 giảm mạnh.",
            "vi",
            "3 tháng cuối năm 2023",
            "2023-10-01..2023-12-31",
        ),
        (
            "In the first 6 months of 2024 it rose.",
            "en",
            "first 6 months of 2024",
            "2024-01-01..2024-06-30",
        ),
        (
            "In the last 3 months of 2023 it fell.",
            "en",
            "last 3 months of 2023",
            "2023-10-01..2023-12-31",
        ),
        # the count in words
        (
            "In the first six months of 2024 it rose.",
            "en",
            "first six months of 2024",
            "2024-01-01..2024-06-30",
        ),
        (
            "Trong sáu tháng đầu năm 2024, thiệt hại tăng.",
            "vi",
            "sáu tháng đầu năm 2024",
            "2024-01-01..2024-06-30",
        ),
        (
            "ba tháng cuối năm 2023 giảm mạnh.",
            "vi",
            "ba tháng cuối năm 2023",
            "2023-10-01..2023-12-31",
        ),
        # no year has fifteen months: the year alone
        ("In the first fifteen months of 2024 it rose.", "en", "2024", "2024-01-01..2024-12-31"),
    ],
)
def test_the_first_or_last_months_of_a_year_are_one_period(
    text: str, language: str, written: str, period: str
) -> None:
    assert _one_date(text, language) == (written, period)


def test_months_without_first_or_last_stay_a_duration_and_a_year_in_english() -> None:
    mentions = scan_text("Only 6 months of 2024 passed.", "en").mentions
    assert [(m.as_written, m.kind.value) for m in mentions] == [("6", "duration"), ("2024", "date")]


@pytest.mark.parametrize(
    ("text", "language", "written", "period"),
    [
        (
            "Từ tháng 1 đến tháng 3/2024 có nhiều vụ.",
            "vi",
            "tháng 1 đến tháng 3/2024",
            "2024-01-01..2024-03-31",
        ),
        ("Tháng 1-3/2024 có nhiều vụ.", "vi", "Tháng 1-3/2024", "2024-01-01..2024-03-31"),
        (
            "Trong tháng 5 - tháng 7 năm 2024 có nhiều vụ.",
            "vi",
            "tháng 5 - tháng 7 năm 2024",
            "2024-05-01..2024-07-31",
        ),
        (
            "Từ tháng 10/2023 đến hết tháng 3/2024 có nhiều vụ.",
            "vi",
            "tháng 10/2023 đến hết tháng 3/2024",
            "2023-10-01..2024-03-31",
        ),
        (
            "From January to March 2024 it rose.",
            "en",
            "January to March 2024",
            "2024-01-01..2024-03-31",
        ),
        (
            "It rose between January and March 2024.",
            "en",
            "January and March 2024",
            "2024-01-01..2024-03-31",
        ),
        ("Jan-Mar 2024 was quiet.", "en", "Jan-Mar 2024", "2024-01-01..2024-03-31"),
        ("The May–June 2024 figures are in.", "en", "May–June 2024", "2024-05-01..2024-06-30"),
        (
            "October 2023 to February 2024 was quiet.",
            "en",
            "October 2023 to February 2024",
            "2023-10-01..2024-02-29",
        ),
        (
            "It rose between October 2023 and March 2024.",
            "en",
            "October 2023 and March 2024",
            "2023-10-01..2024-03-31",
        ),
    ],
)
def test_a_span_of_months_is_one_period(
    text: str, language: str, written: str, period: str
) -> None:
    assert _one_date(text, language) == (written, period)


@pytest.mark.parametrize(
    ("text", "language", "written", "value", "unit"),
    [
        (
            "Crime fell by nearly a third in 2023.",
            "en",
            "fell by nearly a third",
            -100 / 3,
            "percent",
        ),
        ("Sales rose by half.", "en", "rose by half", 50.0, "percent"),
        ("Costs were cut by a quarter.", "en", "cut by a quarter", -25.0, "percent"),
        ("Thiệt hại giảm một nửa.", "vi", "giảm một nửa", 0.5, "times"),
    ],
)
def test_a_change_by_a_share_in_words_is_a_change_in_percent(
    text: str, language: str, written: str, value: float, unit: str
) -> None:
    (mention,) = [m for m in scan_text(text, language).mentions if m.kind.value == "quantity"]
    assert (mention.as_written, mention.unit) == (written, unit)
    assert mention.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "written", "period"),
    [
        ("In the year to March 2024 it rose.", "year to March 2024", "2023-04-01..2024-03-31"),
        (
            "In the year ended 31 March 2024 it rose.",
            "year ended 31 March 2024",
            "2023-04-01..2024-03-31",
        ),
        (
            "In the twelve months to June 2024 it rose.",
            "twelve months to June 2024",
            "2023-07-01..2024-06-30",
        ),
        (
            "In the 12 months ending June 30, 2024 it rose.",
            "12 months ending June 30, 2024",
            "2023-07-01..2024-06-30",
        ),
    ],
)
def test_the_year_to_a_month_is_the_twelve_months_it_ends(
    text: str, written: str, period: str
) -> None:
    assert _one_date(text, "en") == (written, period)


@pytest.mark.parametrize(
    ("text", "language", "dates"),
    [
        # "and" names two months unless "between" opens a span
        (
            "There were peaks in January and March 2024.",
            "en",
            [("March 2024", "2024-03-01..2024-03-31")],
        ),
        (
            "Tháng 1 và tháng 2/2024 có nhiều vụ.",
            "vi",
            [("Tháng 1", "--01"), ("tháng 2/2024", "2024-02-01..2024-02-29")],
        ),
        # a span runs forward: backwards, the months stay apart
        (
            "Between March and January 2024 nothing.",
            "en",
            [("January 2024", "2024-01-01..2024-01-31")],
        ),
        (
            "Từ tháng 10/2024 đến tháng 3/2024 không có.",
            "vi",
            [
                ("tháng 10/2024", "2024-10-01..2024-10-31"),
                ("tháng 3/2024", "2024-03-01..2024-03-31"),
            ],
        ),
    ],
)
def test_months_that_do_not_make_a_span_stay_apart(
    text: str, language: str, dates: list[tuple[str, str]]
) -> None:
    mentions = scan_text(text, language).mentions
    assert [(m.as_written, str(m.period)) for m in mentions if m.kind.value == "date"] == dates


def _one_date(text: str, language: str) -> tuple[str, str]:
    """The as_written and period of the one mention of ``text``, which must be a date."""
    (mention,) = scan_text(text, language).mentions
    assert mention.kind.value == "date", mention
    return mention.as_written, str(mention.period)


def test_a_year_before_a_comma_is_the_year_on_every_python_311() -> None:
    """Python's ``re`` before 3.11.3 (Debian 12's 3.11.2) gives back only part of a
    possessive repeated group, and read ``năm 2025, sau`` as the quantity ``2025,``: the
    patterns repeat no group possessively, and the year reads as a year."""
    from checks.scan.patterns import number_body, token_pattern

    for pattern in (
        token_pattern("vi").pattern,
        token_pattern("en").pattern,
        number_body(with_range=True),
    ):
        assert not any(repeat in pattern for repeat in (")*+", ")++", ")?+")), pattern[:80]
    mentions = scan_text(
        "Công ước có hiệu lực vào năm 2025, sau khi được phê chuẩn.", "vi"
    ).mentions
    assert [(m.as_written, m.kind.value) for m in mentions] == [("năm 2025", "date")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a span of years with năm repeated is one period
        (
            "Từ năm 2020 đến năm 2023, số vụ tăng gấp đôi.",
            "vi",
            [
                ("date", "năm 2020 đến năm 2023", "2020-01-01..2023-12-31"),
                ("quantity", "tăng gấp đôi", "[2, 2]"),
            ],
        ),
        (
            "từ năm 2020 đến hết năm 2023 có 500 vụ",
            "vi",
            [
                ("date", "năm 2020 đến hết năm 2023", "2020-01-01..2023-12-31"),
                ("quantity", "500", "[450, 550]"),
            ],
        ),
        # a backward pair of years stays two dates
        (
            "năm 2022 đến năm 2020",
            "vi",
            [
                ("date", "năm 2022", "2022-01-01..2022-12-31"),
                ("date", "năm 2020", "2020-01-01..2020-12-31"),
            ],
        ),
        # so many in so many, in Vietnamese; a grouped count before trong số is a count
        ("1 trong 5 người dùng từng bị lừa", "vi", [("quantity", "1 trong 5", "[0.2, 0.2]")]),
        ("Có 3 trong số 10 doanh nghiệp", "vi", [("quantity", "3 trong số 10", "[0.3, 0.3]")]),
        (
            "có 1.200 trong số 2.000 vụ",
            "vi",
            [("quantity", "1.200", "[1,150, 1,250]"), ("quantity", "2.000", "[1,800, 2,200]")],
        ),
        (
            "1,200 out of 2,000 respondents",
            "en",
            [("quantity", "1,200", "[1,150, 1,250]"), ("quantity", "2,000", "[1,800, 2,200]")],
        ),
        # a quarter with its year is that quarter; without a year it is a rank, not a count
        (
            "trong quý 3 năm 2023 có 20 vụ",
            "vi",
            [("date", "quý 3 năm 2023", "2023-07-01..2023-09-30"), ("quantity", "20", "[18, 22]")],
        ),
        (
            "Trong quý III năm 2023",
            "vi",
            [("date", "quý III năm 2023", "2023-07-01..2023-09-30")],
        ),
        (
            "Quý 1 đạt 500 tỷ đồng",
            "vi",
            [
                ("ordinal", "1", "[1, 1]"),
                ("quantity", "500 tỷ đồng", "[450,000,000,000, 550,000,000,000]"),
            ],
        ),
    ],
)
def test_spans_of_years_shares_in_vietnamese_and_quarters(
    text: str, language: str, expected: list[tuple[str, str, str]]
) -> None:
    found = [(m.kind.value, m.as_written, m.reading) for m in scan_text(text, language).mentions]
    assert found == expected

"""Offsets, punctuation, blanks, Unicode forms, identifiers and clauses, on test sentences."""

from __future__ import annotations

import re
import unicodedata

import pytest

from checks.scan import Kind, ScanError, scan_text
from checks.scan.language import guess_language


def spans(text: str, language: str = "vi") -> list[tuple[int, str, str]]:
    return [(m.start, m.as_written, m.kind.value) for m in scan_text(text, language).mentions]


def test_numbers_inside_parentheses_and_quotes_keep_their_exact_offsets() -> None:
    text = 'Có (hơn 100 quốc gia), “gần 16.000 phản ánh” và "79,1%" dân số (2021-2024).'
    assert spans(text) == [
        (4, "hơn 100", "quantity"),
        (24, "gần 16.000", "quantity"),
        (49, "79,1%", "quantity"),
        (64, "2021-2024", "date"),
    ]


def test_numbers_next_to_punctuation_do_not_swallow_it() -> None:
    text = "ký ngày 8/8; đạt 16.000, rồi 79,1%) và năm 2025. Hết"
    found = scan_text(text, "vi").mentions
    assert [m.as_written for m in found] == ["ngày 8/8", "16.000", "79,1%", "năm 2025"]
    assert [text[m.end] for m in found] == [";", ",", ")", "."]


def test_non_breaking_spaces_join_scale_and_currency_and_stay_in_as_written() -> None:
    text = "gây thiệt hại 390.000\u00a0tỷ\u202fđồng và gần\u00a016.000\u00a0phản ánh"
    first, second = scan_text(text, "vi").mentions
    assert (first.as_written, first.unit, first.value) == (
        "390.000\u00a0tỷ\u202fđồng",
        "VND",
        390_000e9,
    )
    assert (second.as_written, second.qualifier, second.noun) == (
        "gần\u00a016.000",
        "nearly",
        "phản ánh",
    )


def test_decomposed_input_gives_the_offsets_of_the_nfc_text() -> None:
    nfc = "Theo thống kê, trong năm 2023, đã ghi nhận gần 16.000 phản ánh, tăng 64,78%."
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    from_nfd, from_nfc = scan_text(nfd, "vi"), scan_text(nfc, "vi")
    assert from_nfd.text == nfc
    assert [m.to_dict() for m in from_nfd.mentions] == [m.to_dict() for m in from_nfc.mentions]
    assert [(m.start, m.as_written) for m in from_nfd.mentions] == [
        (21, "năm 2023"),
        (43, "gần 16.000"),
        (64, "tăng 64,78%"),
    ]


IDENTIFIERS = [
    ("Theo quy định tại Điều 64 của Công ước", "Điều 64", "X1-document-number"),
    (
        "triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị",
        "Nghị quyết số 57-NQ/TW",
        "X1-document-number",
    ),
    ("vừa ký Công điện số 46/CĐ-TTg của Thủ tướng", "Công điện số 46/CĐ-TTg", "X1-document-number"),
    ("nêu tại Chỉ thị 25 của Ban Bí thư", "Chỉ thị 25", "X1-document-number"),
    ("cơ chế hợp tác chuyên trách 24/7, qua đó", "24/7", "X3-round-the-clock"),
    ("Báo cáo chính trị Đại hội XIII của Đảng", "Đại hội XIII", "X7-roman-numeral"),
    ("thách thức của thế kỷ XXI.", "thế kỷ XXI", "X7-roman-numeral"),
    ("by resolution 58/4 of the Assembly", "resolution 58/4", "X1-document-number"),
    ("during COVID-19 lockdowns", "COVID-19", "X8-name-code"),
]


@pytest.mark.parametrize(
    ("text", "written", "rule"), IDENTIFIERS, ids=[w for _, w, _ in IDENTIFIERS]
)
def test_identifiers_are_marked_and_hide_their_digits(text: str, written: str, rule: str) -> None:
    mentions = scan_text(text).mentions
    assert [(m.as_written, m.kind, m.rule, m.start) for m in mentions] == [
        (written, Kind.IDENTIFIER, rule, text.index(written))
    ]


def test_a_year_in_a_cited_document_title_belongs_to_the_title() -> None:
    text = (
        "nêu tại Chỉ thị 25 của Ban Bí thư về đẩy mạnh và nâng tầm đối ngoại đa phương "
        "đến năm 2030. Năm 2030 là mốc khác."
    )
    found = [(m.as_written, m.kind.value, m.rule) for m in scan_text(text, "vi").mentions]
    assert found == [
        (
            "Chỉ thị 25 của Ban Bí thư về đẩy mạnh và nâng tầm đối ngoại đa phương đến năm 2030",
            "identifier",
            "X2-document-title",
        ),
        ("Năm 2030", "date", ""),
    ]


def test_24_7_after_a_day_word_is_24_july() -> None:
    (mention,) = scan_text("Chiều 24/7, hai bên hội đàm", "vi").mentions
    assert (mention.as_written, mention.kind, mention.reading) == ("24/7", Kind.DATE, "--07-24")


def test_scrape_metadata_at_the_start_is_an_identifier_without_its_leading_blank() -> None:
    (mention,) = scan_text(" date 2024-12 Phó Thủ tướng trả lời", "vi").mentions
    assert (mention.start, mention.as_written, mention.rule) == (
        1,
        "date 2024-12",
        "X4-scrape-metadata",
    )


def test_digits_glued_to_letters_are_not_numbers() -> None:
    assert spans("mạng 5G và nhóm G20 cùng H5N1") == []


def test_every_digit_in_a_mixed_text_lies_in_some_mention() -> None:
    text = (
        "Chiều 24/12, Điều 64 quy định 9 chương và 71 điều; khoảng 8.000 tỷ USD năm 2023, "
        "dự báo 10.500 tỷ năm 2025; 25-26/10; 01/4/2024; (30.5); cơ chế 24/7; 08 kỳ họp."
    )
    covered = [(m.start, m.end) for m in scan_text(text, "vi").mentions]
    for run in re.finditer(r"\d+", text):
        assert any(s <= run.start() and run.end() <= e for s, e in covered), run.group()


def test_draft_quote_is_the_shortest_clause_around_the_number() -> None:
    text = (
        "Theo thống kê, trong năm 2023, đã ghi nhận gần 16.000 phản ánh chỉ riêng trong vấn "
        "đề lừa đảo trực tuyến, gây thiệt hại 390.000 tỷ đồng, tăng 64,78% so với năm 2022."
    )
    quotes = [(m.as_written, m.quote) for m in scan_text(text, "vi").mentions]
    assert quotes == [
        ("năm 2023", "trong năm 2023"),
        ("gần 16.000", "đã ghi nhận gần 16.000 phản ánh chỉ riêng trong vấn đề lừa đảo trực tuyến"),
        ("390.000 tỷ đồng", "gây thiệt hại 390.000 tỷ đồng"),
        ("tăng 64,78%", "tăng 64,78% so với năm 2022"),
        ("năm 2022", "tăng 64,78% so với năm 2022"),
    ]
    for mention in scan_text(text, "vi").mentions:
        assert text[mention.quote_start : mention.quote_end] == mention.quote


def test_quotation_marks_and_table_bars_end_a_clause() -> None:
    text = "| Ảnh chụp ngày 8/10 |\n“Khi đăng cai trong năm 2025, chúng ta đã nhận được”"
    assert [m.quote for m in scan_text(text, "vi").mentions] == [
        "Ảnh chụp ngày 8/10",
        "Khi đăng cai trong năm 2025",
    ]


def test_language_is_guessed_from_vietnamese_letters() -> None:
    assert guess_language("Dân số của Việt Nam đạt 100,3 triệu người") == "vi"
    assert guess_language("Deputy Prime Minister Bùi Thanh Sơn said 1,500 people came") == "en"
    assert scan_text("about 1,500 people came").language == "en"
    assert scan_text("about 1,500 people came").mentions[0].value == 1500.0


def test_the_language_decides_between_thousands_and_decimals() -> None:
    (vi,) = scan_text("giá 24,426 đồng", "vi").mentions
    (en,) = scan_text("price 24,426 VND", "en").mentions
    assert (vi.value, en.value) == (24.426, 24426.0)


def test_unknown_language_is_refused_with_its_value() -> None:
    with pytest.raises(ScanError) as caught:
        scan_text("5 người", "fr")
    assert (str(caught.value), caught.value.value) == (
        "unknown language 'fr'; expected vi, en or auto",
        "fr",
    )


def test_mention_to_dict_is_json_ready() -> None:
    (mention,) = scan_text("gần 5 năm", "vi").mentions
    assert mention.to_dict() == {
        "start": 0,
        "end": 9,
        "as_written": "gần 5 năm",
        "kind": "duration",
        "value": 5.0,
        "interval": [4.5, 5.0],
        "qualifier": "nearly",
        "unit": "year",
        "noun": "",
        "period": None,
        "rule": None,
        "parts": [[4, 5]],
        "quote": "gần 5 năm",
        "quote_start": 0,
        "quote_end": 9,
        "note": None,
        "form": "number",
        "ends": None,
        "change": None,
        "language": "vi",
        "ambiguous": None,
    }


def test_a_ten_thousand_digit_number_is_reported_without_a_value_not_a_crash() -> None:
    (plain,) = scan_text("«" + "9" * 10_000 + "»", "vi").mentions
    (ordinal,) = scan_text("lần thứ " + "9" * 100, "vi").mentions
    assert (plain.kind, len(plain.as_written), plain.value, plain.note) == (
        Kind.QUANTITY,
        10_000,
        None,
        "more than 40 digits",
    )
    assert (ordinal.kind, ordinal.value, ordinal.interval) == (Kind.ORDINAL, None, None)

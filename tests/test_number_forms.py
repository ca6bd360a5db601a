"""Every printed form the number reader knows, in Vietnamese and English news.

Each row: the language, the form as printed, the interval it stands for (its printed
precision widened by its qualifier), the unit, the qualifier and the kind of reading
(``number``, ``range``, ``fraction``, ``multiplier``, ``change``). The reader
(:func:`checks.numbers.parse.parse_number`) must give exactly that; ``scan`` must find the
form in a sentence, as_written the form itself (a verbal hedge such as ``ước tính`` stays
outside as_written, docs/data-capture.md A2: then the last column is what scan keeps), with
the same interval. Decreases are negative changes (docs/numbers.md).
"""

from __future__ import annotations

import pytest

from checks.numbers.parse import parse_number
from checks.scan import Kind, scan_text

FRAME = {
    "vi": "Theo báo cáo, con số là {} trong kỳ.",
    "en": "The report puts the figure at {} for the period.",
}

FORMS: list[tuple[object, ...]] = [
    ("vi", "16.000", 15500.0, 16500.0, "", "exact", "number"),
    ("vi", "gần 16.000", 14400.0, 16000.0, "", "nearly", "number"),
    ("vi", "hơn 100 nghìn", 100000.0, 125000.0, "", "more_than", "number"),
    ("vi", "78,44 triệu", 78435000.0, 78445000.0, "", "exact", "number"),
    ("vi", "79,1%", 79.05, 79.15, "percent", "exact", "number"),
    ("vi", "390.000 tỷ đồng", 385000000000000.0, 395000000000000.0, "VND", "exact", "number"),
    ("vi", "khoảng 8.000 tỷ USD", 7200000000000.0, 8800000000000.0, "USD", "approx", "number"),
    ("vi", "10.500 tỷ", 10450000000000.0, 10550000000000.0, "", "exact", "number"),
    ("vi", "gần 5 năm", 4.5, 5.0, "year", "nearly", "number"),
    ("vi", "47 năm", 46.5, 47.5, "year", "exact", "number"),
    ("vi", "hơn 6,6 triệu USD", 6600000.0, 6700000.0, "USD", "more_than", "number"),
    ("vi", "10.221,8 nghìn tỷ đồng", 1.022175e16, 1.022185e16, "VND", "exact", "number"),
    (
        "vi",
        "khoảng 8.000- 10.000 tỷ đồng",
        7999500000000.0,
        10000500000000.0,
        "VND",
        "approx",
        "range",
    ),
    ("vi", "8.000-10.000 tỷ đồng", 7999500000000.0, 10000500000000.0, "VND", "range", "range"),
    ("vi", "từ 3 đến 4 triệu", 2500000.0, 4500000.0, "", "range", "range"),
    ("vi", "từ 3 triệu đến 4 triệu", 2500000.0, 4500000.0, "", "range", "range"),
    ("vi", "3 đến 4 triệu", 2500000.0, 4500000.0, "", "range", "range"),
    ("vi", "giữa 10 và 20", 9.5, 20.5, "", "range", "range"),
    ("vi", "tăng gấp rưỡi", 1.5, 1.5, "times", "exact", "multiplier"),
    ("vi", "gấp 1,5 lần", 1.45, 1.55, "times", "exact", "multiplier"),
    ("vi", "tăng gấp đôi", 2.0, 2.0, "times", "exact", "multiplier"),
    ("vi", "gấp đôi", 2.0, 2.0, "times", "exact", "multiplier"),
    ("vi", "gấp ba", 3.0, 3.0, "times", "exact", "multiplier"),
    ("vi", "gấp 3 lần", 2.5, 3.5, "times", "exact", "multiplier"),
    ("vi", "tăng gấp 2,5 lần", 2.45, 2.55, "times", "exact", "multiplier"),
    ("vi", "giảm 15%", -15.5, -14.5, "percent", "exact", "change"),
    ("vi", "tăng 15%", 14.5, 15.5, "percent", "exact", "change"),
    ("vi", "giảm 2,5%", -2.55, -2.45, "percent", "exact", "change"),
    ("vi", "giảm gần 20%", -20.0, -18.0, "percent", "nearly", "change"),
    ("vi", "tăng hơn 30%", 30.0, 37.5, "percent", "more_than", "change"),
    ("vi", "tăng 2 điểm phần trăm", 1.5, 2.5, "percentage_point", "exact", "change"),
    ("vi", "giảm 0,5 điểm phần trăm", -0.55, -0.45, "percentage_point", "exact", "change"),
    ("vi", "tăng 1,2 điểm %", 1.15, 1.25, "percentage_point", "exact", "change"),
    ("vi", "khoảng 1.500", 1350.0, 1650.0000000000002, "", "approx", "number"),
    ("vi", "ít nhất 50", 50.0, 62.5, "", "at_least", "number"),
    ("vi", "tối thiểu 3", 3.0, 3.75, "", "at_least", "number"),
    ("vi", "dưới 10%", 7.5, 10.0, "percent", "less_than", "number"),
    ("vi", "chưa đến 1.000", 750.0, 1000.0, "", "less_than", "number"),
    ("vi", "lên đến 5 triệu", 4000000.0, 5000000.0, "", "up_to", "number", "5 triệu"),
    ("vi", "lên tới 200", 150.0, 200.0, "", "up_to", "number", "200"),
    ("vi", "tối đa 12", 11.0, 12.0, "", "up_to", "number"),
    ("vi", "xấp xỉ 2,3 triệu", 2200000.0, 2400000.0, "", "approx", "number"),
    ("vi", "chừng 40", 36.0, 44.0, "", "approx", "number"),
    ("vi", "ước tính 5 triệu", 4500000.0, 5500000.0, "", "approx", "number", "5 triệu"),
    (
        "vi",
        "ước tính hơn 100 nghìn",
        100000.0,
        125000.0,
        "",
        "more_than",
        "number",
        "hơn 100 nghìn",
    ),
    (
        "vi",
        "dự báo 10.500 tỷ",
        10000000000000.0,
        11000000000000.0,
        "",
        "forecast",
        "number",
        "10.500 tỷ",
    ),
    ("vi", "dự kiến 3%", 2.5, 3.5, "percent", "forecast", "number", "3%"),
    ("vi", "gần như 100%", 90.0, 100.0, "percent", "nearly", "number"),
    ("vi", "trên 90%", 90.0, 100.0, "percent", "more_than", "number"),
    ("vi", "3 nghìn", 2500.0, 3500.0, "", "exact", "number"),
    ("vi", "3 ngàn", 2500.0, 3500.0, "", "exact", "number"),
    ("vi", "2 vạn", 15000.0, 25000.0, "", "exact", "number"),
    ("vi", "5 tỷ", 4500000000.0, 5500000000.0, "", "exact", "number"),
    ("vi", "5 tỉ", 4500000000.0, 5500000000.0, "", "exact", "number"),
    ("vi", "1,2 nghìn tỷ", 1150000000000.0, 1250000000000.0, "", "exact", "number"),
    ("vi", "3 ngàn tỷ", 2500000000000.0, 3500000000000.0, "", "exact", "number"),
    ("vi", "10tr", 9000000.0, 11000000.0, "", "exact", "number"),
    ("vi", "50 triệu đồng", 45000000.0, 55000000.0, "VND", "exact", "number"),
    ("vi", "50 triệu VNĐ", 45000000.0, 55000000.0, "VND", "exact", "number"),
    ("vi", "50 triệu VND", 45000000.0, 55000000.0, "VND", "exact", "number"),
    ("vi", "20.000₫", 18000.0, 22000.0, "VND", "exact", "number"),
    ("vi", "1,5 triệu USD", 1450000.0, 1550000.0, "USD", "exact", "number"),
    ("vi", "2 tỷ đô la", 1500000000.0, 2500000000.0, "USD", "exact", "number"),
    ("vi", "300 nghìn nhân dân tệ", 270000.0, 330000.0, "CNY", "exact", "number"),
    ("vi", "4 năm", 3.5, 4.5, "year", "exact", "number"),
    ("vi", "1.234.567", 1234566.5, 1234567.5, "", "exact", "number"),
    ("vi", "1.234.567,89", 1234567.885, 1234567.895, "", "exact", "number"),
    ("vi", "0,5", 0.45, 0.55, "", "exact", "number"),
    ("vi", "-3,5", -3.55, -3.45, "", "exact", "number"),
    ("vi", "−2", -2.5, -1.5, "", "exact", "number"),
    ("vi", "100 tấn", 90.0, 110.0, "tonne", "exact", "number"),
    ("vi", "5 km", 4.5, 5.5, "kilometer", "exact", "number"),
    ("vi", "200 ha", 180.0, 220.0, "hectare", "exact", "number"),
    ("vi", "15 kg", 14.5, 15.5, "kilogram", "exact", "number"),
    ("vi", "2 1/2", 2.5, 2.5, "", "exact", "fraction"),
    ("vi", "3/100", 0.03, 0.03, "", "exact", "fraction"),
    ("vi", "2,48×10−5", 2.475e-05, 2.485e-05, "", "exact", "number"),
    ("vi", "giảm 3 lần", 0.2857142857142857, 0.4, "times", "exact", "multiplier"),
    ("vi", "25-30%", 24.5, 30.5, "percent", "range", "range"),
    ("vi", "khoảng 25-30%", 24.5, 30.5, "percent", "approx", "range"),
    ("vi", "30 - 40 nghìn", 29500.0, 40500.0, "", "range", "range"),
    ("vi", "10–15", 9.5, 15.5, "", "range", "range"),
    ("vi", "1,5-2 triệu USD", 1450000.0, 2500000.0, "USD", "range", "range"),
    ("vi", "3.000 MW", 2700.0, 3300.0, "megawatt", "exact", "number"),
    ("vi", "100 GB", 90.0, 110.0, "gigabyte", "exact", "number"),
    ("en", "16,000", 15500.0, 16500.0, "", "exact", "number"),
    ("en", "nearly 16,000", 14400.0, 16000.0, "", "nearly", "number"),
    ("en", "more than 100 thousand", 100000.0, 125000.0, "", "more_than", "number"),
    ("en", "78.44 million", 78435000.0, 78445000.0, "", "exact", "number"),
    ("en", "79.1%", 79.05, 79.15, "percent", "exact", "number"),
    ("en", "$10.5 trillion", 10450000000000.0, 10550000000000.0, "USD", "exact", "number"),
    ("en", "about $8 trillion", 7200000000000.0, 8800000000000.0, "USD", "approx", "number"),
    ("en", "around 24,426", 24425.0, 24427.0, "", "approx", "number"),
    ("en", "over 90%", 90.0, 100.0, "percent", "more_than", "number"),
    ("en", "at least 50", 50.0, 62.5, "", "at_least", "number"),
    ("en", "less than 1,000", 750.0, 1000.0, "", "less_than", "number"),
    ("en", "fewer than 200", 150.0, 200.0, "", "less_than", "number"),
    ("en", "up to 5 million", 4000000.0, 5000000.0, "", "up_to", "number"),
    ("en", "as much as $2bn", 1500000000.0, 2000000000.0, "USD", "up_to", "number"),
    ("en", "approximately 2.3 million", 2200000.0, 2400000.0, "", "approx", "number"),
    ("en", "roughly 40", 36.0, 44.0, "", "approx", "number"),
    ("en", "some 300", 270.0, 330.0, "", "approx", "number"),
    ("en", "an estimated 5 million", 4500000.0, 5500000.0, "", "approx", "number", "5 million"),
    ("en", "almost 100%", 90.0, 100.0, "percent", "nearly", "number"),
    ("en", "under 10%", 7.5, 10.0, "percent", "less_than", "number"),
    ("en", "above 4%", 4.0, 5.0, "percent", "more_than", "number"),
    ("en", "10-15 exabytes", 9.5, 15.5, "exabyte", "range", "range"),
    ("en", "3.5–4.0", 3.45, 4.05, "", "range", "range"),
    ("en", "between 44 and 50", 43.5, 50.5, "", "range", "range"),
    ("en", "from 10 to 15 million", 9500000.0, 15500000.0, "", "range", "range"),
    ("en", "10 to 15 million", 9500000.0, 15500000.0, "", "range", "range"),
    ("en", "$3-4 billion", 2500000000.0, 4500000000.0, "USD", "range", "range"),
    ("en", "$3 to $4 billion", 2500000000.0, 4500000000.0, "USD", "range", "range"),
    ("en", "between $1 billion and $2 billion", 500000000.0, 2500000000.0, "USD", "range", "range"),
    ("en", "1.5 times", 1.45, 1.55, "times", "exact", "multiplier"),
    ("en", "doubled", 2.0, 2.0, "times", "exact", "multiplier"),
    ("en", "tripled", 3.0, 3.0, "times", "exact", "multiplier"),
    ("en", "halved", 0.5, 0.5, "times", "exact", "multiplier"),
    ("en", "3-fold", 2.5, 3.5, "times", "exact", "multiplier"),
    ("en", "10 times", 9.0, 11.0, "times", "exact", "multiplier"),
    ("en", "fell 15%", -15.5, -14.5, "percent", "exact", "change"),
    ("en", "rose 15%", 14.5, 15.5, "percent", "exact", "change"),
    ("en", "fell by 2.5%", -2.55, -2.45, "percent", "exact", "change"),
    ("en", "increased by 30%", 27.0, 33.0, "percent", "exact", "change"),
    ("en", "down 3%", -3.5, -2.5, "percent", "exact", "change"),
    ("en", "up 4.5%", 4.45, 4.55, "percent", "exact", "change"),
    ("en", "dropped 12 percent", -12.5, -11.5, "percent", "exact", "change"),
    ("en", "declined 0.4 percentage points", -0.45, -0.35, "percentage_point", "exact", "change"),
    ("en", "2 percentage points", 1.5, 2.5, "percentage_point", "exact", "number"),
    ("en", "50 basis points", 45.0, 55.0, "basis_point", "exact", "number"),
    ("en", "25 bps", 24.5, 25.5, "basis_point", "exact", "number"),
    ("en", "€10M", 9000000.0, 11000000.0, "EUR", "exact", "number"),
    ("en", "$2.174T", 2173500000000.0, 2174500000000.0, "USD", "exact", "number"),
    ("en", "US$3bn", 2500000000.0, 3500000000.0, "USD", "exact", "number"),
    ("en", "0.5k", 450.0, 550.0, "", "exact", "number"),
    ("en", "50K", 45000.0, 55000.0, "", "exact", "number"),
    ("en", "VND391.8 trillion", 391750000000000.0, 391850000000000.0, "VND", "exact", "number"),
    ("en", "VND 391.8 trillion", 391750000000000.0, 391850000000000.0, "VND", "exact", "number"),
    ("en", "USD 5 million", 4500000.0, 5500000.0, "USD", "exact", "number"),
    ("en", "10kg", 9.0, 11.0, "kilogram", "exact", "number"),
    ("en", "25lbs", 24.5, 25.5, "pound", "exact", "number"),
    ("en", "5 lb", 4.5, 5.5, "pound", "exact", "number"),
    ("en", "1/4 inch", 0.25, 0.25, "inch", "exact", "fraction"),
    ("en", "2 1/2", 2.5, 2.5, "", "exact", "fraction"),
    ("en", "2½", 2.5, 2.5, "", "exact", "fraction"),
    ("en", "1 in 5", 0.2, 0.2, "", "exact", "fraction"),
    ("en", "roughly 1 in 5", 0.2, 0.2, "", "approx", "fraction"),
    ("en", "1 in 10,000", 0.0001, 0.0001, "", "exact", "fraction"),
    ("en", "3/4 inches", 0.75, 0.75, "inch", "exact", "fraction"),
    ("en", "-15€", -15.5, -14.5, "EUR", "exact", "number"),
    ("en", "($99.99)", -99.995, -99.985, "USD", "exact", "number"),
    ("en", "(€5.2m)", -5250000.0, -5150000.0, "EUR", "exact", "number"),
    ("en", "-3.2%", -3.25, -3.15, "percent", "exact", "number"),
    ("en", "−7", -7.5, -6.5, "", "exact", "number"),
    ("en", "+5%", 4.5, 5.5, "percent", "exact", "number"),
    ("en", "4e14", 350000000000000.0, 450000000000000.0, "", "exact", "number"),
    ("en", "2.48×10−5", 2.475e-05, 2.485e-05, "", "exact", "number"),
    ("en", "6.02e23", 6.015e23, 6.025e23, "", "exact", "number"),
    ("en", "1.2E-3", 0.00115, 0.00125, "", "exact", "number"),
    ("en", "3x10⁶", 2500000.0, 3500000.0, "", "exact", "number"),
    ("en", "£5m", 4500000.0, 5500000.0, "GBP", "exact", "number"),
    ("en", "£3.5bn", 3450000000.0, 3550000000.0, "GBP", "exact", "number"),
    ("en", "¥100 billion", 90000000000.0, 110000000000.0, "JPY", "exact", "number"),
    ("en", "€200", 180.0, 220.0, "EUR", "exact", "number"),
    ("en", "200 euros", 180.0, 220.0, "EUR", "exact", "number"),
    ("en", "1,000 yen", 900.0, 1100.0, "JPY", "exact", "number"),
    ("en", "$5m", 4500000.0, 5500000.0, "USD", "exact", "number"),
    ("en", "$1.2b", 1150000000.0, 1250000000.0, "USD", "exact", "number"),
    ("en", "5.5 mn", 5450000.0, 5550000.0, "", "exact", "number"),
    ("en", "3 mln", 2500000.0, 3500000.0, "", "exact", "number"),
    ("en", "2 tn", 1500000000000.0, 2500000000000.0, "", "exact", "number"),
    ("en", "1,234,567", 1234566.5, 1234567.5, "", "exact", "number"),
    ("en", "1,234,567.89", 1234567.885, 1234567.895, "", "exact", "number"),
    ("en", "0.001", 0.0005, 0.0015, "", "exact", "number"),
    ("en", "12.5 percent", 12.45, 12.55, "percent", "exact", "number"),
    ("en", "12.5 per cent", 12.45, 12.55, "percent", "exact", "number"),
    ("en", "100 km", 90.0, 110.0, "kilometer", "exact", "number"),
    ("en", "3 km²", 2.5, 3.5, "km**2", "exact", "number"),
    ("en", "500 MW", 450.0, 550.0, "megawatt", "exact", "number"),
    ("en", "2 GW", 1.5, 2.5, "gigawatt", "exact", "number"),
    ("en", "10 TB", 9.0, 11.0, "terabyte", "exact", "number"),
    ("en", "1.5 zettabytes", 1.45, 1.55, "zettabyte", "exact", "number"),
    ("en", "3,000 tonnes", 2700.0, 3300.0, "tonne", "exact", "number"),
    ("en", "40 years", 36.0, 44.0, "year", "exact", "number"),
    ("en", "1 year", 0.5, 1.5, "year", "exact", "number"),
    ("en", "30°C", 27.0, 33.0, "degree_Celsius", "exact", "number"),
    ("en", "2 billion", 1500000000.0, 2500000000.0, "", "exact", "number"),
    ("en", "7.9 billion", 7850000000.0, 7950000000.0, "", "exact", "number"),
    ("en", "12 thousand", 11500.0, 12500.0, "", "exact", "number"),
    # Round two: glued units, rates, more currencies and units, lakh/crore, more hedges.
    ("en", "2.3m", 2250000.0, 2350000.0, "", "exact", "number"),
    ("en", "£2.3m", 2250000.0, 2350000.0, "GBP", "exact", "number"),
    ("en", "45p", 44.5, 45.5, "GBP_penny", "exact", "number"),
    ("en", "40.5C", 40.45, 40.55, "degree_Celsius", "exact", "number"),
    ("en", "-3.5C", -3.55, -3.45, "degree_Celsius", "exact", "number"),
    ("en", "98.6F", 98.55, 98.65, "degree_Fahrenheit", "exact", "number"),
    ("en", "3.2pc", 3.15, 3.25, "percent", "exact", "number"),
    ("en", "12 pct", 11.5, 12.5, "percent", "exact", "number"),
    ("en", "3 x 10^6", 2500000.0, 3500000.0, "", "exact", "number"),
    ("en", "1.2 million dollars", 1150000.0, 1250000.0, "USD", "exact", "number"),
    ("en", "5 dollars", 4.5, 5.5, "USD", "exact", "number"),
    ("en", "Rs 2,500 crore", 24500000000.0, 25500000000.0, "INR", "exact", "number"),
    ("en", "Rs.450", 445.0, 455.0, "INR", "exact", "number"),
    ("en", "₹1.5 lakh crore", 1450000000000.0, 1550000000000.0, "INR", "exact", "number"),
    ("en", "INR 45 lakh", 4450000.0, 4550000.0, "INR", "exact", "number"),
    ("en", "A$3bn", 2500000000.0, 3500000000.0, "AUD", "exact", "number"),
    ("en", "KES 5 billion", 4.5e9, 5.5e9, "KES", "exact", "number"),
    ("en", "12 billion NOK", 11.5e9, 12.5e9, "NOK", "exact", "number"),
    ("en", "₦2.5 billion", 2.45e9, 2.55e9, "NGN", "exact", "number"),
    ("en", "₪40 million", 36e6, 44e6, "ILS", "exact", "number"),  # as $40 million
    ("vi", "5 triệu riel", 4.5e6, 5.5e6, "KHR", "exact", "number"),
    ("vi", "3 tỷ kíp", 2.5e9, 3.5e9, "LAK", "exact", "number"),
    ("en", "MMK 10 billion", 9e9, 11e9, "MMK", "exact", "number"),  # as USD 10 billion
    ("en", "C$1.2 billion", 1150000000.0, 1250000000.0, "CAD", "exact", "number"),
    ("en", "HK$500", 450.0, 550.0, "HKD", "exact", "number"),
    ("en", "S$2m", 1500000.0, 2500000.0, "SGD", "exact", "number"),
    ("en", "CHF 120", 115.0, 125.0, "CHF", "exact", "number"),
    ("en", "₩1.2 trillion", 1150000000000.0, 1250000000000.0, "KRW", "exact", "number"),
    ("en", "฿300", 270.0, 330.0, "THB", "exact", "number"),
    ("en", "R$50", 45.0, 55.0, "BRL", "exact", "number"),
    ("en", "RM 2.5 billion", 2450000000.0, 2550000000.0, "MYR", "exact", "number"),
    ("en", "Rp 10,000", 9000.0, 11000.0, "IDR", "exact", "number"),
    ("en", "RMB 3.4 billion", 3350000000.0, 3450000000.0, "CNY", "exact", "number"),
    ("en", "99 cents", 98.5, 99.5, "USD_cent", "exact", "number"),
    ("en", "100 Mbps", 90.0, 110.0, "megabit/second", "exact", "number"),
    ("en", "2.4GHz", 2.35, 2.45, "gigahertz", "exact", "number"),
    ("en", "500 MB", 450.0, 550.0, "megabyte", "exact", "number"),
    ("en", "1.5 TWh", 1.45, 1.55, "terawatt_hour", "exact", "number"),
    ("en", "50 kW", 45.0, 55.0, "kilowatt", "exact", "number"),
    ("en", "100 metres", 90.0, 110.0, "meter", "exact", "number"),
    ("en", "5 cm", 4.5, 5.5, "centimeter", "exact", "number"),
    ("en", "26.2 miles", 26.15, 26.25, "mile", "exact", "number"),
    ("en", "30,000 feet", 27000.0, 33000.0, "foot", "exact", "number"),
    ("en", "2 litres", 1.5, 2.5, "liter", "exact", "number"),
    ("en", "500 ml", 450.0, 550.0, "milliliter", "exact", "number"),
    ("en", "1.5 million barrels", 1450000.0, 1550000.0, "barrel", "exact", "number"),
    ("en", "$5.99/month", 5.985, 5.995, "USD/month", "exact", "number"),
    ("en", "$80/barrel", 75.0, 85.0, "USD/barrel", "exact", "number"),
    ("en", "€1,200 per capita", 1150.0, 1250.0, "EUR/person", "exact", "number"),
    ("en", "$5 per month", 4.5, 5.5, "USD/month", "exact", "number"),
    ("en", "between 5% and 7%", 4.5, 7.5, "percent", "range", "range"),
    ("en", "35-40 degrees Celsius", 34.5, 40.5, "degree_Celsius", "range", "range"),
    ("en", "2.5bln", 2450000000.0, 2550000000.0, "", "exact", "number"),
    ("en", "3.5Mn", 3450000.0, 3550000.0, "", "exact", "number"),
    ("en", "20 sq km", 18.0, 22.0, "km**2", "exact", "number"),
    ("en", "1,000 acres", 900.0, 1100.0, "acre", "exact", "number"),
    ("en", "up 3.2pc", 3.15, 3.25, "percent", "exact", "change"),
    ("en", "just over 1,000", 1000.0, 1250.0, "", "more_than", "number"),
    ("en", "exceeded 12,500", 12500.0, 13000.0, "", "more_than", "number"),
    ("en", "topped $1 billion", 1e9, 1.25e9, "USD", "more_than", "number"),
    ("en", "8,200 billion dong", 8.15e12, 8.25e12, "VND", "exact", "number"),
    ("vi", "vượt 12.500", 12500.0, 13000.0, "", "more_than", "number"),
    ("vi", "vượt mốc 100 triệu", 1e8, 1.25e8, "", "more_than", "number"),
    ("en", "close to 40%", 36.0, 40.0, "percent", "nearly", "number"),
    ("en", "no more than 12", 11.0, 12.0, "", "up_to", "number"),
    ("vi", "25.000đ/kg", 24500.0, 25500.0, "VND/kilogram", "exact", "number"),
    ("vi", "120 USD/thùng", 115.0, 125.0, "USD/barrel", "exact", "number"),
    ("vi", "40,5 độ C", 40.45, 40.55, "degree_Celsius", "exact", "number"),
    ("vi", "2,5m", 2.45, 2.55, "meter", "exact", "number"),
    ("vi", "150 mét", 145.0, 155.0, "meter", "exact", "number"),
    ("vi", "3,5 lít", 3.45, 3.55, "liter", "exact", "number"),
    ("vi", "500 gam", 450.0, 550.0, "gram", "exact", "number"),
    ("vi", "5 triệu đồng/tháng", 4500000.0, 5500000.0, "VND/month", "exact", "number"),
    ("vi", "1.000 won Hàn Quốc", 900.0, 1100.0, "KRW", "exact", "number"),
    ("vi", "200 bảng Anh", 180.0, 220.0, "GBP", "exact", "number"),
    ("vi", "1 tỷ yên Nhật", 500000000.0, 1500000000.0, "JPY", "exact", "number"),
    ("vi", "3.000 Nhân dân tệ", 2700.0, 3300.0, "CNY", "exact", "number"),
    ("vi", "80 USD/người", 75.0, 85.0, "USD/person", "exact", "number"),
    ("vi", "10 cây số", 9.0, 11.0, "kilometer", "exact", "number"),
    ("vi", "1.200 héc-ta", 1150.0, 1250.0, "hectare", "exact", "number"),
    ("vi", "50 nghìn đ", 45000.0, 55000.0, "VND", "exact", "number"),
    ("vi", "2 triệu thùng", 1500000.0, 2500000.0, "barrel", "exact", "number"),
    ("vi", "5,5 triệu tệ", 5450000.0, 5550000.0, "CNY", "exact", "number"),
    ("vi", "ngót 2.000", 1800.0, 2000.0, "", "nearly", "number"),
    ("vi", "trên dưới 300", 270.0, 330.0, "", "approx", "number"),
    ("vi", "không dưới 50", 50.0, 62.5, "", "at_least", "number"),
    ("vi", "không quá 10%", 7.5, 10.0, "percent", "up_to", "number"),
    ("vi", "2 triệu 500 nghìn", 2499500.0, 2500500.0, "", "exact", "number"),
    ("vi", "1 tỷ 200 triệu đồng", 1199500000.0, 1200500000.0, "VND", "exact", "number"),
    ("en", "5 million 300 thousand", 5299500.0, 5300500.0, "", "exact", "number"),
    ("en", "3x", 2.5, 3.5, "times", "exact", "multiplier"),
    ("en", "2.5x", 2.45, 2.55, "times", "exact", "multiplier"),
    ("en", "5-year", 4.5, 5.5, "year", "exact", "number"),
    ("en", "24-hour", 23.5, 24.5, "hour", "exact", "number"),
    ("en", "50+", 50.0, 62.5, "", "more_than", "number"),
    ("en", "2m+", 2000000.0, 2500000.0, "", "more_than", "number"),
]


def _id(row: tuple[object, ...]) -> str:
    return f"{row[0]}:{row[1]}"


def test_the_table_holds_at_least_150_forms_in_both_languages() -> None:
    languages = [row[0] for row in FORMS]
    assert len(FORMS) >= 150
    assert languages.count("vi") >= 60 and languages.count("en") >= 60
    assert len({(row[0], row[1]) for row in FORMS}) == len(FORMS)


@pytest.mark.parametrize("row", FORMS, ids=_id)
def test_reader_gives_the_interval_unit_qualifier_and_kind(row: tuple[object, ...]) -> None:
    language, form, lo, hi, unit, qualifier, kind = row[:7]
    parsed = parse_number(str(form), locale=str(language))
    assert (parsed.interval.lo, parsed.interval.hi) == pytest.approx((lo, hi), rel=1e-12)
    assert (parsed.unit or "", parsed.qualifier, parsed.kind) == (unit, qualifier, kind)
    assert parsed.interval.lo <= parsed.value <= parsed.interval.hi or kind == "range"


@pytest.mark.parametrize("row", FORMS, ids=_id)
def test_scan_finds_the_form_in_a_sentence_with_the_same_reading(row: tuple[object, ...]) -> None:
    language, form, lo, hi = row[:4]
    written = str(row[7]) if len(row) > 7 else str(form)
    text = FRAME[str(language)].format(form)
    mentions = [m for m in scan_text(text, str(language)).mentions if m.kind is not Kind.DATE]
    assert [m.as_written for m in mentions] == [written]
    (mention,) = mentions
    assert mention.interval is not None
    assert (mention.interval.lo, mention.interval.hi) == pytest.approx((lo, hi), rel=1e-12)
    assert mention.qualifier == row[5]


def test_every_unit_token_names_a_unit_the_registry_parses() -> None:
    """A drafted claim's unit comes from these tokens: the schema check must accept it."""
    from checks.numbers.tables import unit_tokens
    from checks.numbers.units import parse_unit

    for token in unit_tokens():
        parse_unit(token.unit)


def test_rates_and_temperatures_keep_their_whole_unit() -> None:
    mentions = scan_text("Tốc độ 120 km/h, 60 mph, nhiệt độ 30°C.", "vi").mentions
    assert [(m.as_written, m.unit) for m in mentions] == [
        ("120 km/h", "kilometer/hour"),
        ("60 mph", "mile/hour"),
        ("30°C", "degree_Celsius"),
    ]

"""Words the benchmark generator builds its synthetic Vietnamese (and English) news from.

Everything here is invented filler for a performance benchmark: no sentence is a real
statement and no number comes from here. The texts contain no digits at all, so that the
only numbers in a generated source are the ones its claims capture.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class Country(NamedTuple):
    iso3: str
    vi: str
    en: str


class Topic(NamedTuple):
    slug: str
    vi: str  # noun phrase after a count, or the measure's name for money and ratios
    en: str
    unit: str
    kind: str  # stock, flow, ratio
    low: float  # log10 of the smallest typical value (in the unit)
    high: float
    style: str  # count, money, ratio


class Scope(NamedTuple):
    slug: str
    vi: str
    en: str


class EventKind(NamedTuple):
    slug: str
    vi: str
    en: str


_COUNTRIES = """\
VNM|Việt Nam|Vietnam
THA|Thái Lan|Thailand
LAO|Lào|Laos
KHM|Campuchia|Cambodia
MMR|Myanmar|Myanmar
MYS|Malaysia|Malaysia
SGP|Singapore|Singapore
IDN|Indonesia|Indonesia
PHL|Philippines|the Philippines
BRN|Brunei|Brunei
TLS|Đông Timor|Timor-Leste
CHN|Trung Quốc|China
JPN|Nhật Bản|Japan
KOR|Hàn Quốc|South Korea
MNG|Mông Cổ|Mongolia
IND|Ấn Độ|India
PAK|Pakistan|Pakistan
BGD|Bangladesh|Bangladesh
LKA|Sri Lanka|Sri Lanka
NPL|Nepal|Nepal
IRN|Iran|Iran
IRQ|Iraq|Iraq
SAU|Ả Rập Xê Út|Saudi Arabia
ARE|Các Tiểu vương quốc Ả Rập Thống nhất|the United Arab Emirates
ISR|Israel|Israel
TUR|Thổ Nhĩ Kỳ|Türkiye
EGY|Ai Cập|Egypt
NGA|Nigeria|Nigeria
ZAF|Nam Phi|South Africa
KEN|Kenya|Kenya
ETH|Ethiopia|Ethiopia
MAR|Ma-rốc|Morocco
DZA|Algeria|Algeria
GHA|Ghana|Ghana
TZA|Tanzania|Tanzania
USA|Hoa Kỳ|the United States
CAN|Canada|Canada
MEX|Mê-hi-cô|Mexico
BRA|Brazil|Brazil
ARG|Argentina|Argentina
CHL|Chile|Chile
COL|Colombia|Colombia
PER|Peru|Peru
CUB|Cuba|Cuba
GBR|Vương quốc Anh|the United Kingdom
FRA|Pháp|France
DEU|Đức|Germany
ITA|Italia|Italy
ESP|Tây Ban Nha|Spain
PRT|Bồ Đào Nha|Portugal
NLD|Hà Lan|the Netherlands
BEL|Bỉ|Belgium
CHE|Thụy Sĩ|Switzerland
AUT|Áo|Austria
SWE|Thụy Điển|Sweden
NOR|Na Uy|Norway
DNK|Đan Mạch|Denmark
FIN|Phần Lan|Finland
POL|Ba Lan|Poland
CZE|Séc|Czechia
HUN|Hungary|Hungary
ROU|Romania|Romania
BGR|Bulgaria|Bulgaria
GRC|Hy Lạp|Greece
UKR|Ukraine|Ukraine
RUS|Liên bang Nga|Russia
BLR|Belarus|Belarus
KAZ|Kazakhstan|Kazakhstan
UZB|Uzbekistan|Uzbekistan
AUS|Australia|Australia
NZL|New Zealand|New Zealand
IRL|Ireland|Ireland
ISL|Iceland|Iceland
EST|Estonia|Estonia
LVA|Latvia|Latvia
LTU|Litva|Lithuania
WLD|toàn thế giới|the world"""

COUNTRIES: tuple[Country, ...] = tuple(
    dict.fromkeys(Country(*nfc(line).split("|")) for line in _COUNTRIES.splitlines())
)


def regions(count: int) -> tuple[Country, ...]:
    """``count`` made-up subjects for ledgers larger than the countries can hold.

    Their codes are ISO 3166-1's user-assigned ``XAA``..``XZZ`` (no country has one), so a
    generated figure can never be mistaken for a real country's.
    """
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [f"X{a}{b}" for a in letters for b in letters]
    if count > len(codes):
        raise ValueError(f"{count} regions asked, {len(codes)} user-assigned codes exist")
    return tuple(Country(code, f"vùng {code}", f"region {code}") for code in codes[:count])


TOPICS: tuple[Topic, ...] = tuple(
    Topic(t[0], nfc(t[1]), t[2], t[3], t[4], t[5], t[6], t[7])
    for t in (
        (
            "internet-users",
            "người sử dụng Internet",
            "internet users",
            "person",
            "stock",
            5.0,
            8.6,
            "count",
        ),
        (
            "smartphone-users",
            "người dùng điện thoại thông minh",
            "smartphone users",
            "person",
            "stock",
            5.0,
            8.5,
            "count",
        ),
        (
            "social-media-users",
            "người dùng mạng xã hội",
            "social media users",
            "person",
            "stock",
            5.0,
            8.5,
            "count",
        ),
        (
            "security-workforce",
            "nhân lực an toàn thông tin",
            "cybersecurity professionals",
            "person",
            "stock",
            2.5,
            5.5,
            "count",
        ),
        (
            "internet-penetration",
            "tỷ lệ người dân sử dụng Internet",
            "the share of people using the internet",
            "percent",
            "ratio",
            1.0,
            1.99,
            "ratio",
        ),
        (
            "broadband-share",
            "tỷ lệ hộ gia đình có băng rộng cố định",
            "the share of households with fixed broadband",
            "percent",
            "ratio",
            0.7,
            1.95,
            "ratio",
        ),
        (
            "digital-economy-share",
            "tỷ trọng kinh tế số trong GDP",
            "the digital economy's share of GDP",
            "percent",
            "ratio",
            0.2,
            1.45,
            "ratio",
        ),
        ("cyber-attacks", "vụ tấn công mạng", "cyber attacks", "attack", "flow", 2.0, 5.5, "count"),
        (
            "phishing-attacks",
            "vụ tấn công lừa đảo qua thư điện tử",
            "phishing attacks",
            "attack",
            "flow",
            2.0,
            5.5,
            "count",
        ),
        (
            "security-incidents",
            "sự cố an toàn thông tin",
            "information security incidents",
            "incident",
            "flow",
            2.0,
            5.0,
            "count",
        ),
        (
            "malware-incidents",
            "sự cố mã độc",
            "malware incidents",
            "incident",
            "flow",
            2.0,
            5.5,
            "count",
        ),
        (
            "fraud-reports",
            "phản ánh về lừa đảo trực tuyến",
            "reports of online fraud",
            "report",
            "flow",
            2.0,
            5.0,
            "count",
        ),
        (
            "cybercrime-reports",
            "tin báo về tội phạm mạng",
            "reports of cybercrime",
            "report",
            "flow",
            1.5,
            4.5,
            "count",
        ),
        (
            "cybercrime-arrests",
            "người bị bắt giữ vì tội phạm mạng",
            "people arrested for cybercrime",
            "person",
            "flow",
            1.0,
            4.0,
            "count",
        ),
        (
            "fraud-losses",
            "thiệt hại do lừa đảo trực tuyến",
            "losses to online fraud",
            "VND",
            "flow",
            9.5,
            14.5,
            "money",
        ),
        (
            "cybercrime-cost",
            "thiệt hại kinh tế do tội phạm mạng",
            "the economic cost of cybercrime",
            "USD",
            "flow",
            6.5,
            12.5,
            "money",
        ),
        (
            "ecommerce-revenue",
            "doanh thu thương mại điện tử",
            "e-commerce revenue",
            "USD",
            "flow",
            7.0,
            11.5,
            "money",
        ),
    )
)

SCOPES: tuple[Scope, ...] = tuple(
    Scope(s[0], nfc(s[1]), s[2])
    for s in (
        ("", "", ""),
        ("banking", "trong lĩnh vực ngân hàng", "in banking"),
        ("health", "trong lĩnh vực y tế", "in healthcare"),
        ("government", "trong khối cơ quan nhà nước", "in government agencies"),
        ("business", "trong khối doanh nghiệp", "among businesses"),
        ("education", "trong lĩnh vực giáo dục", "in education"),
        ("urban", "tại khu vực thành thị", "in urban areas"),
        ("rural", "tại khu vực nông thôn", "in rural areas"),
    )
)

EVENTS: tuple[EventKind, ...] = tuple(
    EventKind(e[0], nfc(e[1]), e[2])
    for e in (
        (
            "cyber-drill",
            "tổ chức diễn tập thực chiến an ninh mạng quốc gia",
            "held a national cyber security drill",
        ),
        (
            "cyber-law",
            "thông qua luật an ninh mạng sửa đổi",
            "adopted an amended cyber security law",
        ),
        (
            "cyber-forum",
            "khai mạc diễn đàn an ninh mạng khu vực",
            "opened a regional cyber security forum",
        ),
    )
)

# Period phrases by granularity: no digits, the date lives in the claim's period columns.
PERIODS_VI = {
    "instant": (nfc("tính đến cuối năm"), nfc("vào thời điểm cuối năm")),
    "year": (nfc("trong năm qua"), nfc("trong cả năm")),
    "quarter": (nfc("trong quý vừa qua"), nfc("trong quý")),
    "month": (nfc("trong tháng qua"), nfc("trong tháng")),
    "forecast": (nfc("vào cuối kỳ kế hoạch"), nfc("trong những năm tới")),
    "event": (nfc("trong tuần qua"), nfc("vào cuối tuần trước")),
}
PERIODS_EN = {
    "instant": ("at the end of the year", "by the end of the year"),
    "year": ("over the past year", "over the whole year"),
    "quarter": ("in the past quarter", "over the quarter"),
    "month": ("in the past month", "over the month"),
    "forecast": ("by the end of the plan period", "in the coming years"),
    "event": ("in the past week", "last weekend"),
}

# Sentence templates around the quoted number. {S} subject, {A} as_written, {N} noun or
# measure, {C} scope (may be empty), {P} period phrase. None of the words right before {A}
# is a hedge word, so an unhedged number really is exact.
TEMPLATES_VI = {
    "count": tuple(
        nfc(t)
        for t in (
            "{S} ghi nhận {A} {N} {C} {P}",
            "{P}, {S} có {A} {N} {C}",
            "cơ quan chức năng của {S} đã tiếp nhận {A} {N} {C} {P}",
            "số {N} {C} tại {S} {P} là {A}",
        )
    ),
    "money": tuple(
        nfc(t)
        for t in (
            "{N} {C} tại {S} {P} lên {A}",
            "{S} chịu {N} {C} ở mức {A} {P}",
            "{P}, {N} {C} của {S} đạt {A}",
        )
    ),
    "ratio": tuple(
        nfc(t)
        for t in (
            "{N} {C} của {S} {P} đạt {A}",
            "{P}, {N} {C} tại {S} là {A}",
        )
    ),
    "event": tuple(nfc(t) for t in ("{S} {N} {P}", "{P}, {S} {N}")),
}
TEMPLATES_EN = {
    "count": (
        "{S} recorded {A} {N} {C} {P}",
        "{P}, {S} had {A} {N} {C}",
        "the authorities of {S} received {A} {N} {C} {P}",
    ),
    "money": (
        "{N} {C} in {S} reached {A} {P}",
        "{P}, {S} saw {N} {C} of {A}",
    ),
    "ratio": (
        "{N} {C} in {S} stood at {A} {P}",
        "{P}, {N} {C} in {S} was {A}",
    ),
    "event": ("{S} {N} {P}", "{P}, {S} {N}"),
}

OPENERS_VI = tuple(
    nfc(t)
    for t in (
        "",
        "",
        "Theo báo cáo của {O}, ",
        "Số liệu của {O} cho thấy ",
        "{R} cho biết ",
        "Theo {R}, ",
    )
)
OPENERS_EN = ("", "", "According to {O}, ", "Figures from {O} show that ", "{R} said that ")

ORGANISATIONS_VI = tuple(
    nfc(t)
    for t in (
        "Cục An toàn thông tin",
        "Trung tâm Giám sát an toàn không gian mạng quốc gia",
        "Hiệp hội An ninh mạng quốc gia",
        "Cục Cảnh sát phòng, chống tội phạm sử dụng công nghệ cao",
        "Viện Chiến lược Thông tin và Truyền thông",
        "Cơ quan Thống kê quốc gia",
        "Hiệp hội Thương mại điện tử",
        "một công ty bảo mật quốc tế",
        "Ngân hàng Nhà nước",
        "Văn phòng Liên hợp quốc về Ma túy và Tội phạm",
    )
)
ORGANISATIONS_EN = (
    "the national cyber security centre",
    "the statistics office",
    "the e-commerce association",
    "an international security firm",
    "the central bank",
    "the United Nations Office on Drugs and Crime",
)

SURNAMES = tuple(
    nfc(t)
    for t in (
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
    )
)
MIDDLE = tuple(
    nfc(t) for t in ("Văn", "Thị", "Minh", "Thanh", "Quốc", "Đức", "Hữu", "Thu", "Ngọc", "Xuân")
)
GIVEN = tuple(
    nfc(t)
    for t in (
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Giang",
        "Hà",
        "Hải",
        "Hùng",
        "Khánh",
        "Lan",
        "Linh",
        "Long",
        "Mai",
        "Nam",
        "Phong",
        "Quân",
        "Sơn",
        "Tâm",
        "Thảo",
        "Trung",
        "Tuấn",
        "Vy",
    )
)
TITLES_VI = tuple(nfc(t) for t in ("ông", "bà", "Thiếu tướng", "Tiến sĩ", "chuyên gia"))
ROLES_VI = tuple(
    nfc(t)
    for t in ("Cục trưởng", "Phó Giám đốc", "Trưởng phòng", "Chủ tịch Hiệp hội", "Phó Viện trưởng")
)

FILLERS_VI = tuple(
    nfc(t)
    for t in (
        "Các chuyên gia cho rằng cần tăng cường hợp tác quốc tế trong phòng, chống tội phạm mạng.",
        "Đại diện {O} nhấn mạnh vai trò của việc nâng cao nhận thức cho người dân.",
        "Theo {O}, xu hướng này phản ánh sự chuyển dịch mạnh mẽ sang môi trường số.",
        "Nhiều doanh nghiệp vẫn chưa đầu tư đúng mức cho bảo mật hệ thống.",
        "Cơ quan chức năng khuyến cáo người dân không cung cấp thông tin cá nhân qua điện thoại.",
        "Công ước được kỳ vọng tạo khuôn khổ pháp lý chung cho các quốc gia thành viên.",
        "Các đối tượng thường giả danh cơ quan nhà nước để chiếm đoạt tài sản.",
        "{R} đề nghị các bộ, ngành phối hợp chặt chẽ hơn trong việc chia sẻ thông tin.",
        "Tình trạng lừa đảo qua mạng xã hội diễn biến phức tạp, với nhiều thủ đoạn mới.",
        "Việc chuyển đổi số đặt ra yêu cầu cao hơn về bảo đảm an toàn dữ liệu.",
        "Giới quan sát đánh giá đây là tín hiệu tích cực đối với thị trường.",
        "Hội nghị cũng thảo luận về cơ chế tương trợ tư pháp và dẫn độ.",
    )
)
FILLERS_EN = (
    "Experts say international cooperation against cybercrime must be strengthened.",
    "A representative of {O} stressed the importance of public awareness.",
    "Many businesses still underinvest in the security of their systems.",
    "The authorities advise people not to give personal data over the phone.",
    "Observers see this as a positive signal for the market.",
)

HEADLINES_VI = tuple(
    nfc(t)
    for t in (
        "An ninh mạng tại {S}: những con số đáng chú ý",
        "{S} đẩy mạnh phòng, chống lừa đảo trực tuyến",
        "Toàn cảnh an toàn thông tin của {S}",
        "Kinh tế số {S} tăng tốc, rủi ro an ninh mạng gia tăng",
        "Tội phạm mạng tại {S} diễn biến phức tạp",
    )
)
HEADLINES_EN = (
    "Cyber security in {S}: the numbers that matter",
    "{S} steps up the fight against online fraud",
    "The digital economy of {S} speeds up as cyber risks grow",
)
RELATED_VI = tuple(
    nfc(t)
    for t in (
        "Hơn {K} tài khoản mạng xã hội bị chiếm quyền",
        "Cảnh báo {K} thủ đoạn lừa đảo mới",
        "Phát hiện {K} trang web giả mạo ngân hàng",
    )
)
PUBLISHERS_VI = tuple(
    nfc(t)
    for t in (
        "Báo Tin tức Số",
        "Thời báo Công nghệ",
        "Cổng thông tin An ninh mạng",
        "Tạp chí Kinh tế số",
        "Báo Pháp luật và Đời sống số",
        "Đài Phát thanh Truyền hình Thử nghiệm",
    )
)
PUBLISHERS_EN = ("Digital News Review", "The Cyber Times", "Asia Tech Daily")

NOTES_VI = tuple(
    nfc(t)
    for t in (
        "Số liệu được tổng hợp từ báo cáo thường niên.",
        "Kỳ của số liệu suy ra từ ngữ cảnh bài viết.",
        "Con số được nhắc lại trong phần kết luận của bài.",
    )
)

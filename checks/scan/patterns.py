"""The compiled regular expressions of the scanner, built once from the data tables.

``token_pattern(language)`` is the tokenizer: one alternation whose named groups are the
number forms (dates first, then ordinals, then quantities and ranges). Words around a number
(hedges before it, nouns after it, date words) are found with small anchored patterns at the
match's edges, so the tokenizer itself only starts at digits, currency signs and date words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from checks.numbers.number_words import counting_words
from checks.numbers.tables import (
    JOIN_ROLES,
    RATE_UNITS,
    change_words,
    multiplier_words,
    qualifier_phrases,
    range_words,
    scale_words,
    unit_tokens,
    vague_quantities,
)
from checks.scan.lexicon import nouns, verbal_hedges, words_with_role

BLANK = r"[^\S\n]"
"""One horizontal blank: a space, a tab, a non-breaking or narrow no-break space."""
_NUM = r"[0-9]+(?![0-9])(?:[.,][0-9]+(?![0-9]))*(?![.,][0-9])"
"""Digits are ASCII digits, as the number parser reads them. The longest run of digit
groups, never given back: the look-aheads do what possessive quantifiers would
(``[0-9]++(?:[.,][0-9]++)*+``), which Python's ``re`` before 3.11.3 gets wrong on a
repeated group (``2025, sau`` matched ``2025,``: CPython gh-101955)."""
_DIGIT_START = r"(?<![\w.,/])(?<!\w-)"
_GAP = f"{BLANK}{{1,3}}"
"""Blanks inside a date token: bounded, so that the digits of one token stay close."""
_DASH = f"{BLANK}?[-–]{BLANK}?"
_AFTER_HYPHEN = (
    "(?:(?<!\\w-)"
    + "".join(f"|(?<=(?i:{word})-)" for word in ("mid", "early", "late", "pre", "post", "end"))
    + ")"
)
"""No number right after a word and a hyphen (``COVID-19``, ``F-35``), but a year after
``mid-``, ``early-``, ``late-``, ``pre-``, ``post-``, ``end-`` (``mid-2024``)."""
"""The dash of a range: ``25-26/10``, ``2021 - 2024``, ``8.000–10.000``."""


def _literal(word: str) -> str:
    return f"{BLANK}+".join(re.escape(part) for part in word.split())


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=lambda w: (-len(w), w))


@dataclass
class _Node:
    """A node of a word trie: the next characters, and whether a word ends here (with
    ``word_end``: whether it must end at a word boundary)."""

    children: dict[str, _Node] = field(default_factory=dict)
    ends: str | None = None
    """What must follow a word that ends here (a regex), or None: no word ends here."""


def _trie(
    words: Iterable[str], *, ignore_case: bool, word_end: bool, after_letter: str = r"(?!\w)"
) -> str:
    """Literal words as one regex trie: ``(?:k(?:m(?:/h|)|g)|...)``.

    The regex engine tries the alternatives of an alternation one by one; a trie lets it
    discard every word of a wrong first letter at once (two hundred unit words cost one
    comparison per letter after a number instead of two hundred). At each node a longer
    word is tried before a shorter one, as in a longest-first alternation. With
    ``ignore_case`` the words are folded to lower case (the whole regex is then read with
    ``(?i)``); with ``word_end`` a word that ends in a letter or digit must be followed
    by ``after_letter`` (by default: end there)."""
    root = _Node()
    for word in set(words):
        parts = word.split()
        if not parts:
            continue
        node = root
        for index, part in enumerate(parts):
            for char in part.lower() if ignore_case else part:
                node = node.children.setdefault(char, _Node())
            if index < len(parts) - 1:
                node = node.children.setdefault(" ", _Node())
        node.ends = after_letter if word[-1:].isalnum() and word_end else ""
    return _emit(root)


def _emit(node: _Node) -> str:
    options = [
        (f"{BLANK}+" if key == " " else re.escape(key)) + _emit(child)
        for key, child in sorted(node.children.items())
    ]
    if node.ends is not None:
        options.append(node.ends)
    if len(options) == 1:
        return options[0]
    return "(?:" + "|".join(options) + ")"


def alternation(words: Iterable[str], *, ignore_case: bool = True) -> str:
    """A regex alternation of literal words, longest first, blanks matching any blank.

    >>> re.fullmatch(alternation(["tỷ", "nghìn tỷ"]), "Nghìn\u00a0tỷ") is not None
    True
    """
    body = _trie(words, ignore_case=ignore_case, word_end=False)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def _tokens(words: Iterable[str]) -> str:
    """Like :func:`alternation`, but alphabetic tokens must end at a word boundary."""
    return f"(?i:{_trie(words, ignore_case=True, word_end=True)})"


@cache
def token_pattern(language: str) -> re.Pattern[str]:
    """The tokenizer for a text in ``language`` (``vi`` or ``en``).

    Both languages know every number form; only the day.month form ``24.4`` is
    Vietnamese-only (a decimal in English), and the scanner keeps it as a date only after a
    day word such as ``ngày`` or an opening parenthesis. Every alternative starts at a digit,
    a currency sign or a capitalised month name, and a look-ahead on those first characters
    lets the regex engine skip the rest of the text quickly.
    """
    scales = _tokens(s.word for s in scale_words() if s.form == "word")
    suffixes = _tokens(t.token for t in unit_tokens() if t.position == "suffix")
    prefix_tokens = _prefix_tokens()
    month_names = words_with_role("month_name")
    months = alternation(month_names, ignore_case=False)
    b, gap = BLANK, _GAP

    def year(name: str) -> str:  # "... năm 2024" after a day or a month
        return rf"(?:{gap}(?i:năm){gap}(?P<{name}>[0-9]{{4}})(?![0-9]))"

    ymd = r"(?P<isodate>[0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])"
    ym = r"(?P<isomonth>[0-9]{4}-(?:0[1-9]|1[0-2]))(?![0-9-])"
    dmy = (
        r"(?P<dmy>(?P<dmy_d>[0-9]{1,2})(?P<sep>[/.-])(?P<dmy_m>[0-9]{1,2})(?P=sep)(?P<dmy_y>[0-9]{4}))"
        r"(?![0-9])"
    )
    dayrange = (
        rf"(?P<dayrange>(?P<dr_d1>[0-9]{{1,2}}){_DASH}(?P<dr_d2>[0-9]{{1,2}})/(?P<dr_m>[0-9]{{1,2}})"
        rf"(?:/(?P<dr_y>[0-9]{{4}}))?)(?![0-9/])"
    )
    dm = rf"(?P<dm>(?P<dm_d>[0-9]{{1,2}})/(?P<dm_m>[0-9]{{1,2}})(?![0-9/]){year('dm_y')}?)"
    ngaythang = (  # "ngày 5 tháng 10 năm 2025", the number right after "ngày"
        rf"(?<=(?i:ngày){b})(?P<ngaythang>(?P<nt_d>[0-9]{{1,2}}){gap}(?i:tháng){gap}"
        rf"(?P<nt_m>[0-9]{{1,2}}){year('nt_y')}?)(?![0-9])"
    )
    thang = (  # "tháng 10/2025", "tháng 1 năm 2024", the number right after "tháng"
        rf"(?<=(?i:tháng){b})(?<![0-9]{b}(?i:tháng){b})(?P<thang>(?P<th_m>[0-9]{{1,2}})"
        rf"(?:/(?P<th_y1>[0-9]{{4}})|{year('th_y2')})?)(?![0-9/]|[.,][0-9]{{3}}(?![0-9])"
        rf"|{gap}(?i:triệu|tỷ|nghìn|ngàn|trăm)(?!\w))"
    )  # not "mỗi tháng 4.100 trường hợp", "mỗi tháng 2 triệu lượt": a count, not a month
    clock = (  # 10:30, 9h30, 8h, 5pm, 10:30 a.m.
        rf"(?P<clock>[0-9]{{1,2}}(?:(?::[0-9]{{2}})?{b}?(?i:[ap]\.m\.|[ap]m)(?![^\W_])"
        r"|(?::[0-9]{2}(?::[0-9]{2})?|h[0-9]{2}|h)(?!\w)))"
    )
    monthyear = r"(?P<monthyear>(?P<mo_m>[0-9]{1,2})/(?P<mo_y>[0-9]{4}))(?![0-9/])"
    quarter_words = alternation(words_with_role("quarter_word"))
    roman_quarter = (  # "quý II/2024": the year, right after a Roman quarter and a slash
        "(?:"
        + "|".join(f"(?<={quarter_words}{b}{r}/)" for r in ("I", "II", "III", "IV"))
        + r")(?P<romanquarter>[0-9]{4})(?![0-9/])"
    )
    dmonth = (
        rf"(?P<dmonth>(?P<dmo_d>[0-9]{{1,2}}){gap}(?P<dmo_m>{months})(?!\w)"
        rf"(?:,?{gap}(?P<dmo_y>[0-9]{{4}})(?![0-9]))?)"
    )
    ordinal = r"(?P<ordinal>[0-9]++(?:st|nd|rd|th))(?!\w)"
    digit_led = [ymd, ym, dmy, dayrange, monthyear, dm, ngaythang, thang, clock, dmonth, ordinal]
    if language == "vi":
        digit_led.append(
            r"(?P<dotdm>(?P<dd_d>[0-9]{1,2})\.(?P<dd_m>[0-9]{1,2}))"
            rf"(?![0-9]|[.,][0-9]|[^\W_]|{b}?[×·]|{b}*+{scales}|{b}*+{suffixes})"
        )
    number = number_body(with_range=True)
    month_led = [
        rf"(?P<monthd>(?<!\w)(?P<md_m>{months}){b}+(?P<md_d>[0-9]{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:{_DASH}(?P<md_d2>[0-9]{{1,2}})(?:st|nd|rd|th)?)?"  # October 25-26
        rf"(?:,{b}{{0,3}}(?P<md_y>[0-9]{{4}}))?)(?![\w])",
        rf"(?P<monthy>(?<!\w)(?P<my_m>{months}){b}+(?P<my_y>[0-9]{{4}}))(?!\w)",
    ]
    firsts = {"0-9"} | {re.escape(t[0]) for t in prefix_tokens}
    firsts |= {re.escape(w[0]) for w in month_names}
    # A letter starts a token only as a currency code or a month name: its first two
    # characters are checked before the alternatives are tried (capitals are common).
    led = [w for w in [*prefix_tokens, *month_names] if w[:1].isalpha()]
    two = _trie({w[:2] for w in led}, ignore_case=False, word_end=False)
    return re.compile(
        rf"(?=[{''.join(sorted(firsts))}])(?=[^\w]|[0-9]|{two})(?:"
        + "|".join(month_led)
        + rf"|(?=[0-9])(?:{_DIGIT_START}(?:{'|'.join(digit_led)})|{roman_quarter})"
        + rf"|(?<![\w.,/]){_AFTER_HYPHEN}{number})"
    )


def _percent_tokens() -> list[str]:
    """The tokens of percent units: ``15 percent per year`` is a growth rate in percent,
    not a percent per year."""
    return [t.token for t in unit_tokens() if t.unit in RATE_UNITS]


def _prefix_tokens() -> list[str]:
    return sorted((t.token for t in unit_tokens() if t.position == "prefix"), key=lambda t: -len(t))


_SCIENTIFIC = (
    r"(?:[eE][-+\u2212]?[0-9]{1,3}"
    rf"|{BLANK}?[×·]{BLANK}?10(?:\^[-+\u2212]?[0-9]{{1,3}}|[-+\u2212][0-9]{{1,3}}"
    r"|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    rf"|{BLANK}?[xX]{BLANK}?10(?:\^[-+\u2212]?[0-9]{{1,3}}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}}))(?![0-9])"
)
"""``4e14``, ``2.48×10−5``, ``2.48 × 10^-5``, ``3x10⁶``, ``3 x 10^6``: a power of ten after
the digits (after a letter x only with a caret or a superscript: ``3 x 10 cm`` is a size)."""
_FRACTION = (
    rf"(?:/[0-9]{{1,6}}|{BLANK}[0-9]{{1,6}}/[0-9]{{1,6}})(?![0-9/])|[½¼¾⅓⅔⅛]"
    r"|(?<![.,][0-9])(?<![.,][0-9]{2})(?<![.,][0-9]{3})"  # 1 in 5, not 1,200 out of 2,000
    rf"{BLANK}(?:in|out{BLANK}of)(?:{BLANK}every)?{BLANK}[0-9]{{1,3}}(?:,[0-9]{{3}})*"
    r"(?![0-9,./])"
    r"|(?:(?<=(?<![0-9.,])[0-9])|(?<=(?<![0-9.,])[0-9]{2}))"  # 1 trong 5, not 1.200 trong
    rf"{BLANK}(?i:trong)(?:{BLANK}(?i:số))?{BLANK}[0-9]{{1,3}}(?:\.[0-9]{{3}})*(?![0-9,./])"
)
"""After the first digits: ``1/4``, ``2 1/2``, ``2½``, ``1 in 5``, ``1 in 10,000``, ``1 in
every 5``, ``3 out of 10``, ``1 trong 5``, read
as exact fractions (a day/month like ``1/4`` is a date unless a unit follows it, a share
word follows it or a hedge of size precedes it; ``3 in 2024`` is no fraction: the second
number has at most three digits or thousands separators)."""


def _amount(n: str) -> str:
    """One printed amount, its groups suffixed with ``n`` (``""`` or ``"2"``)."""
    scales = _tokens(s.word for s in scale_words() if s.form == "word")
    glued = [s.word for s in scale_words() if s.form == "abbreviation"]
    letters = "|".join(re.escape(w) for w in _longest_first(w for w in glued if len(w) == 1))
    words = "|".join(re.escape(w) for w in _longest_first(w for w in glued if len(w) > 1))
    currency = "|".join(
        re.escape(w)
        for w in _longest_first(s.word for s in scale_words() if s.form == "after_currency")
    )
    suffixes = _tokens(t.token for t in unit_tokens() if t.position == "suffix")
    glued_units = _tokens(t.token for t in unit_tokens() if t.position == "glued")
    per = _tokens(t.token for t in unit_tokens() if t.position in ("per", "suffix"))
    prefixes = _trie(
        _prefix_tokens(), ignore_case=False, word_end=True, after_letter=f"(?={BLANK}|[0-9])"
    )
    b = BLANK
    abbreviation = f"(?:{letters})|{b}?(?:{words})" if words else f"(?:{letters})"
    after_currency = f"|(?(prefix{n})(?:{currency})|(?!))" if currency else ""
    with_unit = f"(?(unit{n})|(?(prefix{n})|(?(glued{n})|(?!))))"
    with_unit += "".join(f"(?<!(?i:{re.escape(t)}))" for t in _percent_tokens())
    return (
        rf"(?:(?P<prefix{n}>{prefixes}){b}?)?"
        rf"(?P<num{n}>{_NUM}(?:{_SCIENTIFIC}|{_FRACTION})?)"
        rf"(?:(?P<glued{n}>{glued_units})"
        rf"|(?:{b}{{0,3}}(?P<scale{n}>{scales})(?:{b}{{1,3}}[0-9]{{1,3}}{b}{{1,3}}{scales})*"
        rf"|(?P<abbr{n}>(?:{abbreviation}{after_currency})(?![^\W_])))?"
        rf"(?:{b}{{0,3}}(?P<unit{n}>{suffixes})(?!{b}{{1,3}}[0-9]{{4}}(?![0-9])))?)"
        rf"(?:{with_unit}(?:/|{b}(?i:per){b})(?:{per}))?"
    )


@cache
def number_body(*, with_range: bool) -> str:
    """The regex of a printed number: a currency before it, the digits (a fraction,
    scientific notation), a scale word or abbreviation, a unit; ``with_range``: then a dash
    or a joining word (to, đến, and ...) and a second amount; a ``+`` after it (``50+``,
    ``2m+``: more than). A sign or the parentheses of an accounting negative are taken by
    the scanner from the characters around."""
    joins = [r.word for r in range_words() if r.role in JOIN_ROLES and r.word.isalpha()]
    join = rf"(?:{_DASH}|{BLANK}{{1,3}}(?P<join>{alternation(joins)}){BLANK}{{1,3}})"
    second = rf"(?:{join}{_amount('2')})?" if with_range else ""
    return rf"(?P<number>{_amount('')}{second}(?:\+(?![\w+]))?)(?!\w)"


@cache
def single_amount() -> re.Pattern[str]:
    """One amount without a second end: a range cut back to its first number."""
    return re.compile(number_body(with_range=False))


@cache
def head_words() -> list[str]:
    """Change words, multiplier words and range openers: kept in ``as_written`` before a
    number."""
    words = [c.word for c in change_words()] + [m.phrase for m in multiplier_words()]
    return words + [r.word for r in range_words() if r.role == "open"]


@cache
def head_word_before() -> re.Pattern[str]:
    """A word that ``as_written`` keeps right before a number: a change (``giảm``,
    ``fell``), a multiplier (``gấp``) or a range opener (``between``)."""
    return re.compile(rf"(?<!\w)(?P<phrase>{alternation(head_words())}){BLANK}+\Z")


@cache
def multiplier_words_pattern() -> re.Pattern[str]:
    """A multiplier printed as a word (``gấp đôi``, ``doubled``), matched where it starts."""
    ratios = alternation(m.phrase for m in multiplier_words() if m.ratio is not None)
    return re.compile(rf"(?P<word>{ratios})(?!\w)")


@cache
def multiplier_first_words() -> tuple[str, ...]:
    """The lower-cased first words of the multiplier words, to find them with ``str.find``."""
    return tuple(
        sorted({m.phrase.split()[0].lower() for m in multiplier_words() if m.ratio is not None})
    )


@cache
def in_token_gap() -> re.Pattern[str]:
    """What :func:`token_pattern` lets stand between two digit runs of one token.

    A decimal or thousands mark, a date or time separator, the dash of a range, `` tháng ``
    or `` năm `` between blanks, a month name, and the ``th, `` between a day and a year.
    The coverage check's quick test relies on it: change it with the token pattern.

    >>> [bool(in_token_gap().fullmatch(g)) for g in ("/", " tháng ", " December, ", ". Peru ")]
    [True, True, True, False]
    """
    months = alternation(words_with_role("month_name"), ignore_case=False)
    scales = _tokens(s.word for s in scale_words() if s.form == "word")
    return re.compile(
        rf"[.,/:h-]|{_DASH}|{_GAP}(?i:tháng|năm){_GAP}|{_GAP}{months},?{_GAP}"
        rf"|{BLANK}{{0,3}}{scales}{BLANK}{{1,3}}"
        rf"|(?:st|nd|rd|th)?,{BLANK}{{0,3}}|{_range_gap()}|{_scientific_gap()}|{BLANK}"
    )


def _range_gap() -> str:
    """From the last digit of a range's first end to the first digit of its second end."""
    scales = _tokens(s.word for s in scale_words())
    suffixes = _tokens(t.token for t in unit_tokens() if t.position in ("suffix", "glued"))
    prefixes = _trie(_prefix_tokens(), ignore_case=False, word_end=False)
    joins = alternation(r.word for r in range_words() if r.role in JOIN_ROLES and r.word.isalpha())
    b = BLANK
    return (
        rf"(?:{b}{{0,3}}(?:{scales}))?(?:{b}{{0,3}}(?:{suffixes}))?"
        rf"(?:{_DASH}|{b}{{1,3}}(?:{joins}){b}{{1,3}})(?:(?:{prefixes}){b}?)?[-\u2212+]?"
    )


def _scientific_gap() -> str:
    return rf"[eE][-+\u2212]?|{BLANK}?[×·xX]{BLANK}?|\^[-+\u2212]?|[-+\u2212]"


@cache
def day_context_before() -> re.Pattern[str]:
    """A word after which ``24.4`` is a day and month (``ngày``, ``Sáng``), or ``(``."""
    words = words_with_role("day_context")
    options = [rf"(?<!\w){alternation(w for w in words if w[-1].isalpha())}{BLANK}+"]
    options += [rf"{re.escape(w)}{BLANK}*" for w in words if not w[-1].isalpha()]
    return re.compile(rf"(?:{'|'.join(options)})\Z")


@cache
def adverb_before() -> re.Pattern[str]:
    """A qualifier phrase that belongs in ``as_written`` right before the end.

    Verbal hedges (``ước tính``, ``dự báo``, ``lên đến`` ...) and phrases that begin with one
    (``ước tính hơn``, ``dự báo lên đến``) stay outside; the adverb at the end of such a
    phrase (``hơn``) is still found on its own.
    """
    verbs = verbal_hedges()

    def adverbial(phrase: str) -> bool:
        folded = phrase.casefold()
        return folded not in verbs and not any(folded.startswith(v + " ") for v in verbs)

    phrases = alternation(p.phrase for p in qualifier_phrases() if adverbial(p.phrase))
    return re.compile(rf"(?<!\w)(?P<phrase>{phrases}){BLANK}+\Z")


@cache
def written_head_before() -> re.Pattern[str]:
    """What ``as_written`` keeps right before a number, one pattern for one search: an
    adverbial hedge (:func:`adverb_before`) or a word of :func:`head_words`."""
    verbs = verbal_hedges()

    def adverbial(phrase: str) -> bool:
        folded = phrase.casefold()
        return folded not in verbs and not any(folded.startswith(v + " ") for v in verbs)

    words = [p.phrase for p in qualifier_phrases() if adverbial(p.phrase)] + head_words()
    return re.compile(rf"(?<!\w)(?P<phrase>{alternation(words)}){BLANK}+\Z")


@cache
def word_before(role: str) -> re.Pattern[str]:
    """A calendar word of ``role`` (``date_word``, ``year_marker`` ...) right before the end."""
    return re.compile(rf"(?<!\w)(?P<word>{alternation(words_with_role(role))}){BLANK}+\Z")


WORD_WINDOW = 24


@cache
def period_context_before() -> re.Pattern[str]:
    """Words before a date that say it is not the period itself, or its start or end."""
    groups = {
        role: alternation(words_with_role(role))
        for role in ("base_period", "period_start", "period_end")
    }
    body = "|".join(f"(?P<{role}>{words})" for role, words in groups.items())
    return re.compile(rf"(?<!\w)(?:{body}){BLANK}+\Z")


def period_context_at(text: str, start: int) -> re.Match[str] | None:
    """The words of :func:`period_context_before` right before the date at ``start``."""
    return period_context_before().search(text, max(0, start - WORD_WINDOW), start)


def is_base_period(text: str, start: int, written: str = "") -> bool:
    """Whether the date at ``start`` (printed ``written``) is the base of a comparison
    (``so với năm 2022``, ``up from … in 2015``), not the period of the number beside it.
    ``từ``, ``from`` before a span (``từ 2020 đến 2023``, ``from January to March 2024``)
    open the span: it is the period."""
    if is_base(period_context_at(text, start), written):
        return True
    return base_level_at(text, start) is not None


def base_level_at(text: str, start: int) -> re.Match[str] | None:
    """The base of a comparison with its level right before the date at ``start``
    (``so với 1.375 website năm 2023``): the date is that level's period, not the period of
    the number compared with it."""
    return _base_level_before().search(text, max(0, start - 100), start)


@cache
def _base_level_before() -> re.Pattern[str]:
    """The date of a base level: ``so với 1.375 website năm 2023``, ``up 17% from 15,900 in
    2023``, ``compared with 3.1% in November``, ``so với mức 82,0% của năm 2023``; or of the
    whole of a share: ``97.6% of the 18 million arrivals recorded in 2019``."""
    base = alternation(w for w in words_with_role("base_period") if w.casefold() != "từ")
    word = r"[^\W\d_]+"
    level = rf"(?:(?i:mức|the|a level of){BLANK}+)?"
    whole = rf"%{BLANK}+(?i:of the|of|của|trên tổng số|trong tổng số)"
    return re.compile(
        rf"(?:(?<!\w)(?:{base})|{whole}){BLANK}+{level}(?:[$€£]{BLANK}?)?[0-9][0-9.,]*%?"
        rf"(?:{BLANK}+{word}){{0,4}}?{BLANK}+(?:(?i:năm|in|of|tháng|vào){BLANK}+)?\Z"
    )


def is_base(context: re.Match[str] | None, written: str) -> bool:
    """:func:`is_base_period` on the words already found before the date."""
    if context is None or context.group("base_period") is None:
        return False
    return not opens_span(context.group("base_period"), written)


def opens_span(word: str, written: str) -> bool:
    """Whether ``word`` before a date printed ``written`` is the opener of a span: a word
    that opens spans (``từ``, ``from``, ``between``) and a join inside the date."""
    if " ".join(word.split()).casefold() not in _span_openers():
        return False
    return _span_join().search(written) is not None


@cache
def _span_openers() -> frozenset[str]:
    return frozenset(w.casefold() for w in words_with_role("month_open"))


@cache
def _span_join() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(words_with_role('month_join'))})(?!\w)")


@cache
def noun_after(language: str) -> re.Pattern[str]:
    """The known noun (or function word) right after a number, in ``language``."""
    words = alternation(n.noun for n in nouns() if n.language == language)
    return re.compile(rf"{BLANK}+(?P<noun>{words})(?!\w)")


WORD_AFTER = re.compile(rf"{BLANK}+(?P<word>[^\W\d_]+)(?:{BLANK}+(?P<second>[^\W\d_]+))?")
"""The next one or two words after a number (when no known noun follows)."""

CLAUSE_BOUNDARY = re.compile(
    r"\.(?![0-9]|[^\W\d_])|[!?…;:](?![0-9])"
    r"|,(?![0-9]|(?<=[0-9],)" + BLANK + r"[0-9]{4}(?![0-9]))|\n|[“”\"«»|]|—| – "
)
"""What ends a clause: sentence and clause punctuation (not inside ``16.000`` or ``78,44``,
nor the dot of ``TP.HCM`` between letters,
nor the comma between a day and its year, ``June 30, 2024``), line breaks, quotation marks,
table bars and dashes between words."""

DIGIT_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")

MAX_TOKEN_GAP = max(
    3 + max(len("tháng"), *(len(w) + 1 for w in words_with_role("month_name"))) + 3,
    3
    + max(len(s.word) for s in scale_words())
    + 3
    + max(len(t.token) for t in unit_tokens())
    + 3
    + max(len(r.word) for r in range_words())
    + 3
    + max(len(t.token) for t in unit_tokens())
    + 2,
)
"""The longest stretch without digits inside one token: a month word and a comma between
up to three blanks on each side (``24   September,   2024``: 16). The token patterns bound
their blanks so that this holds; digits further apart belong to different tokens."""

ROMAN_OR_DIGIT = re.compile(r"[0-9]|(?<!\w)[IVXLCDM]+(?!\w)")


@cache
def part_of_year_before() -> re.Pattern[str]:
    """A part of a year right before the year (or before ``năm`` and the year): ``first
    half of``, ``third quarter of``, ``Q3``, ``quý 3 (năm)``, ``H1``, ``nửa đầu``."""
    quarters = alternation(words_with_role("quarter_of"))
    halves = alternation(words_with_role("half_of"))
    return re.compile(
        rf"(?<!\w)(?P<word>(?P<quarter>{quarters})|(?P<half>{halves})"
        rf"|[Qq](?P<q>[1-4])|(?i:quý){BLANK}+(?P<qv>[1-4]|IV|I{{1,3}})|[Hh](?P<h>[12]))"
        rf"{BLANK}+(?:the{BLANK}+|(?i:năm){BLANK}+)?\Z"
    )


@cache
def months_of_year_after() -> re.Pattern[str]:
    """After a count of months, the year they are the first (or last) months of:
    ``6 tháng đầu năm 2024``, ``9 tháng năm 2024``, ``3 tháng cuối năm 2023``, ``(first) 6
    months of 2024``."""
    return re.compile(
        rf"{BLANK}+(?:(?i:tháng)(?:{BLANK}+(?P<edge>(?i:đầu|cuối)))?{BLANK}+(?i:năm)"
        rf"|(?P<en>(?i:months){BLANK}+(?i:of)(?:{BLANK}+(?i:the))?)){BLANK}+"
        r"(?P<year>[0-9]{4})(?![0-9])"
    )


@cache
def months_in_words_before() -> re.Pattern[str]:
    """A count of months in words right before a year (or before ``năm`` and the year):
    ``first six months of``, ``last three months of the``; ``sáu tháng đầu``, ``ba tháng
    cuối``, ``chín tháng``. English says which months (first, last, past)."""
    en = alternation(w for w in counting_words("en"))
    vi = alternation(w for w in counting_words("vi"))
    return re.compile(
        rf"(?<!\w)(?P<word>(?:(?P<edge_en>(?i:first|last|past)){BLANK}+(?P<count_en>{en})"
        rf"{BLANK}+(?i:months){BLANK}+(?i:of)(?:{BLANK}+(?i:the))?"
        rf"|(?P<count_vi>{vi}){BLANK}+(?i:tháng)(?:{BLANK}+(?P<edge_vi>(?i:đầu|cuối)))?))"
        rf"{BLANK}+\Z"
    )


@cache
def months_edge_before() -> re.Pattern[str]:
    """``first`` or ``last`` (``the first``) right before a count of months (English)."""
    return re.compile(rf"(?<!\w)(?P<word>(?P<edge>(?i:first|last|past))){BLANK}+\Z")


NEEDS_OPEN = "and"
"""The one join of a span of months that needs ``between`` before the first month: ``in
January and March 2024`` names two months, ``between January and March 2024`` a span."""


@cache
def month_span_after() -> re.Pattern[str]:
    """After a month, the join and the month that ends a span of months, with its year:
    ``[tháng 1] đến tháng 3/2024``, ``[tháng 1]-3/2024``, ``[tháng 10/2023] đến hết tháng 3
    năm 2024``, ``[October 2023] to March 2024``."""
    joins = alternation(words_with_role("month_join"))
    months = alternation(words_with_role("month_name"), ignore_case=False)
    return re.compile(
        rf"{BLANK}{{0,3}}(?P<join>{joins}){BLANK}{{0,3}}(?:"
        rf"(?:(?i:tháng){BLANK}{{1,3}})?(?P<m>[0-9]{{1,2}})"
        rf"(?:/(?P<y>[0-9]{{4}})|{BLANK}{{1,3}}(?i:năm){BLANK}{{1,3}}(?P<y_vi>[0-9]{{4}}))"
        rf"|(?P<name>{months}){BLANK}{{1,3}}(?P<y_en>[0-9]{{4}}))(?![0-9/]|\w)"
    )


@cache
def month_span_before() -> re.Pattern[str]:
    """Before a month and its year, the month that starts a span of months and the join:
    ``between January and [March 2024]``, ``Jan-[Mar 2024]``, ``from October to [December
    2023]``. The first month has no year: it is the second's."""
    joins = alternation(words_with_role("month_join"))
    opens = alternation(words_with_role("month_open"))
    months = alternation(words_with_role("month_name"), ignore_case=False)
    return re.compile(
        rf"(?<!\w)(?:(?P<open>{opens}){BLANK}{{1,3}})?(?P<word>(?P<name>{months}))"
        rf"{BLANK}{{0,3}}(?P<join>{joins}){BLANK}{{0,3}}\Z"
    )


@cache
def month_open_before() -> re.Pattern[str]:
    """The word that opens a span of months (``between``, ``from``, ``từ``) right before
    the first month."""
    return re.compile(
        rf"(?<!\w)(?P<word>{alternation(words_with_role('month_open'))}){BLANK}{{1,3}}\Z"
    )


@cache
def vague_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The orders of magnitude in words of both languages (``hàng chục nghìn``, ``tens of
    thousands``), longest first, and the first words to look for them from."""
    phrases = [v.phrase for v in vague_quantities()]
    body = "|".join(
        re.escape(p).replace(r"\ ", rf"{BLANK}+") for p in sorted(phrases, key=len, reverse=True)
    )
    firsts = tuple(sorted({p.split()[0].casefold() for p in phrases}))
    return re.compile(rf"(?i:{body})(?!\w)"), firsts


@cache
def share_after() -> re.Pattern[str]:
    """A word after ``1/3`` that makes it a share of something: ``1/3 số người``, ``1/3
    tổng số``, ``1/3 of the firms`` (not the first of March)."""
    return re.compile(rf"{BLANK}{{1,3}}(?i:số|tổng|of)(?!\w)")


@cache
def unit_after() -> re.Pattern[str]:
    """A unit token right after a number (``1/4 inch``): what makes ``1/4`` a fraction."""
    suffixes = _tokens(
        t.token for t in unit_tokens() if t.position == "suffix" and t.unit != "year"
    )
    return re.compile(rf"{BLANK}{{0,3}}(?:{suffixes})")

"""Fuzz ``checks.numbers.parse_number``: any string in, a ParsedNumber or NumberParseError out.

Run from the repository root::

    /tmp/venv/bin/python fuzz/fuzz_parse_number.py --runs 100000

With atheris installed (``pip install -e '.[fuzz]'``) this is coverage-guided libFuzzer,
seeded with the hedge words, scale words and unit tokens from ``checks/data``; without
it (or with ``--engine random``) a seeded random driver mixes the same words with digits,
separators and odd characters. Either way every input is tried with the ``vi``, ``en``
and ``auto`` locales, and a successful parse must give a finite value inside its printed
interval. The script ends with one line ``parse_number fuzz: N inputs, K crashes`` and
exits 1 if K > 0 (atheris stops at the first crash, prints its traceback and saves the input under
``--artifacts``; the libFuzzer statistics that follow the summary line are its own).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
from pathlib import Path

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the platform
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["checks", "babel"]):
        from checks.numbers.parse import NumberParseError, parse_number
        from checks.numbers.tables import qualifier_phrases, scale_words, unit_tokens
else:
    from checks.numbers.parse import NumberParseError, parse_number
    from checks.numbers.tables import qualifier_phrases, scale_words, unit_tokens

LOCALES = ("vi", "en", "auto")
COUNT = {"inputs": 0, "crashes": 0}
ODD = [*"0123456789.,-+ %$", "\u2212", "\u00a0", "\u202f", "\t", "\n", "\x00", "\u0301"]
ODD += ["٣", "½", "²", "∞", "NaN", "inf", "1e309", "\ufeff", "\u202e", "đ", "₫", "9" * 50]

SEEDS = ["78,44 triệu", "gần 16.000", "hơn 100 nghìn", "79,1%", "8.000 tỷ USD", "$10.5 trillion"]
SEEDS += ["khoảng 1,5 triệu người", "lên đến 10.500 tỷ đồng", "nearly 2,000", "-0", "1e309"]


def words() -> list[str]:
    """The vocabulary the parser knows, from its own data tables."""
    found = [p.phrase for p in qualifier_phrases()]
    found += [s.word for s in scale_words()]
    found += [t.token for t in unit_tokens()]
    return sorted(set(found))


def check_one(text: str) -> None:
    """Parse ``text`` in every locale; raise AssertionError or a crash if anything is off."""
    COUNT["inputs"] += 1
    for locale in LOCALES:
        try:
            parsed = parse_number(text, locale=locale)
        except NumberParseError:
            continue
        assert math.isfinite(parsed.value), (text, locale, parsed)
        assert parsed.printed.contains(parsed.value), (text, locale, parsed)


def run_atheris(runs: int, artifacts: Path) -> None:
    assert atheris is not None
    dictionary = artifacts / "parse_number.dict"
    dictionary.write_text(
        "".join(f'"{_dict_escape(w)}"\n' for w in words() + ODD), encoding="utf-8"
    )

    corpus = artifacts / "corpus"
    corpus.mkdir(exist_ok=True)
    for index, seed in enumerate(SEEDS):
        (corpus / f"seed-{index}").write_bytes(seed.encode("utf-8"))

    def one_input(data: bytes) -> None:
        check_one(data.decode("utf-8", errors="replace"))
        if COUNT["inputs"] == runs:
            summary("atheris/libFuzzer")

    argv = [
        sys.argv[0],
        str(corpus),
        f"-runs={runs}",
        f"-dict={dictionary}",
        "-max_len=128",
        f"-artifact_prefix={artifacts}/",
        "-print_final_stats=1",
    ]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def _dict_escape(word: str) -> str:
    return "".join(
        f"\\x{b:02X}" if b < 0x20 or b >= 0x7F or b in b'"\\' else chr(b)
        for b in word.encode("utf-8")
    )


def run_random(runs: int, seed: int) -> None:
    rnd = random.Random(seed)
    vocabulary = words()
    crashes: list[tuple[str, BaseException]] = []
    for _ in range(runs):
        parts = [
            rnd.choice(vocabulary) + rnd.choice(["", " "])
            if rnd.random() < 0.3
            else rnd.choice(ODD)
            for _ in range(rnd.randint(0, 10))
        ]
        text = "".join(parts)
        try:
            check_one(text)
        except Exception as exc:  # a crash: record it and go on
            COUNT["crashes"] += 1
            if len(crashes) < 10:
                crashes.append((text, exc))
    for shown, error in crashes:
        print(f"crash: {shown!r}: {type(error).__name__}: {error}", file=sys.stderr)


def summary(engine: str) -> None:
    print(
        f"parse_number fuzz: {COUNT['inputs']} inputs, {COUNT['crashes']} crashes "
        f"(engine: {engine})",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--engine", choices=["auto", "atheris", "random"], default="auto")
    parser.add_argument("--seed", type=int, default=20241225)
    parser.add_argument("--artifacts", type=Path, default=None)
    args = parser.parse_args()
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if atheris is not None else "random"
    if engine == "atheris":
        if atheris is None:
            parser.error("atheris is not installed: pip install atheris")
        artifacts = args.artifacts or Path(tempfile.mkdtemp(prefix="fuzz-parse-number-"))
        artifacts.mkdir(parents=True, exist_ok=True)
        run_atheris(args.runs, artifacts)
        return 0
    run_random(args.runs, args.seed)
    summary(f"random, seed {args.seed}")
    return 1 if COUNT["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())

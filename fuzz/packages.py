"""Fuzz whole packages: mutated descriptors, schemas, rows, rules and sources, end to end.

Run from the repository root::

    python fuzz/packages.py --count 10000            # seeded, in this process
    python fuzz/packages.py --count 200 --seed 7 --publish-every 5

Each package is the test fixture ``tests/fixtures/mini`` with one to four random mutations
(see :data:`MUTATIONS`): a descriptor property deleted, retyped or set to a hostile value
(``dialect``, ``encoding``, a ``javascript:`` licence, deep nesting), a table cell replaced
by an awkward value (``NaN``, ``1e999``, 23 digits, ``0000-01-01``, control characters,
``=cmd``, another column's text), a row duplicated, deleted or cut short, a rule expression
drawn from the rule grammar with odd tokens, a source text re-encoded or truncated. The
package then goes where ``claimledger check`` takes it (load, every check, waivers, every
report format) and, every ``--publish-every`` packages, where ``publish`` takes it (bundle,
SQLite, ClaimReview). The only acceptable ends are success and the errors the command line
turns into exit 2 (:class:`InputError`, :class:`NumberParseError`,
:class:`RegistryError`); anything else would be exit 3 and counts as a crash. Each crash
is printed with its seed and mutations and the package is kept under ``--artifacts``.

Every 50 packages each worker prints a ``progress:`` line (its counts, the next index, the
time so far and per package); the last line is ``package fuzz: N packages, K crashes (E
exit 2, C checked)``, followed by the number of packages the mutators themselves failed on,
if any (printed as ``MUTATOR ERROR``, not run, not counted as packages); the exit status is 1
when K > 0.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.model.errors import InputError  # noqa: E402
from checks.model.package import load_package  # noqa: E402
from checks.numbers.parse import NumberParseError  # noqa: E402
from checks.registry import RegistryError  # noqa: E402
from checks.report import FORMATS  # noqa: E402
from checks.service import check_loaded  # noqa: E402

MINI = ROOT / "tests" / "fixtures" / "mini"
TABLES = ("sources", "claims", "indicators", "rules", "verdicts", "waivers")
EXIT_2 = (InputError, NumberParseError, RegistryError)

AWKWARD = [
    "", " ", "NaN", "nan", "inf", "-inf", "1e999", "-0", "0", "-1", "1e-400", "9" * 23,
    "9" * 5000, "0000-01-01", "2024-02-30", "2024-13-01", "9999-12-31", "1970-01-01",
    "2024-01-01T00:00:00", "\x00", "\x1b[2J", "line\nbreak", "\r\n", '"', '""', ",", ";",
    "=cmd|' /C calc'!A0", "@user", "+1", "\u202egnp.exe", "\ufeff", "e\u0301", "ệ" * 200,
    "javascript:alert(1)", "https://example.org/a b", "</script><script>x</script>", "{{ 7*7 }}",
    "x" * 70_000, "exact", "approx", "forecast", "bogus", "percent", "VND/USD", "person**",
    "2", "[population]", "WLD", "VNM", "AAA", "city-users", "test-article", "true", "null",
]  # fmt: skip
RULE_TOKENS = [
    "[population]", "[internet-users]", "[internet-penetration]", "[online-fraud-reports]",
    "[online-fraud-losses]", "[population@previous]", "[claim:city-users]", "[nowhere]",
    "+", "-", "*", "/", "=", "<", "<=", ">", ">=", "(", ")", ",", "0", "1", "1e308", "1e999",
    "100", "-", "hull(", "years(", "growth(", "cagr(", "count(", "start(", "end(", "×", "÷",
    "≤", "@", "[", "]", "import", "__class__", "'", "x",
]  # fmt: skip
KINDS = ["identity", "ratio-bound", "growth", "cagr", "containment", "order", "duration", "x"]
JSON_VALUES: list[Any] = [
    None, True, 0, -1, 1.5, 1e308, "", "x", "javascript:alert(1)", [], {}, [1, "a"],
    {"a": {"b": {"c": [None]}}}, "\x1b[31m", "../../etc/passwd", "/etc/passwd",
    "https://example.org/x.csv", "datapackage/claims.csv", "utf-16", "xlsx", "gz",
    {"delimiter": ";"}, {"delimiter": ",", "header": True}, "9" * 30,
]  # fmt: skip


DEEP = "<5,000 nested lists>"  # written into the descriptor text, never built as a value


class Mutant:
    """A package folder being mutated, and what was done to it."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.done: list[str] = []

    # --- tables -------------------------------------------------------------------------
    def rows(self, table: str) -> tuple[list[str], list[list[str]]]:
        path = self.root / "datapackage" / f"{table}.csv"
        data = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        return data[0], data[1:]

    def write_rows(self, table: str, header: list[str], rows: list[list[str]]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
        (self.root / "datapackage" / f"{table}.csv").write_text(buffer.getvalue(), "utf-8")

    def descriptor(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads((self.root / "datapackage.json").read_text("utf-8"))
        return loaded

    def write_descriptor(self, descriptor: Any) -> None:
        text = json.dumps(descriptor, ensure_ascii=self.rng.random() < 0.5)
        text = text.replace(json.dumps(DEEP), "[" * 5000 + "]" * 5000)
        (self.root / "datapackage.json").write_text(text, encoding="utf-8")


def _cell(m: Mutant) -> None:
    table = m.rng.choice(TABLES)
    header, rows = m.rows(table)
    if not rows:
        rows = [[""] * len(header)]
    row = m.rng.randrange(len(rows))
    column = m.rng.randrange(len(header))
    other = m.rng.choice  # another cell's text (a row may have been cut to nothing)
    value = m.rng.choice(AWKWARD) if m.rng.random() < 0.8 else other(other(rows) or [""])
    rows[row].extend([""] * (column + 1 - len(rows[row])))  # a row cut short earlier
    rows[row][column] = value
    m.write_rows(table, header, rows)
    m.done.append(f"cell {table}[{row}].{header[column]} = {value[:40]!r}")


def _row(m: Mutant) -> None:
    table = m.rng.choice(TABLES)
    header, rows = m.rows(table)
    action = m.rng.choice(["duplicate", "delete", "short", "long", "shuffle-header"])
    if rows and action == "duplicate":
        rows.append(list(m.rng.choice(rows)))
    elif rows and action == "delete":
        rows.pop(m.rng.randrange(len(rows)))
    elif rows and action == "short":
        cut = rows[m.rng.randrange(len(rows))]
        if cut:
            cut.pop()
    elif rows and action == "long":
        rows[m.rng.randrange(len(rows))].append("extra")
    elif action == "shuffle-header":
        m.rng.shuffle(header)
    m.write_rows(table, header, rows)
    m.done.append(f"row {table}: {action}")


def _rule(m: Mutant) -> None:
    header, rows = m.rows("rules")
    size = m.rng.randint(1, 12)
    expression = " ".join(m.rng.choice(RULE_TOKENS) for _ in range(size))
    if m.rng.random() < 0.3:
        expression = "[population] = [internet-users] / [internet-penetration]"
    row = dict.fromkeys(header, "")
    row.update(rule_id=f"r{len(rows)}", kind=m.rng.choice(KINDS), expression=expression)
    row.update(severity=m.rng.choice(["error", "warning", "info", "x"]), rationale="fuzz")
    row.update(tolerance=m.rng.choice(["0", "0.1", "", "-1", "nan", "1e999"]))
    row.update(maximum=m.rng.choice(["", "1", "1e308", "inf"]), unit=m.rng.choice(["", "person"]))
    rows.append([row[h] for h in header])
    m.write_rows("rules", header, rows)
    m.done.append(f"rule {row['kind']}: {expression[:60]!r}")


def _descriptor(m: Mutant) -> None:
    try:
        descriptor = m.descriptor()
    except (ValueError, RecursionError):  # already mutated past JSON: leave it so
        m.done.append("descriptor: left unreadable")
        return
    if not isinstance(descriptor, dict):
        m.done.append("descriptor: left as it is")
        return
    target: Any = descriptor
    path = "descriptor"
    resources = descriptor.get("resources")
    if m.rng.random() < 0.6 and isinstance(resources, list) and resources:
        index = m.rng.randrange(len(resources))
        if isinstance(resources[index], dict):  # else an earlier mutation made it a value
            target = resources[index]
            path = f"resources[{index}]"
        if m.rng.random() < 0.3 and isinstance(target.get("schema"), str):
            schema_path = m.root / target["schema"]
            inside = ".." not in target["schema"] and not Path(target["schema"]).is_absolute()
            if schema_path.is_file() and inside:
                try:
                    schema = json.loads(schema_path.read_text("utf-8"))
                except ValueError:  # the schema path now names a data file or a non-JSON file
                    m.done.append(f"schema {target['schema']}: left unreadable")
                    return
                fields = schema.get("fields") if isinstance(schema, dict) else None
                if not isinstance(fields, list) or not fields:
                    return
                fields = [f for f in fields if isinstance(f, dict)] or [{}]
                field = m.rng.choice(fields)
                key = m.rng.choice(["type", "name", "constraints", "format", "missingValues"])
                field[key] = m.rng.choice(JSON_VALUES)
                schema_path.write_text(json.dumps(schema), encoding="utf-8")
                m.done.append(f"schema {target['schema']}: {key} = {field[key]!r:.40}")
                return
    keys = [*target, "dialect", "encoding", "format", "compression", "licenses", "sources"]
    key = m.rng.choice(keys)
    if m.rng.random() < 0.25:
        target.pop(key, None)
        m.done.append(f"{path}: delete {key}")
    else:
        value = m.rng.choice(JSON_VALUES)
        if key == "licenses" and m.rng.random() < 0.5:
            value = [{"name": "x", "path": m.rng.choice(["javascript:alert(1)", "LICENSE"])}]
        deep = m.rng.random() < 0.05
        target[key] = DEEP if deep else value
        m.done.append(f"{path}: {key} = {'5,000 nested lists' if deep else json.dumps(value)[:40]}")
    m.write_descriptor(descriptor)


def _source(m: Mutant) -> None:
    path = m.rng.choice(sorted((m.root / "sources").glob("*.txt")))
    text = path.read_bytes().decode("utf-8", errors="replace")  # may be mutated already
    action = m.rng.choice(["utf-16", "cp1258", "truncate", "nfd", "nul", "empty"])
    if action == "utf-16":
        path.write_bytes(text.encode("utf-16"))
    elif action == "cp1258":
        path.write_bytes(text.encode("cp1258", errors="replace"))
    elif action == "truncate":
        path.write_bytes(path.read_bytes()[: m.rng.randrange(max(len(text), 1))])
    elif action == "nfd":
        import unicodedata

        path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    elif action == "nul":
        path.write_bytes(b"\x00" * m.rng.randint(1, 1000))
    else:
        path.write_bytes(b"")
    m.done.append(f"source {path.name}: {action}")


MUTATIONS: list[tuple[Callable[[Mutant], None], int]] = [
    (_cell, 5),
    (_row, 2),
    (_rule, 2),
    (_descriptor, 3),
    (_source, 1),
]


def mutate(root: Path, rng: random.Random) -> list[str]:
    """Apply one to four mutations to the package at ``root``; returns what was done."""
    mutant = Mutant(root, rng)
    functions = [f for f, _ in MUTATIONS]
    weights = [w for _, w in MUTATIONS]
    for _ in range(rng.randint(1, 4)):
        rng.choices(functions, weights)[0](mutant)
    return mutant.done


def run_one(root: Path, out: Path, publish: bool) -> str:
    """``"ok"`` or ``"exit 2"``; any other exception propagates (a crash). With ``publish``
    the HTML report is rendered too and the package published (both cost the most)."""
    try:
        pkg = load_package(root)
        result = check_loaded(pkg)
        for name, module in FORMATS.items():
            if name == "html" and not publish:
                continue
            text = module.render(result)
            if name in ("json", "sarif"):
                json.loads(text, parse_constant=_refuse_constant)
        if publish:
            from checks.publish import publish as publish_package

            publish_package(pkg, out, result=result, allow_errors=True)
    except EXIT_2:
        return "exit 2"
    return "ok"


def _refuse_constant(name: str) -> None:
    raise ValueError(f"non-standard JSON constant {name} in a report")


def fuzz(
    count: int, seed: int, publish_every: int, artifacts: Path, start: int = 0, step: int = 1
) -> dict[str, int]:
    """Fuzz packages ``start, start + step, ...`` below ``count``; returns the counts of
    each end. Package ``i`` depends only on ``seed`` and ``i``, so a crash is replayed with
    ``--count i+1 --start i``."""
    counts = {"packages": 0, "crashes": 0, "exit 2": 0, "ok": 0, "mutator errors": 0}
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="claimledger-fuzz-") as tmp:
        for index in range(start, count, step):
            if counts["packages"] and counts["packages"] % 50 == 0:
                elapsed = time.monotonic() - began
                print(
                    f"progress: {counts} (worker {start}, next index {index}, {elapsed:.0f} s, "
                    f"{elapsed / counts['packages']:.2f} s/package)",
                    flush=True,
                )
            rng = random.Random(f"{seed}:{index}")
            root = Path(tmp) / "pkg"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(MINI, root)
            try:
                done = mutate(root, rng)
            except Exception:  # the fuzzer's own slip, not the library's: counted apart
                counts["mutator errors"] += 1
                print(f"MUTATOR ERROR seed={seed} index={index}", flush=True)
                traceback.print_exc(limit=-3)
                continue
            counts["packages"] += 1
            publish = publish_every > 0 and index % publish_every == 0
            try:
                counts[run_one(root, Path(tmp) / "out", publish)] += 1
            except Exception:  # a crash: exit 3 on the command line
                counts["crashes"] += 1
                kept = artifacts / f"crash-{seed}-{index}"
                shutil.rmtree(kept, ignore_errors=True)
                shutil.copytree(root, kept)
                print(f"CRASH seed={seed} index={index} ({'; '.join(done)}) kept in {kept}")
                traceback.print_exc(limit=-6)
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="packages (default 1000)")
    parser.add_argument("--seed", type=int, default=20241225)
    parser.add_argument("--publish-every", type=int, default=10, help="0: never publish")
    parser.add_argument("--artifacts", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--start", type=int, default=0, help="first package index")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    args = parser.parse_args(argv)
    if args.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.jobs) as pool:
            parts = [
                pool.submit(
                    fuzz,
                    args.count,
                    args.seed,
                    args.publish_every,
                    args.artifacts,
                    args.start + j,
                    args.jobs,
                )
                for j in range(args.jobs)
            ]
            counts = {k: sum(p.result()[k] for p in parts) for k in parts[0].result()}
    else:
        counts = fuzz(args.count, args.seed, args.publish_every, args.artifacts, args.start)
    slips = counts["mutator errors"]
    print(
        f"package fuzz: {counts['packages']} packages, {counts['crashes']} crashes "
        f"({counts['exit 2']} exit 2, {counts['ok']} checked)"
        + (f"; {slips} not mutated (fuzzer errors)" if slips else "")
    )
    return 1 if counts["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Write the table of finding codes (from the checks' declarations) into docs/severity.md.

python tools/severity_table.py          # rewrite the table between the markers
python tools/severity_table.py --check  # exit 1 if the docs are out of date
"""

from __future__ import annotations

import argparse
from pathlib import Path

from checks.suite.catalogue import severity_table

DOC = Path(__file__).resolve().parent.parent / "docs" / "severity.md"
START, END = "<!-- codes:start -->", "<!-- codes:end -->"


def updated(text: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{severity_table()}{END}{tail}"


def main() -> int:
    parser = argparse.ArgumentParser(description="the finding-code table of docs/severity.md")
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args()
    text = DOC.read_text(encoding="utf-8")
    new = updated(text)
    if args.check:
        if new != text:
            print(f"{DOC} is out of date: run python tools/severity_table.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

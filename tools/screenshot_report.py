"""Regenerate reports/findings.html for the package's own data and screenshot it.

Usage::

    python tools/screenshot_report.py                  # writes reports/findings.html, report.png
    python tools/screenshot_report.py --height 2400    # a taller picture

Needs Debian's ``chromium`` (``apt-get install -y chromium``); see tests/browser.py for the
flags it runs with (headless, no network, a fresh profile).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.model.errors import InputError  # noqa: E402
from checks.service import check_package, write_reports  # noqa: E402
from tests.browser import chromium, screenshot  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1800)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "report.png")
    args = parser.parse_args(argv)
    if chromium() is None:
        print("chromium is not installed: apt-get install -y chromium", file=sys.stderr)
        return 2
    try:
        result = check_package(ROOT)
    except InputError as exc:
        print(f"screenshot_report: {exc}", file=sys.stderr)
        return 2
    (page,) = write_reports(result, ROOT / "reports", ["html"])
    screenshot(page, args.out, args.width, args.height)
    s = result.summary
    print(
        f"{page.relative_to(ROOT)}: {s['error']} error(s), {s['warning']} warning(s), "
        f"{s['info']} info, {len(result.findings) - len(result.active)} waived; "
        f"screenshot {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

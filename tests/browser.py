"""Headless Chromium (Debian's ``chromium`` package) for the HTML report tests and screenshot.

No Playwright, no driver: ``--dump-dom`` prints the DOM after the page's scripts ran, and
``--screenshot`` writes a PNG. Each run gets a fresh profile folder and no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-extensions",
    "--hide-scrollbars",
    "--virtual-time-budget=5000",
)


def chromium() -> str | None:
    """The chromium executable, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(
    args: list[str], page: Path, fragment: str = "", timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    executable = chromium()
    if executable is None:
        raise RuntimeError("chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="claimledger-chromium-") as profile:
        return subprocess.run(
            [
                executable,
                *FLAGS,
                f"--user-data-dir={profile}",
                *args,
                page.resolve().as_uri() + (f"#{fragment}" if fragment else ""),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
            env={**os.environ, "HOME": profile},
        )


def dump_dom(page: Path, fragment: str = "") -> str:
    """The serialised DOM of a local HTML file (opened at ``#fragment``) after its scripts ran."""
    return _run(["--dump-dom"], page, fragment).stdout


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 1800) -> None:
    """A PNG of the top ``width`` x ``height`` pixels of a local HTML file."""
    png.parent.mkdir(parents=True, exist_ok=True)
    _run([f"--screenshot={png.resolve()}", f"--window-size={width},{height}"], page)


class Dom(HTMLParser):
    """A small view of a dumped DOM: the document title (not SVG tooltips), <body>
    attributes, every element, elements by id with their text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.body: dict[str, str | None] = {}
        self.html: dict[str, str | None] = {}
        self.ids: dict[str, dict[str, str | None]] = {}
        self.tags: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._in_title = False
        self._svg_depth = 0
        self._text: list[str] = []
        self.texts_by_id: dict[str, str] = {}
        self._open_ids: list[tuple[str, str, int]] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        self.elements.append((tag, attributes))
        if tag == "svg":
            self._svg_depth += 1
        if tag == "title" and not self._svg_depth:
            self._in_title = True
        elif tag == "body":
            self.body = attributes
        elif tag == "html":
            self.html = attributes
        element_id = attributes.get("id")
        if element_id:
            self.ids[element_id] = attributes
            self._open_ids.append((element_id, tag, len(self._text)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "svg":
            self._svg_depth -= 1
        if self._open_ids and self._open_ids[-1][1] == tag:
            element_id, _, start = self._open_ids.pop()
            self.texts_by_id[element_id] = "".join(self._text[start:])

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self._text.append(data)

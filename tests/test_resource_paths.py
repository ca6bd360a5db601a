"""ResourcePaths (one folder resolved once) answers as safe_resource_path does, symlinks too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks.model.errors import InputError
from checks.model.paths import ResourcePaths, safe_resource_path

NAMES = [
    "sources/plain.txt",
    "sources/missing.txt",
    "sources/inside-link.txt",
    "sources/outside-link.txt",
    "sources/dangling-link.txt",
    "sources/loop.txt",
    "sources/./plain.txt",
    "sources//plain.txt",
    "sources/plain.txt/",
    "plain-at-root.txt",
    "inside-folder/plain.txt",
    "outside-folder/secret.txt",
    "outside-folder/missing.txt",
    "looping-folder/plain.txt",
    "sources/deeper/file.txt",
    "sources/deeper/outside-link.txt",
    "sources",
    ".",
    "a" * 300 + "/x.txt",
    "sources/" + "b" * 300,
    "../escape.txt",
    "/etc/passwd",
    "https://example.org/x",
    "sources/control\x01.txt",
    "",
]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A package root with every kind of path: plain, missing, symlinks in and out, loops."""
    root = tmp_path / "pkg"
    outside = tmp_path / "outside"
    (root / "sources/deeper").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "sources/plain.txt").write_text("plain", encoding="utf-8")
    (root / "sources/deeper/file.txt").write_text("deeper", encoding="utf-8")
    (root / "plain-at-root.txt").write_text("root", encoding="utf-8")
    (root / "sources/inside-link.txt").symlink_to("plain.txt")
    (root / "sources/outside-link.txt").symlink_to(outside / "secret.txt")
    (root / "sources/deeper/outside-link.txt").symlink_to("../../../outside/secret.txt")
    (root / "sources/dangling-link.txt").symlink_to("nowhere.txt")
    (root / "sources/loop.txt").symlink_to("loop.txt")
    (root / "inside-folder").symlink_to("sources")
    (root / "outside-folder").symlink_to(outside)
    (root / "looping-folder").symlink_to("looping-folder")
    return root


def _exact(root: Path, relative: str) -> Path | str:
    try:
        return safe_resource_path(root, relative, descriptor="d.csv", field="path")
    except InputError as exc:
        return str(exc)


def _quick(paths: ResourcePaths, relative: str) -> Path | str:
    try:
        return paths.resolve(relative)
    except InputError as exc:
        return str(exc)


@pytest.mark.parametrize("relative_root", [False, True])
def test_resource_paths_agree_with_safe_resource_path_on_every_kind_of_path(
    tree: Path, relative_root: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree
    if relative_root:
        monkeypatch.chdir(tree.parent)
        root = Path(tree.name)
    paths = ResourcePaths(root, descriptor="d.csv", field="path")
    for _ in range(2):  # the second round answers from the caches
        for name in NAMES:
            assert _quick(paths, name) == _exact(root, name), name


def test_a_symlinked_source_that_leaves_the_package_is_refused(tree: Path) -> None:
    paths = ResourcePaths(tree, descriptor="d.csv", field="path")
    with pytest.raises(InputError, match="resolves outside the package"):
        paths.resolve("sources/outside-link.txt")
    with pytest.raises(InputError, match="resolves outside the package"):
        paths.resolve("outside-folder/secret.txt")


def test_a_file_replaced_by_an_outside_symlink_is_refused_by_a_fresh_resolver(
    tree: Path,
) -> None:
    paths = ResourcePaths(tree, descriptor="d.csv", field="path")
    assert paths.resolve("sources/plain.txt") == (tree / "sources/plain.txt").resolve()
    os.remove(tree / "sources/plain.txt")
    (tree / "sources/plain.txt").symlink_to(tree.parent / "outside/secret.txt")
    with pytest.raises(InputError, match="resolves outside the package"):
        ResourcePaths(tree, descriptor="d.csv", field="path").resolve("sources/plain.txt")

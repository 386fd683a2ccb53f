"""The README's promises point at tests that exist, and its layout at folders that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_guarantee_names_a_test_that_exists() -> None:
    named = re.findall(r"(tests/[\w/]+\.py)::(\w+)((?:`, `::\w+)*)", README)
    assert named
    for path, first, more in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        for name in [first, *re.findall(r"::(\w+)", more)]:
            assert re.search(rf"(def {name}\b|^{name} = )", source, re.M), f"{path}::{name}"


def test_the_layout_names_every_package_of_the_tree() -> None:
    layout = README[README.index("## Layout of the code") :]
    packages = sorted(p.parent.name for p in (ROOT / "diary").glob("*/__init__.py"))
    for package in packages:
        assert f"diary/{package}/" in layout, package

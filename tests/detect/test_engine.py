from __future__ import annotations

import pytest

from bastion.detect import Pattern, PatternSet
from bastion.detect._engine import hyperscan_available, sanitize
from bastion.errors import ScannerError

ENGINES = ["re2"] + (["hyperscan"] if hyperscan_available() else [])


@pytest.mark.parametrize("engine", ENGINES)
def test_spans_are_character_offsets(engine: str) -> None:
    ps = PatternSet(
        [Pattern("a", r"ignore\s+previous", caseless=True), Pattern("b", r"AKIA[0-9A-Z]{16}")],
        engine=engine,
    )
    text = "äöü IGNORE previous — AKIAABCDEFGHIJKLMNOP"
    got = [(m.key, m.start, m.end) for m in ps.finditer(text)]
    assert got == [("a", 4, 19), ("b", 22, 42)]
    assert text[22:42] == "AKIAABCDEFGHIJKLMNOP"


@pytest.mark.parametrize("engine", ENGINES)
def test_no_catastrophic_backtracking(engine: str) -> None:
    ps = PatternSet([Pattern("evil", r"(a+)+b")], engine=engine)
    assert list(ps.finditer("a" * 100_000)) == []


def test_backreferences_are_refused() -> None:
    with pytest.raises(ScannerError, match="RE2"):
        PatternSet([Pattern("x", r"(a)\1")])


def test_sanitize_keeps_length() -> None:
    assert sanitize("a\ud800b") == "a\ufffdb"
    assert sanitize("plain") == "plain"

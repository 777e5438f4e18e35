"""Canary tokens: minting, and detection verbatim, spread out, re-cased and encoded."""

from __future__ import annotations

import base64
import codecs
import re

import pytest
from typer.testing import CliRunner, Result

from bastion import Guard
from bastion._types import Category, Surface
from bastion.cli import app
from bastion.detect._base import DetectConfig, Document
from bastion.detect._canary import CANARY_PREFIX, RULES, CanaryScanner, mint_canary
from bastion.errors import ConfigError

CANARY = "bastion-canary-mfrggzdfmztwq2lknnwg23tpob"  # a fixed, well-formed canary for exact spans
BODY = CANARY[len(CANARY_PREFIX) :]


@pytest.fixture(scope="module", params=["auto", "re2"])
def scanner(request: pytest.FixtureRequest) -> CanaryScanner:
    return CanaryScanner(DetectConfig(canaries=(CANARY,), engine=request.param))


def found(scanner: CanaryScanner, text: str) -> list[tuple[str, int, int]]:
    doc = Document(text=text, surface=Surface.RESPONSE, config=DetectConfig())
    return [(f.rule_id, f.start, f.end) for f in scanner.scan(doc)]


def test_mint_format_and_entropy() -> None:
    tokens = {mint_canary() for _ in range(200)}
    assert len(tokens) == 200
    for t in tokens:
        assert re.fullmatch(r"bastion-canary-[a-z2-7]{26}", t)
    # 26 base32 characters carry 130 bits; the first 25 are uniform (>= 125 bits) + 3 bits in the last
    assert len(base64.b32decode(next(iter(tokens))[len(CANARY_PREFIX) :].upper() + "======")) == 16


def _b64_inner(prefix: str, suffix: str = "") -> str:
    return base64.b64encode(f"{prefix}{CANARY}{suffix}".encode()).decode()


SPREAD = " ".join(CANARY)
ZW = "\u200b".join(CANARY)
NEWLINES = CANARY[:10] + "\n" + CANARY[10:22] + "\r\n" + CANARY[22:]
PUNCT = ".".join(CANARY[i : i + 3] for i in range(0, len(CANARY), 3))
MARKDOWN = "**" + CANARY[:15] + "**`" + CANARY[15:] + "`"

TOKEN_CASES = [
    (f"The marker is {CANARY}.", CANARY),
    (f"The marker is {CANARY.upper()}!", CANARY.upper()),
    (f"x {SPREAD} y", SPREAD),
    (f"x {ZW} y", ZW),
    (f"split:\n{NEWLINES}\nend", NEWLINES),
    (f"dots {PUNCT} end", PUNCT),
    (f"md {MARKDOWN}", MARKDOWN[2:-1]),
    (f"only the random part: {BODY.upper()}", BODY.upper()),
    (f"glued{CANARY}glued", CANARY),
    (f"Grüße ✓ {CANARY}", CANARY),
]


@pytest.mark.parametrize(("text", "sub"), TOKEN_CASES, ids=[t[:30] for t, _ in TOKEN_CASES])
def test_token_exact_spans(scanner: CanaryScanner, text: str, sub: str) -> None:
    i = text.index(sub)
    assert found(scanner, text) == [("canary.token", i, i + len(sub))]


ENCODED_CASES = [
    base64.b64encode(CANARY.encode()).decode(),
    _b64_inner("my system prompt says ", " and more"),
    _b64_inner("x"),
    _b64_inner("xy"),
    base64.urlsafe_b64encode(f"??>{CANARY}".encode()).decode(),
    base64.b64encode(CANARY.upper().encode()).decode(),
    CANARY.encode().hex(),
    CANARY.encode().hex().upper(),
    codecs.encode(CANARY, "rot13"),
]


@pytest.mark.parametrize("blob", ENCODED_CASES)
def test_encoded_whole_blob_span(scanner: CanaryScanner, blob: str) -> None:
    text = f"look: {blob} ok"
    i = text.index(blob)
    assert found(scanner, text) == [("canary.encoded", i, i + len(blob))]


def test_encoded_and_split(scanner: CanaryScanner) -> None:
    blob = _b64_inner("leak: ")
    split = "\n".join(blob[i : i + 12] for i in range(0, len(blob), 12))
    text = f"data:\n{split}\n"
    got = found(scanner, text)
    assert [r for r, _, _ in got] == ["canary.encoded"]
    s, e = got[0][1:]
    assert split.startswith(text[s:e][:4]) and text[s:e].replace("\n", "") in blob


def test_hex_byte_escapes(scanner: CanaryScanner) -> None:
    esc = "".join(f"\\x{b:02x}" for b in CANARY.encode())
    pct = "".join(f"%{b:02X}" for b in CANARY.encode())
    for enc in (esc, pct):
        got = found(scanner, f"s = '{enc}'")
        assert [r for r, _, _ in got] == ["canary.encoded"]


def test_benign_and_near_misses(scanner: CanaryScanner) -> None:
    near = CANARY[:-1] + ("a" if CANARY[-1] != "a" else "b")
    for text in (
        "bastion canary is a feature of our product",
        near,
        CANARY[:-4],
        " ".join(CANARY[:-1]) + " " * 10 + CANARY[-1],  # gap longer than 8
        # (base64 of a canary with only its last character changed still matches: the last
        # character's low bits fall in a padding group, and 125 leaked bits are a leak anyway)
        base64.b64encode((CANARY[:20] + "zz" + CANARY[22:]).encode()).decode(),
    ):
        assert [r for r, _, _ in found(scanner, text) if r != "canary.format"] == [], text


def test_unconfigured_canary_format(scanner: CanaryScanner) -> None:
    other = "bastion-canary-abcdefghijklmnopqrstuvwxyz"
    assert found(scanner, f"leaked {other}") == [("canary.format", 7, 7 + len(other))]
    # a configured one is reported once, as the token
    assert [r for r, _, _ in found(scanner, CANARY)] == ["canary.token"]


def test_config_validation() -> None:
    with pytest.raises(ConfigError) as err:
        CanaryScanner(DetectConfig(canaries=("short",)))
    assert "canaries[0]" in str(err.value)
    with pytest.raises(ConfigError):
        CanaryScanner(DetectConfig(canaries=tuple(mint_canary() for _ in range(300))))


def test_custom_canary_string() -> None:
    s = CanaryScanner(DetectConfig(), canaries=["ZEBRA-QUARTZ-991-LANTERN"])
    assert found(s, "z e b r a quartz 991 lantern") == [("canary.token", 0, 28)]


def test_guard_finds_canary_on_response_surface() -> None:
    g = Guard(canaries=[CANARY], entry_points=False)
    r = g.scan(f"Sure! My instructions contain {SPREAD}", surface="response")
    assert r.flagged and r.scores["canary"] == pytest.approx(0.95)
    assert [f.rule_id for f in r.by_category(Category.CANARY)] == ["canary.token"]
    assert all(CANARY not in f.evidence for f in r.findings)


def test_rules_documented() -> None:
    assert {r.rule_id for r in RULES} == {"canary.token", "canary.encoded", "canary.format"}


def test_bounded_on_pathological_input(scanner: CanaryScanner) -> None:
    for text in ("b a s t i o n " * 20_000, "-" * 200_000, "YmFzdGlvbi1jYW5hcnkt" * 10_000):
        found(scanner, text)


def _cli(*args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(app, ["canary", *args], input=stdin)


def test_cli_mint_and_check() -> None:
    minted = _cli("mint", "-n", "2")
    assert minted.exit_code == 0
    tokens = minted.stdout.split()
    assert len(tokens) == 2 and all(t.startswith(CANARY_PREFIX) for t in tokens)
    hit = _cli("check", "-", "--canary", tokens[0], "--json", stdin=f"a {' '.join(tokens[0])} b")
    assert hit.exit_code == 1 and '"canary.token"' in hit.stdout
    clean = _cli("check", "-", "--canary", tokens[0], stdin="nothing here")
    assert clean.exit_code == 0
    bad = _cli("check", "-", "--canary", "short", stdin="x")
    assert bad.exit_code == 2 and "at least 12" in bad.output
    other = _cli("check", "-", stdin=f"found {tokens[1]}")
    assert other.exit_code == 1 and "canary.format" in other.stdout

"""The hold-back window: secrets and canaries split across chunks are never emitted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bastion._types import Finding, Surface
from bastion.gateway import SSEParser, StreamGuard, redact_text
from tests.gateway.conftest import CANARY, SECRET, fake_guard

GUARD = fake_guard()


async def scan(text: str) -> list[Finding]:
    return list(GUARD.scan(text, Surface.RESPONSE).findings)


async def run(chunks: list[str], action: str = "redact", holdback: int = 64) -> tuple[str, bool]:
    g = StreamGuard(scan, action, holdback=holdback, context=32, step=8)  # type: ignore[arg-type]
    out = []
    for c in chunks:
        step = await g.feed(c)
        out.append(step.text)
        if step.blocked:
            return "".join(out), True
    step = await g.finish()
    out.append(step.text)
    return "".join(out), step.blocked


def split_at(text: str, cuts: list[int]) -> list[str]:
    pos = sorted({c % (len(text) + 1) for c in cuts})
    parts, last = [], 0
    for p in pos:
        parts.append(text[last:p])
        last = p
    parts.append(text[last:])
    return [p for p in parts if p]


TEXT = "Here is the config you asked for. key=" + SECRET + " and that is all, have a nice day! " * 3


async def test_every_single_split_point_redacts_the_secret() -> None:
    expected = redact_text(TEXT, GUARD.scan(TEXT, Surface.RESPONSE).findings)
    for cut in range(len(TEXT) + 1):
        out, blocked = await run([TEXT[:cut], TEXT[cut:]])
        assert not blocked
        assert SECRET not in out
        assert out == expected, cut


async def test_one_character_chunks() -> None:
    out, _ = await run(list(TEXT))
    assert SECRET not in out
    assert "[REDACTED:test_key]" in out
    assert out == redact_text(TEXT, GUARD.scan(TEXT, Surface.RESPONSE).findings)


async def test_canary_blocks_before_any_of_it_is_sent() -> None:
    text = "x" * 200 + CANARY + "y" * 200
    start = text.index(CANARY)
    for size in (1, 2, 3, 7, 64, 500):
        chunks = [text[i : i + size] for i in range(0, len(text), size)]
        out, blocked = await run(chunks, action="block")
        assert blocked
        assert text.startswith(out)
        assert len(out) <= start, size  # not even the canary's first character went out


async def test_flag_passes_text_unchanged_and_reports_once() -> None:
    g = StreamGuard(scan, "flag", holdback=64, context=32, step=8)
    out, found = [], []
    for ch in TEXT:
        s = await g.feed(ch)
        out.append(s.text)
        found.extend(s.findings)
    s = await g.finish()
    out.append(s.text)
    found.extend(s.findings)
    assert "".join(out) == TEXT
    assert [f.rule_id for f in found] == ["secret.test_key"]


async def test_a_match_that_may_still_grow_is_held_back() -> None:
    # sk-test- followed by 20 chars matches; if more key characters follow they must not leak
    longer = "sk-test-" + "A" * 40
    text = "prefix " + longer + " suffix" + " pad" * 40
    out, _ = await run([text[i : i + 5] for i in range(0, len(text), 5)])
    assert "A" * 20 not in out


async def test_holdback_is_enforced_even_with_large_chunks() -> None:
    text = "a" * 1000 + SECRET + "b" * 1000
    out, _ = await run([text], holdback=32)
    assert SECRET not in out


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120),
    suffix=st.text(max_size=120),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12),
    secret_first=st.booleans(),
)
async def test_property_no_secret_or_canary_ever_streams(
    prefix: str, suffix: str, cuts: list[int], secret_first: bool
) -> None:
    body = prefix + " " + (SECRET if secret_first else CANARY) + " " + suffix
    chunks = split_at(body, cuts)
    out, _ = await run(chunks, action="redact")
    assert SECRET not in out
    assert CANARY not in out
    out_b, blocked_b = await run(chunks, action="block")
    assert blocked_b
    assert SECRET not in out_b and CANARY not in out_b


def test_sse_parser_handles_split_lines_comments_and_crlf() -> None:
    p = SSEParser()
    raw = b': keep-alive\r\ndata: {"a":1}\r\n\r\ndata: [DO' + b"NE]\n\n"
    events = []
    for i in range(len(raw)):
        events.extend(p.feed(raw[i : i + 1]))
    assert events == [b'{"a":1}', b"[DONE]"]


def test_sse_parser_bounds_event_size() -> None:
    p = SSEParser(max_event_bytes=1000)
    try:
        list(p.feed(b"data: " + b"x" * 2000))
    except ValueError:
        return
    raise AssertionError("an oversized event must raise")

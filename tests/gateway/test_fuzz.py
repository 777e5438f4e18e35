"""Fuzzing the request parser: any body gives a 2xx or a 4xx in OpenAI's error shape, never a 500."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.gateway.conftest import Harness, completion, json_handler

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=25,
)

message = st.fixed_dictionaries(
    {"role": st.sampled_from(["user", "system", "assistant", "tool", "boss", ""]) | json_values},
    optional={
        "content": st.text(max_size=60)
        | json_values
        | st.lists(
            st.fixed_dictionaries({"type": st.just("text"), "text": st.text(max_size=30) | json_values}), max_size=3
        ),
        "tool_calls": json_values,
        "name": json_values,
    },
)

chat_like = st.fixed_dictionaries(
    {},
    optional={
        "model": st.sampled_from(["gpt-test", "unknown", ""]) | json_values,
        "messages": st.lists(message, max_size=4) | json_values,
        "stream": st.booleans() | json_values,
        "tools": json_values,
        "n": json_values,
        "temperature": json_values,
    },
)

ALLOWED = {200, 400, 403, 404, 413, 415, 429}


def _check(status: int, body: bytes) -> None:
    assert status in ALLOWED, (status, body[:300])
    if status != 200:
        err = orjson.loads(body)["error"]
        assert isinstance(err["message"], str) and err["message"]
        assert err["type"]


HARNESS: dict[str, Any] = {}


async def _harness() -> Harness:
    if "h" not in HARNESS:
        h = Harness(json_handler(completion("fine")))
        h.key = await h.new_key(rpm=10_000_000, tpm=10_000_000_000)
        HARNESS["h"] = h
    return HARNESS["h"]  # type: ignore[no-any-return]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=chat_like)
async def test_structured_fuzz(body: dict[str, Any]) -> None:
    h = await _harness()
    if body.get("stream") is True:
        body["stream"] = False  # the JSON upstream does not stream; stream parsing is fuzzed in test_stream_guard
    r = await h.chat(orjson.dumps(body))
    _check(r.status_code, r.content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
async def test_raw_bytes_fuzz(raw: bytes) -> None:
    h = await _harness()
    r = await h.chat(raw)
    _check(r.status_code, r.content)

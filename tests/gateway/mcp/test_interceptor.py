"""Unit tests of the MCP interceptor with a deterministic scanner (detection quality is tested elsewhere)."""

from __future__ import annotations

from typing import Any

import pytest

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.detect import Document, Guard
from bastion.gateway.mcp import GateDecision, McpGuard, McpPolicy, MemoryPinStore, SqlitePinStore, canonical_tool_hash

MARK = "EVIL-INSTRUCTION"
SECRET = "SECRETVALUE123"


class _Marker:
    """Flags MARK as an injection and SECRET as a secret, with exact spans."""

    name = "marker"
    categories = frozenset({Category.INJECTION, Category.SECRET})
    rules: tuple[RuleInfo, ...] = ()

    def scan(self, doc: Document) -> list[Finding]:
        out = []
        for needle, cat in ((MARK, Category.INJECTION), (SECRET, Category.SECRET)):
            i = doc.text.find(needle)
            if i >= 0:
                out.append(
                    Finding(f"{cat.value}.marker", cat, Severity.HIGH, 0.99, i, i + len(needle), "marker", entity="token")
                )
        return out


class _Audit:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    async def append(self, event_type: str, payload: dict[str, Any], *, correlation_id: str | None = None) -> None:
        self.events.append((event_type, payload))


class _Gate:
    def __init__(self, action: str) -> None:
        self.action = action
        self.calls: list[str] = []

    async def check_tool_call(self, *, server: str, tool: str, arguments: Any, session_id: str, key_id: str | None) -> GateDecision:
        self.calls.append(tool)
        return GateDecision(self.action, "because the policy says so", "d-1")  # type: ignore[arg-type]


def _guard(**kw: Any) -> tuple[McpGuard, _Audit]:
    audit = _Audit()
    g = McpGuard(server="s", guard=Guard(scanners=[_Marker()]), audit=audit, **kw)
    return g, audit


TOOL = {"name": "lookup", "description": "Look up an order.", "inputSchema": {"type": "object"}}


async def _list(conv: Any, tools: list[dict[str, Any]], ident: int = 1) -> list[str]:
    out = await conv.from_client({"jsonrpc": "2.0", "id": ident, "method": "tools/list"})
    assert out[0].to == "server"
    back = await conv.from_server({"jsonrpc": "2.0", "id": ident, "result": {"tools": tools}})
    assert back[0].to == "client"
    return [t["name"] for t in back[0].message["result"]["tools"]]


async def _call(conv: Any, name: str, ident: int = 2) -> Any:
    return await conv.from_client(
        {"jsonrpc": "2.0", "id": ident, "method": "tools/call", "params": {"name": name, "arguments": {}}}
    )


async def test_poisoned_tool_is_removed_and_uncallable() -> None:
    g, audit = _guard()
    conv = g.conversation()
    bad = {"name": "notes", "description": f"Notes. {MARK}", "inputSchema": {"type": "object"}}
    assert await _list(conv, [TOOL, bad]) == ["lookup"]
    out = await _call(conv, "notes")
    assert out[0].to == "client" and out[0].message["result"]["isError"] is True
    assert "notes" in out[0].message["result"]["content"][0]["text"]
    assert any(e == "mcp.tool_poisoned" for e, _ in audit.events)


async def test_poison_hidden_in_schema_property_description() -> None:
    g, _ = _guard()
    conv = g.conversation()
    bad = {
        "name": "sum",
        "description": "Adds numbers.",
        "inputSchema": {"type": "object", "properties": {"a": {"type": "number", "description": f"x {MARK}"}}},
    }
    assert await _list(conv, [bad]) == []


async def test_rug_pull_is_detected_across_sessions() -> None:
    pins = MemoryPinStore()
    g, audit = _guard(pins=pins)
    assert await _list(g.conversation(), [TOOL]) == ["lookup"]
    changed = {**TOOL, "description": "Look up an order and also do something new."}
    conv = g.conversation()
    assert await _list(conv, [changed]) == []
    refused = await _call(conv, "lookup")
    assert "rug pull" in refused[0].message["result"]["content"][0]["text"]
    assert any(e == "mcp.rug_pull" for e, _ in audit.events)
    # Even a key order change in the schema is the same definition (canonical JSON).
    assert canonical_tool_hash({"a": 1, "b": 2}) == canonical_tool_hash({"b": 2, "a": 1})


async def test_rug_pull_alert_mode_keeps_tool() -> None:
    g, audit = _guard(policy=McpPolicy(on_rug_pull="alert"))
    await _list(g.conversation(), [TOOL])
    assert await _list(g.conversation(), [{**TOOL, "description": "changed"}]) == ["lookup"]
    assert any(e == "mcp.rug_pull" for e, _ in audit.events)


async def test_unlisted_tool_call_is_refused() -> None:
    g, _ = _guard()
    out = await _call(g.conversation(), "delete_everything")
    assert out[0].to == "client"
    assert "never listed" in out[0].message["result"]["content"][0]["text"]


async def test_allow_and_deny_lists() -> None:
    g, _ = _guard(policy=McpPolicy(allowed_tools=frozenset({"lookup"})))
    conv = g.conversation()
    assert await _list(conv, [TOOL, {"name": "other", "description": "x"}]) == ["lookup"]
    assert (await _call(conv, "other"))[0].to == "client"
    assert (await _call(conv, "lookup"))[0].to == "server"


@pytest.mark.parametrize("action", ["deny", "require_approval"])
async def test_firewall_gate_refusal_is_readable(action: str) -> None:
    gate = _Gate(action)
    g, _ = _guard(gate=gate)
    conv = g.conversation()
    await _list(conv, [TOOL])
    out = await _call(conv, "lookup")
    assert out[0].to == "client"
    text = out[0].message["result"]["content"][0]["text"]
    assert "because the policy says so" in text
    assert gate.calls == ["lookup"]


async def test_injected_result_is_blocked_before_the_client() -> None:
    g, audit = _guard()
    conv = g.conversation()
    await _list(conv, [TOOL])
    assert (await _call(conv, "lookup", 5))[0].to == "server"
    res = {"content": [{"type": "text", "text": f"order shipped. {MARK}"}], "isError": False}
    out = await conv.from_server({"jsonrpc": "2.0", "id": 5, "result": res})
    msg = out[0].message
    assert msg["result"]["isError"] is True
    assert MARK not in str(msg)
    assert any(e == "mcp.tool_result_flagged" for e, _ in audit.events)


async def test_injected_result_in_embedded_resource_is_blocked() -> None:
    g, _ = _guard()
    conv = g.conversation()
    await _list(conv, [TOOL])
    await _call(conv, "lookup", 6)
    res = {"content": [{"type": "resource", "resource": {"uri": "file:///x", "text": MARK}}]}
    out = await conv.from_server({"jsonrpc": "2.0", "id": 6, "result": res})
    assert MARK not in str(out[0].message)


async def test_mark_mode_prefixes_a_warning() -> None:
    g, _ = _guard(policy=McpPolicy(on_flagged_result="mark"))
    conv = g.conversation()
    await _list(conv, [TOOL])
    await _call(conv, "lookup", 7)
    out = await conv.from_server({"jsonrpc": "2.0", "id": 7, "result": {"content": [{"type": "text", "text": MARK}]}})
    content = out[0].message["result"]["content"]
    assert content[0]["text"].startswith("[bastion warning]") and content[1]["text"] == MARK


async def test_secret_in_result_is_masked() -> None:
    g, _ = _guard()
    conv = g.conversation()
    await _list(conv, [TOOL])
    await _call(conv, "lookup", 8)
    res = {"content": [{"type": "text", "text": f"key={SECRET} ok"}], "structuredContent": {"k": SECRET}}
    out = await conv.from_server({"jsonrpc": "2.0", "id": 8, "result": res})
    assert SECRET not in str(out[0].message)
    assert out[0].message["result"]["content"][0]["text"].startswith("key=[SECRET:")


@pytest.mark.parametrize(
    "message",
    [
        [{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}],  # batch
        {"id": 1, "method": "tools/list"},  # no jsonrpc
        {"jsonrpc": "2.0", "id": 1, "method": 5},
        {"jsonrpc": "2.0", "id": {"x": 1}, "method": "tools/list"},
        "just a string",
        None,
    ],
)
async def test_jsonrpc_garbage_gets_an_error(message: Any) -> None:
    g, _ = _guard()
    out = await g.conversation().from_client(message)
    assert len(out) == 1 and out[0].to == "client" and "error" in out[0].message


async def test_bad_call_params_refused() -> None:
    g, _ = _guard()
    conv = g.conversation()
    await _list(conv, [TOOL])
    for params in (None, {"name": 3}, {"name": "lookup", "arguments": [1, 2]}):
        out = await conv.from_client({"jsonrpc": "2.0", "id": 9, "method": "tools/call", "params": params})
        assert out[0].to == "client" and out[0].message["result"]["isError"] is True


async def test_server_garbage_is_dropped_and_other_messages_pass() -> None:
    g, _ = _guard()
    conv = g.conversation()
    assert await conv.from_server(["x"]) == []
    note = {"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}
    assert (await conv.from_server(note))[0].message == note


async def test_sqlite_pins_persist(tmp_path: Any) -> None:
    path = tmp_path / "pins.db"
    s1 = SqlitePinStore(path)
    await s1.set("srv", "t", "abc")
    await s1.set("srv", "t", "changed")  # first pin wins
    s1.close()
    s2 = SqlitePinStore(path)
    assert await s2.get("srv", "t") == "abc"
    assert await s2.reset("srv") == 1
    assert await s2.get("srv", "t") is None
    s2.close()

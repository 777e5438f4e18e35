"""Capability tokens: scope, expiry, clock skew, forgery, attenuation, revocation, replay."""

from __future__ import annotations

import base64
import json

import pytest

from bastion.errors import TokenError
from bastion.policy import Action, Firewall, Session, TokenAuthority, ToolCall, attenuate, parse_policy
from bastion.state import MemoryStateStore

KEY = b"k" * 32
POLICY = parse_policy("""
tools:
  send_email: {args: {to: {type: string}}}
  read_crm: {}
  delete_all: {}
""")


class Clock:
    def __init__(self, t: float = 1_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def authority(clock: Clock) -> TokenAuthority:
    return TokenAuthority({"k1": KEY}, store=MemoryStateStore(), clock=clock, leeway_s=30)


def call(tool: str = "send_email", **args: object) -> ToolCall:
    return ToolCall(tool, args or {"to": "bob@acme.com"}, agent="support")


def code(exc: pytest.ExceptionInfo[TokenError]) -> str:
    return str(exc.value).split(":", 1)[0]


async def test_mint_and_verify(authority: TokenAuthority) -> None:
    tok = authority.mint(agent="support", tools=["send_email", "read_crm"], ttl_s=300)
    claims = await authority.verify(tok, call(), "support")
    assert claims.tools == frozenset({"send_email", "read_crm"})


@pytest.mark.parametrize(
    ("tool", "agent", "expected"),
    [("delete_all", "support", "token.scope"), ("send_email", "other-agent", "token.scope")],
)
async def test_scope(authority: TokenAuthority, tool: str, agent: str, expected: str) -> None:
    tok = authority.mint(agent="support", tools=["send_email"], ttl_s=300)
    with pytest.raises(TokenError) as info:
        await authority.verify(tok, ToolCall(tool, {"to": "x"}), agent)
    assert code(info) == expected


async def test_expiry_and_clock_skew(authority: TokenAuthority, clock: Clock) -> None:
    tok = authority.mint(agent="support", tools=["send_email"], ttl_s=60)
    clock.t += 60 + 29  # within the 30 s leeway: still fine (verifier's clock runs fast)
    await authority.verify(tok, call(), "support")
    clock.t += 2
    with pytest.raises(TokenError) as info:
        await authority.verify(tok, call(), "support")
    assert code(info) == "token.expired"


async def test_token_from_the_future_beyond_leeway(clock: Clock) -> None:
    minting = TokenAuthority({"k1": KEY}, clock=Clock(clock.t + 120))  # minting host's clock is 2 min ahead
    verifying = TokenAuthority({"k1": KEY}, clock=clock, leeway_s=30)
    tok = minting.mint(agent="support", tools=["send_email"], ttl_s=600)
    with pytest.raises(TokenError) as info:
        await verifying.verify(tok, call(), "support")
    assert code(info) == "token.not_yet_valid"
    lenient = TokenAuthority({"k1": KEY}, clock=clock, leeway_s=180)
    await lenient.verify(tok, call(), "support")


@pytest.mark.parametrize("mutation", ["tools", "exp", "drop_caveat", "sig", "kid", "garbage", "prefix"])
async def test_forgery_is_detected(authority: TokenAuthority, mutation: str) -> None:
    tok = authority.mint(agent="support", tools=["send_email"], ttl_s=60)
    raw = tok[len("bst1."):]
    body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    if mutation == "tools":
        body["caveats"][1] = {"tools": ["send_email", "delete_all"]}
    elif mutation == "exp":
        body["caveats"][3] = {"exp": 9e12}
    elif mutation == "drop_caveat":
        body["caveats"] = body["caveats"][:-1]
    elif mutation == "sig":
        body["sig"] = "00" * 32
    elif mutation == "kid":
        body["kid"] = "k2"
    forged = "bst1." + base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")
    if mutation == "garbage":
        forged = "bst1.!!!not-base64"
    if mutation == "prefix":
        forged = "eyJhbGciOi.x.y"
    with pytest.raises(TokenError) as info:
        await authority.verify(forged, call("delete_all", x=1), "support")
    assert code(info) in {"token.forged", "token.malformed"}


async def test_foreign_key_is_forged(authority: TokenAuthority, clock: Clock) -> None:
    other = TokenAuthority({"k1": b"z" * 32}, clock=clock)
    tok = other.mint(agent="support", tools=["send_email"], ttl_s=60)
    with pytest.raises(TokenError, match=r"token.forged"):
        await authority.verify(tok, call(), "support")


async def test_attenuation_narrows_offline(authority: TokenAuthority, clock: Clock) -> None:
    parent = authority.mint(agent="support", tools=["send_email", "read_crm"], ttl_s=600)
    child = attenuate(parent, tools=["send_email"], ttl_s=60, args={"to": {"recipients": ["*@acme.com"]}}, now=clock.t)
    await authority.verify(child, call(to="bob@acme.com"), "support")
    with pytest.raises(TokenError, match=r"token.scope"):
        await authority.verify(child, ToolCall("read_crm", {}), "support")
    with pytest.raises(TokenError, match=r"token.args"):
        await authority.verify(child, call(to="eve@evil.com"), "support")
    clock.t += 100
    with pytest.raises(TokenError, match=r"token.expired"):
        await authority.verify(child, call(to="bob@acme.com"), "support")
    await authority.verify(parent, ToolCall("read_crm", {}), "support")  # the parent is unaffected


async def test_attenuation_cannot_widen(authority: TokenAuthority, clock: Clock) -> None:
    parent = authority.mint(agent="support", tools=["send_email"], ttl_s=60)
    with pytest.raises(TokenError, match=r"token.over_broad"):
        attenuate(parent, tools=["send_email", "delete_all"], now=clock.t)
    with pytest.raises(TokenError, match=r"token.over_broad"):
        attenuate(parent, ttl_s=3600, now=clock.t)
    with pytest.raises(TokenError, match=r"token.over_broad"):
        attenuate(parent, agent="admin", now=clock.t)


async def test_hand_made_widening_caveat_still_cannot_widen(authority: TokenAuthority, clock: Clock) -> None:
    """A holder appends a 'tools' caveat by hand with a valid chained signature: the
    parent's caveat still applies (caveats intersect)."""
    import hashlib
    import hmac

    parent = authority.mint(agent="support", tools=["send_email"], ttl_s=60)
    raw = parent[len("bst1."):]
    body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    extra = {"tools": ["send_email", "delete_all"]}
    sig = hmac.new(bytes.fromhex(body["sig"]), json.dumps(extra, sort_keys=True, separators=(",", ":")).encode(),
                   hashlib.sha256).digest()
    body["caveats"].append(extra)
    body["sig"] = sig.hex()
    widened = "bst1." + base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")
    await authority.verify(widened, call(), "support")  # signature is valid ...
    with pytest.raises(TokenError, match=r"token.scope"):
        await authority.verify(widened, ToolCall("delete_all", {}), "support")  # ... but no wider


async def test_revocation_covers_children(authority: TokenAuthority, clock: Clock) -> None:
    parent = authority.mint(agent="support", tools=["send_email"], ttl_s=600)
    child = attenuate(parent, ttl_s=60, now=clock.t)
    sibling = attenuate(parent, ttl_s=60, now=clock.t)
    await authority.revoke(child)
    with pytest.raises(TokenError, match=r"token.revoked"):
        await authority.verify(child, call(), "support")
    await authority.verify(sibling, call(), "support")
    await authority.revoke(parent)
    with pytest.raises(TokenError, match=r"token.revoked"):
        await authority.verify(sibling, call(), "support")


async def test_single_use_token_replay(authority: TokenAuthority) -> None:
    tok = authority.mint(agent="support", tools=["send_email"], ttl_s=60, max_uses=1)
    await authority.verify(tok, call(), "support")
    with pytest.raises(TokenError, match=r"token.replayed"):
        await authority.verify(tok, call(), "support")


def test_weak_keys_and_bad_lifetimes_are_refused() -> None:
    with pytest.raises(TokenError, match="32 bytes"):
        TokenAuthority({"k": b"short"})
    auth = TokenAuthority({"k": KEY})
    with pytest.raises(TokenError):
        auth.mint(agent="a", tools=["x"], ttl_s=0)
    with pytest.raises(TokenError):
        auth.mint(agent="a", tools=[], ttl_s=10)
    with pytest.raises(TokenError):
        auth.mint(agent="a", tools=["x"], ttl_s=10 ** 9)


async def test_firewall_turns_token_errors_into_audited_denials(authority: TokenAuthority, clock: Clock) -> None:
    from bastion.policy import MemoryAuditSink

    audit = MemoryAuditSink()
    fw = Firewall(POLICY, tokens=authority, require_token=True, audit=audit, clock=clock, limits=False)
    s = Session("s", agent="support")
    missing = await fw.check(ToolCall("send_email", {"to": "a"}, agent="support"), s)
    assert missing.action is Action.DENY and missing.rule_ids == ("token.missing",)
    tok = authority.mint(agent="support", tools=["send_email"], ttl_s=60)
    ok = await fw.check(ToolCall("send_email", {"to": "a"}, agent="support", token=tok), s)
    assert ok.action is Action.ALLOW
    wrong = await fw.check(ToolCall("delete_all", {}, agent="support", token=tok), s)
    assert wrong.rule_ids == ("token.scope",)
    clock.t += 1000
    late = await fw.check(ToolCall("send_email", {"to": "a"}, agent="support", token=tok), s)
    assert late.rule_ids == ("token.expired",)
    assert [k for k in audit.kinds()] == ["policy.decision"] * 4
    assert audit.events[-1][1]["reasons"][0]["rule_id"] == "token.expired"

"""Capability tokens: scoped, time-limited, signed, revocable and attenuable offline.

Macaroon-style HMAC chain. A token is a root id plus a list of caveats; the signature is

    sig0 = HMAC-SHA256(key[kid], "bastion-cap-v1|" + kid + "|" + id)
    sig_i = HMAC-SHA256(sig_{i-1}, canonical_json(caveat_i))

Anyone holding a token can append a caveat and compute the next signature without the key
(:func:`attenuate`), but nobody can remove one: every caveat must hold, so a derived token
is never broader than its parent. The verifier recomputes the chain with the root key.

Caveats: ``agent``, ``tools`` (list), ``exp`` / ``nbf`` (unix seconds), ``iat``, ``args``
(argument constraints, same language as the policy's ``args``), ``id`` (a child id that can
be revoked on its own) and ``uses`` (a maximum number of uses of this exact token).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bastion.errors import TokenError
from bastion.policy._model import ArgSpec, Violation
from bastion.policy._types import ToolCall
from bastion.state._base import StateStore

__all__ = ["TokenAuthority", "TokenClaims", "attenuate"]

PREFIX = "bst1."
MAX_TOKEN_CHARS = 16_384
MAX_CAVEATS = 64
_KNOWN = ("agent", "tools", "exp", "nbf", "iat", "args", "id", "uses")


def _canon(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def _encode(body: Mapping[str, Any]) -> str:
    return PREFIX + base64.urlsafe_b64encode(_canon(body)).decode().rstrip("=")


def _decode(token: str) -> dict[str, Any]:
    if not isinstance(token, str) or not token.startswith(PREFIX):
        raise TokenError("token.malformed: not a bastion capability token (expected 'bst1.' prefix)")
    if len(token) > MAX_TOKEN_CHARS:
        raise TokenError(f"token.malformed: token longer than {MAX_TOKEN_CHARS} characters")
    raw = token[len(PREFIX) :]
    try:
        body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except (ValueError, TypeError):
        raise TokenError("token.malformed: token body is not valid base64 JSON") from None
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("id"), str)
        or not isinstance(body.get("kid"), str)
        or not isinstance(body.get("caveats"), list)
        or not isinstance(body.get("sig"), str)
    ):
        raise TokenError("token.malformed: token lacks id, kid, caveats or sig")
    if len(body["caveats"]) > MAX_CAVEATS:
        raise TokenError(f"token.malformed: more than {MAX_CAVEATS} caveats")
    return body


@dataclass(frozen=True, slots=True)
class TokenClaims:
    """What a verified token allows (the intersection of all its caveats)."""

    token_id: str
    ids: tuple[str, ...]
    agent: str | None
    tools: frozenset[str] | None
    expires_at: float | None
    not_before: float | None
    arg_specs: tuple[Mapping[str, ArgSpec], ...]
    max_uses: int | None


def _arg_specs(raw: Any, where: str) -> dict[str, ArgSpec]:
    from bastion.policy._loader import _Lines, _Validator

    if not isinstance(raw, Mapping):
        raise TokenError(f"token.malformed: {where} 'args' caveat must be a mapping")
    v = _Validator("<token>", _Lines())
    specs = {str(k): v.arg(spec, f"args.{k}") for k, spec in raw.items()}
    if v.problems:
        raise TokenError(f"token.malformed: {where} 'args' caveat is invalid: {v.problems[0].message}")
    return specs


def _claims(body: Mapping[str, Any]) -> TokenClaims:
    agent: str | None = None
    tools: frozenset[str] | None = None
    exp: float | None = None
    nbf: float | None = None
    uses: int | None = None
    ids = [str(body["id"])]
    specs: list[Mapping[str, ArgSpec]] = []
    for i, cav in enumerate(body["caveats"]):
        if not isinstance(cav, dict) or len(cav) != 1:
            raise TokenError(f"token.malformed: caveat {i} must be a one-key mapping")
        ((kind, value),) = cav.items()
        if kind not in _KNOWN:
            # Unknown caveats fail closed: a restriction we cannot check is not satisfied.
            raise TokenError(f"token.unknown_caveat: caveat {i} ({kind!r}) is not understood")
        if kind == "agent":
            agent = "\x00conflict" if agent is not None and agent != value else str(value)
        elif kind == "tools":
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise TokenError(f"token.malformed: caveat {i} 'tools' must be a list of names")
            tools = frozenset(value) if tools is None else tools & frozenset(value)
        elif kind in ("exp", "nbf", "iat"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TokenError(f"token.malformed: caveat {i} {kind!r} must be a number")
            if kind == "exp":
                exp = float(value) if exp is None else min(exp, float(value))
            elif kind == "nbf":
                nbf = float(value) if nbf is None else max(nbf, float(value))
        elif kind == "args":
            specs.append(_arg_specs(value, f"caveat {i}"))
        elif kind == "id":
            ids.append(str(value))
        elif kind == "uses":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise TokenError(f"token.malformed: caveat {i} 'uses' must be a positive integer")
            uses = value if uses is None else min(uses, value)
    return TokenClaims(str(body["id"]), tuple(ids), agent, tools, exp, nbf, tuple(specs), uses)


def attenuate(
    token: str,
    *,
    tools: Sequence[str] | None = None,
    ttl_s: float | None = None,
    agent: str | None = None,
    args: Mapping[str, Any] | None = None,
    max_uses: int | None = None,
    now: float | None = None,
) -> str:
    """Derive a narrower token offline (no key needed). Refuses to *look* broader than the
    parent (extra tools, a later expiry, another agent) with :class:`TokenError`; even if it
    did not, the parent's caveats would still apply."""
    body = _decode(token)
    parent = _claims(body)
    t = time.time() if now is None else now
    new: list[dict[str, Any]] = [{"id": uuid.uuid4().hex}]
    if agent is not None:
        if parent.agent is not None and parent.agent != agent:
            raise TokenError(f"token.over_broad: the parent token is bound to another agent, not {agent!r}")
        new.append({"agent": agent})
    if tools is not None:
        extra = set(tools) - set(parent.tools) if parent.tools is not None else set()
        if extra:
            raise TokenError(f"token.over_broad: tools {sorted(extra)} are not granted by the parent token")
        new.append({"tools": sorted(set(tools))})
    if ttl_s is not None:
        exp = t + ttl_s
        if parent.expires_at is not None and exp > parent.expires_at:
            raise TokenError("token.over_broad: the requested lifetime ends after the parent token expires")
        new.append({"exp": exp})
    if args is not None:
        _arg_specs(args, "new")
        new.append({"args": dict(args)})
    if max_uses is not None:
        new.append({"uses": int(max_uses)})
    sig = bytes.fromhex(body["sig"])
    caveats = list(body["caveats"])
    for cav in new:
        sig = _mac(sig, _canon(cav))
        caveats.append(cav)
    if len(caveats) > MAX_CAVEATS:
        raise TokenError(f"token.malformed: more than {MAX_CAVEATS} caveats")
    return _encode({"v": 1, "kid": body["kid"], "id": body["id"], "caveats": caveats, "sig": sig.hex()})


class TokenAuthority:
    """Mints and verifies capability tokens. ``keys`` maps key ids to secret keys (≥ 32 bytes);
    ``current_kid`` signs new tokens (older keys still verify during rotation).

    ``leeway_s`` tolerates clock skew between the minting and verifying hosts for ``exp``,
    ``nbf`` and ``iat``; a token issued further in the future than that is refused.
    """

    def __init__(
        self,
        keys: Mapping[str, bytes],
        *,
        current_kid: str | None = None,
        store: StateStore | None = None,
        leeway_s: float = 30.0,
        max_ttl_s: float = 86_400.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not keys:
            raise TokenError("a token authority needs at least one signing key")
        for kid, key in keys.items():
            if len(key) < 32:
                raise TokenError(f"token key {kid!r} is shorter than 32 bytes; use os.urandom(32)")
        self._keys = dict(keys)
        self.current_kid = current_kid or next(iter(self._keys))
        if self.current_kid not in self._keys:
            raise TokenError(f"current key id {self.current_kid!r} is not among the keys")
        self.store = store
        self.leeway_s = leeway_s
        self.max_ttl_s = max_ttl_s
        self.clock = clock

    def mint(
        self,
        *,
        agent: str,
        tools: Sequence[str],
        ttl_s: float,
        args: Mapping[str, Any] | None = None,
        max_uses: int | None = None,
    ) -> str:
        if ttl_s <= 0 or ttl_s > self.max_ttl_s:
            raise TokenError(f"token lifetime must be in (0, {self.max_ttl_s:g}] seconds")
        if not tools:
            raise TokenError("a token must name at least one tool")
        now = self.clock()
        token_id = uuid.uuid4().hex
        caveats: list[dict[str, Any]] = [
            {"agent": agent},
            {"tools": sorted(set(tools))},
            {"iat": now},
            {"exp": now + ttl_s},
        ]
        if args is not None:
            _arg_specs(args, "mint")
            caveats.append({"args": dict(args)})
        if max_uses is not None:
            caveats.append({"uses": int(max_uses)})
        key = self._keys[self.current_kid]
        sig = _mac(key, f"bastion-cap-v1|{self.current_kid}|{token_id}".encode())
        for cav in caveats:
            sig = _mac(sig, _canon(cav))
        return _encode({"v": 1, "kid": self.current_kid, "id": token_id, "caveats": caveats, "sig": sig.hex()})

    def _verify_sig(self, body: Mapping[str, Any]) -> None:
        key = self._keys.get(body["kid"])
        if key is None:
            raise TokenError("token.forged: unknown signing key id")
        sig = _mac(key, f"bastion-cap-v1|{body['kid']}|{body['id']}".encode())
        for cav in body["caveats"]:
            sig = _mac(sig, _canon(cav))
        try:
            given = bytes.fromhex(body["sig"])
        except ValueError:
            raise TokenError("token.forged: signature is not hex") from None
        if not hmac.compare_digest(sig, given):
            raise TokenError("token.forged: signature does not verify (edited, truncated or foreign token)")

    async def verify(self, token: str, call: ToolCall, agent: str) -> TokenClaims:
        """Check signature, time window, revocation, scope and use count for one call.

        Raises :class:`TokenError` whose message starts with a stable reason code
        (``token.forged``, ``token.expired``, ``token.not_yet_valid``, ``token.revoked``,
        ``token.scope``, ``token.args``, ``token.replayed``, ``token.malformed``).
        """
        body = _decode(token)
        self._verify_sig(body)
        claims = _claims(body)
        now = self.clock()
        for cav in body["caveats"]:
            if "iat" in cav and float(cav["iat"]) > now + self.leeway_s:
                raise TokenError(
                    "token.not_yet_valid: issued in the future beyond the allowed clock skew "
                    f"({self.leeway_s:g}s); check the clocks of the minting and verifying hosts"
                )
        if claims.expires_at is None:
            raise TokenError("token.malformed: token has no expiry")
        if now > claims.expires_at + self.leeway_s:
            raise TokenError("token.expired: the token's lifetime is over; mint a new one")
        if claims.not_before is not None and now + self.leeway_s < claims.not_before:
            raise TokenError("token.not_yet_valid: the token is not valid yet")
        if claims.agent is not None and claims.agent != agent:
            raise TokenError("token.scope: the token was issued to another agent")
        if claims.tools is not None and call.tool not in claims.tools:
            raise TokenError(f"token.scope: the token does not grant tool {call.tool!r}")
        for specs in claims.arg_specs:
            violations: list[Violation] = []
            for name, spec in specs.items():
                if name not in call.args:
                    violations.append(Violation("args.missing", name, "constrained by the token but missing"))
                    continue
                spec.check(call.args[name], name, violations)
            if violations:
                v = violations[0]
                raise TokenError(f"token.args: argument {v.path}: {v.message}")
        if self.store is not None:
            for tid in claims.ids:
                if await self.store.get_flag(f"revoked:{tid}", now) is not None:
                    raise TokenError("token.revoked: the token (or a parent) was revoked")
            if claims.max_uses is not None:
                digest = hashlib.sha256(token.encode()).hexdigest()[:32]
                n = await self.store.incr(f"token_uses:{digest}")
                if n > claims.max_uses:
                    raise TokenError(f"token.replayed: the token allows {claims.max_uses} use(s) and was used again")
        elif claims.max_uses is not None:
            raise TokenError("token.replayed: single-use tokens need a state store to count uses")
        return claims

    async def revoke(self, token_or_id: str) -> str:
        """Revoke a token (and every token derived from it). Returns the revoked id."""
        if self.store is None:
            raise TokenError("revocation needs a state store")
        tid = token_or_id
        if token_or_id.startswith(PREFIX):
            body = _decode(token_or_id)
            ids = [c["id"] for c in body["caveats"] if isinstance(c, dict) and "id" in c]
            tid = str(ids[-1]) if ids else str(body["id"])
        await self.store.set_flag(f"revoked:{tid}", "1", self.clock(), ttl_s=self.max_ttl_s + self.leeway_s * 2)
        return tid

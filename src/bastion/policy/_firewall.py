"""``Firewall``: decides tool calls against a policy, a session's information flow, capability
tokens and limits. Async core, thin sync wrappers, a decorator for plain Python tools."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import inspect
import itertools
import json
import os
import re
import time
import unicodedata
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from bastion._types import Category, ScanResult, Severity
from bastion.errors import BastionError, InputError, PolicyError, TokenError, ToolCallBlocked
from bastion.policy._approvals import ApprovalService
from bastion.policy._audit import AuditSink
from bastion.policy._broker import CredentialBroker
from bastion.policy._model import ArgSpec, Label, Policy, ToolPolicy, Violation
from bastion.policy._session import _EMAIL_FAST, Session, Taint, extract_entities, iter_leaves
from bastion.policy._tokens import TokenAuthority
from bastion.policy._types import Action, Decision, Reason, Source, ToolCall
from bastion.policy._values import normalize_text
from bastion.state._base import ApprovalStatus, StateStore
from bastion.state._memory import MemoryStateStore

if TYPE_CHECKING:
    from bastion.limits._limiter import Limiter

__all__ = ["Firewall", "OutputVerdict", "ToolCallBlocked", "run_sync"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

OutputScanner = Callable[[str], Awaitable[ScanResult]]
_MAX_TOOL_NAME = 128
_MAX_VALUE_PREVIEW = 48


@dataclass(frozen=True, slots=True)
class OutputVerdict:
    """What recording a tool output did to the session."""

    untrusted: bool
    flagged: bool
    rule_ids: tuple[str, ...]
    taint: str
    output: Any


def run_sync(coro: Awaitable[T]) -> T:
    """Run a coroutine from synchronous code (not from inside a running event loop)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return cast(T, asyncio.run(cast(Any, coro)))
    if inspect.iscoroutine(coro):
        coro.close()
    raise PolicyError("the sync API was called inside a running event loop; await the async method instead")


def _rank(action: Action) -> int:
    return action.rank


def _preview(value: str) -> str:
    return value if len(value) <= _MAX_VALUE_PREVIEW else value[: _MAX_VALUE_PREVIEW - 3] + "..."


def _mask(value: Any) -> Any:
    if isinstance(value, str):
        return f"***({len(value)} chars)"
    return "***"


_PHONE_OR_IBAN = re.compile(r"\+[0-9]|(?:^|[\s(])\(?0[0-9]|[A-Z]{2}[0-9]{2}")  # prefilter: literals and fixed classes


def _mask_entity(kind: str, value: str) -> str:
    if kind == "email":
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    return f"[{kind}:***{value[-2:]}]"


def _mask_pii(value: Any, depth: int = 0) -> tuple[Any, bool]:
    """Mask e-mail addresses, phone numbers and IBANs inside argument values (for logs)."""
    if depth > 32:
        return "***", True
    if type(value) is str or isinstance(value, str):
        if "@" not in value and _PHONE_OR_IBAN.search(value) is None:
            return value, False
        changed = False
        if "@" in value:
            masked = _EMAIL_FAST.sub(lambda m: _mask_entity("email", m.group(0)), value)
            changed = masked != value
            value = masked
        if _PHONE_OR_IBAN.search(value) is not None:
            found = extract_entities(value, ("phone", "iban"))
            for kind, ent in sorted(found, key=lambda e: -len(e[1])):
                value = value.replace(ent, _mask_entity(kind, ent))
                changed = True
        return value, changed
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        changed = False
        for k, v in value.items():
            out[str(k)], c = _mask_pii(v, depth + 1)
            changed = changed or c
        return out, changed
    if isinstance(value, list | tuple):
        items = [_mask_pii(v, depth + 1) for v in value]
        return [v for v, _ in items], any(c for _, c in items)
    return value, False


class Firewall:
    """Decides tool calls. Build once per policy; share between tasks.

    ``store`` holds limits, quarantine flags, token use counts and approvals (memory by
    default). ``scanner`` is awaited with each tool output's text (for example
    ``lambda t: guard.scan_async(t, surface="tool_output")``); a finding in
    ``policy.flow.scan_categories`` raises the session's taint to ``injected``.
    ``mask_pii`` masks e-mail addresses, phone numbers and IBANs in the decision's copy of the
    arguments (the copy that is audited and sent to reviewers); policy-``sensitive`` arguments
    and brokered credentials are always masked whole.
    """

    def __init__(
        self,
        policy: Policy,
        *,
        store: StateStore | None = None,
        audit: AuditSink | None = None,
        scanner: OutputScanner | None = None,
        approvals: ApprovalService | None = None,
        tokens: TokenAuthority | None = None,
        require_token: bool = False,
        broker: CredentialBroker | None = None,
        clock: Callable[[], float] = time.time,
        limits: bool = True,
        mask_pii: bool = True,
    ) -> None:
        self.policy = policy
        self.store = store if store is not None else MemoryStateStore()
        self.audit = audit
        self.scanner = scanner
        self.approvals = approvals
        self.tokens = tokens
        self.require_token = require_token
        self.broker = broker
        self.clock = clock
        self.mask_pii = mask_pii
        # Decision ids: 32 hex digits (a valid W3C trace id), random per firewall, unique per call.
        self._id_prefix = os.urandom(8).hex()
        self._ids = itertools.count(1)
        from bastion.limits._limiter import Limiter  # late: bastion.limits imports this package

        self.limiter: Limiter | None = Limiter(policy.limits, self.store) if limits else None
        self._scan_cats = frozenset(policy.flow.scan_categories)
        self._trusted_values = frozenset(normalize_text(v) for v in policy.flow.trusted_values)

    # -- labels --------------------------------------------------------------------------
    @staticmethod
    def effective_labels(
        tool: ToolPolicy | None, annotations: Mapping[str, Any]
    ) -> tuple[frozenset[Label], frozenset[Label]]:
        """``(reads, does)`` after MCP annotations, which may only add labels (tighten)."""
        if not annotations and tool is not None:
            return tool.reads, tool.does
        reads = set(tool.reads) if tool is not None else {Label.UNTRUSTED}
        does = set(tool.does) if tool is not None else set()
        if annotations.get("destructiveHint") is True:
            does.add(Label.DESTRUCTIVE)
        if annotations.get("openWorldHint") is True:
            reads.add(Label.UNTRUSTED)
            if annotations.get("readOnlyHint") is not True:
                does.add(Label.EXTERNAL)
        return frozenset(reads), frozenset(does)

    # -- checking ------------------------------------------------------------------------
    async def check(self, call: ToolCall | Mapping[str, Any], session: Session) -> Decision:
        """Decide one pending call. Never raises for bad calls: they become deny decisions."""
        now = self.clock()
        reasons: list[Reason] = []
        if not isinstance(call, ToolCall):
            raw: Mapping[str, Any] = call
            try:
                call = ToolCall.from_openai(raw, agent=session.agent)
            except InputError as exc:
                reasons.append(Reason("input.malformed_call", Action.DENY, str(exc)))
                fn = raw.get("function")
                name = fn.get("name") if isinstance(fn, Mapping) else None
                call = ToolCall(tool=str(name or "?")[:_MAX_TOOL_NAME], agent=session.agent)
        agent = call.agent if call.agent != "default" else session.agent
        tool = self.policy.tools.get(call.tool)
        if not reasons:
            try:
                await self._evaluate(call, tool, agent, session, now, reasons)
            except BastionError as exc:
                reasons.append(Reason("policy.error", Action.DENY, f"the call could not be evaluated: {exc}"))
            except Exception as exc:  # noqa: BLE001 - fail closed on our own bugs, never leak a trace
                reasons.append(
                    Reason(
                        "policy.internal_error",
                        Action.DENY,
                        f"internal error while evaluating the call ({type(exc).__name__})",
                    )
                )
        action = Action.ALLOW
        if reasons:
            action = max((r.action for r in reasons), key=_rank)
        args_masked, masked = self._mask_args(call, tool)
        decision = Decision(
            action=action,
            reasons=tuple(reasons),
            decision_id=f"{self._id_prefix}{next(self._ids):016x}",
            policy_version=self.policy.version,
            timestamp=now,
            tool=call.tool[:_MAX_TOOL_NAME],
            agent=agent,
            session_id=session.session_id,
            call_id=call.call_id,
            args_masked=args_masked,
            masked_fields=masked,
            taint=session.taint_label,
        )
        if action is Action.REQUIRE_APPROVAL and self.approvals is not None:
            try:
                decision = await self._approval(self.approvals, decision, call, now)
            except BastionError as exc:
                decision = replace(
                    decision,
                    action=Action.DENY,
                    reasons=(
                        *decision.reasons,
                        Reason("policy.error", Action.DENY, f"approval request could not be stored: {exc}"),
                    ),
                )
        if self.audit is not None:
            try:
                await self.audit.append("policy.decision", decision.to_dict(), correlation_id=decision.decision_id)
            except BastionError as exc:
                # No trail, no action: an unaudited call is refused.
                decision = replace(
                    decision,
                    action=Action.DENY,
                    reasons=(
                        *decision.reasons,
                        Reason(
                            "policy.audit_failed",
                            Action.DENY,
                            f"the decision could not be audited ({type(exc).__name__})",
                        ),
                    ),
                )
        return decision

    def check_sync(self, call: ToolCall | Mapping[str, Any], session: Session) -> Decision:
        return run_sync(self.check(call, session))

    async def _approval(self, approvals: ApprovalService, decision: Decision, call: ToolCall, now: float) -> Decision:
        """Attach a human-approval request, or reuse the one for the same call.

        The same call (session, agent, tool, arguments) retried while its request is pending
        reuses it (no new notification); once approved, exactly one retry is allowed (the
        approval is consumed atomically); once denied, retries are denied until the request's
        deadline passes; after expiry a new request is made.
        """
        store = approvals.store
        digest = hashlib.sha256(
            json.dumps(
                [decision.session_id, decision.agent, call.tool, dict(call.args)],
                sort_keys=True,
                default=str,
                separators=(",", ":"),
            ).encode()
        ).hexdigest()[:32]
        key = f"approval_fp:{digest}"
        existing_id = await store.get_flag(key, now)
        if existing_id is not None:
            record = await approvals.get(existing_id)
            if record.status is ApprovalStatus.PENDING:
                return replace(decision, approval_id=record.approval_id)
            if record.status is ApprovalStatus.APPROVED:
                if await store.incr(f"approval_used:{record.approval_id}") == 1:
                    reason = Reason(
                        "approval.approved",
                        Action.ALLOW,
                        f"approved by {record.resolved_by}: {record.reason}",
                        {"approval_id": record.approval_id},
                    )
                    return replace(
                        decision,
                        action=Action.ALLOW,
                        approval_id=record.approval_id,
                        reasons=(*decision.reasons, reason),
                    )
            elif record.status is ApprovalStatus.DENIED:
                reason = Reason(
                    "approval.denied",
                    Action.DENY,
                    f"this call was denied by {record.resolved_by}: {record.reason}",
                    {"approval_id": record.approval_id},
                )
                return replace(
                    decision, action=Action.DENY, approval_id=record.approval_id, reasons=(*decision.reasons, reason)
                )
        record = await approvals.request(decision, timeout_s=self.policy.approval_timeout_s)
        await store.set_flag(key, record.approval_id, now, ttl_s=max(1.0, record.expires_at - now))
        return replace(decision, approval_id=record.approval_id)

    def _mask_args(self, call: ToolCall, tool: ToolPolicy | None) -> tuple[Mapping[str, Any], tuple[str, ...]]:
        out: dict[str, Any] = {}
        masked: list[str] = []
        secret_params = self.broker.bound_params(call.tool) if self.broker is not None else frozenset()
        for k, v in call.args.items():
            spec = tool.args.get(k) if tool is not None else None
            if k in self.policy.mask_args or k in secret_params or (spec is not None and spec.sensitive):
                out[k] = _mask(v)
                masked.append(k)
            elif self.mask_pii:
                out[k], changed = _mask_pii(v)
                if changed:
                    masked.append(k)
            else:
                out[k] = v
        return MappingProxyType(out), tuple(masked)

    async def _evaluate(
        self,
        call: ToolCall,
        tool: ToolPolicy | None,
        agent: str,
        session: Session,
        now: float,
        reasons: list[Reason],
    ) -> None:
        policy = self.policy
        name = call.tool
        # 1. The tool's name: exact, printable, known.
        if tool is None and (
            not isinstance(name, str)
            or not name
            or len(name) > _MAX_TOOL_NAME
            or any(unicodedata.category(c)[0] in "CZ" for c in name)
        ):
            reasons.append(
                Reason(
                    "policy.tool_name_invalid",
                    Action.DENY,
                    "tool name is empty, too long or has control/space characters",
                )
            )
            tool = None
        elif tool is None:
            look = policy.lookalike_of(name)
            if look is not None:
                reasons.append(
                    Reason(
                        "policy.tool_name_mismatch",
                        Action.DENY,
                        f"tool {_preview(name)!r} is not spelled exactly like the configured {look!r}",
                        {"configured": look},
                    )
                )
            elif policy.default_action is not Action.ALLOW:
                reasons.append(
                    Reason(
                        "policy.unknown_tool",
                        policy.default_action,
                        f"tool {_preview(name)!r} is not in the policy",
                        {"default_action": policy.default_action.value},
                    )
                )
        # 2. Quarantine.
        if self.limiter is not None:
            q = await self.limiter.quarantine_info(agent, now)
            if q is not None:
                reasons.append(
                    Reason(
                        "limits.quarantined",
                        Action.DENY,
                        f"agent {agent!r} is quarantined ({q.reason}); a human must release it",
                    )
                )
                return
        # 3. Agent scope and the tool's own action.
        allowed = policy.agent_tools.get(agent)
        if allowed is not None and name not in allowed:
            reasons.append(
                Reason("policy.agent_not_allowed", Action.DENY, f"agent {agent!r} may not call {_preview(name)!r}")
            )
        if tool is not None:
            act = tool.agents.get(agent, tool.action)
            if act is Action.DENY:
                reasons.append(
                    Reason(
                        "policy.deny",
                        Action.DENY,
                        f"the policy denies {name!r}" + (f" for agent {agent!r}" if agent in tool.agents else ""),
                    )
                )
            elif act is Action.REQUIRE_APPROVAL:
                reasons.append(
                    Reason(
                        "policy.require_approval",
                        Action.REQUIRE_APPROVAL,
                        f"the policy requires human approval for {name!r}",
                    )
                )
        # 4. Capability token.
        if call.token is not None or self.require_token:
            if call.token is None:
                reasons.append(
                    Reason("token.missing", Action.DENY, "this firewall requires a capability token for every call")
                )
            elif self.tokens is None:
                reasons.append(
                    Reason("token.unverifiable", Action.DENY, "a token was given but no token authority is configured")
                )
            else:
                try:
                    await self.tokens.verify(call.token, call, agent)
                except TokenError as exc:
                    code, _, msg = str(exc).partition(": ")
                    reasons.append(
                        Reason(code if code.startswith("token.") else "token.invalid", Action.DENY, msg or str(exc))
                    )
        # 5. Arguments.
        if tool is not None:
            violations: list[Violation] = []
            for req in tool.required:
                if req not in call.args:
                    violations.append(Violation("args.missing", req, "required argument is missing"))
            for k, v in call.args.items():
                spec = tool.args.get(k)
                if spec is None:
                    if not tool.additional_args:
                        violations.append(Violation("args.unexpected", k, "argument is not declared in the policy"))
                    continue
                spec.check(v, k, violations)
            for v in violations:
                reasons.append(Reason(v.rule_id, Action.DENY, f"argument {v.path}: {v.message}", {"arg": v.path}))
        if self.broker is not None:
            supplied = sorted(self.broker.bound_params(name) & set(call.args))
            if supplied:
                reasons.append(
                    Reason(
                        "args.credential_supplied",
                        Action.DENY,
                        f"argument(s) {supplied} are injected by the credential broker and may not be supplied",
                    )
                )
        # 6. Information flow.
        reads, does = self.effective_labels(tool, call.annotations)
        del reads
        sink = bool(does & policy.flow.sinks)
        if sink and session.taint >= Taint.UNTRUSTED:
            self._check_flow(call, tool, session, reasons)
        if (
            session.taint >= Taint.INJECTED
            and policy.flow.on_injection is not Action.ALLOW
            and (policy.flow.on_injection_scope == "all" or sink)
        ):
            reasons.append(
                Reason(
                    "flow.injection_in_context",
                    policy.flow.on_injection,
                    "a tool output in this session was flagged as prompt injection",
                    {"flags": list(session.flag_reasons[:5])},
                )
            )
        # 7. Limits (counted even for refused calls so the breaker sees loops).
        if self.limiter is not None:
            denied = any(r.action is Action.DENY for r in reasons)
            reasons.extend(await self.limiter.check(call, tool, agent, session.session_id, now, count_only=denied))
            tripped = next((r for r in reasons if r.rule_id == "limits.circuit_open"), None)
            if (
                tripped is not None
                and self.audit is not None
                and policy.limits.breaker is not None
                and policy.limits.breaker.quarantine
            ):
                await self.audit.append("limits.quarantine", {"agent": agent, "reason": tripped.message, "at": now})

    def _source(self, session: Session, value: str, spec: ArgSpec | None, kind: str | None = None) -> Source:
        norm = normalize_text(value)
        if norm in self._trusted_values:
            return Source.POLICY
        if (
            spec is not None
            and kind is None
            and (spec.enum is not None or spec.recipients or spec.domains or spec.paths)
        ):
            return Source.POLICY  # the value passed an allow-list written in the policy
        min_len = self.policy.flow.min_value_length
        if kind is not None:
            return session.source_of_entity(kind, value, min_len)
        return session.source_of(value, min_len)

    def _check_flow(self, call: ToolCall, tool: ToolPolicy | None, session: Session, reasons: list[Reason]) -> None:
        flow = self.policy.flow
        for arg, value in call.args.items():
            spec = tool.args.get(arg) if tool is not None else None
            accept = spec.accept if spec is not None and spec.accept is not None else flow.accept
            consequential = spec.flow if spec is not None and spec.flow is not None else True
            entities = spec.entities if spec is not None else ()
            bad: list[dict[str, str]] = []
            for leaf, _ in iter_leaves(value, frozenset()):
                if consequential:
                    src = self._source(session, leaf, spec)
                    if src not in accept:
                        bad.append({"value": _preview(leaf), "source": src.value})
                        continue
                if entities and len(bad) < 10:
                    for kind, ent in extract_entities(leaf, entities):
                        src = self._source(session, ent, spec, kind)
                        if src not in accept:
                            bad.append({"entity": kind, "value": _preview(ent), "source": src.value})
                if len(bad) >= 10:
                    break
            if bad:
                first = bad[0]
                what = f"{first['entity']} {first['value']!r}" if "entity" in first else f"value {first['value']!r}"
                reasons.append(
                    Reason(
                        "flow.untrusted_to_sink",
                        flow.on_violation,
                        f"argument {arg!r} of {call.tool!r}: {what} comes from {first['source']} content, "
                        f"not from {', '.join(s.value for s in accept)}",
                        {"arg": arg, "accept": [s.value for s in accept], "violations": bad},
                    )
                )

    # -- outputs -------------------------------------------------------------------------
    async def record_output(self, session: Session, call: ToolCall | str, output: Any) -> OutputVerdict:
        """Feed a tool's result into the session (provenance, taint) before the model sees it.

        Returns the output to hand to the model (credentials scrubbed when a broker is set).
        A scanner failure fails closed: the session is treated as injected.
        """
        name = call if isinstance(call, str) else call.tool
        annotations = {} if isinstance(call, str) else call.annotations
        tool = self.policy.tools.get(name)
        reads, _ = self.effective_labels(tool, annotations)
        untrusted = Label.UNTRUSTED in reads
        if not untrusted and tool is not None and not isinstance(call, str) and tool.output_untrusted_for(call.args):
            untrusted = True
        if self.broker is not None:
            output = self.broker.scrub(output)
        flagged = False
        rule_ids: tuple[str, ...] = ()
        if self.scanner is not None:
            text = (
                output if isinstance(output, str) else "\n".join(leaf for leaf, _ in iter_leaves(output, frozenset()))
            )
            try:
                result = await self.scanner(text)
                hits = [
                    f for f in result.findings if f.category.value in self._scan_cats and f.severity > Severity.INFO
                ]
                flagged = bool(hits)
                rule_ids = tuple(sorted({f.rule_id for f in hits}))
            except BastionError as exc:
                flagged = True
                rule_ids = ("scanner.error",)
                if self.audit is not None:
                    await self.audit.append(
                        "policy.scan_failed",
                        {"tool": name, "error": type(exc).__name__, "session_id": session.session_id},
                    )
        session.add_output(
            name,
            output,
            untrusted=untrusted,
            trusted_fields=tool.trusted_fields if tool is not None else frozenset(),
            flagged=flagged,
            leaf_trusted=tool.leaf_is_trusted if tool is not None and tool.trusted_leaves is not None else None,
        )
        if flagged:
            session.raise_taint(Taint.INJECTED, f"{name}: {', '.join(rule_ids)}")
        if self.audit is not None and (flagged or untrusted):
            await self.audit.append(
                "policy.output",
                {
                    "tool": name,
                    "session_id": session.session_id,
                    "untrusted": untrusted,
                    "flagged": flagged,
                    "rule_ids": list(rule_ids),
                    "taint": session.taint_label,
                },
            )
        return OutputVerdict(untrusted, flagged, rule_ids, session.taint_label, output)

    def record_output_sync(self, session: Session, call: ToolCall | str, output: Any) -> OutputVerdict:
        return run_sync(self.record_output(session, call, output))

    # -- approvals and quarantine --------------------------------------------------------
    async def wait_for_approval(
        self, decision: Decision, *, poll_s: float = 0.5, max_wait_s: float | None = None
    ) -> Decision:
        """Block until a ``require_approval`` decision is approved (→ allow) or denied/expired (→ deny)."""
        if decision.action is not Action.REQUIRE_APPROVAL or decision.approval_id is None or self.approvals is None:
            return decision
        record = await self.approvals.wait(decision.approval_id, poll_s=poll_s, max_wait_s=max_wait_s)
        if record.status is ApprovalStatus.APPROVED:
            reason = Reason("approval.approved", Action.ALLOW, f"approved by {record.resolved_by}: {record.reason}")
            return replace(decision, action=Action.ALLOW, reasons=(*decision.reasons, reason))
        if record.status is ApprovalStatus.PENDING:
            return decision
        reason = Reason(
            f"approval.{record.status.value}",
            Action.DENY,
            f"{record.status.value} by {record.resolved_by}: {record.reason}",
        )
        return replace(decision, action=Action.DENY, reasons=(*decision.reasons, reason))

    async def release_quarantine(self, agent: str, *, by: str, reason: str) -> bool:
        """A human lifts an agent's quarantine (audited with identity and reason)."""
        if not by.strip() or not reason.strip():
            raise PolicyError("releasing a quarantine needs the reviewer's identity and a reason")
        if self.limiter is None:
            return False
        released = await self.limiter.release(agent)
        if self.audit is not None:
            await self.audit.append(
                "limits.release", {"agent": agent, "by": by, "reason": reason, "released": released, "at": self.clock()}
            )
        return released

    # -- the decorator -------------------------------------------------------------------
    def guard(
        self,
        session: Session | Callable[[], Session],
        *,
        tool: str | None = None,
        agent: str | None = None,
        wait_for_approval: bool = False,
    ) -> Callable[[Callable[P, R]], Callable[P, R]]:
        """Guard a plain Python tool function (sync or async).

        Keyword arguments become the call's arguments. A call the firewall does not allow
        raises :class:`ToolCallBlocked`; brokered credentials are injected after the check;
        the result is recorded into the session (and scrubbed) before it is returned.
        """

        def deco(fn: Callable[P, R]) -> Callable[P, R]:
            name = tool or fn.__name__
            sig = inspect.signature(fn)

            async def run(*args: Any, **kwargs: Any) -> Any:
                sess = session() if callable(session) else session
                bound = sig.bind_partial(*args, **kwargs)
                call_args = dict(bound.arguments)
                call = ToolCall(tool=name, args=MappingProxyType(call_args), agent=agent or sess.agent)
                decision = await self.check(call, sess)
                if wait_for_approval:
                    decision = await self.wait_for_approval(decision)
                if not decision.allowed:
                    raise ToolCallBlocked(decision)
                real_args = call_args
                if self.broker is not None:
                    real_args = await self.broker.inject(name, call_args)
                result = fn(**real_args)  # type: ignore[call-arg]
                if inspect.isawaitable(result):
                    result = await result
                verdict = await self.record_output(sess, call, result)
                return verdict.output

            if inspect.iscoroutinefunction(fn):

                @functools.wraps(fn)
                async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                    return await run(*args, **kwargs)

                return cast(Callable[P, R], async_wrapper)

            @functools.wraps(fn)
            def sync_wrapper(*args: Any, **kwargs: Any) -> Any:
                return run_sync(run(*args, **kwargs))

            return cast(Callable[P, R], sync_wrapper)

        return deco

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def scanner_from_guard(guard: Any, categories: tuple[str, ...] = ("injection", "jailbreak")) -> OutputScanner:
        """Adapt a :class:`bastion.Guard` into the firewall's output scanner."""
        cats = [Category(c) for c in categories]

        async def scan(text: str) -> ScanResult:
            result: ScanResult = await guard.scan_async(text, surface="tool_output", categories=cats)
            return result

        return scan

"""The OpenAI-compatible data plane: admission, inspection, forwarding, output control, audit.

One :class:`Gateway` holds everything a request needs (built once: config, guard, stores,
upstream clients) and exposes two ASGI apps: :meth:`Gateway.app` (data plane) and
:meth:`Gateway.admin_app` (keys, approvals, health, metrics). Order of checks for a chat
completion:

1. API key (constant-time), 2. body size and time, 3. JSON and request shape,
4. model routing and the key's model allow-list, 5. request and token rate limits,
6. prompt and tool-output inspection (block / redact / flag), 7. upstream call,
8. response inspection, streamed through a hold-back window, 9. tool-call firewall and
approvals, 10. audit (awaited before the answer: fail closed).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from bastion._types import Finding, Surface
from bastion.config import BastionConfig, PolicyConfig
from bastion.detect import DetectConfig, Guard
from bastion.errors import BastionError
from bastion.gateway._audit import AuditSink, MemoryAuditSink
from bastion.gateway._firewall import (
    ApprovalStore,
    RulesFirewall,
    StateApprovalStore,
    ToolCall,
    ToolFirewall,
    name_matches,
)
from bastion.gateway._http import (
    GatewayHTTPError,
    RequestContext,
    TraceMiddleware,
    context_of,
    error_body,
    error_response,
    json_response,
    read_body,
)
from bastion.gateway._inspect import Inspection, Inspector
from bastion.gateway._keys import ApiKey, KeyStore, MemoryKeyStore, check_key, mint_key, parse_duration, revoke
from bastion.gateway._limits import Counter, MemoryCounter, check_limit
from bastion.gateway._metrics import Metrics
from bastion.gateway._stream import SSEParser, StreamGuard
from bastion.gateway._upstream import Upstream, UpstreamPool
from bastion.state import MemoryStateStore

__all__ = ["Gateway"]

log = logging.getLogger("bastion.gateway")

_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
_MAX_MESSAGES = 10_000
_MAX_UPSTREAM_BYTES = 32 * 1024 * 1024
_MAX_AUDIT_BACKLOG = 10_000
_WITHHELD = "[bastion] The rest of this response was withheld: it contained sensitive content."
_ANON = ApiKey(key_id="anonymous", name="anonymous", digest="", created_at=0.0)
_MESSAGES = {
    "missing": "missing API key: send 'Authorization: Bearer <key>' (create one with `bastion keys create`)",
    "malformed": "invalid API key format",
    "unknown": "invalid API key",
    "expired": "this API key has expired; create a new one with `bastion keys create`",
    "revoked": "this API key has been revoked",
}


@dataclass(slots=True)
class _Admitted:
    key: ApiKey
    policy: PolicyConfig
    body: dict[str, Any]
    raw: bytes
    est_tokens: int


def _estimate_tokens(raw: bytes) -> int:
    return len(raw) // 4 + 1


def _refusal(name: str, reason: str, decision_id: str) -> str:
    return f"[bastion] The tool call `{name}` was not run: {reason} (decision {decision_id[:12]})."


class Gateway:
    """The gateway core. Everything is passed in; nothing is read from files or the environment."""

    def __init__(
        self,
        config: BastionConfig,
        *,
        guard: Guard | None = None,
        keys: KeyStore | None = None,
        counter: Counter | None = None,
        audit: AuditSink | None = None,
        firewall: ToolFirewall | None = None,
        approvals: ApprovalStore | None = None,
        upstreams: UpstreamPool | None = None,
        admin_token: str | None = None,
        mounts: Mapping[str, ASGIApp] | None = None,
    ) -> None:
        self.config = config
        insp = config.inspection
        self.guard = (
            guard
            if guard is not None
            else Guard(
                config=DetectConfig(classifier=insp.classifier, classifier_threshold=insp.classifier_threshold,
                                    classifier_tool_output_threshold=insp.classifier_tool_output_threshold,
                                    classifier_tool_output_prose_threshold=insp.classifier_tool_output_prose_threshold,
                                    classifier_document_threshold=insp.classifier_document_threshold,
                                    canaries=tuple(insp.canaries)),
                max_chars=insp.max_scan_chars,
            )
        )
        self.inspector = Inspector(self.guard, max_scan_chars=insp.max_scan_chars)
        self.keys: KeyStore = keys if keys is not None else MemoryKeyStore()
        self.counter: Counter = counter if counter is not None else MemoryCounter()
        self.audit: AuditSink = audit if audit is not None else MemoryAuditSink()
        self.firewall: ToolFirewall = firewall if firewall is not None else RulesFirewall()
        self.approvals: ApprovalStore = approvals if approvals is not None else StateApprovalStore(MemoryStateStore())
        self.pool = upstreams if upstreams is not None else UpstreamPool(config.upstreams)
        self.metrics = Metrics()
        self._admin_token = admin_token
        self._mounts: dict[str, ASGIApp] = dict(mounts or {})
        self._audit_tasks: set[asyncio.Task[None]] = set()
        self._audit_broken = False

    def mount(self, path: str, app: ASGIApp, *, authenticate: bool = True) -> None:
        """Serve ``app`` under ``path`` on the data plane (call before :meth:`app`). With
        ``authenticate`` the caller's API key and request rate are checked first, and the key id
        is passed on in ``scope["state"]["key_id"]`` (how the MCP proxy learns who calls)."""
        self._mounts[path] = _KeyAuth(self, app) if authenticate else app

    def warmup(self) -> None:
        """Run each surface's scanners once so the first request pays no lazy set-up."""
        for surface in Surface:
            self.guard.scan("warm-up: hello, this is bastion", surface)

    # ------------------------------------------------------------------ apps
    def app(self) -> ASGIApp:
        routes = [
            Route("/v1/chat/completions", self._safe(self._chat), methods=["POST"]),
            Route("/v1/embeddings", self._safe(self._embeddings), methods=["POST"]),
            Route("/v1/models", self._safe(self._models), methods=["GET"]),
            Route("/healthz", self._health, methods=["GET"]),
        ]
        star = Starlette(routes=routes, exception_handlers={404: self._not_found, 405: self._not_allowed})
        for path, sub in self._mounts.items():
            star.mount(path, sub)
        return TraceMiddleware(star, on_error=self._on_error, on_reject=self._audit_reject)

    async def _audit_reject(self, trace_id: str, path: str, code: str) -> None:
        self.metrics.inc("bastion_requests_total", "Requests by route and status.", route=path, status="400")
        event = {"ts": time.time(), "event": "llm.request", "trace_id": trace_id, "route": path}
        try:
            await self._record_quietly({**event, "key_id": None, "status": 400, "action": "error", "code": code})
        except Exception:  # noqa: BLE001 - the refusal is sent; count the lost event
            self.metrics.inc("bastion_audit_failures_total", "Audit events that could not be stored.")

    def admin_app(self) -> ASGIApp:
        from bastion.gateway._admin import build_admin_app

        return TraceMiddleware(build_admin_app(self), on_error=self._on_error)

    async def aclose(self) -> None:
        await self.flush_audit()
        await self.pool.aclose()
        await self.audit.aclose()

    def _safe(self, handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        """Turn any unexpected exception into a bare OpenAI-shaped 500 (never a stack trace)."""

        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as exc:  # noqa: BLE001 - last line of defence; logged by type only
                self._on_error(exc)
                ctx = context_of(request)
                return await self._finish_error(
                    request,
                    ctx,
                    GatewayHTTPError(
                        500, f"internal error in the gateway (request id {ctx.trace_id})", code="internal_error"
                    ),
                )

        return endpoint

    def _on_error(self, exc: BaseException) -> None:
        self.metrics.inc("bastion_internal_errors_total", "Unexpected errors turned into a generic 500.")
        log.error("internal error: %s", type(exc).__name__)

    async def _not_found(self, request: Request, exc: Exception) -> Response:
        return error_response(GatewayHTTPError(404, f"unknown endpoint {request.url.path[:100]}", code="unknown_url"))

    async def _not_allowed(self, request: Request, exc: Exception) -> Response:
        return error_response(
            GatewayHTTPError(405, f"method {request.method} is not allowed here", code="method_not_allowed")
        )

    async def _health(self, request: Request) -> Response:
        return json_response({"status": "ok"})

    # ------------------------------------------------------------- admission
    async def authenticate(self, request: Request) -> ApiKey:
        values = request.headers.getlist("authorization")
        if len(values) > 1:
            raise GatewayHTTPError(400, "more than one Authorization header", code="bad_request")
        if not self.config.auth.required:
            return _ANON
        presented: str | None = None
        if values:
            scheme, _, token = values[0].partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise GatewayHTTPError(401, "use 'Authorization: Bearer <key>'", code="invalid_api_key")
            presented = token.strip()
        try:
            result = await check_key(self.keys, presented)
        except BastionError:
            raise GatewayHTTPError(
                503, "the key store is unavailable; try again later", code="store_unavailable"
            ) from None
        if not result.ok or result.key is None:
            raise GatewayHTTPError(401, _MESSAGES[result.status], code="invalid_api_key")
        return result.key

    async def _rate_limit(self, key: ApiKey, est_tokens: int) -> None:
        rpm = key.rpm or self.config.limits.rpm
        tpm = key.tpm or self.config.limits.tpm
        try:
            r = await check_limit(self.counter, f"rpm:{key.key_id}", rpm)
            if r.allowed:
                t = await check_limit(self.counter, f"tpm:{key.key_id}", tpm, amount=est_tokens)
        except BastionError:
            raise GatewayHTTPError(
                503, "the rate-limit store is unavailable; try again later", code="store_unavailable"
            ) from None
        if not r.allowed:
            raise GatewayHTTPError(
                429,
                f"rate limit of {rpm} requests per minute reached for this key; retry in {int(r.reset_s) + 1} s",
                code="rate_limit_exceeded",
                headers={"retry-after": str(int(r.reset_s) + 1), "x-ratelimit-limit-requests": str(rpm)},
            )
        if not t.allowed:
            raise GatewayHTTPError(
                429,
                f"token budget of {tpm} tokens per minute reached for this key; retry in {int(t.reset_s) + 1} s",
                code="token_budget_exceeded",
                headers={"retry-after": str(int(t.reset_s) + 1), "x-ratelimit-limit-tokens": str(tpm)},
            )

    async def _admit(self, request: Request, ctx: RequestContext) -> _Admitted:
        key = await self.authenticate(request)
        request.scope["bastion.key"] = key
        raw = await read_body(
            request, max_bytes=self.config.server.max_body_bytes, timeout_s=self.config.server.body_timeout_s
        )
        ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if ctype not in ("application/json", ""):
            raise GatewayHTTPError(415, "send the request body as application/json", code="unsupported_media_type")
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise GatewayHTTPError(400, "the request body is not valid JSON", code="invalid_json") from None
        if not isinstance(body, dict):
            raise GatewayHTTPError(400, "the request body must be a JSON object", code="invalid_request")
        est = _estimate_tokens(raw)
        if est > self.config.limits.max_prompt_tokens:
            raise GatewayHTTPError(
                413,
                f"the request is about {est} tokens, over this gateway's limit of "
                f"{self.config.limits.max_prompt_tokens}",
                code="request_too_large",
            )
        policy = self.config.policy(key.policy)
        return _Admitted(key, policy, body, raw, est)

    def _route_model(self, body: dict[str, Any], policy: PolicyConfig) -> tuple[str, Upstream]:
        model = body.get("model")
        if not isinstance(model, str) or not model or len(model) > 256:
            raise GatewayHTTPError(400, "'model' must be a non-empty string", code="invalid_request", param="model")
        if not name_matches(model, policy.models):
            raise GatewayHTTPError(
                403, f"this key may not use the model {model[:64]!r}", code="model_not_allowed", param="model"
            )
        up = self.pool.route(model)
        if up is None:
            raise GatewayHTTPError(
                404, f"the model {model[:64]!r} is not served by this gateway", code="model_not_found", param="model"
            )
        return model, up

    # ---------------------------------------------------------------- helpers
    async def _audit(self, event: dict[str, Any]) -> None:
        """Record one event. ``sync`` mode awaits the commit (a failure refuses this request);
        ``async`` mode commits in the background and, after a failure, refuses requests until
        a later write succeeds (fail closed, at most the events in flight are lost)."""
        st = self.config.stores
        if st.audit_mode == "async":
            if self._audit_broken and not st.audit_fail_open:
                self._spawn_audit(event)  # keeps probing; a success clears the flag
                raise GatewayHTTPError(
                    503, "the audit log is unavailable, so the request was refused", code="audit_unavailable"
                )
            if len(self._audit_tasks) >= _MAX_AUDIT_BACKLOG:
                await asyncio.wait(self._audit_tasks, return_when=asyncio.FIRST_COMPLETED)  # back-pressure
            self._spawn_audit(event)
            return
        try:
            await self.audit.record(event)
        except Exception:  # noqa: BLE001 - any sink failure: fail closed (or open if configured)
            self.metrics.inc("bastion_audit_failures_total", "Audit events that could not be stored.")
            if not st.audit_fail_open:
                raise GatewayHTTPError(
                    503, "the audit log is unavailable, so the request was refused", code="audit_unavailable"
                ) from None

    def _spawn_audit(self, event: dict[str, Any]) -> None:
        task = asyncio.create_task(self.audit.record(event))
        self._audit_tasks.add(task)
        task.add_done_callback(self._audit_done)

    def _audit_done(self, task: asyncio.Task[None]) -> None:
        self._audit_tasks.discard(task)
        if task.cancelled() or task.exception() is not None:
            self.metrics.inc("bastion_audit_failures_total", "Audit events that could not be stored.")
            self._audit_broken = True
        else:
            self._audit_broken = False

    async def _record_quietly(self, event: dict[str, Any]) -> None:
        """For events after the answer was sent (stream end): failures are only counted."""
        if self.config.stores.audit_mode == "async":
            self._spawn_audit(event)
            return
        await self.audit.record(event)

    async def flush_audit(self) -> None:
        """Wait for background audit writes (``stores.audit_mode: async``)."""
        while self._audit_tasks:
            await asyncio.wait(set(self._audit_tasks))

    def _event(self, ctx: RequestContext, request: Request, **fields: Any) -> dict[str, Any]:
        key = request.scope.get("bastion.key")
        return {
            "ts": time.time(),
            "event": "llm.request",
            "trace_id": ctx.trace_id,
            "parent_span": ctx.parent_id,
            "route": request.url.path,
            "key_id": key.key_id if isinstance(key, ApiKey) else None,
            **fields,
        }

    async def _finish_error(
        self, request: Request, ctx: RequestContext, exc: GatewayHTTPError, **fields: Any
    ) -> Response:
        self.metrics.inc(
            "bastion_requests_total", "Requests by route and status.", route=request.url.path, status=str(exc.status)
        )
        try:
            await self._audit(self._event(ctx, request, status=exc.status, action=exc.action, code=exc.code, **fields))
        except GatewayHTTPError as audit_exc:
            exc = audit_exc
        resp = error_response(exc)
        resp.headers["x-bastion-overhead-ms"] = f"{ctx.overhead_ms():.3f}"
        return resp

    async def _send(
        self, up: Upstream, path: str, payload: bytes, ctx: RequestContext, *, stream: bool
    ) -> httpx.Response:
        headers = up.headers()
        headers["traceparent"] = ctx.traceparent
        req = up.request("POST", path, content=payload, headers=headers)
        t = time.perf_counter()
        try:
            resp = await up.transport.handle_async_request(req)
        except httpx.TimeoutException:
            self.metrics.inc("bastion_upstream_errors_total", "Upstream failures by kind.", kind="timeout")
            raise GatewayHTTPError(
                504, "the upstream model server did not answer in time", code="upstream_timeout"
            ) from None
        except httpx.HTTPError:
            self.metrics.inc("bastion_upstream_errors_total", "Upstream failures by kind.", kind="connect")
            raise GatewayHTTPError(
                502, "the upstream model server could not be reached", code="upstream_unavailable"
            ) from None
        finally:
            ctx.upstream_s += time.perf_counter() - t
        if resp.status_code >= 300:
            await resp.aclose()
            raise self._upstream_status(resp.status_code)
        if stream:
            return resp
        t = time.perf_counter()
        try:
            buf = bytearray()
            async for chunk in resp.aiter_bytes():
                buf += chunk
                if len(buf) > _MAX_UPSTREAM_BYTES:
                    raise GatewayHTTPError(502, "the upstream response is too large", code="upstream_invalid")
            resp._content = bytes(buf)
        except httpx.TimeoutException:
            raise GatewayHTTPError(
                504, "the upstream model server did not answer in time", code="upstream_timeout"
            ) from None
        except httpx.HTTPError:
            raise GatewayHTTPError(
                502, "the upstream model server broke off its answer", code="upstream_unavailable"
            ) from None
        finally:
            ctx.upstream_s += time.perf_counter() - t
            await resp.aclose()
        return resp

    def _upstream_status(self, status: int) -> GatewayHTTPError:
        self.metrics.inc("bastion_upstream_errors_total", "Upstream failures by kind.", kind=f"http_{status // 100}xx")
        if status in (401, 403):
            return GatewayHTTPError(
                502,
                "the upstream refused the gateway's credentials (operator: check the upstream key)",
                code="upstream_auth",
            )
        if status == 404:
            return GatewayHTTPError(404, "the upstream does not know this model or endpoint", code="model_not_found")
        if status == 429:
            return GatewayHTTPError(
                429, "the upstream model server is rate limiting; retry later", code="upstream_rate_limited"
            )
        if status < 400:
            return GatewayHTTPError(
                502,
                f"the upstream model server redirected (HTTP {status}); redirects are not followed",
                code="upstream_redirect",
            )
        if 400 <= status < 500:
            return GatewayHTTPError(
                status, f"the upstream model server rejected the request (HTTP {status})", code="upstream_rejected"
            )
        return GatewayHTTPError(502, f"the upstream model server failed (HTTP {status})", code="upstream_error")

    @staticmethod
    def _json_of(resp: httpx.Response) -> dict[str, Any]:
        try:
            data = orjson.loads(resp.content)
        except orjson.JSONDecodeError:
            raise GatewayHTTPError(
                502, "the upstream model server sent an invalid response", code="upstream_invalid"
            ) from None
        if not isinstance(data, dict):
            raise GatewayHTTPError(502, "the upstream model server sent an invalid response", code="upstream_invalid")
        return data

    # ------------------------------------------------------------ validation
    @staticmethod
    def _validate_chat(body: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise GatewayHTTPError(
                400, "'messages' must be a non-empty array", code="invalid_request", param="messages"
            )
        if len(messages) > _MAX_MESSAGES:
            raise GatewayHTTPError(
                400, f"at most {_MAX_MESSAGES} messages per request", code="invalid_request", param="messages"
            )
        for i, m in enumerate(messages):
            if not isinstance(m, dict):
                raise GatewayHTTPError(
                    400, f"messages[{i}] must be an object", code="invalid_request", param=f"messages.{i}"
                )
            role = m.get("role")
            if not isinstance(role, str) or role not in _ROLES:
                raise GatewayHTTPError(
                    400,
                    f"messages[{i}].role must be one of {', '.join(sorted(_ROLES))}",
                    code="invalid_request",
                    param=f"messages.{i}.role",
                )
            content = m.get("content")
            if content is not None and not isinstance(content, (str, list)):
                raise GatewayHTTPError(
                    400,
                    f"messages[{i}].content must be a string or an array of parts",
                    code="invalid_request",
                    param=f"messages.{i}.content",
                )
            if isinstance(content, list) and not all(isinstance(p, dict) for p in content):
                raise GatewayHTTPError(
                    400,
                    f"messages[{i}].content parts must be objects",
                    code="invalid_request",
                    param=f"messages.{i}.content",
                )
        stream = body.get("stream", False)
        if not isinstance(stream, bool):
            raise GatewayHTTPError(400, "'stream' must be true or false", code="invalid_request", param="stream")
        tools = body.get("tools")
        if tools is not None and not isinstance(tools, list):
            raise GatewayHTTPError(400, "'tools' must be an array", code="invalid_request", param="tools")
        n = body.get("n", 1)
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 16:
            raise GatewayHTTPError(400, "'n' must be an integer from 1 to 16", code="invalid_request", param="n")
        return messages, stream

    # ------------------------------------------------------------ inspection
    async def _inspect_request(self, messages: list[dict[str, Any]], policy: PolicyConfig) -> Inspection:
        if not self.config.inspection.enabled:
            return Inspection()
        try:
            return await self.inspector.inspect_messages(messages, policy)
        except BastionError:
            self.metrics.inc("bastion_scanner_failures_total", "Scanner failures.")
            if self.config.inspection.fail_open:
                return Inspection(action="flag")
            raise GatewayHTTPError(
                503, "the request could not be inspected, so it was refused", code="inspection_failed"
            ) from None

    def _count_decision(self, surface: str, action: str) -> None:
        self.metrics.inc(
            "bastion_decisions_total", "Inspection decisions by surface and action.", surface=surface, action=action
        )

    async def _scan_output(self, text: str, policy: PolicyConfig) -> tuple[str, list[Finding], str]:
        if not self.config.inspection.enabled or not text:
            return "allow", [], text
        try:
            return await self.inspector.inspect_text(text, Surface.RESPONSE, policy)
        except BastionError:
            self.metrics.inc("bastion_scanner_failures_total", "Scanner failures.")
            if self.config.inspection.fail_open:
                return "flag", [], text
            return "block", [], text

    async def _check_tools(
        self,
        calls: list[dict[str, Any]],
        *,
        key: ApiKey,
        policy: PolicyConfig,
        ctx: RequestContext,
        messages: list[dict[str, Any]],
        decisions: list[dict[str, Any]],
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """Run proposed tool calls through the firewall. Returns (kept calls, refusal notes)."""
        kept: list[dict[str, Any]] = []
        notes: list[str] = []
        for raw in calls:
            fn = raw.get("function") if isinstance(raw, dict) else None
            if not isinstance(fn, dict):
                continue
            call = ToolCall(str(raw.get("id", "")), str(fn.get("name", "")), str(fn.get("arguments") or ""))
            act, found, _ = await self._scan_output(call.arguments, policy)
            if act in ("block", "redact") and found:
                did = uuid.uuid4().hex
                rules = ", ".join(sorted({f.rule_id for f in found}))
                decisions.append(
                    {
                        "tool": call.name,
                        "action": "deny",
                        "rule": "output.tool_arguments",
                        "findings": rules,
                        "decision_id": did,
                    }
                )
                notes.append(_refusal(call.name, f"its arguments carry sensitive data ({rules})", did))
                continue
            try:
                verdict = await self.firewall.check(
                    call, key_id=key.key_id, rules=policy.tools, trace_id=ctx.trace_id, messages=messages
                )
            except BastionError:
                verdict = None
            if verdict is None:
                did = uuid.uuid4().hex
                decisions.append({"tool": call.name, "action": "deny", "rule": "firewall.error", "decision_id": did})
                notes.append(_refusal(call.name, "the firewall could not decide", did))
                continue
            action = verdict.action
            if action == "approve":
                try:
                    if await self.approvals.consume(key.key_id, call):
                        action = "allow"
                    else:
                        appr = await self.approvals.request(key.key_id, call, ctx.trace_id)
                        decisions.append(
                            {
                                "tool": call.name,
                                "action": "approve",
                                "rule": verdict.rule,
                                "approval_id": appr.approval_id,
                                "decision_id": verdict.decision_id,
                            }
                        )
                        notes.append(
                            f"[bastion] The tool call `{call.name}` is held for human approval "
                            f"(approval {appr.approval_id}); ask again once an operator has approved it."
                        )
                        self.metrics.inc("bastion_tool_calls_total", "Tool calls by action.", action="approve")
                        continue
                except BastionError:
                    action = "deny"
            decisions.append(
                {"tool": call.name, "action": action, "rule": verdict.rule, "decision_id": verdict.decision_id}
            )
            self.metrics.inc("bastion_tool_calls_total", "Tool calls by action.", action=action)
            if action == "allow":
                kept.append(raw)
            else:
                notes.append(_refusal(call.name, verdict.reason, verdict.decision_id))
        return kept, notes

    # ---------------------------------------------------------------- routes
    async def _chat(self, request: Request) -> Response:
        ctx = context_of(request)
        fields: dict[str, Any] = {}
        try:
            adm = await self._admit(request, ctx)
            messages, stream = self._validate_chat(adm.body)
            model, up = self._route_model(adm.body, adm.policy)
            fields.update(model=model, upstream=up.name, stream=stream, tokens_est=adm.est_tokens)
            await self._rate_limit(adm.key, adm.est_tokens)
            insp = await self._inspect_request(messages, adm.policy)
            fields.update(rules=insp.rule_ids, surfaces=insp.surfaces)
            for s in insp.surfaces:
                self._count_decision(s, insp.action)
            if insp.action == "block":
                raise GatewayHTTPError(
                    400,
                    f"the request was blocked by bastion's input inspection ({', '.join(insp.rule_ids)})",
                    code="content_blocked",
                    action="block",
                )
            payload = adm.raw if insp.messages is None else orjson.dumps({**adm.body, "messages": insp.messages})
            headers: dict[str, str] = {"x-bastion-action": insp.action}
            if insp.rule_ids:
                headers["x-bastion-rules"] = ",".join(insp.rule_ids)[:512]
            if stream:
                resp = await self._send(up, "/chat/completions", payload, ctx, stream=True)
                await self._audit(
                    self._event(ctx, request, status=200, action=insp.action, phase="stream_start", **fields)
                )
                headers["x-bastion-overhead-ms"] = f"{ctx.overhead_ms():.3f}"
                headers["cache-control"] = "no-cache"
                self.metrics.observe_overhead(ctx.overhead_ms())
                return StreamingResponse(
                    self._relay(request, ctx, resp, adm, messages, fields, insp.action),
                    media_type="text/event-stream",
                    headers=headers,
                )
            uresp = await self._send(up, "/chat/completions", payload, ctx, stream=False)
            data = self._json_of(uresp)
            out_action, tool_decisions = await self._control_output(data, adm, ctx, messages)
            action = out_action if out_action != "allow" else insp.action
            fields.update(output_action=out_action, tools=tool_decisions)
            await self._audit(self._event(ctx, request, status=200, action=action, **fields))
            self.metrics.inc(
                "bastion_requests_total", "Requests by route and status.", route=request.url.path, status="200"
            )
            usage = data.get("usage")
            if isinstance(usage, dict) and isinstance(usage.get("completion_tokens"), int):
                await self._charge(adm.key, usage["completion_tokens"])
            headers["x-bastion-action"] = action
            overhead = ctx.overhead_ms()
            self.metrics.observe_overhead(overhead)
            headers["x-bastion-overhead-ms"] = f"{overhead:.3f}"
            return json_response(data, headers=headers)
        except GatewayHTTPError as exc:
            return await self._finish_error(request, ctx, exc, **fields)

    async def _charge(self, key: ApiKey, tokens: int) -> None:
        if tokens <= 0:
            return
        try:
            await self.counter.incr(f"tpm:{key.key_id}", tokens, 60.0)
        except BastionError:
            self.metrics.inc("bastion_limit_store_failures_total", "Rate-limit store failures after a response.")

    async def _control_output(
        self, data: dict[str, Any], adm: _Admitted, ctx: RequestContext, messages: list[dict[str, Any]]
    ) -> tuple[str, list[dict[str, Any]]]:
        """Inspect and rewrite a non-streamed completion in place."""
        worst = "allow"
        decisions: list[dict[str, Any]] = []
        choices = data.get("choices")
        if not isinstance(choices, list):
            raise GatewayHTTPError(502, "the upstream model server sent an invalid response", code="upstream_invalid")
        rank = {"allow": 0, "flag": 1, "redact": 2, "block": 3}
        for ch in choices:
            msg = ch.get("message") if isinstance(ch, dict) else None
            if not isinstance(msg, dict):
                continue
            content = msg.get("content")
            if isinstance(content, str) and content:
                act, found, new_text = await self._scan_output(content, adm.policy)
                if act != "allow":
                    self._count_decision("response", act)
                    worst = max(worst, act, key=rank.__getitem__)
                    if act == "block":
                        rules = ", ".join(sorted({f.rule_id for f in found})) or "inspection failed"
                        msg["content"] = (
                            f"[bastion] The response was withheld: it contained sensitive content ({rules})."
                        )
                        ch["finish_reason"] = "content_filter"
                        msg.pop("tool_calls", None)
                        continue
                    msg["content"] = new_text
            calls = msg.get("tool_calls")
            if isinstance(calls, list) and calls:
                kept, notes = await self._check_tools(
                    calls, key=adm.key, policy=adm.policy, ctx=ctx, messages=messages, decisions=decisions
                )
                if notes:
                    text = msg.get("content") or ""
                    msg["content"] = (text + "\n" if text else "") + "\n".join(notes)
                if kept:
                    msg["tool_calls"] = kept
                else:
                    msg.pop("tool_calls", None)
                    if ch.get("finish_reason") == "tool_calls":
                        ch["finish_reason"] = "stop"
        return worst, decisions

    async def _relay(
        self,
        request: Request,
        ctx: RequestContext,
        resp: httpx.Response,
        adm: _Admitted,
        messages: list[dict[str, Any]],
        fields: dict[str, Any],
        in_action: str,
    ) -> AsyncIterator[bytes]:
        """Relay an upstream SSE stream through per-choice hold-back guards and the firewall."""
        insp = self.config.inspection
        policy = adm.policy
        action = policy.response
        guards: dict[int, StreamGuard] = {}
        tools: dict[int, dict[int, dict[str, Any]]] = {}
        decisions: list[dict[str, Any]] = []
        rules: set[str] = set()
        outcome = "complete"
        out_action = "allow"
        chars = 0
        parser = SSEParser()
        last: dict[str, Any] = {}

        async def scan(text: str) -> list[Finding]:
            act, found, _ = await self._scan_output(text, policy)
            if act == "block" and not found:  # scanner failure, fail closed
                raise _ScanFailed
            return found

        def guard_for(i: int) -> StreamGuard:
            g = guards.get(i)
            if g is None:
                g = guards[i] = StreamGuard(scan, action if insp.enabled else "flag", holdback=insp.holdback_chars)
            return g

        def frame(obj: Mapping[str, Any]) -> bytes:
            return b"data: " + orjson.dumps(obj) + b"\n\n"

        def closing(i: int, text: str) -> dict[str, Any]:
            return {
                "id": last.get("id", "bastion"),
                "object": "chat.completion.chunk",
                "created": last.get("created", int(time.time())),
                "model": last.get("model", fields.get("model", "")),
                "choices": [{"index": i, "delta": {"content": text}, "finish_reason": "content_filter"}],
            }

        async def finish_choice(i: int, delta: dict[str, Any], ch: dict[str, Any]) -> str:
            nonlocal out_action
            step = await guard_for(i).finish()
            rules.update(f.rule_id for f in step.findings)
            text = step.text
            buf = tools.pop(i, None)
            if buf:
                calls = [buf[k] for k in sorted(buf)]
                kept, notes = await self._check_tools(
                    calls, key=adm.key, policy=policy, ctx=ctx, messages=messages, decisions=decisions
                )
                if kept:
                    delta["tool_calls"] = [{"index": n, **c} for n, c in enumerate(kept)]
                elif ch.get("finish_reason") == "tool_calls":
                    ch["finish_reason"] = "stop"
                if notes:
                    text += ("\n" if text else "") + "\n".join(notes)
            return text

        try:
            done = False
            async for raw in resp.aiter_bytes():
                for data in parser.feed(raw):
                    if data.strip() == b"[DONE]":
                        done = True
                        break
                    chunk = orjson.loads(data)
                    if not isinstance(chunk, dict):
                        raise orjson.JSONDecodeError("not an object", "", 0)
                    if "error" in chunk:
                        raise _UpstreamStreamError
                    last = {k: chunk.get(k) for k in ("id", "created", "model")}
                    choices = chunk.get("choices") or []
                    out_choices: list[dict[str, Any]] = []
                    for ch in choices:
                        if not isinstance(ch, dict):
                            continue
                        i = ch.get("index", 0) if isinstance(ch.get("index", 0), int) else 0
                        raw_delta = ch.get("delta")
                        delta: dict[str, Any] = raw_delta if isinstance(raw_delta, dict) else {}
                        text = ""
                        content = delta.pop("content", None)
                        if isinstance(content, str) and content:
                            chars += len(content)
                            g = guard_for(i)
                            step = await g.feed(content)
                            rules.update(f.rule_id for f in step.findings)
                            if step.findings:
                                out_action = action
                            if step.blocked:
                                outcome = "blocked"
                                out_action = "block"
                                self._count_decision("response", "block")
                                yield frame(
                                    closing(
                                        i,
                                        _WITHHELD,
                                    )
                                )
                                yield b"data: [DONE]\n\n"
                                return
                            text = step.text
                        tcs = delta.pop("tool_calls", None)
                        if isinstance(tcs, list):
                            buf = tools.setdefault(i, {})
                            for tc in tcs:
                                if not isinstance(tc, dict):
                                    continue
                                j = tc.get("index", 0) if isinstance(tc.get("index", 0), int) else 0
                                cur = buf.setdefault(
                                    j, {"id": "", "type": "function", "function": {"name": "", "arguments": ""}}
                                )
                                if tc.get("id"):
                                    cur["id"] = str(tc["id"])
                                raw_fn = tc.get("function")
                                fn: dict[str, Any] = raw_fn if isinstance(raw_fn, dict) else {}
                                if fn.get("name"):
                                    cur["function"]["name"] += str(fn["name"])
                                if fn.get("arguments"):
                                    cur["function"]["arguments"] += str(fn["arguments"])
                                    if len(cur["function"]["arguments"]) > _MAX_UPSTREAM_BYTES:
                                        raise orjson.JSONDecodeError("tool arguments too large", "", 0)
                        if ch.get("finish_reason") is not None:
                            if guard_for(i).blocked:
                                continue
                            text += await finish_choice(i, delta, ch)
                            if guards[i].blocked:
                                outcome, out_action = "blocked", "block"
                                yield frame(
                                    closing(
                                        i,
                                        _WITHHELD,
                                    )
                                )
                                yield b"data: [DONE]\n\n"
                                return
                        if text:
                            delta["content"] = text
                        if delta or ch.get("finish_reason") is not None:
                            ch["delta"] = delta
                            out_choices.append(ch)
                    if out_choices or chunk.get("usage"):
                        chunk["choices"] = out_choices
                        yield frame(chunk)
                if done:
                    break
            if not done:
                for _ in parser.close():
                    pass
            # flush choices that never sent a finish_reason
            for i in list(guards):
                g = guards[i]
                if g.blocked:
                    continue
                delta = {}
                text = await finish_choice(i, delta, {})
                if g.blocked:
                    outcome, out_action = "blocked", "block"
                    yield frame(closing(i, _WITHHELD))
                    yield b"data: [DONE]\n\n"
                    return
                if text or delta:
                    if text:
                        delta["content"] = text
                    yield frame(
                        {
                            **last,
                            "object": "chat.completion.chunk",
                            "choices": [{"index": i, "delta": delta, "finish_reason": None}],
                        }
                    )
                guards.pop(i)
            if not done:
                outcome = "upstream_ended_early"
                yield frame(
                    _stream_error(
                        "the upstream model server ended the stream early", "upstream_error", "upstream_stream_broken"
                    )
                )
                return
            yield b"data: [DONE]\n\n"
        except _ScanFailed:
            outcome, out_action = "inspection_failed", "block"
            yield frame(
                _stream_error(
                    "the response could not be inspected, so the stream was stopped",
                    "server_error",
                    "inspection_failed",
                )
            )
        except (orjson.JSONDecodeError, ValueError, _UpstreamStreamError):
            outcome = "upstream_invalid"
            self.metrics.inc("bastion_upstream_errors_total", "Upstream failures by kind.", kind="invalid_stream")
            yield frame(
                _stream_error("the upstream model server sent an invalid stream", "upstream_error", "upstream_invalid")
            )
        except httpx.TimeoutException:
            outcome = "upstream_timeout"
            self.metrics.inc("bastion_upstream_errors_total", "Upstream failures by kind.", kind="timeout")
            yield frame(
                _stream_error("the upstream model server stopped answering", "upstream_error", "upstream_timeout")
            )
        except httpx.HTTPError:
            outcome = "upstream_broken"
            self.metrics.inc("bastion_upstream_errors_total", "Upstream failures by kind.", kind="broken_stream")
            yield frame(
                _stream_error(
                    "the upstream model server broke off the stream", "upstream_error", "upstream_stream_broken"
                )
            )
        except Exception as exc:  # noqa: BLE001 - never leak: end the stream with a generic error
            outcome = "internal_error"
            self._on_error(exc)
            yield frame(
                _stream_error(
                    f"internal error in the gateway (request id {ctx.trace_id})", "server_error", "internal_error"
                )
            )
        except (asyncio.CancelledError, GeneratorExit):
            outcome = "client_disconnected"
            raise
        finally:
            with anyio.CancelScope(shield=True):  # a client that hangs up must not cost us the audit event
                await resp.aclose()
                if out_action != "allow":
                    self._count_decision("response", out_action)
                await self._charge(adm.key, chars // 4)
                self.metrics.inc(
                    "bastion_requests_total", "Requests by route and status.", route=request.url.path, status="200"
                )
                try:
                    await self._record_quietly(
                        self._event(
                            ctx,
                            request,
                            status=200,
                            phase="stream_end",
                            outcome=outcome,
                            action=out_action if out_action != "allow" else in_action,
                            output_rules=sorted(rules),
                            tools=decisions,
                            **fields,
                        )
                    )
                except Exception:  # noqa: BLE001 - the answer is sent; count the lost event
                    self.metrics.inc("bastion_audit_failures_total", "Audit events that could not be stored.")

    async def _embeddings(self, request: Request) -> Response:
        ctx = context_of(request)
        fields: dict[str, Any] = {}
        try:
            adm = await self._admit(request, ctx)
            model, up = self._route_model(adm.body, adm.policy)
            fields.update(model=model, upstream=up.name)
            inp = adm.body.get("input")
            texts: list[str]
            if isinstance(inp, str):
                texts = [inp]
            elif isinstance(inp, list) and len(inp) <= 4096:
                texts = [t for t in inp if isinstance(t, str)]
                if len(texts) != len(inp) and not all(
                    isinstance(t, (int, list)) for t in inp if not isinstance(t, str)
                ):
                    raise GatewayHTTPError(
                        400,
                        "'input' must be a string or an array of strings or token arrays",
                        code="invalid_request",
                        param="input",
                    )
            else:
                raise GatewayHTTPError(
                    400,
                    "'input' must be a string or an array (at most 4096 items)",
                    code="invalid_request",
                    param="input",
                )
            await self._rate_limit(adm.key, adm.est_tokens)
            insp = await self._inspect_request([{"role": "user", "content": t} for t in texts], adm.policy)
            fields.update(rules=insp.rule_ids)
            if insp.action == "block":
                raise GatewayHTTPError(
                    400,
                    f"the input was blocked by bastion's inspection ({', '.join(insp.rule_ids)})",
                    code="content_blocked",
                    action="block",
                )
            payload = adm.raw
            if insp.messages is not None:
                new_texts = [m["content"] for m in insp.messages]
                payload = orjson.dumps({**adm.body, "input": new_texts[0] if isinstance(inp, str) else new_texts})
            uresp = await self._send(up, "/embeddings", payload, ctx, stream=False)
            data = self._json_of(uresp)
            await self._audit(self._event(ctx, request, status=200, action=insp.action, **fields))
            self.metrics.inc(
                "bastion_requests_total", "Requests by route and status.", route=request.url.path, status="200"
            )
            overhead = ctx.overhead_ms()
            self.metrics.observe_overhead(overhead)
            return json_response(
                data, headers={"x-bastion-overhead-ms": f"{overhead:.3f}", "x-bastion-action": insp.action}
            )
        except GatewayHTTPError as exc:
            return await self._finish_error(request, ctx, exc, **fields)

    async def _models(self, request: Request) -> Response:
        ctx = context_of(request)
        try:
            key = await self.authenticate(request)
            request.scope["bastion.key"] = key
            policy = self.config.policy(key.policy)
            seen: dict[str, dict[str, Any]] = {}
            for up in self.pool.upstreams:
                try:
                    resp = await self._send_get(up, "/models", ctx)
                    data = orjson.loads(resp)
                    items = data.get("data") if isinstance(data, dict) else None
                except (GatewayHTTPError, orjson.JSONDecodeError):
                    items = None
                if not isinstance(items, list):
                    items = [{"id": m, "object": "model", "owned_by": up.name} for m in up.models if "*" not in m]
                for it in items:
                    if isinstance(it, dict) and isinstance(it.get("id"), str):
                        mid = it["id"]
                        if (
                            name_matches(mid, up.models)
                            and name_matches(mid, policy.models)
                            and self.pool.route(mid) is up
                        ):
                            seen.setdefault(
                                mid,
                                {
                                    "id": mid,
                                    "object": "model",
                                    "created": it.get("created", 0),
                                    "owned_by": it.get("owned_by", up.name),
                                },
                            )
            return json_response(
                {"object": "list", "data": list(seen.values())},
                headers={"x-bastion-overhead-ms": f"{ctx.overhead_ms():.3f}"},
            )
        except GatewayHTTPError as exc:
            return await self._finish_error(request, ctx, exc)

    async def _send_get(self, up: Upstream, path: str, ctx: RequestContext) -> bytes:
        t = time.perf_counter()
        try:
            resp = await up.client.get(path, headers=up.headers())
        except httpx.HTTPError:
            raise GatewayHTTPError(502, "upstream unavailable", code="upstream_unavailable") from None
        finally:
            ctx.upstream_s += time.perf_counter() - t
        if resp.status_code >= 400 or len(resp.content) > _MAX_UPSTREAM_BYTES:
            raise GatewayHTTPError(502, "upstream failed", code="upstream_error")
        return resp.content

    # ------------------------------------------------------------ admin ops
    def admin_authorized(self, request: Request) -> bool:
        token = self._admin_token
        if not token:
            return False
        values = request.headers.getlist("authorization")
        if len(values) != 1:
            return False
        scheme, _, presented = values[0].partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(presented.strip().encode(), token.encode())

    async def create_key(
        self, name: str, *, rpm: int | None, tpm: int | None, expires: str | None, policy: str
    ) -> tuple[str, ApiKey]:
        token, rec = mint_key(
            name, rpm=rpm, tpm=tpm, expires_in_s=parse_duration(expires) if expires else None, policy=policy
        )
        await self.keys.put(rec)
        return token, rec

    async def revoke_key(self, ident: str) -> ApiKey | None:
        return await revoke(self.keys, ident)

    @staticmethod
    def error_bytes(status: int, message: str, code: str) -> bytes:
        return error_body(status, message, code=code)


class _ScanFailed(Exception):
    pass


class _UpstreamStreamError(Exception):
    pass


class _KeyAuth:
    """Pure ASGI wrapper: API key and rate limit before a mounted app (MCP proxy)."""

    def __init__(self, gw: Gateway, app: ASGIApp) -> None:
        self.gw = gw
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        ctx = context_of(request)
        try:
            key = await self.gw.authenticate(request)
            request.scope["bastion.key"] = key
            await self.gw._rate_limit(key, 1)
        except GatewayHTTPError as exc:
            response = await self.gw._finish_error(request, ctx, exc)
            await response(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        if isinstance(state, dict):
            state["key_id"] = key.key_id
        await self.app(scope, receive, send)


def _stream_error(message: str, type_: str, code: str) -> dict[str, Any]:
    """An OpenAI-shaped error object sent as the last frame of a broken stream."""
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}

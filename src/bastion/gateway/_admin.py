"""The admin API (127.0.0.1:8601 by default): health, metrics, keys and approvals.

``GET /healthz`` and ``GET /metrics`` need no token (metrics carry no key ids or text).
Everything under ``/admin/`` needs ``Authorization: Bearer <admin token>``; with no admin
token configured every admin call is refused (403), so the API is closed by default.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bastion.errors import BastionError
from bastion.gateway._http import GatewayHTTPError, error_response, json_response, read_body

if TYPE_CHECKING:
    from bastion.gateway._app import Gateway

__all__ = ["build_admin_app"]


def build_admin_app(gw: Gateway) -> Starlette:
    async def guarded(request: Request) -> None:
        if not gw._admin_token:
            raise GatewayHTTPError(
                403, "the admin API is disabled: set an admin token (auth.admin_token_env)", code="admin_disabled"
            )
        if not gw.admin_authorized(request):
            raise GatewayHTTPError(401, "invalid admin token", code="invalid_admin_token")

    async def body_of(request: Request) -> dict[str, Any]:
        raw = await read_body(request, max_bytes=65_536, timeout_s=10.0)
        if not raw:
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise GatewayHTTPError(400, "the request body is not valid JSON", code="invalid_json") from None
        if not isinstance(data, dict):
            raise GatewayHTTPError(400, "the request body must be a JSON object", code="invalid_request")
        return data

    async def audited(request: Request, action: str, **fields: Any) -> None:
        ctx = request.scope.get("bastion.ctx")
        await gw._audit(
            {"ts": time.time(), "event": f"admin.{action}", "trace_id": getattr(ctx, "trace_id", None), **fields}
        )

    async def health(request: Request) -> Response:
        return json_response({"status": "ok"})

    async def metrics(request: Request) -> Response:
        return PlainTextResponse(gw.metrics.render(), media_type="text/plain; version=0.0.4")

    async def list_keys(request: Request) -> Response:
        try:
            await guarded(request)
            keys = await gw.keys.list()
            return json_response({"data": [k.public() for k in keys]})
        except GatewayHTTPError as exc:
            return error_response(exc)

    async def create_key(request: Request) -> Response:
        try:
            await guarded(request)
            data = await body_of(request)
            name = data.get("name")
            if not isinstance(name, str):
                raise GatewayHTTPError(400, "'name' is required", code="invalid_request", param="name")
            for f in ("rpm", "tpm"):
                if data.get(f) is not None and (not isinstance(data[f], int) or isinstance(data[f], bool)):
                    raise GatewayHTTPError(400, f"'{f}' must be an integer", code="invalid_request", param=f)
            expires = data.get("expires")
            policy = data.get("policy", "default")
            if (expires is not None and not isinstance(expires, str)) or not isinstance(policy, str):
                raise GatewayHTTPError(
                    400, "'expires' (e.g. \"30d\") and 'policy' must be strings", code="invalid_request"
                )
            if policy not in gw.config.policies:
                raise GatewayHTTPError(400, f"unknown policy {policy[:64]!r}", code="invalid_request", param="policy")
            try:
                token, rec = await gw.create_key(
                    name, rpm=data.get("rpm"), tpm=data.get("tpm"), expires=expires, policy=policy
                )
            except BastionError as exc:
                raise GatewayHTTPError(400, str(exc), code="invalid_request") from None
            await audited(request, "key_created", key_id=rec.key_id, name=rec.name)
            return json_response({**rec.public(), "key": token}, status=201)
        except GatewayHTTPError as exc:
            return error_response(exc)

    async def revoke_key(request: Request) -> Response:
        try:
            await guarded(request)
            rec = await gw.revoke_key(request.path_params["ident"])
            if rec is None:
                raise GatewayHTTPError(404, "no such key", code="not_found")
            await audited(request, "key_revoked", key_id=rec.key_id, name=rec.name)
            return json_response(rec.public())
        except GatewayHTTPError as exc:
            return error_response(exc)

    async def list_approvals(request: Request) -> Response:
        try:
            await guarded(request)
            return json_response({"data": [a.public() for a in await gw.approvals.list()]})
        except GatewayHTTPError as exc:
            return error_response(exc)

    async def decide(request: Request) -> Response:
        try:
            await guarded(request)
            data = await body_of(request)
            decision = data.get("decision")
            if decision not in ("approve", "deny"):
                raise GatewayHTTPError(
                    400, '\'decision\' must be "approve" or "deny"', code="invalid_request", param="decision"
                )
            a = await gw.approvals.decide(request.path_params["approval_id"], decision == "approve", by="admin-api")
            if a is None:
                raise GatewayHTTPError(404, "no pending approval with this id", code="not_found")
            await audited(
                request,
                "approval_" + a.status,
                approval_id=a.approval_id,
                key_id=a.key_id,
                tool=a.tool,
                approval_trace=a.trace_id,
            )
            return json_response(a.public())
        except GatewayHTTPError as exc:
            return error_response(exc)

    return Starlette(
        routes=[
            Route("/healthz", health, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            Route("/admin/keys", list_keys, methods=["GET"]),
            Route("/admin/keys", create_key, methods=["POST"]),
            Route("/admin/keys/{ident}/revoke", revoke_key, methods=["POST"]),
            Route("/admin/approvals", list_approvals, methods=["GET"]),
            Route("/admin/approvals/{approval_id}", decide, methods=["POST"]),
        ]
    )

"""Human approval: pending requests persist in the StateStore; approve/deny carry an identity
and a reason; a request that times out counts as denied; a webhook notifies reviewers
(Slack-compatible JSON); every step is audited."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

import anyio
import httpx

from bastion.errors import PolicyError
from bastion.policy._audit import AuditSink
from bastion.policy._types import Decision
from bastion.state._base import ApprovalRecord, ApprovalStatus, StateStore

__all__ = ["ApprovalNotifier", "ApprovalService", "WebhookNotifier"]


@runtime_checkable
class ApprovalNotifier(Protocol):
    async def notify(self, record: ApprovalRecord) -> None: ...


class WebhookNotifier:
    """Posts a Slack-compatible message (``text`` + ``blocks``) for each new request.

    The caller passes the ``httpx.AsyncClient`` (tests use ``httpx.MockTransport``). The
    message carries the masked call and the reasons, never raw argument secrets.
    """

    def __init__(self, url: str, client: httpx.AsyncClient, *, review_hint: str = "bastion approvals approve") -> None:
        self.url = url
        self.client = client
        self.review_hint = review_hint

    @staticmethod
    def message(record: ApprovalRecord, review_hint: str = "bastion approvals approve") -> dict[str, Any]:
        reasons = record.payload.get("reasons", [])
        reason_lines = "\n".join(
            f"• `{r.get('rule_id')}`: {r.get('message')}" for r in reasons if isinstance(r, Mapping)
        )
        text = f"Approval needed: agent `{record.agent}` wants to call `{record.tool}` (request {record.approval_id})"
        return {
            "text": text,
            "blocks": [
                {"type": "section", "text": {"type": "mrkdwn", "text": f"*{text}*"}},
                {"type": "section", "text": {"type": "mrkdwn", "text": reason_lines or "(no reasons)"}},
                {
                    "type": "context",
                    "elements": [
                        {
                            "type": "mrkdwn",
                            "text": (
                                f"Decide with `{review_hint} {record.approval_id} --by NAME --reason TEXT` "
                                f"before <!date^{int(record.expires_at)}^{{date_short_pretty}} {{time}}|the deadline>; "
                                "no answer means deny."
                            ),
                        }
                    ],
                },
            ],
        }

    async def notify(self, record: ApprovalRecord) -> None:
        resp = await self.client.post(self.url, json=self.message(record, self.review_hint))
        if resp.status_code >= 300:
            raise PolicyError(f"approval webhook answered HTTP {resp.status_code}")


class ApprovalService:
    """Creates, lists and resolves approval requests on a :class:`StateStore`."""

    def __init__(
        self,
        store: StateStore,
        *,
        timeout_s: float = 900.0,
        notifier: ApprovalNotifier | None = None,
        audit: AuditSink | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if timeout_s <= 0:
            raise PolicyError("approval timeout must be positive")
        self.store = store
        self.timeout_s = timeout_s
        self.notifier = notifier
        self.audit = audit
        self.clock = clock

    async def _audit(self, kind: str, record: ApprovalRecord, **extra: Any) -> None:
        if self.audit is not None:
            payload = record.to_dict() | extra
            await self.audit.append(kind, payload, correlation_id=record.decision_id)

    async def request(self, decision: Decision, *, timeout_s: float | None = None) -> ApprovalRecord:
        now = self.clock()
        record = ApprovalRecord(
            approval_id="apr_" + uuid.uuid4().hex[:20],
            status=ApprovalStatus.PENDING,
            created_at=now,
            expires_at=now + (timeout_s or self.timeout_s),
            agent=decision.agent,
            tool=decision.tool,
            session_id=decision.session_id,
            decision_id=decision.decision_id,
            payload=MappingProxyType(
                {
                    "args": dict(decision.args_masked),
                    "reasons": [r.to_dict() for r in decision.reasons],
                    "policy_version": decision.policy_version,
                }
            ),
        )
        await self.store.put_approval(record)
        await self._audit("approval.requested", record)
        if self.notifier is not None:
            try:
                await self.notifier.notify(record)
            except (PolicyError, httpx.HTTPError) as exc:
                # The request stays pending (and times out to deny); the failure is audited.
                await self._audit("approval.notify_failed", record, error=type(exc).__name__)
        return record

    async def get(self, approval_id: str) -> ApprovalRecord:
        """The request with its effective status (expired requests are resolved as such)."""
        record = await self.store.get_approval(approval_id)
        if record is None:
            raise PolicyError(f"no approval request {approval_id!r}; list them with 'bastion approvals list'")
        now = self.clock()
        if record.effective_status(now) is ApprovalStatus.EXPIRED and record.status is ApprovalStatus.PENDING:
            updated = await self.store.resolve_approval(
                approval_id, ApprovalStatus.EXPIRED, "timeout", "no answer before the deadline", now
            )
            if updated is not None:
                await self._audit("approval.expired", updated)
                return updated
            again = await self.store.get_approval(approval_id)
            return again if again is not None else record
        return record

    async def list(self, status: ApprovalStatus | None = None) -> list[ApprovalRecord]:
        out = []
        for r in await self.store.list_approvals(None):
            r = await self.get(r.approval_id) if r.status is ApprovalStatus.PENDING else r
            if status is None or r.status is status:
                out.append(r)
        return out

    async def _resolve(self, approval_id: str, status: ApprovalStatus, by: str, reason: str) -> ApprovalRecord:
        if not by.strip():
            raise PolicyError("an approval decision needs the reviewer's identity (--by)")
        if not reason.strip():
            raise PolicyError("an approval decision needs a reason (--reason)")
        current = await self.get(approval_id)
        if current.status is not ApprovalStatus.PENDING:
            raise PolicyError(f"approval request {approval_id!r} is already {current.status.value}")
        updated = await self.store.resolve_approval(approval_id, status, by.strip(), reason.strip(), self.clock())
        if updated is None:
            latest = await self.get(approval_id)
            raise PolicyError(f"approval request {approval_id!r} is already {latest.status.value}")
        await self._audit(f"approval.{status.value}", updated)
        return updated

    async def approve(self, approval_id: str, *, by: str, reason: str) -> ApprovalRecord:
        return await self._resolve(approval_id, ApprovalStatus.APPROVED, by, reason)

    async def deny(self, approval_id: str, *, by: str, reason: str) -> ApprovalRecord:
        return await self._resolve(approval_id, ApprovalStatus.DENIED, by, reason)

    async def wait(self, approval_id: str, *, poll_s: float = 0.5, max_wait_s: float | None = None) -> ApprovalRecord:
        """Poll until the request is resolved or expires (expiry means deny)."""
        started = self.clock()
        while True:
            record = await self.get(approval_id)
            if record.status is not ApprovalStatus.PENDING:
                return record
            if max_wait_s is not None and self.clock() - started >= max_wait_s:
                return record
            await anyio.sleep(poll_s)

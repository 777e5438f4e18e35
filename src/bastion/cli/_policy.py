"""``bastion policy``, ``bastion approvals`` and ``bastion quarantine``: thin wrappers over
:mod:`bastion.policy` and :mod:`bastion.limits`.

Exit codes: 0 ok (``policy explain``: the call is allowed), 1 the policy is invalid or the
call is not allowed, 2 usage or input errors.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bastion.errors import ConfigError, InputError, PolicyError
from bastion.limits import Limiter
from bastion.policy import ApprovalService, AuditSink, Firewall, Session, ToolCall, load_policy
from bastion.policy._model import LimitsSpec
from bastion.state import ApprovalRecord, ApprovalStatus, SqliteStateStore

__all__ = ["approvals_app", "policy_app", "quarantine_app", "register"]

policy_app = typer.Typer(help="Check and explain tool-call policies.", no_args_is_help=True)
approvals_app = typer.Typer(help="List and decide pending human approvals.", no_args_is_help=True)
quarantine_app = typer.Typer(help="List and release quarantined agents.", no_args_is_help=True)

T = TypeVar("T")

_STATE_HELP = "SQLite state database shared with the firewall (env BASTION_STATE)."
_DEFAULT_STATE = Path("bastion-state.db")


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


@policy_app.command("check")
def policy_check(
    files: list[Path] = typer.Argument(..., help="Policy YAML file(s)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON report."),
) -> None:
    """Validate policy files; every problem is listed with its line number."""
    report: list[dict[str, Any]] = []
    ok = True
    for f in files:
        try:
            p = load_policy(f)
            report.append(
                {
                    "file": str(f),
                    "ok": True,
                    "name": p.name,
                    "version": p.version,
                    "tools": len(p.tools),
                    "problems": [],
                }
            )
        except ConfigError as exc:
            ok = False
            report.append(
                {
                    "file": str(f),
                    "ok": False,
                    "problems": [
                        {"line": pr.line, "location": pr.location, "message": pr.message} for pr in exc.problems
                    ],
                }
            )
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        con = _out()
        for r in report:
            if r["ok"]:
                con.print(f"[green]ok[/] {r['file']}: policy {r['name']!r}, {r['tools']} tools, {r['version']}")
            else:
                con.print(f"[red]invalid[/] {r['file']}: {len(r['problems'])} problem(s)")
                for pr in r["problems"]:
                    where = f"{r['file']}:{pr['line']}" if pr["line"] else r["file"]
                    loc = f" ({pr['location']})" if pr["location"] else ""
                    con.print(escape(f"  {where}{loc}: {pr['message']}"))
    raise typer.Exit(0 if ok else 1)


@policy_app.command("explain")
def policy_explain(
    file: Path = typer.Argument(..., help="Policy YAML file."),
    tool: str = typer.Option(..., "--tool", help="Tool name of the call."),
    args: str = typer.Option("{}", "--args", help="Arguments as a JSON object."),
    prompt: str = typer.Option("", "--prompt", help="The user's request (trusted source)."),
    output: list[str] = typer.Option(
        [], "--output", help="A prior tool output as TOOL=TEXT (repeatable); labelled per the policy."
    ),
    agent: str = typer.Option("default", "--agent", help="Agent name."),
    as_json: bool = typer.Option(False, "--json", help="Print the decision as JSON."),
) -> None:
    """Dry-run one call against a policy in a fresh session and show the decision and why."""
    policy = load_policy(file)
    try:
        parsed = json.loads(args)
    except json.JSONDecodeError as exc:
        raise InputError(f"--args is not valid JSON (column {exc.colno}): {exc.msg}") from None
    if not isinstance(parsed, dict):
        raise InputError("--args must be a JSON object")

    async def run() -> dict[str, Any]:
        fw = Firewall(policy, limits=False)
        session = Session("explain", agent=agent, user_prompt=prompt or None)
        for item in output:
            name, sep, text = item.partition("=")
            if not sep:
                raise InputError(f"--output {item!r} must look like TOOL=TEXT")
            await fw.record_output(session, name, text)
        decision = await fw.check(ToolCall(tool=tool, args=parsed, agent=agent), session)
        return decision.to_dict()

    d = asyncio.run(run())
    if as_json:
        typer.echo(json.dumps(d, indent=2, default=str))
    else:
        con = _out()
        color = {"allow": "green", "deny": "red"}.get(d["action"], "yellow")
        con.print(f"[{color}]{d['action']}[/] {tool} (policy {d['policy_version']}, taint {d['taint']})")
        for r in d["reasons"]:
            con.print(escape(f"  - {r['rule_id']} [{r['action']}]: {r['message']}"))
    raise typer.Exit(0 if d["action"] == "allow" else 1)


_AUDIT_HELP = "SQLite audit log to record the decision in (env BASTION_AUDIT; same file as 'bastion log --db')."


def _service(state: Path, audit: AuditSink | None = None) -> ApprovalService:
    return ApprovalService(SqliteStateStore(state), audit=audit)


async def _with_audit(audit_db: Path | None, fn: Callable[[AuditSink | None], Awaitable[T]]) -> T:
    """Run ``fn`` with the audit log open (when ``--audit`` was given)."""
    if audit_db is None:
        return await fn(None)
    from bastion.audit import AuditLog, SQLiteAuditStore

    async with AuditLog(SQLiteAuditStore(audit_db)) as log:
        return await fn(log)


@approvals_app.command("list")
def approvals_list(
    state: Path = typer.Option(_DEFAULT_STATE, "--state", envvar="BASTION_STATE", help=_STATE_HELP),
    status: str = typer.Option("pending", "--status", help="pending, approved, denied, expired or all."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List approval requests (pending by default)."""
    if status != "all" and status not in {s.value for s in ApprovalStatus}:
        raise InputError(f"unknown status {status!r}; use pending, approved, denied, expired or all")
    wanted = None if status == "all" else ApprovalStatus(status)
    records = asyncio.run(_service(state).list(wanted))
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in records], indent=2))
        return
    table = Table("id", "status", "agent", "tool", "reasons", "expires in")
    now = time.time()
    for r in records:
        reasons = ", ".join(str(x.get("rule_id")) for x in r.payload.get("reasons", []) if isinstance(x, dict))
        left = max(0, int(r.expires_at - now)) if r.status is ApprovalStatus.PENDING else "-"
        table.add_row(r.approval_id, r.status.value, r.agent, r.tool, reasons, f"{left}s" if left != "-" else "-")
    _out().print(table)


def _decide(approval_id: str, state: Path, by: str, reason: str, approve: bool, audit_db: Path | None) -> None:
    async def run(audit: AuditSink | None) -> ApprovalRecord:
        svc = _service(state, audit)
        if approve:
            return await svc.approve(approval_id, by=by, reason=reason)
        return await svc.deny(approval_id, by=by, reason=reason)

    record = asyncio.run(_with_audit(audit_db, run))
    _out().print(f"{record.approval_id}: {record.status.value} by {record.resolved_by}")


@approvals_app.command("approve")
def approvals_approve(
    approval_id: str = typer.Argument(..., help="Request id (apr_...)."),
    by: str = typer.Option(..., "--by", help="Your identity (recorded in the audit log)."),
    reason: str = typer.Option(..., "--reason", help="Why (recorded in the audit log)."),
    state: Path = typer.Option(_DEFAULT_STATE, "--state", envvar="BASTION_STATE", help=_STATE_HELP),
    audit: Path | None = typer.Option(None, "--audit", envvar="BASTION_AUDIT", help=_AUDIT_HELP),
) -> None:
    """Approve a pending request."""
    _decide(approval_id, state, by, reason, True, audit)


@approvals_app.command("deny")
def approvals_deny(
    approval_id: str = typer.Argument(..., help="Request id (apr_...)."),
    by: str = typer.Option(..., "--by", help="Your identity (recorded in the audit log)."),
    reason: str = typer.Option(..., "--reason", help="Why (recorded in the audit log)."),
    state: Path = typer.Option(_DEFAULT_STATE, "--state", envvar="BASTION_STATE", help=_STATE_HELP),
    audit: Path | None = typer.Option(None, "--audit", envvar="BASTION_AUDIT", help=_AUDIT_HELP),
) -> None:
    """Deny a pending request."""
    _decide(approval_id, state, by, reason, False, audit)


@quarantine_app.command("list")
def quarantine_list(
    state: Path = typer.Option(_DEFAULT_STATE, "--state", envvar="BASTION_STATE", help=_STATE_HELP),
) -> None:
    """List quarantined agents."""
    limiter = Limiter(LimitsSpec(), SqliteStateStore(state))
    infos = asyncio.run(limiter.quarantined_agents(time.time()))
    for q in infos:
        typer.echo(f"{q.agent}\t{q.reason}")


@quarantine_app.command("release")
def quarantine_release(
    agent: str = typer.Argument(..., help="Agent name."),
    by: str = typer.Option(..., "--by", help="Your identity."),
    reason: str = typer.Option(..., "--reason", help="Why the agent may run again."),
    state: Path = typer.Option(_DEFAULT_STATE, "--state", envvar="BASTION_STATE", help=_STATE_HELP),
    audit: Path | None = typer.Option(None, "--audit", envvar="BASTION_AUDIT", help=_AUDIT_HELP),
) -> None:
    """Release a quarantined agent."""
    if not by.strip() or not reason.strip():
        raise PolicyError("releasing a quarantine needs --by and --reason")

    async def run(log: AuditSink | None) -> bool:
        done = await Limiter(LimitsSpec(), SqliteStateStore(state)).release(agent)
        if log is not None:
            payload = {"agent": agent, "by": by, "reason": reason, "released": done, "at": time.time()}
            await log.append("limits.release", payload)
        return done

    released = asyncio.run(_with_audit(audit, run))
    if not released:
        raise PolicyError(f"agent {agent!r} is not quarantined")
    typer.echo(f"{agent}: released by {by}")


def register(app: typer.Typer) -> None:
    app.add_typer(policy_app, name="policy")
    app.add_typer(approvals_app, name="approvals")
    app.add_typer(quarantine_app, name="quarantine")

"""``bastion mcp``: run a local stdio MCP server behind bastion, and manage tool pins."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import typer

from bastion.gateway.mcp import McpGuard, McpPolicy, SqlitePinStore, run_stdio_proxy

__all__ = ["mcp_app"]

mcp_app = typer.Typer(help="MCP proxy: inspect tools/list, tools/call and tool results.", no_args_is_help=True)


def _default_pins() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "bastion" / "mcp_pins.db"


def _open_pins(path: Path | None) -> SqlitePinStore:
    p = path or _default_pins()
    p.parent.mkdir(parents=True, exist_ok=True)
    return SqlitePinStore(p)


_CHOICES = {
    "on_poisoned": ("remove", "flag"),
    "on_rug_pull": ("deny", "alert"),
    "on_flagged_result": ("block", "mark", "allow"),
}


@mcp_app.command("proxy", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def proxy(
    ctx: typer.Context,
    name: str = typer.Option("default", "--name", help="Name of the upstream server (pins are kept per name)."),
    pins: Path | None = typer.Option(
        None, "--pins", help="SQLite file for tool pins (default: ~/.local/share/bastion)."
    ),
    allow_tool: list[str] = typer.Option(None, "--allow-tool", help="Only these tools are shown and callable."),
    deny_tool: list[str] = typer.Option(None, "--deny-tool", help="These tools are never shown nor callable."),
    on_poisoned: str = typer.Option("remove", "--on-poisoned", help="remove | flag"),
    on_rug_pull: str = typer.Option("deny", "--on-rug-pull", help="deny | alert"),
    on_flagged_result: str = typer.Option("block", "--on-flagged-result", help="block | mark | allow"),
) -> None:
    """Run `-- CMD ARGS...` (a stdio MCP server) behind bastion, speaking MCP on stdin/stdout."""
    argv = list(ctx.args)
    if not argv:
        typer.echo(
            "bastion mcp proxy: error: give the server command after `--`, e.g. -- uvx mcp-server-time", err=True
        )
        raise typer.Exit(2)
    for opt, value in (
        ("on_poisoned", on_poisoned),
        ("on_rug_pull", on_rug_pull),
        ("on_flagged_result", on_flagged_result),
    ):
        if value not in _CHOICES[opt]:
            flag = "--" + opt.replace("_", "-")
            typer.echo(f"bastion mcp proxy: error: {flag} must be one of {', '.join(_CHOICES[opt])}", err=True)
            raise typer.Exit(2)
    policy = McpPolicy(
        allowed_tools=frozenset(allow_tool) if allow_tool else None,
        denied_tools=frozenset(deny_tool or ()),
        on_poisoned=on_poisoned,  # type: ignore[arg-type]
        on_rug_pull=on_rug_pull,  # type: ignore[arg-type]
        on_flagged_result=on_flagged_result,  # type: ignore[arg-type]
    )
    store = _open_pins(pins)
    guard = McpGuard(server=name, policy=policy, pins=store)
    try:
        rc = asyncio.run(run_stdio_proxy(guard, argv))
    finally:
        store.close()
    raise typer.Exit(rc)


@mcp_app.command("pins")
def pins_cmd(
    action: str = typer.Argument("list", help="list | reset"),
    server: str | None = typer.Option(None, "--server", help="Server name (reset: required)."),
    tool: str | None = typer.Option(None, "--tool", help="Reset only this tool's pin."),
    pins: Path | None = typer.Option(None, "--pins", help="SQLite file for tool pins."),
) -> None:
    """List tool pins, or reset them after reviewing a changed tool definition."""
    store = _open_pins(pins)
    try:
        if action == "list":
            for s, t, d in asyncio.run(store.items()):
                typer.echo(f"{s}\t{t}\t{d}")
        elif action == "reset":
            if not server:
                typer.echo("bastion mcp pins reset: error: --server is required", err=True)
                raise typer.Exit(2)
            n = asyncio.run(store.reset(server, tool))
            typer.echo(f"removed {n} pin(s); the next tools/list pins the current definitions")
        else:
            typer.echo("bastion mcp pins: error: action must be list or reset", err=True)
            raise typer.Exit(2)
    finally:
        store.close()

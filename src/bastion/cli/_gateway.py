"""``bastion serve``, ``bastion keys``, ``bastion config`` and ``bastion demo``.

The CLI is the edge: it reads the config file (``--config`` or ``$BASTION_CONFIG``) and the
environment variables the config names (upstream API keys, the admin token), once, and
passes the values into the library.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import orjson
import typer

from bastion.config import BastionConfig, config_schema, load_config, validate_config
from bastion.errors import BastionError, ConfigError

__all__ = ["config_app", "demo", "keys_app", "register", "serve"]

keys_app = typer.Typer(help="API keys for the gateway (shown once, stored hashed).", no_args_is_help=True)
config_app = typer.Typer(help="Check the config file or print its JSON schema.", no_args_is_help=True)

_CONFIG_OPT = typer.Option(
    None, "--config", "-c", help="YAML config file (default: $BASTION_CONFIG, else built-in defaults)."
)


def _load(path: Path | None) -> BastionConfig:
    chosen = path or (Path(os.environ["BASTION_CONFIG"]) if os.environ.get("BASTION_CONFIG") else None)
    return load_config(chosen)


def _upstream_keys(cfg: BastionConfig) -> dict[str, str]:
    out: dict[str, str] = {}
    for u in cfg.upstreams:
        if u.api_key_env:
            value = os.environ.get(u.api_key_env)
            if not value:
                typer.echo(f"bastion: warning: ${u.api_key_env} (API key of upstream {u.name!r}) is not set", err=True)
            else:
                out[u.name] = value
    return out


def serve(
    config: Path | None = _CONFIG_OPT,
    host: str | None = typer.Option(None, "--host", help="Override server.host."),
    port: int | None = typer.Option(None, "--port", help="Override server.port (0: any free port)."),
    admin_port: int | None = typer.Option(None, "--admin-port", help="Override server.admin_port."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level."),
) -> None:
    """Run the gateway: OpenAI-compatible proxy (data plane) and admin API with metrics."""
    from bastion.gateway import build_gateway
    from bastion.gateway import serve as run

    cfg = _load(config)
    server_over: dict[str, Any] = {}
    if host is not None:
        server_over["host"] = host
    if port is not None:
        server_over["port"] = port
    if admin_port is not None:
        server_over["admin_port"] = admin_port
    if server_over:
        data = cfg.model_dump()
        data["server"].update(server_over)
        cfg = validate_config(data, source="bastion serve options")
    admin_token = os.environ.get(cfg.auth.admin_token_env) or None

    def ready(data_url: str, admin_url: str) -> None:
        typer.echo(f"bastion gateway listening on {data_url}  (OpenAI-compatible: set base_url to this)")
        typer.echo(f"admin API and metrics on {admin_url}  (GET /metrics, /healthz)")
        if not cfg.upstreams:
            typer.echo("upstream: BUILT-IN DEMO UPSTREAM (a scripted fake model named 'bastion-demo', not a real LLM);")
            typer.echo("          configure `upstreams:` in a config file to proxy Ollama, vLLM or OpenAI")
        else:
            typer.echo("upstreams: " + ", ".join(f"{u.name} ({', '.join(u.models)})" for u in cfg.upstreams))
        if cfg.auth.required:
            typer.echo("auth: API keys required; create one with `bastion keys create --name NAME`")
        else:
            typer.echo("auth: OFF (loopback only)")
        typer.echo(f"state: {cfg.stores.state}, audit: {cfg.stores.audit} (data dir {cfg.stores.data_dir})")
        if admin_token is None:
            typer.echo(f"admin API: closed (set ${cfg.auth.admin_token_env} to enable /admin/*)")

    async def main() -> None:
        gw, res = await build_gateway(cfg, upstream_keys=_upstream_keys(cfg), admin_token=admin_token)
        await run(gw, res, log_level=log_level, on_ready=ready)

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass


async def _with_store(cfg: BastionConfig, fn: Any) -> Any:
    from bastion.gateway._server import Resources, open_key_store

    res = Resources()
    try:
        store = open_key_store(cfg, res)
        if cfg.stores.state == "memory":
            raise BastionError(
                "stores.state is 'memory': keys would vanish when this command exits; use sqlite or redis"
            )
        return await fn(store)
    finally:
        await res.aclose()


@keys_app.command("create")
def keys_create(
    name: str = typer.Option(..., "--name", help="A name for the key (agent, team ...)."),
    rpm: int | None = typer.Option(None, "--rpm", min=1, help="Requests per minute (default: limits.rpm, 10)."),
    tpm: int | None = typer.Option(None, "--tpm", min=1, help="Tokens per minute (default: limits.tpm)."),
    expires: str | None = typer.Option(None, "--expires", help="Lifetime such as 30d, 12h, 90m (default: never)."),
    policy: str = typer.Option("default", "--policy", help="Name of a policy in the config's `policies:`."),
    config: Path | None = _CONFIG_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print the key and its record as JSON."),
) -> None:
    """Create an API key. The key is printed once; only its SHA-256 digest is stored."""
    from bastion.gateway._keys import mint_key, parse_duration

    cfg = _load(config)
    if policy not in cfg.policies:
        raise BastionError(f"unknown policy {policy!r}; the config defines: {', '.join(sorted(cfg.policies))}")
    token, rec = mint_key(
        name, rpm=rpm, tpm=tpm, expires_in_s=parse_duration(expires) if expires else None, policy=policy
    )

    async def put(store: Any) -> None:
        await store.put(rec)

    asyncio.run(_with_store(cfg, put))
    if as_json:
        typer.echo(orjson.dumps({**rec.public(), "key": token}).decode())
        return
    typer.echo(token)
    limits = f"rpm={rpm or cfg.limits.rpm} tpm={tpm or cfg.limits.tpm}"
    typer.echo(
        f"created key {rec.key_id} ({name}, {limits}, policy {policy}); it is shown only once, store it now", err=True
    )


@keys_app.command("list")
def keys_list(config: Path | None = _CONFIG_OPT, as_json: bool = typer.Option(False, "--json")) -> None:
    """List keys (ids, names, limits, state); never the keys themselves."""
    import time

    cfg = _load(config)

    async def get(store: Any) -> Any:
        return await store.list()

    keys = asyncio.run(_with_store(cfg, get))
    if as_json:
        typer.echo(orjson.dumps([k.public() for k in keys]).decode())
        return
    now = time.time()
    for k in keys:
        state = (
            "revoked" if k.revoked else ("expired" if k.expires_at is not None and now >= k.expires_at else "active")
        )
        typer.echo(
            f"{k.key_id}  {k.name:<24} {state:<8} rpm={k.rpm or cfg.limits.rpm} "
            f"tpm={k.tpm or cfg.limits.tpm} policy={k.policy}"
        )
    if not keys:
        typer.echo("no keys yet; create one with `bastion keys create --name NAME`", err=True)


@keys_app.command("revoke")
def keys_revoke(
    ident: str = typer.Argument(..., help="Key id or name (all keys with that name)."),
    config: Path | None = _CONFIG_OPT,
) -> None:
    """Revoke a key (takes effect within a second on running gateways)."""
    from bastion.gateway._keys import revoke

    cfg = _load(config)

    async def rev(store: Any) -> Any:
        return await revoke(store, ident)

    rec = asyncio.run(_with_store(cfg, rev))
    if rec is None:
        raise BastionError(f"no key with id or name {ident!r}; see `bastion keys list`")
    typer.echo(f"revoked {rec.key_id} ({rec.name})")


@config_app.command("check")
def config_check(path: Path = typer.Argument(..., help="The YAML config file.")) -> None:
    """Validate a config file; prints every problem with its line. Exit 0 ok, 2 invalid."""
    try:
        cfg = load_config(path)
    except ConfigError as exc:
        typer.echo(f"{path}: {len(exc.problems)} problem(s)", err=True)
        for p in exc.problems:
            typer.echo(f"  {p}", err=True)
        raise typer.Exit(2) from None
    ups = ", ".join(u.name for u in cfg.upstreams) or "built-in demo upstream"
    typer.echo(
        f"{path}: ok (listen {cfg.server.host}:{cfg.server.port}, upstreams: {ups}, "
        f"policies: {', '.join(sorted(cfg.policies))})"
    )


@config_app.command("schema")
def config_schema_cmd() -> None:
    """Print the JSON schema of the config file."""
    typer.echo(orjson.dumps(config_schema(), option=orjson.OPT_INDENT_2).decode())


def demo(
    url: str | None = typer.Option(None, "--url", help="A running gateway's base URL (default: start one in-process)."),
    key: str | None = typer.Option(None, "--key", help="API key for --url."),
) -> None:
    """Replay three production failures through the gateway and show what each layer did."""
    from bastion.gateway._scenarios import run_demo

    code = asyncio.run(run_demo(url=url, key=key, out=sys.stdout))
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
    app.add_typer(keys_app, name="keys")
    app.add_typer(config_app, name="config")

"""``bastion sandbox``: run a command in the sandbox, check what this machine enforces, print docker flags.

``run`` exit status: the command's own status when it exited; 128+N when killed by signal N; 124 on
timeout; 137 when stopped for memory, pids or output; 125 when refused (nothing ran).
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import sys

import typer

from bastion.errors import SandboxError
from bastion.sandbox import (
    BACKENDS,
    Feature,
    Reason,
    Sandbox,
    SandboxProfile,
    SandboxResult,
    docker_args,
    parse_network,
    parse_size,
)
from bastion.sandbox._profile import DEFAULT_READABLE
from bastion.sandbox._seccomp import docker_seccomp_profile

__all__ = ["sandbox_app"]

sandbox_app = typer.Typer(
    help="Run commands contained: no network, read-only filesystem, uid 65534, no privileges, hard limits.",
    no_args_is_help=True,
)

_EXIT = {Reason.TIMEOUT: 124, Reason.REFUSED: 125, Reason.MEMORY: 137, Reason.PIDS: 137, Reason.OUTPUT_LIMIT: 137}
_CTX = {"allow_interspersed_args": False}

_TIMEOUT = typer.Option(30.0, "--timeout", help="Wall-clock limit in seconds (the whole tree is killed).")
_MEMORY = typer.Option("512m", "--memory", help="Memory limit for the whole tree, e.g. 512m, 1g.")
_PIDS = typer.Option(100, "--pids", help="Process/thread limit for the whole tree.")
_NETWORK = typer.Option("none", "--network", help="'none' or 'allow:HOST:PORT[,HOST:PORT...]' (TCP only).")
_WRITABLE = typer.Option(
    None, "--writable", help="Directory mounted read-write (repeatable; must be writable by uid 65534). "
    "Default: a fresh scratch directory, removed afterwards.")
_READABLE = typer.Option(
    None, "--readable", help="Extra host path visible read-only (repeatable). Always visible: "
    + ", ".join(DEFAULT_READABLE))
_BACKEND = typer.Option("auto", "--backend", help=f"auto (strongest available) or one of: {', '.join(BACKENDS)}.")
_DOWNGRADE = typer.Option(
    None, "--allow-downgrade", help="Accept a backend that does not enforce this feature (repeatable): "
    + ", ".join(f.value for f in Feature))
_ENV = typer.Option(None, "--env", help="KEY=VALUE set inside the sandbox (repeatable). Nothing else is inherited.")


def _profile(timeout: float, memory: str, pids: int, network: str, writable: list[str] | None,
             readable: list[str] | None, downgrade: list[str] | None, env: list[str] | None) -> SandboxProfile:
    features = []
    for name in downgrade or []:
        try:
            features.append(Feature(name))
        except ValueError:
            raise SandboxError(f"unknown feature {name!r} for --allow-downgrade; "
                               f"choose from: {', '.join(f.value for f in Feature)}") from None
    pairs = []
    for item in env or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise SandboxError(f"--env {item!r} must be KEY=VALUE")
        pairs.append((key, value))
    extra = tuple(os.path.abspath(x) for x in readable or () if x not in DEFAULT_READABLE)
    return SandboxProfile(
        timeout=timeout, memory=parse_size(memory), pids=pids, network=parse_network(network),
        writable=tuple(os.path.abspath(x) for x in writable or ()), readable=DEFAULT_READABLE + extra,
        env=tuple(pairs), allow_downgrade=frozenset(features),
    )


def _refused(message: str, backend: str) -> SandboxResult:
    return SandboxResult(exit_code=None, reason=Reason.REFUSED, stdout=b"",
                         stderr=f"bastion sandbox: refused: {message}\n".encode(), backend=backend,
                         duration_ms=0.0, message=message)


def _emit(result: SandboxResult, as_json: bool) -> int:
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    else:
        sys.stdout.buffer.write(result.stdout)
        sys.stdout.flush()
        sys.stderr.buffer.write(result.stderr)
        if result.reason not in (Reason.EXITED, Reason.REFUSED) and result.message:
            sys.stderr.write(f"bastion sandbox: {result.reason.value}: {result.message}\n")
        sys.stderr.flush()
    if result.reason is Reason.EXITED:
        return result.exit_code or 0
    if result.reason is Reason.SIGNAL and result.exit_code is not None:
        return 128 + abs(result.exit_code)
    return _EXIT[result.reason]


@sandbox_app.command("run", context_settings=_CTX)
def run(
    cmd: list[str] = typer.Argument(None, help="The command and its arguments, after '--'."),
    timeout: float = _TIMEOUT,
    memory: str = _MEMORY,
    pids: int = _PIDS,
    network: str = _NETWORK,
    writable: list[str] = _WRITABLE,
    readable: list[str] = _READABLE,
    backend: str = _BACKEND,
    allow_downgrade: list[str] = _DOWNGRADE,
    env: list[str] = _ENV,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: exit_code, reason, stdout, "
                                 "stderr, backend, duration_ms."),
) -> None:
    """Run CMD in the sandbox; stdin is passed through. Example: bastion sandbox run --json -- python3 -c 'print(1)'"""
    try:
        profile = _profile(timeout, memory, pids, network, writable, readable, allow_downgrade, env)
        box = Sandbox(profile, backend=backend)
    except SandboxError as exc:
        raise typer.Exit(_emit(_refused(str(exc), backend if backend in BACKENDS else "none"), as_json)) from None
    stdin: int | None = None
    try:
        stdin = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):
        stdin = None
    result = asyncio.run(box.run(cmd or [], stdin=stdin))
    raise typer.Exit(_emit(result, as_json))


@sandbox_app.command("doctor")
def doctor(
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    timeout: float = _TIMEOUT,
    memory: str = _MEMORY,
    pids: int = _PIDS,
    network: str = _NETWORK,
    allow_downgrade: list[str] = _DOWNGRADE,
) -> None:
    """List the backends, what each enforces on this machine, why any is unavailable, and the automatic choice."""
    try:
        profile = _profile(timeout, memory, pids, network, None, None, allow_downgrade, None)
    except SandboxError as exc:
        typer.echo(f"bastion: error: {exc}", err=True)
        raise typer.Exit(2) from None
    box = Sandbox(profile)
    report = box.availability()
    try:
        chosen, _ = box.choose()
        choice, why_not = chosen.name, ""
    except SandboxError as exc:
        choice, why_not = None, str(exc)
    cg = box.cgroups
    if as_json:
        doc = {
            "cgroups": {"version": cg.version, "memory_parent": cg.memory_parent, "pids_parent": cg.pids_parent,
                        "problem": cg.problem},
            "backends": [
                {"name": a.name, "available": a.available, "detail": a.detail, "reason": a.reason,
                 "enforces": sorted(f.value for f in a.enforces),
                 "missing": {f.value: why for f, why in a.missing}}
                for a in report
            ],
            "auto": choice, "refusal": why_not,
        }
        typer.echo(json.dumps(doc, indent=2))
        return
    typer.echo(f"cgroups: v{cg.version} ({cg.memory_parent})" if cg.usable else f"cgroups: unusable: {cg.problem}")
    for a in report:
        if not a.available:
            typer.echo(f"\n{a.name}: UNAVAILABLE: {a.reason}")
            continue
        typer.echo(f"\n{a.name}: available ({a.detail})")
        typer.echo("  enforces: " + ", ".join(sorted(f.value for f in a.enforces)))
        for f, why in a.missing:
            typer.echo(f"  missing {f.value}: {why}")
    typer.echo("")
    if choice:
        typer.echo(f"automatic choice for this profile: {choice}")
    else:
        typer.echo(f"no backend enforces this profile: {why_not}")
        raise typer.Exit(1)


@sandbox_app.command("docker-args", context_settings=_CTX)
def docker_args_cmd(
    cmd: list[str] = typer.Argument(None, help="The command and its arguments, after '--'."),
    timeout: float = _TIMEOUT,
    memory: str = _MEMORY,
    pids: int = _PIDS,
    network: str = _NETWORK,
    writable: list[str] = _WRITABLE,
    image: str = typer.Option("debian:12-slim", "--image", help="Container image."),
    seccomp_out: str = typer.Option(None, "--seccomp-out", help="Also write bastion's seccomp profile (JSON) "
                                    "to this file and reference it."),
) -> None:
    """Print the equivalent `docker run` line (the playbook's flags plus bastion's limits)."""
    try:
        profile = _profile(timeout, memory, pids, network, writable, None, None, None)
        argv = docker_args(profile, cmd or ["CMD"], image=image, seccomp_profile=seccomp_out)
    except SandboxError as exc:
        typer.echo(f"bastion: error: {exc}", err=True)
        raise typer.Exit(2) from None
    if seccomp_out:
        with open(seccomp_out, "w", encoding="utf-8") as f:
            json.dump(docker_seccomp_profile(False), f, indent=1)
    typer.echo(shlex.join(argv))

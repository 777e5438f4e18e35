"""``bastion log``: verify, export, erase, checkpoint and retention for the audit log.

Exit codes: 0 fine, 1 the log does not verify, 2 usage or input errors.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import os
import sys
from collections.abc import Coroutine
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import orjson
import typer
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from bastion.audit import (
    AuditLog,
    SQLiteAuditStore,
    VerifyReport,
    load_private_key,
    load_public_key,
    private_key_pem,
    public_key_pem,
    verify_jsonl,
)
from bastion.errors import BastionError, InputError

__all__ = ["register"]

T = TypeVar("T")

DEFAULT_DB = "bastion-audit.db"

log_app = typer.Typer(
    name="log",
    help="The tamper-evident audit log: verify, export, erase a subject, checkpoint, retention.",
    no_args_is_help=True,
)

_DB = typer.Option(DEFAULT_DB, "--db", help="The SQLite audit store.")


def _fail(msg: str, code: int = 2) -> typer.Exit:
    typer.echo(f"bastion log: error: {msg}", err=True)
    return typer.Exit(code)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror})") from None


def _private(path: Path | None) -> Ed25519PrivateKey | None:
    return None if path is None else load_private_key(_read(path, "signing key"), source=str(path))


def _publics(paths: list[Path] | None) -> list[Ed25519PublicKey]:
    return [load_public_key(_read(p, "public key"), source=str(p)) for p in paths or ()]


def _kek(path: Path | None) -> bytes | None:
    if path is None:
        return None
    data = _read(path, "key-encryption key")
    if len(data) == 32:
        return data
    try:
        raw = base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise InputError(f"{path}: the key-encryption key must be 32 raw bytes or their base64")
    return raw


def _run(coro: Coroutine[Any, Any, T]) -> T:
    try:
        return asyncio.run(coro)
    except BastionError as exc:
        raise _fail(str(exc)) from None


def _log(db: str, **kw: Any) -> AuditLog:
    return AuditLog(SQLiteAuditStore(db), create=False, **kw)


def _print_report(rep: VerifyReport, as_json: bool) -> None:
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(rep.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
    else:
        for w in rep.warnings:
            typer.echo(f"warning: {w}", err=True)
        if rep.ok:
            span = f"seq {rep.first_seq}..{rep.last_seq}" if rep.last_seq is not None else "empty"
            typer.echo(
                f"OK: {rep.records_checked} record(s) ({span}), {rep.checkpoints_checked} checkpoint(s), "
                f"{rep.signatures_checked} signature(s) verified; head {rep.head_hash}"
            )
        else:
            problem = rep.problem.value if rep.problem is not None else "?"
            typer.echo(f"TAMPERED: first bad record: seq {rep.bad_seq} ({problem}): {rep.reason}")


@log_app.command("verify")
def verify_cmd(
    db: str = _DB,
    public_key: list[Path] = typer.Option(
        None, "--public-key", "-k", help="Ed25519 public key (PEM) that signs checkpoints; repeat for rotated keys."
    ),
    chain_only: bool = typer.Option(
        False, "--chain-only", help="Check only the hash chain, not checkpoint signatures (no key needed)."
    ),
    jsonl: Path | None = typer.Option(None, "--jsonl", help="Verify an export file instead of --db."),
    live: bool = typer.Option(
        False, "--live", help="Other processes are appending now: ignore records newer than the head read first."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Verify the chain and checkpoints; name the first record edited, deleted or reordered (exit 1)."""
    try:
        keys = _publics(public_key)
    except BastionError as exc:
        raise _fail(str(exc)) from None
    if not keys and not chain_only:
        raise _fail("give --public-key FILE to check checkpoint signatures, or --chain-only to skip them")
    if jsonl is not None:
        try:
            with jsonl.open("rb") as fh:
                rep = verify_jsonl(fh, public_keys=keys)
        except OSError as exc:
            raise _fail(f"{jsonl}: cannot read ({exc.strerror})") from None
        except BastionError as exc:
            raise _fail(f"{jsonl}: {exc}") from None
    else:

        async def _go() -> VerifyReport:
            async with _log(db) as log:
                return await log.verify(public_keys=keys, live=live)

        rep = _run(_go())
    _print_report(rep, as_json)
    raise typer.Exit(0 if rep.ok else 1)


@log_app.command("export")
def export_cmd(
    db: str = _DB,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="Output format (jsonl)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    reveal: bool = typer.Option(False, "--reveal", help="Add each record's payload with its sealed part opened."),
    kek_file: Path | None = typer.Option(None, "--kek-file", help="Key-encryption key, if the log uses one."),
    start_seq: int = typer.Option(0, "--start-seq", help="First seq to export (a partial export cannot be verified)."),
) -> None:
    """Export the log as JSON lines: a header, then one line per record (verifiable with `log verify --jsonl`)."""
    if fmt != "jsonl":
        raise _fail("--format must be jsonl")
    try:
        kek = _kek(kek_file)
    except BastionError as exc:
        raise _fail(str(exc)) from None

    async def _go() -> None:
        target = out.open("wb") if out is not None else sys.stdout.buffer
        try:
            async with _log(db, kek=kek) as log:
                async for line in log.export_jsonl(start_seq=start_seq, reveal=reveal):
                    target.write(line)
        finally:
            if out is not None:
                target.close()

    try:
        _run(_go())
    except OSError as exc:
        raise _fail(f"{out}: cannot write ({exc.strerror})") from None


@log_app.command("erase")
def erase_cmd(
    subject: str = typer.Option(..., "--subject", help="The data subject whose sealed payloads are destroyed."),
    db: str = _DB,
    kek_file: Path | None = typer.Option(None, "--kek-file", help="Key-encryption key, if the log uses one."),
    actor: str | None = typer.Option(None, "--actor", help="Who requested the erasure (logged)."),
) -> None:
    """GDPR erasure by crypto-shredding: destroy the subject's key; `log verify` stays green."""
    try:
        kek = _kek(kek_file)
    except BastionError as exc:
        raise _fail(str(exc)) from None

    async def _go() -> None:
        async with _log(db, kek=kek) as log:
            rep = await log.erase_subject(subject, actor=actor)
        if rep.erased:
            typer.echo(
                f"erased: key {rep.kid} destroyed; {rep.records_affected} record(s) can no longer be opened "
                f"(logged as seq {rep.audit_seq})"
            )
        else:
            typer.echo(f"nothing to erase: no key for this subject (logged as seq {rep.audit_seq})")

    _run(_go())


@log_app.command("checkpoint")
def checkpoint_cmd(
    signing_key: Path = typer.Option(..., "--signing-key", help="Ed25519 private key (PEM)."),
    db: str = _DB,
    public_key: list[Path] = typer.Option(None, "--public-key", "-k", help="Older public keys (rotation)."),
) -> None:
    """Verify the log, then sign its head (run it from cron to protect the newest records)."""
    try:
        key = _private(signing_key)
        keys = _publics(public_key)
    except BastionError as exc:
        raise _fail(str(exc)) from None

    async def _go() -> None:
        async with _log(db, signing_key=key, verify_keys=keys) as log:
            cp = await log.checkpoint()
        if cp is None:
            typer.echo("the log is empty: nothing to sign")
        else:
            typer.echo(f"checkpoint: seq {cp.seq} hash {cp.hash} key {cp.key_id}")

    _run(_go())


@log_app.command("retention")
def retention_cmd(
    max_age_days: float = typer.Option(..., "--max-age-days", help="Delete records older than this many days."),
    signing_key: Path = typer.Option(..., "--signing-key", help="Ed25519 private key (PEM) to sign the new anchor."),
    db: str = _DB,
    public_key: list[Path] = typer.Option(None, "--public-key", "-k", help="Older public keys (rotation)."),
) -> None:
    """Delete the oldest records; a signed anchor keeps the rest verifiable."""
    if max_age_days < 0:
        raise _fail("--max-age-days must be at least 0")
    try:
        key = _private(signing_key)
        keys = _publics(public_key)
    except BastionError as exc:
        raise _fail(str(exc)) from None

    async def _go() -> None:
        async with _log(db, signing_key=key, verify_keys=keys) as log:
            rep = await log.apply_retention(max_age=timedelta(days=max_age_days))
        if rep.anchor is None:
            typer.echo("nothing older than the cutoff")
        else:
            typer.echo(
                f"deleted {rep.deleted} record(s); the chain now starts after the signed anchor at seq {rep.anchor.seq}"
            )

    _run(_go())


@log_app.command("keygen")
def keygen_cmd(
    out: Path = typer.Option(..., "--out", help="Writes OUT.key (private, mode 0600) and OUT.pub."),
) -> None:
    """Create an Ed25519 key pair for signing checkpoints."""
    priv_path = out.with_name(out.name + ".key")
    pub_path = out.with_name(out.name + ".pub")
    for p in (priv_path, pub_path):
        if p.exists():
            raise _fail(f"{p} exists; refusing to overwrite a key")
    key = Ed25519PrivateKey.generate()
    try:
        fd = os.open(priv_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(private_key_pem(key))
        pub_path.write_bytes(public_key_pem(key.public_key()))
    except OSError as exc:
        raise _fail(f"cannot write the key files ({exc.strerror})") from None
    typer.echo(f"wrote {priv_path} (keep it secret) and {pub_path}")


def register(app: typer.Typer) -> None:
    app.add_typer(log_app, name="log")

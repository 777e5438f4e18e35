"""``bastion canary``: mint canary tokens and check texts for them.

``bastion canary mint`` prints a new canary (put it in a system prompt). ``bastion canary check
FILE|- --canary TOKEN`` exits 1 when a canary (plain, spread out, re-cased, base64/hex/ROT13) is
found, 0 when not, 2 on usage errors. Without ``--canary`` it looks for any token in bastion's
canary format.
"""

from __future__ import annotations

import sys
from pathlib import Path

import orjson
import typer

from bastion._types import Surface
from bastion.detect._base import DetectConfig, Document
from bastion.detect._canary import CanaryScanner, mint_canary
from bastion.errors import ConfigError, InputError

__all__ = ["canary_app", "register"]

_MAX_BYTES = 64 * 1024 * 1024

canary_app = typer.Typer(
    name="canary",
    help="Mint canary tokens for system prompts and find them in outputs.",
    no_args_is_help=True,
    add_completion=False,
)


@canary_app.command("mint")
def mint(count: int = typer.Option(1, "--count", "-n", min=1, max=100, help="How many canaries to print.")) -> None:
    """Print new canary tokens (128 random bits each), one per line."""
    for _ in range(count):
        typer.echo(mint_canary())


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read(_MAX_BYTES + 1)
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{path}: no such file")
        if p.stat().st_size > _MAX_BYTES:
            raise InputError(f"{path}: larger than {_MAX_BYTES} bytes; split it")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > _MAX_BYTES:
        raise InputError(f"{path}: larger than {_MAX_BYTES} bytes; split it")
    return data.decode("utf-8", "replace")


@canary_app.command("check")
def check(
    inputs: list[str] = typer.Argument(None, help="Files to check; '-' reads stdin. Default: '-'.", show_default=False),
    canary: list[str] = typer.Option(None, "--canary", help="A canary token to look for (repeatable)."),
    canary_file: Path | None = typer.Option(None, "--canary-file", help="A file with one canary token per line."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object per input."),
) -> None:
    """Look for canary tokens in files or stdin. Exit 1 when one is found."""
    tokens = list(canary or [])
    if canary_file is not None:
        try:
            tokens.extend(ln.strip() for ln in canary_file.read_text("utf-8").splitlines() if ln.strip())
        except OSError as exc:
            raise InputError(f"{canary_file}: cannot read ({exc.strerror})") from None
    try:
        scanner = CanaryScanner(DetectConfig(canaries=tuple(tokens)))
    except ConfigError as exc:
        typer.echo(f"bastion: error: {exc}", err=True)
        raise typer.Exit(2) from None
    found_any = False
    for path in inputs or ["-"]:
        try:
            text = _read(path)
        except InputError as exc:
            typer.echo(f"bastion: error: {exc}", err=True)
            raise typer.Exit(2) from None
        findings = scanner.scan(Document(text=text, surface=Surface.RESPONSE, config=DetectConfig()))
        found_any = found_any or bool(findings)
        if json_out:
            rows = [
                {"rule_id": f.rule_id, "start": f.start, "end": f.end, "message": f.message} for f in findings
            ]
            typer.echo(orjson.dumps({"input": path, "found": bool(findings), "findings": rows}).decode())
            continue
        if not findings:
            typer.echo(f"{path}: no canary")
        for f in findings:
            typer.echo(f"{path}:{f.start}-{f.end}: {f.rule_id}: {f.message}")
    raise typer.Exit(1 if found_any else 0)


def register(app: typer.Typer) -> None:
    app.add_typer(canary_app, name="canary")

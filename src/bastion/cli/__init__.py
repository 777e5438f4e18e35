"""The ``bastion`` command line. Each command is a thin wrapper over the library.

Sub-commands live in their own private modules and are attached here explicitly.
"""

from __future__ import annotations

import sys

import typer

from bastion._version import __version__
from bastion.errors import BastionError

__all__ = ["app", "main"]

app = typer.Typer(
    name="bastion",
    help="bastion: a security layer for AI agents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"bastion {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", callback=_version_callback,
        is_eager=True,
    ),
) -> None:
    """bastion: a security layer for AI agents."""


def _register() -> None:
    # Explicit, literal registration of every command group (no discovery magic).
    from bastion.cli import _scan

    _scan.register(app)
    # -- command groups registered below this line (one line each) --
    from bastion.cli._mcp import mcp_app; app.add_typer(mcp_app, name="mcp")  # noqa: E702, I001
    from bastion.cli import _gateway; _gateway.register(app)  # noqa: E702, I001
    from bastion.cli._sandbox import sandbox_app; app.add_typer(sandbox_app, name="sandbox")  # noqa: E702, I001
    from bastion.cli import _audit; _audit.register(app)  # noqa: E702, I001
    from bastion.cli import _policy; _policy.register(app)  # noqa: E702, I001
    from bastion.cli import _canary; _canary.register(app)  # noqa: E702, I001


_register()


def main() -> None:
    """Console entry point: library errors become one clear line and exit code 2."""
    try:
        app()
    except BastionError as exc:
        typer.echo(f"bastion: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("bastion: interrupted", err=True)
        sys.exit(130)

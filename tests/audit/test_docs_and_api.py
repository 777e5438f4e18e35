"""The docs example runs, and bastion.audit's __all__ is complete."""

from __future__ import annotations

import importlib
import re

import bastion.audit
from tests.conftest import REPO


def test_docs_quick_start_runs() -> None:
    page = (REPO / "docs" / "audit.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    assert blocks, "docs/audit.md lost its python example"
    exec(compile(blocks[0], "docs/audit.md", "exec"), {"__name__": "docs_example"})


def test_audit_all_is_complete_and_importable() -> None:
    for name in bastion.audit.__all__:
        assert hasattr(bastion.audit, name), name
    public = {n for n in dir(bastion.audit) if not n.startswith("_")}
    modules = {n for n in public if isinstance(getattr(bastion.audit, n), type(importlib))}
    assert public - set(bastion.audit.__all__) - modules == set()


def test_cli_commands_in_docs_exist() -> None:
    from typer.testing import CliRunner

    from bastion.cli import app

    page = (REPO / "docs" / "audit.md").read_text(encoding="utf-8")
    for cmd in sorted(set(re.findall(r"^bastion log (\w+)", page, flags=re.M))):
        res = CliRunner().invoke(app, ["log", cmd, "--help"])
        assert res.exit_code == 0, cmd

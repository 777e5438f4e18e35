"""The README's Python examples run as written."""

from __future__ import annotations

import contextlib
import io
import os
import re

from tests.conftest import REPO


def _python_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_readme_examples_run() -> None:
    blocks = _python_blocks()
    assert len(blocks) >= 2
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        for block in blocks:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(block, "README.md", "exec"), {})  # our own README
            printed = out.getvalue()
            assert printed.strip(), block
            if "guard.scan" in block:
                assert printed.startswith("True ")
                assert "S3cr3tPassw0rd" not in printed
            if "fw.check_sync" in block:
                first = printed.split()
                assert first[0] == "allow" and first[1] in ("deny", "require_approval"), printed
    finally:
        os.chdir(cwd)

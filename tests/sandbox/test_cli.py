"""The ``bastion sandbox`` CLI contract, run as a real process (stdin pass-through needs a real fd)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from bastion.cli import app

from .conftest import require_backend

KEYS = ["exit_code", "reason", "stdout", "stderr", "backend", "duration_ms"]


def bastion(*args: str, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", "from bastion.cli import main; main()", *args],
                          input=stdin if stdin is not None else b"", capture_output=True, timeout=timeout, check=False)


class _Ran:
    """A CliRunner result shaped like CompletedProcess (bytes stdout/stderr, returncode)."""

    def __init__(self, args: tuple[str, ...]) -> None:
        res = CliRunner().invoke(app, list(args), catch_exceptions=False)
        self.stdout: bytes = res.stdout_bytes
        self.stderr: bytes = res.stderr_bytes or b""
        self.returncode: int = res.exit_code


def cli(*args: str) -> _Ran:
    """In-process (fast); stdin is not a real fd there, so the command gets empty input."""
    return _Ran(args)


def one_json(proc: subprocess.CompletedProcess[bytes] | _Ran) -> dict[str, object]:
    text = proc.stdout.decode()
    obj = json.loads(text)
    assert text.count("\n") == 1 and isinstance(obj, dict)
    assert list(obj) == KEYS
    return obj


def test_run_json_contract_with_stdin() -> None:
    require_backend("bwrap")
    p = bastion("sandbox", "run", "--json", "--timeout", "10", "--memory", "128m", "--pids", "20", "--", "sh", "-c",
                "cat; echo oops >&2; exit 3", stdin=b"hello\n")
    obj = one_json(p)
    assert obj["exit_code"] == 3 and obj["reason"] == "exited"
    assert obj["stdout"] == "hello\n" and obj["stderr"] == "oops\n"
    assert obj["backend"] == "bwrap" and isinstance(obj["duration_ms"], float)
    assert p.returncode == 3


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--memory", "1k"], "too small"),
        (["--memory", "lots"], "invalid size"),
        (["--pids", "0"], "pids limit"),
        (["--timeout", "0"], "timeout"),
        (["--network", "everything"], "--network"),
        (["--backend", "docker"], "unknown sandbox backend"),
        (["--allow-downgrade", "nothing"], "unknown feature"),
        (["--writable", "/definitely/missing"], "does not exist"),
    ],
)
def test_bad_input_is_a_refused_json_result(args: list[str], fragment: str) -> None:
    p = cli("sandbox", "run", "--json", *args, "--", "true")
    obj = one_json(p)
    assert obj["reason"] == "refused" and obj["exit_code"] is None
    assert fragment in str(obj["stderr"])
    assert p.returncode == 125


def test_missing_command_is_refused() -> None:
    p = cli("sandbox", "run", "--json", "--", "no-such-tool-anywhere")
    obj = one_json(p)
    assert obj["reason"] == "refused" and "not found" in str(obj["stderr"])


def test_timeout_reason_and_exit_status() -> None:
    require_backend("bwrap")
    p = cli("sandbox", "run", "--json", "--timeout", "0.5", "--", "sleep", "30")
    obj = one_json(p)
    assert obj["reason"] == "timeout" and p.returncode == 124


def test_network_allow_list_parses() -> None:
    require_backend("bwrap")
    p = cli("sandbox", "run", "--json", "--network", "allow:127.0.0.1:9", "--", "true")
    obj = one_json(p)
    assert obj["reason"] == "exited" and obj["exit_code"] == 0


def test_plain_mode_passes_output_and_status() -> None:
    require_backend("bwrap")
    p = bastion("sandbox", "run", "--", "sh", "-c", "echo out; echo err >&2; exit 4")
    assert (p.stdout, p.stderr, p.returncode) == (b"out\n", b"err\n", 4)


def test_doctor_lists_every_backend() -> None:
    p = cli("sandbox", "doctor", "--json")
    doc = json.loads(p.stdout)
    names = [b["name"] for b in doc["backends"]]
    assert names == ["bwrap", "nsjail", "fallback", "podman"]
    for b in doc["backends"]:
        assert b["available"] or b["reason"]
    text = cli("sandbox", "doctor").stdout.decode()
    assert ("bwrap" in text and "automatic choice" in text) or "no backend" in text


def test_docker_args_prints_the_equivalent_line(tmp_path: object) -> None:
    p = cli("sandbox", "docker-args", "--memory", "256m", "--", "python3", "tool.py")
    line = p.stdout.decode().strip()
    assert p.returncode == 0
    assert line.startswith("timeout --signal=KILL 30 docker run --rm -i --read-only --network=none --cap-drop=ALL")
    assert "--memory=256m" in line and "--user=65534:65534" in line and line.endswith("python3 tool.py")
    bad = cli("sandbox", "docker-args", "--network", "allow:a.b:1", "--", "x")
    assert bad.returncode == 2 and b"allow-list" in bad.stderr

"""``bastion keys``, ``bastion config`` and ``bastion demo`` through the real CLI."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bastion.cli import app
from bastion.gateway import SqliteKeyStore, check_key

runner = CliRunner()


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    p = tmp_path / "bastion.yaml"
    p.write_text(f"stores:\n  data_dir: {tmp_path / 'data'}\npolicies:\n  ops: {{prompt: flag}}\n")
    return p


def test_keys_create_list_revoke(cfg: Path, tmp_path: Path) -> None:
    r = runner.invoke(
        app, ["keys", "create", "--name", "agent-1", "--rpm", "20", "--expires", "30d", "--config", str(cfg)]
    )
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[0]
    assert token.startswith("bst_")
    store = SqliteKeyStore(tmp_path / "data" / "keys.db", cache_ttl_s=0)
    check = asyncio.run(check_key(store, token))
    assert check.ok and check.key is not None and check.key.rpm == 20 and check.key.expires_at is not None
    db = (tmp_path / "data" / "keys.db").read_bytes()
    assert token.encode() not in db and token.split("_", 2)[2].encode() not in db

    r = runner.invoke(app, ["keys", "list", "--json", "--config", str(cfg)])
    rows = json.loads(r.stdout)
    assert [(k["name"], k["revoked"]) for k in rows] == [("agent-1", False)]
    assert token not in r.stdout

    r = runner.invoke(app, ["keys", "revoke", "agent-1", "--config", str(cfg)])
    assert r.exit_code == 0 and "revoked" in r.stdout
    assert asyncio.run(check_key(store, token)).status == "revoked"
    store.close()


def test_keys_create_rejects_bad_input(cfg: Path) -> None:
    r = runner.invoke(app, ["keys", "create", "--name", "x", "--expires", "soon", "--config", str(cfg)])
    assert r.exit_code != 0
    r = runner.invoke(app, ["keys", "create", "--name", "x", "--policy", "nope", "--config", str(cfg)])
    assert r.exit_code != 0
    r = runner.invoke(app, ["keys", "create", "--name", "bad name!", "--config", str(cfg)])
    assert r.exit_code != 0
    r = runner.invoke(app, ["keys", "revoke", "ghost", "--config", str(cfg)])
    assert r.exit_code != 0


def test_config_check_and_schema(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("limits:\n  rpm: 30\n")
    r = runner.invoke(app, ["config", "check", str(good)])
    assert r.exit_code == 0 and "ok" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("limits:\n  rpm: -1\n  bogus: 2\n")
    r = runner.invoke(app, ["config", "check", str(bad)])
    assert r.exit_code == 2
    assert "bad.yaml:2 (limits.rpm)" in r.output and "bad.yaml:3 (limits.bogus)" in r.output
    r = runner.invoke(app, ["config", "schema"])
    assert r.exit_code == 0 and json.loads(r.stdout)["title"] == "bastion configuration"


@pytest.mark.slow
def test_demo_runs_every_scenario() -> None:
    r = runner.invoke(app, ["demo"])
    assert r.exit_code == 0, r.output
    assert "[admission]" in r.stdout and "[firewall]" in r.stdout and "[output inspection]" in r.stdout
    assert "AKIAZ3MBXQ7LT4PV2KDN" not in r.stdout


def test_serve_refuses_a_public_address_without_auth(tmp_path: Path) -> None:
    from bastion.errors import ConfigError

    cfg = tmp_path / "open.yaml"
    cfg.write_text("auth:\n  required: false\n")
    r = runner.invoke(app, ["serve", "--config", str(cfg), "--host", "0.0.0.0", "--port", "0"])
    assert isinstance(r.exception, ConfigError)
    assert "not a loopback address" in str(r.exception)

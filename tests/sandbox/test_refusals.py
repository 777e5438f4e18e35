"""Bad input and unenforceable profiles give a clear ``refused`` result, never an unsandboxed run."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bastion.errors import SandboxError
from bastion.sandbox import Availability, Feature, Reason, Sandbox, SandboxProfile, parse_network
from bastion.sandbox._backend import Launch, RunContext

from .conftest import require_backend


@dataclass
class FakeBackend:
    """Records launches; enforces only ``enforces``. Its launch runs a harmless command."""

    enforces: frozenset[Feature]
    name: str = "fake"
    available: bool = True
    launched: list[RunContext] = field(default_factory=list)

    def probe(self) -> Availability:
        missing = tuple((f, "fake backend lacks it") for f in frozenset(Feature) - self.enforces)
        return Availability(self.name, self.available, self.enforces, missing,
                            reason="" if self.available else "fake is switched off")

    def launch(self, ctx: RunContext) -> Launch:
        self.launched.append(ctx)
        return Launch(argv=["/bin/echo", "ran"], env={}, preexec=None)


def _box(backend: FakeBackend, **kw: object) -> Sandbox:
    return Sandbox(SandboxProfile(**kw), backends={backend.name: backend})  # type: ignore[arg-type]


async def test_missing_feature_is_refused_not_downgraded() -> None:
    fake = FakeBackend(frozenset(Feature) - {Feature.MEMORY, Feature.SECCOMP})
    r = await _box(fake).run(["true"])
    assert r.reason is Reason.REFUSED and r.exit_code is None
    assert "memory (fake backend lacks it)" in r.message and "seccomp" in r.message
    assert "allow the downgrade" in r.message
    assert fake.launched == []
    assert r.stderr.startswith(b"bastion sandbox: refused: ")


async def test_explicit_downgrade_runs_and_is_reported() -> None:
    fake = FakeBackend(frozenset(Feature) - {Feature.MEMORY, Feature.PIDS})
    r = await _box(fake, allow_downgrade=frozenset({Feature.MEMORY, Feature.PIDS})).run(["true"])
    assert r.reason is Reason.EXITED and r.stdout == b"ran\n"
    assert r.downgraded == {Feature.MEMORY, Feature.PIDS}
    assert len(fake.launched) == 1 and fake.launched[0].cgroup is None


async def test_unavailable_named_backend_is_refused() -> None:
    fake = FakeBackend(frozenset(Feature), available=False)
    r = await _box(fake).run(["true"])
    assert r.reason is Reason.REFUSED and "fake is switched off" in r.message
    assert fake.launched == []


def test_unknown_backend_name_raises() -> None:
    with pytest.raises(SandboxError, match="unknown sandbox backend 'docker'"):
        Sandbox(SandboxProfile(), backend="docker")


@pytest.mark.parametrize(
    ("cmd", "fragment"),
    [
        ([], "no command given"),
        ("ls -la", "list of arguments"),
        (["definitely-not-a-command-xyz"], "was not found on the sandbox's PATH"),
        (["/nonexistent/bin/tool"], "does not exist"),
        (["./relative"], "relative path"),
        (["ls", "a\0b"], "NUL"),
        ([""], "empty"),
    ],
)
async def test_invalid_commands_are_refused(cmd: object, fragment: str) -> None:
    fake = FakeBackend(frozenset(Feature))
    r = await _box(fake).run(cmd)  # type: ignore[arg-type]
    assert r.reason is Reason.REFUSED, r
    assert fragment in r.message
    assert fake.launched == []


async def test_command_outside_the_readable_paths_is_refused(tmp_path: Path) -> None:
    tool = tmp_path / "tool"
    tool.write_text("#!/bin/sh\necho hi\n")
    tool.chmod(0o755)
    fake = FakeBackend(frozenset(Feature))
    r = await _box(fake).run([str(tool)])
    assert r.reason is Reason.REFUSED and "outside the sandbox's readable paths" in r.message
    assert "--readable" in r.message
    r2 = await _box(fake, readable=(*SandboxProfile().readable, str(tmp_path))).run([str(tool)])
    assert r2.reason is Reason.EXITED


async def test_missing_and_unwritable_writable_dirs_are_refused(tmp_path: Path) -> None:
    fake = FakeBackend(frozenset(Feature))
    r = await _box(fake, writable=(str(tmp_path / "missing"),)).run(["true"])
    assert r.reason is Reason.REFUSED and "does not exist" in r.message
    (tmp_path / "file").write_text("x")
    r = await _box(fake, writable=(str(tmp_path / "file"),)).run(["true"])
    assert r.reason is Reason.REFUSED and "not a directory" in r.message
    if os.geteuid() == 0:
        os.chmod(tmp_path, 0o755)
        r = await _box(fake, writable=(str(tmp_path),)).run(["true"])
        assert r.reason is Reason.REFUSED and "chown 65534:65534" in r.message
    assert fake.launched == []


async def test_scratch_dir_is_private_and_removed() -> None:
    fake = FakeBackend(frozenset(Feature))
    before = set(os.listdir(tempfile.gettempdir()))
    with _box(fake) as box:
        r = await box.run(["true"])
        assert r.reason is Reason.EXITED
        ctx = fake.launched[0]
        assert len(ctx.writable) == 1 and ctx.cwd == ctx.writable[0]
        assert ctx.env["HOME"] == ctx.cwd and "PATH" in ctx.env
        st = os.stat(ctx.writable[0])
        assert st.st_mode & 0o777 == 0o700
        if os.geteuid() == 0:
            assert (st.st_uid, st.st_gid) == (65534, 65534)
        assert os.listdir(ctx.writable[0]) == []  # kept empty for the next run of this Sandbox
    assert not os.path.exists(ctx.writable[0])  # close() removes it
    assert {n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith("bastion-sbx-")} == set()


async def test_environment_is_only_what_the_profile_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "do-not-leak")
    fake = FakeBackend(frozenset(Feature))
    await _box(fake, env=(("TOOL_MODE", "safe"),)).run(["true"])
    env = fake.launched[0].env
    assert "AWS_SECRET_ACCESS_KEY" not in env and env["TOOL_MODE"] == "safe"


async def test_oversized_stdin_is_refused() -> None:
    fake = FakeBackend(frozenset(Feature))
    r = await _box(fake).run(["cat"], stdin=b"x" * (64 * 1024 * 1024 + 1))
    assert r.reason is Reason.REFUSED and "stdin" in r.message


async def test_podman_refuses_an_allow_list() -> None:
    require_backend("podman")
    box = Sandbox(SandboxProfile(network=parse_network("allow:127.0.0.1:1")), backend="podman")
    r = await box.run(["true"])
    assert r.reason is Reason.REFUSED and "allow-list" in r.message


async def test_unusable_cgroup_parent_refuses_memory_limits() -> None:
    require_backend("fallback")
    box = Sandbox(SandboxProfile(), backend="fallback", cgroup_parent="/definitely/not/here")
    r = await box.run(["true"])
    assert r.reason is Reason.REFUSED
    assert "memory" in r.message and "does not exist" in r.message


def test_run_sync_wraps_run() -> None:
    fake = FakeBackend(frozenset(Feature))
    r = _box(fake).run_sync(["true"])
    assert r.reason is Reason.EXITED and r.stdout == b"ran\n"


async def test_setup_failure_in_the_child_is_a_clear_refusal() -> None:
    from bastion.sandbox._backend import ChildSetup

    require_backend("fallback")

    @dataclass
    class Broken(FakeBackend):
        def launch(self, ctx: RunContext) -> Launch:
            # joining a netns through a bad descriptor fails between fork and exec
            return Launch(argv=["/bin/echo", "must not run"], env={}, preexec=ChildSetup(netns_fd=987654))

    r = await _box(Broken(frozenset(Feature))).run(["true"])
    assert r.reason is Reason.REFUSED and r.stdout == b""
    assert "sandbox setup failed at entering the network namespace" in r.message

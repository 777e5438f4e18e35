"""cgroup v1 and v2 bookkeeping, on fake cgroup directories (the kernel's files are plain files here),
plus the real hierarchy of this machine when it is usable."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bastion.sandbox._cgroup import CgroupSupport, detect_cgroups


def test_v2_limits_and_events(tmp_path: Path) -> None:
    cg = CgroupSupport(2, str(tmp_path), str(tmp_path)).create(64 * 1024 * 1024, 20)
    (d,) = cg.dirs
    assert Path(d, "memory.max").read_text() == str(64 * 1024 * 1024)
    assert Path(d, "memory.swap.max").read_text() == "0"
    assert Path(d, "pids.max").read_text() == "20"
    assert (cg.oom_kills(), cg.pids_hits()) == (0, 0)
    Path(d, "memory.events").write_text("low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n")
    Path(d, "pids.events").write_text("max 7\n")
    assert (cg.oom_kills(), cg.pids_hits()) == (1, 7)


def test_v1_limits_and_events(tmp_path: Path) -> None:
    mem, pids = tmp_path / "memory", tmp_path / "pids"
    mem.mkdir()
    pids.mkdir()
    cg = CgroupSupport(1, str(mem), str(pids)).create(32 * 1024 * 1024, 10)
    assert Path(cg.memory_dir, "memory.limit_in_bytes").read_text() == str(32 * 1024 * 1024)
    assert Path(cg.pids_dir, "pids.max").read_text() == "10"
    assert cg.memory_dir != cg.pids_dir and len(cg.procs_files) == 2
    Path(cg.memory_dir, "memory.oom_control").write_text("oom_kill_disable 0\nunder_oom 0\noom_kill 2\n")
    assert cg.oom_kills() == 2


def test_unusable_parent_explains_itself(tmp_path: Path) -> None:
    sup = detect_cgroups(str(tmp_path / "nope"))
    assert not sup.usable
    assert "does not exist" in sup.problem


def test_real_cgroup_roundtrip() -> None:
    sup = detect_cgroups()
    if not sup.usable:
        pytest.skip(f"no usable cgroup here: {sup.problem}")
    cg = sup.create(64 * 1024 * 1024, 10)
    try:
        proc = subprocess.Popen(["sleep", "30"], preexec_fn=cg.join_self)
        try:
            assert cg.pids() == [proc.pid]
            assert cg.kill_all() and cg.pids() == []
            assert proc.wait(timeout=10) == -9
        finally:
            proc.kill()
            proc.wait()
    finally:
        assert cg.remove()
    assert not any(os.path.exists(d) for d in cg.dirs)


def test_podman_reap_kills_what_the_container_cgroup_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The runner's last line of defence for a podman container that `podman rm --force` left running.
    from bastion.sandbox import _backends

    leaf = tmp_path / "libpod-abc"
    leaf.mkdir()
    cidfile = tmp_path / "cid"
    cidfile.write_text("abc")
    monkeypatch.setattr(_backends, "_podman_cgroups", lambda f: [str(leaf)] if Path(f).read_text() == "abc" else [])
    (leaf / "cgroup.procs").write_text("")
    assert _backends._podman_reap(str(cidfile), wait=0.1) == 0
    child = subprocess.Popen(["sleep", "300"])
    try:
        (leaf / "cgroup.procs").write_text(f"{child.pid}\n")
        # a plain file never empties, so the reaper reports the pid it could not see leave
        assert _backends._podman_reap(str(cidfile), wait=0.1) == 1
        assert child.wait(timeout=5) == -9
    finally:
        child.kill()
        child.wait()

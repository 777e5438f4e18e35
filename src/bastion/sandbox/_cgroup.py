"""Per-run cgroups (v1 and v2) for the memory and pids limits and for killing a whole process tree.

Each run gets its own cgroup beneath the caller's own cgroup (or a configured parent). The sandboxed
launcher joins it between fork and exec, so every descendant is accounted and can be killed.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Cgroup", "CgroupSupport", "detect_cgroups", "read_key"]


@dataclass(frozen=True, slots=True)
class CgroupSupport:
    """Where per-run cgroups can be created: v1 (``memory_parent``, ``pids_parent``) or v2 (one parent)."""

    version: int  # 1 or 2; 0 when unusable
    memory_parent: str
    pids_parent: str
    problem: str = ""  # why it is unusable, with a fix

    @property
    def usable(self) -> bool:
        return self.version in (1, 2)

    def create(self, memory: int, pids: int) -> Cgroup:
        """Create a cgroup with these limits. Raises OSError with a clear message."""
        name = f"bastion-sbx-{os.getpid()}-{os.urandom(4).hex()}"
        mem_dir = os.path.join(self.memory_parent, name)
        pids_dir = mem_dir if self.version == 2 else os.path.join(self.pids_parent, name)
        dirs = [mem_dir] if self.version == 2 else [mem_dir, pids_dir]
        made: list[str] = []
        try:
            for d in dirs:
                os.mkdir(d, 0o755)
                made.append(d)
            if self.version == 2:
                _write(mem_dir, "memory.max", str(memory))
                _write_optional(mem_dir, "memory.swap.max", "0")
                _write(mem_dir, "pids.max", str(pids))
            else:
                _write(mem_dir, "memory.limit_in_bytes", str(memory))
                _write_optional(mem_dir, "memory.memsw.limit_in_bytes", str(memory))
                _write_optional(mem_dir, "memory.swappiness", "0")
                _write(pids_dir, "pids.max", str(pids))
        except OSError:
            for d in reversed(made):
                try:
                    os.rmdir(d)
                except OSError:
                    pass
            raise
        return Cgroup(version=self.version, dirs=tuple(dirs), memory_dir=mem_dir, pids_dir=pids_dir)


def _write(d: str, name: str, value: str) -> None:
    with open(os.path.join(d, name), "w", encoding="ascii") as f:
        f.write(value)


def _write_optional(d: str, name: str, value: str) -> None:
    try:
        _write(d, name, value)
    except FileNotFoundError:
        pass
    except OSError:
        pass


def read_key(path: str, key: str) -> int:
    try:
        with open(path, encoding="ascii") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2 and parts[0] == key:
                    return int(parts[1])
    except (OSError, ValueError):
        return 0
    return 0


@dataclass(frozen=True, slots=True)
class Cgroup:
    """One run's cgroup: join it, read why processes died, kill everything in it, remove it."""

    version: int
    dirs: tuple[str, ...]
    memory_dir: str
    pids_dir: str

    @property
    def procs_files(self) -> tuple[str, ...]:
        return tuple(os.path.join(d, "cgroup.procs") for d in self.dirs)

    def join_self(self) -> None:
        """Move the calling process into the cgroup (called between fork and exec)."""
        pid = str(os.getpid())
        for path in self.procs_files:
            fd = os.open(path, os.O_WRONLY)
            try:
                os.write(fd, pid.encode())
            finally:
                os.close(fd)

    def oom_kills(self) -> int:
        if self.version == 2:
            return read_key(os.path.join(self.memory_dir, "memory.events"), "oom_kill")
        return read_key(os.path.join(self.memory_dir, "memory.oom_control"), "oom_kill")

    def pids_hits(self) -> int:
        return read_key(os.path.join(self.pids_dir, "pids.events"), "max")

    def pids(self) -> list[int]:
        found: set[int] = set()
        for path in self.procs_files:
            try:
                with open(path, encoding="ascii") as f:
                    found.update(int(x) for x in f.read().split())
            except (OSError, ValueError):
                continue
        return sorted(found)

    def kill_all(self, deadline_s: float = 2.0) -> bool:
        """SIGKILL every process in the cgroup until it is empty. True when empty."""
        if self.version == 2:
            try:
                _write(self.dirs[0], "cgroup.kill", "1")
            except OSError:
                pass
        end = time.monotonic() + deadline_s
        while True:
            pids = self.pids()
            if not pids:
                return True
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    continue
                except PermissionError:
                    continue
            if time.monotonic() > end:
                return False
            time.sleep(0.002)

    def try_remove(self) -> bool:
        """One attempt to remove the (empty) cgroup; False while the kernel still holds it busy."""
        ok = True
        for d in reversed(self.dirs):
            try:
                os.rmdir(d)
            except FileNotFoundError:
                continue
            except OSError:
                ok = False
        return ok

    def remove(self, attempts: int = 400) -> bool:
        """Remove the cgroup, retrying for up to ~2 s while the kernel releases it."""
        for _ in range(attempts):
            if self.try_remove():
                return True
            time.sleep(0.005)
        return False


def _own_cgroups() -> dict[str, str]:
    """Controller name ('' for the v2 hierarchy) -> this process's cgroup path."""
    out: dict[str, str] = {}
    try:
        text = Path("/proc/self/cgroup").read_text(encoding="ascii")
    except OSError:
        return out
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _hid, ctrls, path = parts
        if ctrls == "":
            out[""] = path
        for c in ctrls.split(","):
            out[c] = path
    return out


def _mounts() -> list[tuple[str, str, str]]:
    """(mount point, fstype, super options) of cgroup mounts."""
    found: list[tuple[str, str, str]] = []
    try:
        text = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return found
    for line in text.splitlines():
        left, _, right = line.partition(" - ")
        lf = left.split()
        rf = right.split()
        if len(lf) >= 5 and len(rf) >= 3 and rf[0] in ("cgroup", "cgroup2"):
            found.append((lf[4], rf[0], rf[2]))
    return found


def _writable_parent(path: str) -> str:
    if not os.path.isdir(path):
        return f"{path} does not exist"
    if not os.access(path, os.W_OK):
        return f"{path} is not writable by this user"
    return ""


def detect_cgroups(parent: str | None = None) -> CgroupSupport:
    """Find where per-run cgroups can be made. ``parent`` overrides the location (a v2 directory, or a
    path relative to each v1 controller mount)."""
    own = _own_cgroups()
    mounts = _mounts()
    v1: dict[str, str] = {}
    v2_mount = None
    for point, fstype, opts in mounts:
        if fstype == "cgroup2":
            v2_mount = point
        else:
            for c in ("memory", "pids"):
                if c in opts.split(","):
                    v1[c] = point
    if "memory" in v1 and "pids" in v1:
        paths: dict[str, str] = {}
        for c in ("memory", "pids"):
            rel = parent if parent is not None else own.get(c, "/")
            paths[c] = os.path.normpath(v1[c] + "/" + rel.lstrip("/"))
        problems = [p for p in (_writable_parent(paths["memory"]), _writable_parent(paths["pids"])) if p]
        if problems:
            return CgroupSupport(0, paths["memory"], paths["pids"],
                                 "cgroup v1: " + "; ".join(problems)
                                 + "; run as root or give this user a delegated cgroup (cgroup_parent)")
        return CgroupSupport(1, paths["memory"], paths["pids"])
    if v2_mount is not None:
        rel = parent if parent is not None else own.get("", "/")
        base = os.path.normpath(v2_mount + "/" + rel.lstrip("/"))
        problem = _writable_parent(base)
        if not problem:
            try:
                ctrls = Path(base, "cgroup.controllers").read_text(encoding="ascii").split()
            except OSError:
                ctrls = []
            missing = [c for c in ("memory", "pids") if c not in ctrls]
            if missing:
                problem = f"controllers {', '.join(missing)} are not enabled in {base}"
            else:
                try:
                    sub = Path(base, "cgroup.subtree_control").read_text(encoding="ascii").split()
                    need = [c for c in ("memory", "pids") if c not in sub]
                    if need:
                        _write(base, "cgroup.subtree_control", " ".join("+" + c for c in need))
                except OSError as exc:
                    problem = (f"cannot enable memory/pids for child cgroups of {base} ({exc.strerror}); "
                               "v2 forbids it while that cgroup holds processes: start bastion in its own "
                               "delegated cgroup, e.g. systemd-run --user --scope -p Delegate=yes bastion ...")
        if problem:
            return CgroupSupport(0, base, base, "cgroup v2: " + problem)
        return CgroupSupport(2, base, base)
    return CgroupSupport(0, "", "", "no cgroup filesystem with the memory and pids controllers is mounted")

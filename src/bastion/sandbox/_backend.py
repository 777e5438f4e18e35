"""What every backend shares: its availability report, the per-run launch plan and the child setup
that runs between fork and exec."""

from __future__ import annotations

import os
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bastion.sandbox._cgroup import Cgroup
from bastion.sandbox._linux import (
    CLONE_NEWNET,
    CLONE_NEWNS,
    CLONE_NEWUTS,
    BpfProgram,
    LandlockRuleset,
    bind_file_readonly,
    libc_call,
    make_mounts_private,
    mount_private_proc,
    mount_tmpfs,
    set_no_new_privs,
    set_pdeathsig,
)
from bastion.sandbox._profile import SANDBOX_GID, SANDBOX_UID, Feature, SandboxProfile

__all__ = ["Availability", "Backend", "ChildSetup", "Launch", "RunContext"]


@dataclass(frozen=True, slots=True)
class Availability:
    """What a backend can do on this machine: ``enforces`` and, for each missing feature, why."""

    name: str
    available: bool
    enforces: frozenset[Feature]
    missing: tuple[tuple[Feature, str], ...] = ()  # (feature, why it is not enforced here + fix)
    reason: str = ""  # why the backend cannot run at all (with the fix), when not available
    detail: str = ""  # version, binary path ...

    def why(self, feature: Feature) -> str:
        for f, text in self.missing:
            if f is feature:
                return text
        return "not enforced by this backend"


@dataclass(frozen=True, slots=True)
class RunContext:
    """Everything a backend needs to build one launch (all paths already checked)."""

    profile: SandboxProfile
    argv: tuple[str, ...]  # argv[0] resolved to an absolute path visible inside the sandbox
    writable: tuple[str, ...]
    readable: tuple[str, ...]  # existing readable paths
    cwd: str
    env: dict[str, str]
    cgroup: Cgroup | None
    seccomp_bpf: bytes | None
    netns_fd: int | None  # a prepared network namespace (allow-list relays), or None for "no network"
    hosts_file: str | None = None  # replaces /etc/hosts inside (allow-listed host names -> relay addresses)
    #: the fresh scratch dir, mounted as a private tmpfs of ``scratch_size`` bytes (its pages count against
    #: the memory limit): a command cannot fill the host's disk. None when the writable dirs are the caller's.
    scratch_tmpfs: str | None = None
    scratch_size: int = 0


@dataclass(slots=True)
class Launch:
    """How to start one run: argv, environment, the fork/exec hook and fds to pass."""

    argv: list[str]
    env: dict[str, str]
    preexec: Callable[[], None] | None
    pass_fds: tuple[int, ...] = ()  # owned by the launch: the runner closes them once the child started
    cwd: str | None = None
    #: exit codes above 128 mean "killed by signal N-128" (bwrap, nsjail and podman report them so)
    signal_as_128: bool = False
    #: no cgroup events: exit status 137 not caused by bastion is reported as a memory kill (podman)
    oom_as_137: bool = False
    #: run to stop the sandbox when bastion kills it (podman: the container lives outside our process tree)
    kill_argv: list[str] | None = None
    #: kill what is left outside our process tree and cgroup (podman's container); returns how many
    #: processes were still alive when it gave up (0: nothing left)
    reap: Callable[[], int] | None = None
    #: (oom kills, refused forks) of a cgroup bastion does not own (podman's container cgroup)
    events: Callable[[], tuple[int, int]] | None = None
    cleanup: list[Callable[[], None]] = field(default_factory=list)


class Backend(Protocol):
    """A way to run a command under a profile. Implementations live in ``_backends``."""

    name: str

    def probe(self) -> Availability:
        """What this backend enforces here (cheap; cached by the caller)."""
        ...

    def launch(self, ctx: RunContext) -> Launch:
        """Build the launch for one run. Raises SandboxError (refusal) or OSError."""
        ...


@dataclass(slots=True)
class ChildSetup:
    """The steps run in the forked child before exec, in order. Everything is prepared in the parent.

    1. die with the parent; 2. join the run's cgroup; 3. resource limits; 4. network namespace
    (``setns`` into a prepared one, or a fresh empty one) plus private IPC/UTS; 5. drop to uid/gid
    65534 with no groups (capabilities go with it); 6. no_new_privs; 7. Landlock; 8. seccomp.
    Any failure aborts the exec (``subprocess`` reports it), so nothing runs half-confined.
    """

    cgroup: Cgroup | None = None
    rlimits: tuple[tuple[int, int, int], ...] = ()
    unshare_flags: int = 0
    netns_fd: int | None = None
    hosts_file: str | None = None  # bind-mounted read-only over /etc/hosts in a private mount namespace
    private_proc: bool = False  # a new /proc showing only the sandbox's own processes (needs CLONE_NEWNS)
    scratch_tmpfs: tuple[str, int] | None = None  # (path, bytes): a private tmpfs owned by 65534 (needs CLONE_NEWNS)
    cwd: str | None = None  # entered again after the mounts
    drop_to_nobody: bool = False
    no_new_privs: bool = True
    #: (readable, writable, allowed TCP ports or None): the Landlock ruleset, built in the child after its
    #: mounts (rules bind to inodes, and the private /proc is a new filesystem)
    landlock: tuple[list[str], list[str], tuple[int, ...] | None] | None = None
    seccomp: BpfProgram | None = None

    def __call__(self) -> None:
        step = "start"
        try:
            step = "parent-death signal"
            set_pdeathsig(signal.SIGKILL)
            if self.cgroup is not None:
                step = "joining the cgroup"
                self.cgroup.join_self()
            step = "resource limits"
            for res, soft, hard in self.rlimits:
                resource.setrlimit(res, (soft, hard))
            if self.netns_fd is not None:
                step = "entering the network namespace"
                libc_call("setns", self.netns_fd, CLONE_NEWNET)
            if self.unshare_flags:
                step = "new namespaces"
                libc_call("unshare", self.unshare_flags)
                if self.unshare_flags & CLONE_NEWUTS:
                    libc_call("sethostname", b"sandbox", 7)
            if self.unshare_flags & CLONE_NEWNS:
                step = "private mounts"
                make_mounts_private()
                if self.private_proc:
                    mount_private_proc()
                if self.hosts_file is not None:
                    bind_file_readonly(self.hosts_file, "/etc/hosts")
                if self.scratch_tmpfs is not None:
                    mount_tmpfs(*self.scratch_tmpfs)
                if self.cwd is not None:
                    os.chdir(self.cwd)  # the working directory may now be under a new mount
            if self.drop_to_nobody:
                step = "switching to uid 65534"
                os.setgroups([])
                os.setresgid(SANDBOX_GID, SANDBOX_GID, SANDBOX_GID)
                os.setresuid(SANDBOX_UID, SANDBOX_UID, SANDBOX_UID)
                set_pdeathsig(signal.SIGKILL)  # cleared by the credential change
            if self.no_new_privs:
                step = "no_new_privs"
                set_no_new_privs()
            if self.landlock is not None:
                step = "Landlock"
                LandlockRuleset(*self.landlock).restrict_self()
            if self.seccomp is not None:
                step = "seccomp"
                self.seccomp.load()
        except OSError as exc:
            # stderr is already the run's stderr pipe: the parent puts this line in its refusal.
            os.write(2, f"sandbox setup failed at {step}: {exc.strerror or exc}\n".encode())
            raise


def profile_rlimits(profile: SandboxProfile, *, nproc: bool = False) -> tuple[tuple[int, int, int], ...]:
    """CPU time, file size, open files, no core dumps (and RLIMIT_NPROC only when asked: it counts
    every process of uid 65534 on the machine, so it is a last resort without a pids cgroup)."""
    cpu = profile.cpu_limit
    limits = [
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_FSIZE, profile.file_size, profile.file_size),
        (resource.RLIMIT_NOFILE, profile.open_files, profile.open_files),
        (resource.RLIMIT_CORE, 0, 0),
    ]
    if nproc:
        limits.append((resource.RLIMIT_NPROC, profile.pids, profile.pids))
    out = []
    for res, soft, hard in limits:
        _cur_soft, cur_hard = resource.getrlimit(res)
        if cur_hard != resource.RLIM_INFINITY:
            hard = min(hard, cur_hard)
            soft = min(soft, hard)
        out.append((res, soft, hard))
    return tuple(out)

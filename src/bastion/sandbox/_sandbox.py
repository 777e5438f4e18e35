"""``Sandbox``: run one command under a profile on the strongest available backend."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bastion.errors import SandboxError
from bastion.sandbox._backend import Availability, Backend, Launch, RunContext
from bastion.sandbox._backends import BACKENDS, make_backends
from bastion.sandbox._cgroup import Cgroup, CgroupSupport, detect_cgroups
from bastion.sandbox._net import NetworkNamespace
from bastion.sandbox._profile import SANDBOX_GID, SANDBOX_UID, Feature, SandboxProfile
from bastion.sandbox._result import Reason, SandboxResult
from bastion.sandbox._seccomp import build_filter

__all__ = ["Sandbox"]

_SANDBOX_PATH = ("/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/sbin", "/sbin")
_MAX_ARGV_BYTES = 1024 * 1024
_MAX_STDIN = 64 * 1024 * 1024


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def _writable_by_nobody(st: os.stat_result) -> bool:
    mode = st.st_mode
    return bool(
        (st.st_uid == SANDBOX_UID and mode & stat.S_IWUSR and mode & stat.S_IXUSR)
        or (st.st_gid == SANDBOX_GID and mode & stat.S_IWGRP and mode & stat.S_IXGRP)
        or (mode & stat.S_IWOTH and mode & stat.S_IXOTH)
    )


async def _run_quietly(argv: list[str], timeout: float = 15.0) -> None:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        proc = await asyncio.create_subprocess_exec(*argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                                    stderr=subprocess.DEVNULL)
        try:
            await asyncio.wait_for(proc.wait(), timeout)
        except TimeoutError:
            proc.kill()
            await proc.wait()


async def _read_capped(fd: int, buf: bytearray, cap: int, overflow: asyncio.Event) -> None:
    """Read ``fd`` to EOF into ``buf``, keeping at most ``cap`` bytes; set ``overflow`` past the cap."""
    loop = asyncio.get_running_loop()
    os.set_blocking(fd, False)
    finished: asyncio.Future[None] = loop.create_future()

    def readable() -> None:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if chunk:
            room = cap - len(buf)
            buf.extend(chunk[:room])
            if len(chunk) <= room:
                return
            overflow.set()
        if not finished.done():
            finished.set_result(None)

    loop.add_reader(fd, readable)
    try:
        await finished
    finally:
        loop.remove_reader(fd)
        os.close(fd)


async def _feed(fd: int, data: bytes) -> None:
    """Write ``data`` to ``fd`` without blocking the loop, then close it (EOF for the command)."""
    loop = asyncio.get_running_loop()
    os.set_blocking(fd, False)
    view = memoryview(data)
    try:
        while view:
            try:
                n = os.write(fd, view[:65536])
                view = view[n:]
            except BlockingIOError:
                await _writable(loop, fd)
    except OSError:
        pass  # the command closed its stdin (EPIPE): it does not want the rest
    finally:
        os.close(fd)


async def _writable(loop: asyncio.AbstractEventLoop, fd: int) -> None:
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_writer(fd, wake)
    try:
        await ready
    finally:
        loop.remove_writer(fd)


async def _reap(proc: subprocess.Popen[bytes]) -> None:
    """Collect the exit status of a child that has been killed or has exited (non-blocking polls)."""
    delay = 0.0005
    while proc.poll() is None:
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.05)


def _watch_exit(pid: int) -> asyncio.Future[object]:
    """A future resolved when process ``pid`` (our child) exits, even while descendants keep its pipes open."""
    loop = asyncio.get_running_loop()
    fut: asyncio.Future[object] = loop.create_future()
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        fut.set_result(None)
        return fut

    def ready() -> None:
        if not fut.done():
            fut.set_result(None)

    def release(_: object) -> None:
        loop.remove_reader(pidfd)
        os.close(pidfd)

    loop.add_reader(pidfd, ready)
    fut.add_done_callback(release)
    return fut


class _Limits:
    """The most OOM kills and refused forks seen so far (cgroups can vanish before the run ends)."""

    def __init__(self, cgroup: Cgroup | None, events: Callable[[], tuple[int, int]] | None) -> None:
        self.cgroup = cgroup
        self.events = events
        self.oom = 0
        self.pids = 0
        # A pooled cgroup's counters are cumulative: count only what happens during this run.
        self._base = (cgroup.oom_kills(), cgroup.pids_hits()) if cgroup is not None else (0, 0)

    @property
    def active(self) -> bool:
        return self.cgroup is not None or self.events is not None

    def poll(self) -> bool:
        if self.cgroup is not None:
            self.oom = max(self.oom, self.cgroup.oom_kills() - self._base[0])
            self.pids = max(self.pids, self.cgroup.pids_hits() - self._base[1])
        if self.events is not None:
            oom, pids = self.events()
            self.oom = max(self.oom, oom)
            self.pids = max(self.pids, pids)
        return bool(self.oom or self.pids)

    async def watch(self, interval: float = 0.05) -> None:
        """Return as soon as a limit is hit: the tree is then stopped."""
        while True:
            await asyncio.sleep(interval)
            if self.poll():
                return


class Sandbox:
    """Run commands under one :class:`SandboxProfile`.

    ``backend`` is ``"auto"`` (the first backend in :data:`BACKENDS` order that enforces every feature the
    profile requires) or a backend name. A run that cannot be enforced is *refused*, never downgraded
    silently: allow a missing feature explicitly with ``SandboxProfile(allow_downgrade=...)``.

    ``cgroup_parent`` places the per-run cgroups (default: beneath this process's own cgroup);
    ``scratch_base`` is where fresh scratch directories are made (default: the system temp dir).

    >>> result = Sandbox(SandboxProfile(timeout=5)).run_sync(["echo", "hi"])  # doctest: +SKIP
    >>> result.reason, result.stdout
    (<Reason.EXITED: 'exited'>, b'hi\\n')
    """

    def __init__(
        self,
        profile: SandboxProfile | None = None,
        *,
        backend: str = "auto",
        cgroup_parent: str | None = None,
        scratch_base: str | None = None,
        backends: Mapping[str, Backend] | None = None,
    ) -> None:
        self.profile = profile if profile is not None else SandboxProfile()
        if backend != "auto" and backends is None and backend not in BACKENDS:
            raise SandboxError(f"unknown sandbox backend {backend!r}; choose one of: auto, {', '.join(BACKENDS)}")
        self._backend_name = backend
        self._cgroup_parent = cgroup_parent
        self._scratch_base = scratch_base
        self._given_backends = dict(backends) if backends is not None else None
        self._cgroups: CgroupSupport | None = None
        self._backends: dict[str, Backend] | None = None
        self._probes: dict[str, Availability] = {}
        # Empty per-run cgroups kept for the next runs of this Sandbox (creating and removing a cgroup
        # costs more than a run of `true`). Removed by close(), or by the pool limit.
        self._idle_cgroups: list[Cgroup] = []
        self._idle_scratch: list[str] = []
        self._readable_real: tuple[tuple[str, ...], list[str]] | None = None

    _POOL = 4

    def _release_cgroup(self, cgroup: Cgroup) -> None:
        if not cgroup.pids() and len(self._idle_cgroups) < self._POOL:
            self._idle_cgroups.append(cgroup)
        elif not cgroup.try_remove():
            threading.Thread(target=cgroup.remove, name="bastion-cgroup-rm", daemon=True).start()

    def _release_scratch(self, path: str) -> None:
        # An empty scratch dir is kept for the next run: removing a directory that was a bind-mount
        # target waits for the kernel to detach that mount (an RCU grace period).
        try:
            empty = not os.listdir(path)
        except OSError:
            empty = False
        if empty and len(self._idle_scratch) < self._POOL:
            self._idle_scratch.append(path)
        else:
            shutil.rmtree(path, ignore_errors=True)

    def close(self) -> None:
        """Remove the cgroups and empty scratch dirs kept for reuse. The Sandbox stays usable."""
        while self._idle_cgroups:
            self._idle_cgroups.pop().remove()
        while self._idle_scratch:
            shutil.rmtree(self._idle_scratch.pop(), ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Sandbox:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.close)

    def __del__(self) -> None:
        # Best effort at garbage collection; __del__ must never raise.
        with contextlib.suppress(Exception):
            for cgroup in self._idle_cgroups:
                cgroup.try_remove()
            for path in self._idle_scratch:
                os.rmdir(path)

    # -- discovery ------------------------------------------------------------------------------

    @property
    def cgroups(self) -> CgroupSupport:
        if self._cgroups is None:
            self._cgroups = detect_cgroups(self._cgroup_parent)
        return self._cgroups

    def backends(self) -> dict[str, Backend]:
        if self._backends is None:
            self._backends = self._given_backends if self._given_backends is not None else make_backends(self.cgroups)
        return self._backends

    def probe(self, name: str) -> Availability:
        """What backend ``name`` enforces here (probed once per Sandbox)."""
        if name not in self._probes:
            self._probes[name] = self.backends()[name].probe()
        return self._probes[name]

    def availability(self) -> list[Availability]:
        """Every backend's report, in preference order (what ``bastion sandbox doctor`` prints)."""
        return [self.probe(name) for name in self.backends()]

    def choose(self) -> tuple[Backend, Availability]:
        """The backend this sandbox uses for its profile. Raises SandboxError (with every backend's
        reason) when none can enforce the profile."""
        required = self.profile.required
        names = list(self.backends()) if self._backend_name == "auto" else [self._backend_name]
        if self._backend_name != "auto" and self._backend_name not in self.backends():
            raise SandboxError(f"unknown sandbox backend {self._backend_name!r}")
        reasons: list[str] = []
        for name in names:
            av = self.probe(name)
            if not av.available:
                reasons.append(f"{name}: unavailable: {av.reason}")
                continue
            lacking = sorted(required - av.enforces)
            if not lacking and (self.profile.network.is_none or self._supports_allow_list(name)):
                return self.backends()[name], av
            if lacking:
                reasons.append(f"{name}: cannot enforce " + "; ".join(f"{f.value} ({av.why(f)})" for f in lacking))
            else:
                reasons.append(f"{name}: cannot enforce a network allow-list (only 'none'); use bwrap, nsjail "
                               "or fallback as root")
        hint = ("allow the downgrade explicitly (SandboxProfile(allow_downgrade={...}) or --allow-downgrade "
                "FEATURE) only if you accept running without it")
        raise SandboxError("no sandbox backend can enforce this profile here: " + " | ".join(reasons) + "; " + hint)

    def _supports_allow_list(self, name: str) -> bool:
        return name != "podman" and os.geteuid() == 0

    # -- running --------------------------------------------------------------------------------

    def run_sync(self, cmd: Sequence[str], *, stdin: bytes | int | None = None) -> SandboxResult:
        """Blocking wrapper over :meth:`run` (for code without an event loop)."""
        return asyncio.run(self.run(cmd, stdin=stdin))

    async def run(self, cmd: Sequence[str], *, stdin: bytes | int | None = None) -> SandboxResult:
        """Run ``cmd`` (argv list, no shell) in the sandbox and return how it ended.

        ``stdin`` is bytes to feed, an open file descriptor the command reads directly (pass-through),
        or None (empty input).

        Never raises for bad input or an unenforceable profile: the result is ``refused`` with the
        reason and the fix in ``message`` (and ``stderr``).
        """
        started = time.monotonic()
        backend_name = self._backend_name if self._backend_name != "auto" else "none"
        try:
            argv = self._check_argv(cmd)
            if isinstance(stdin, bytes) and len(stdin) > _MAX_STDIN:
                raise _Refused(f"stdin is {len(stdin)} bytes; the limit is {_MAX_STDIN}")
            try:
                backend, av = self.choose()
            except SandboxError as exc:
                raise _Refused(str(exc)) from None
            backend_name = backend.name
            return await self._run_on(backend, av, argv, stdin, started)
        except _Refused as exc:
            msg = f"bastion sandbox: refused: {exc.message}"
            return SandboxResult(exit_code=None, reason=Reason.REFUSED, stdout=b"", stderr=(msg + "\n").encode(),
                                 backend=backend_name, duration_ms=(time.monotonic() - started) * 1000,
                                 message=exc.message)

    def _check_argv(self, cmd: Sequence[str]) -> tuple[str, ...]:
        if isinstance(cmd, str | bytes):
            raise _Refused("the command must be a list of arguments (no shell string); "
                           "use ['sh', '-c', SCRIPT] if you need a shell")
        argv = tuple(cmd)
        if not argv:
            raise _Refused("no command given; pass the command and its arguments after '--'")
        total = 0
        for arg in argv:
            if not isinstance(arg, str):
                raise _Refused(f"every argument must be a string, got {type(arg).__name__}")
            if "\0" in arg:
                raise _Refused("an argument contains a NUL byte")
            total += len(arg.encode("utf-8", "surrogateescape")) + 1
        if total > _MAX_ARGV_BYTES:
            raise _Refused(f"the arguments are {total} bytes; the limit is {_MAX_ARGV_BYTES}")
        if not argv[0]:
            raise _Refused("the command name is empty")
        return argv

    def _visible_roots(self, readable: Sequence[str], writable: Sequence[str]) -> list[str]:
        key = tuple(readable)
        if self._readable_real is None or self._readable_real[0] != key:
            self._readable_real = (key, [os.path.realpath(p) for p in readable])
        return [*self._readable_real[1], *(os.path.realpath(p) for p in writable)]

    def _resolve(self, name: str, readable: Sequence[str], writable: Sequence[str]) -> str:
        roots = self._visible_roots(readable, writable)
        if "/" in name:
            if not name.startswith("/"):
                raise _Refused(f"command {name!r} is a relative path; give an absolute path or a name on PATH")
            candidates = [name]
        else:
            candidates = [os.path.join(d, name) for d in _SANDBOX_PATH]
        for cand in candidates:
            real = os.path.realpath(cand)
            if not os.path.isfile(real):
                continue
            if not _under(real, roots):
                raise _Refused(f"command {cand!r} lies outside the sandbox's readable paths ({', '.join(readable)}); "
                               "add its directory to the profile's readable paths (--readable DIR)")
            st = os.stat(real)
            if not st.st_mode & (stat.S_IXOTH | stat.S_IXUSR | stat.S_IXGRP):
                raise _Refused(f"command {cand!r} is not executable")
            return cand
        if "/" in name:
            raise _Refused(f"command {name!r} does not exist")
        raise _Refused(f"command {name!r} was not found on the sandbox's PATH ({':'.join(_SANDBOX_PATH)}); "
                       "install it or give its absolute path inside a readable directory")

    def _prepare_dirs(self) -> tuple[tuple[str, ...], str | None]:
        """Check the writable directories, or make a fresh scratch dir. Returns (dirs, dir to remove)."""
        root = os.geteuid() == 0
        if self.profile.writable:
            out = []
            for d in self.profile.writable:
                try:
                    st = os.stat(d)
                except OSError:
                    raise _Refused(f"writable directory {d!r} does not exist; create it first") from None
                if not stat.S_ISDIR(st.st_mode):
                    raise _Refused(f"writable path {d!r} is not a directory")
                real = os.path.realpath(d)
                if real == "/":
                    raise _Refused("the root directory cannot be writable in a sandbox")
                if root and not _writable_by_nobody(st):
                    raise _Refused(f"writable directory {d!r} is not writable by uid {SANDBOX_UID}; "
                                   f"fix: chown {SANDBOX_UID}:{SANDBOX_GID} {d} (or chmod o+wx)")
                out.append(real)
            return tuple(out), None
        while self._idle_scratch:
            path = self._idle_scratch.pop()
            try:
                if not os.listdir(path):
                    return (path,), path
            except OSError:
                continue
        base = self._scratch_base or tempfile.gettempdir()
        try:
            path = tempfile.mkdtemp(prefix="bastion-sbx-", dir=base)
            if root:
                os.chown(path, SANDBOX_UID, SANDBOX_GID)
            os.chmod(path, 0o700)
        except OSError as exc:
            raise _Refused(f"cannot create a scratch directory in {base!r} ({exc.strerror}); "
                           "give a writable directory (--writable DIR) or another scratch base") from None
        return (path,), path

    def _env(self, cwd: str, writable: Sequence[str]) -> dict[str, str]:
        env = {"PATH": ":".join(_SANDBOX_PATH), "HOME": cwd, "TMPDIR": writable[0], "LANG": "C.UTF-8",
               "USER": "nobody", "LOGNAME": "nobody"}
        env.update(dict(self.profile.env))
        return env

    async def _run_on(self, backend: Backend, av: Availability, argv: tuple[str, ...], stdin: bytes | int | None,
                      started: float) -> SandboxResult:
        p = self.profile
        readable = tuple(x for x in p.readable if os.path.lexists(x))
        writable, scratch = self._prepare_dirs()
        cgroup: Cgroup | None = None
        netns: NetworkNamespace | None = None
        launch: Launch | None = None
        try:
            resolved = self._resolve(argv[0], readable, writable)
            cwd = p.cwd or writable[0]
            if not _under(os.path.realpath(cwd), self._visible_roots(readable, writable)):
                raise _Refused(f"working directory {cwd!r} is not inside a readable or writable path")
            uses_cgroup = getattr(backend, "uses_cgroup", True)
            if uses_cgroup and (Feature.MEMORY in av.enforces or Feature.PIDS in av.enforces):
                try:
                    cgroup = self._idle_cgroups.pop() if self._idle_cgroups else self.cgroups.create(p.memory, p.pids)
                except OSError as exc:
                    if p.required & {Feature.MEMORY, Feature.PIDS}:
                        raise _Refused(f"cannot create a cgroup for the memory/pids limits under "
                                       f"{self.cgroups.memory_parent} ({exc.strerror}); run as root, pass "
                                       "cgroup_parent= a writable delegated cgroup, or allow the downgrade "
                                       "of memory and pids") from None
            bpf = None
            if Feature.SECCOMP in av.enforces:
                bpf = build_filter(not p.network.is_none, unix_sockets=backend.name != "fallback").bpf
            if not p.network.is_none:
                try:
                    netns = await NetworkNamespace.create(p.network)
                except OSError as exc:
                    raise _Refused(f"cannot set up the network allow-list ({exc}); use --network none "
                                   "or run as root") from None
            ctx = RunContext(profile=p, argv=(resolved, *argv[1:]), writable=writable, readable=readable, cwd=cwd,
                             env=self._env(cwd, writable), cgroup=cgroup, seccomp_bpf=bpf,
                             netns_fd=netns.fd if netns is not None else None,
                             hosts_file=netns.hosts_file if netns is not None else None,
                             scratch_tmpfs=scratch, scratch_size=p.scratch_limit)
            try:
                launch = backend.launch(ctx)
            except (SandboxError, OSError) as exc:
                raise _Refused(f"backend {backend.name} cannot start: {exc}") from None
            return await self._execute(backend.name, av, launch, cgroup, stdin, started)
        finally:
            if launch is not None:
                for fd in launch.pass_fds:
                    with contextlib.suppress(OSError):
                        os.close(fd)
                launch.pass_fds = ()
                for fn in launch.cleanup:
                    with contextlib.suppress(OSError):
                        fn()
            if netns is not None:
                await netns.close()
            if cgroup is not None:
                if cgroup.pids():
                    await asyncio.to_thread(cgroup.kill_all)
                self._release_cgroup(cgroup)
            if scratch is not None:
                self._release_scratch(scratch)

    async def _execute(self, name: str, av: Availability, launch: Launch, cgroup: Cgroup | None,
                       stdin: bytes | int | None, started: float) -> SandboxResult:
        p = self.profile
        # Raw pipes, not asyncio's: asyncio's wait() also waits for every pipe to close, and a process
        # outside our tree that inherited one (podman's conmon) must not keep a run alive.
        out_r, out_w = os.pipe2(os.O_CLOEXEC)
        err_r, err_w = os.pipe2(os.O_CLOEXEC)
        in_r: int | None = None
        in_w: int | None = None
        stdin_arg: int = subprocess.DEVNULL
        if isinstance(stdin, bytes):
            in_r, in_w = os.pipe2(os.O_CLOEXEC)
            stdin_arg = in_r
        elif isinstance(stdin, int):
            stdin_arg = stdin
        try:
            # Popen, not asyncio's subprocess: no child-watcher thread per run, and nobody reaps the child
            # but us, so its pid (and pidfd) stay valid until we wait for it.
            proc = subprocess.Popen(
                launch.argv, stdin=stdin_arg, stdout=out_w, stderr=err_w, env=launch.env, cwd=launch.cwd,
                preexec_fn=launch.preexec, pass_fds=launch.pass_fds, start_new_session=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            os.set_blocking(err_r, False)
            try:
                detail = os.read(err_r, 4096).decode("utf-8", "replace").strip()
            except OSError:
                detail = ""
            for fd in (out_r, err_r, in_w):
                if fd is not None:
                    os.close(fd)
            raise _Refused(f"the sandbox could not be set up on backend {name} ({detail or exc}); "
                           "run `bastion sandbox doctor` to see what this machine supports") from None
        finally:
            for fd in (out_w, err_w, in_r, *launch.pass_fds):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            launch.pass_fds = ()
        out, err = bytearray(), bytearray()
        overflow = asyncio.Event()
        readers = [asyncio.ensure_future(_read_capped(out_r, out, p.max_output, overflow)),
                   asyncio.ensure_future(_read_capped(err_r, err, p.max_output, overflow))]
        feeder = asyncio.ensure_future(_feed(in_w, stdin)) if in_w is not None and isinstance(stdin, bytes) else None
        exited = _watch_exit(proc.pid)
        stop = asyncio.ensure_future(overflow.wait())
        watchers: set[asyncio.Future[Any]] = {exited, stop}
        limits = _Limits(cgroup, launch.events)
        if limits.active:
            watchers.add(asyncio.ensure_future(limits.watch()))
        done, _ = await asyncio.wait(watchers, timeout=p.timeout, return_when=asyncio.FIRST_COMPLETED)
        timed_out = not done
        killed_by_us = exited not in done
        for fut in watchers:
            fut.cancel()
        if killed_by_us and launch.kill_argv is not None:
            await _run_quietly(launch.kill_argv)
        left = await asyncio.to_thread(launch.reap) if launch.reap is not None else 0
        # The command's lifetime ends with its main process: kill whatever it left behind, then drain pipes.
        await self._kill_tree(proc.pid, cgroup)
        await _reap(proc)
        _, pending = await asyncio.wait(readers, timeout=2.0)
        for task in (*pending, *([feeder] if feeder is not None else [])):
            task.cancel()
        await asyncio.gather(*readers, *([feeder] if feeder is not None else []), return_exceptions=True)
        duration = (time.monotonic() - started) * 1000
        rc = proc.returncode
        code: int | None = rc
        sig: int | None = None
        if rc is not None and rc < 0:
            sig = -rc
        elif launch.signal_as_128 and rc is not None and 128 < rc <= 128 + 64:
            sig = rc - 128
            code = -sig
        limits.poll()
        oom, pid_hits = limits.oom, limits.pids
        if launch.oom_as_137 and rc == 137 and not killed_by_us:
            oom = 1
        message = ""
        if oom:
            reason = Reason.MEMORY
            message = f"the memory limit ({p.memory} bytes) was reached; the kernel killed the process"
        elif pid_hits:
            reason = Reason.PIDS
            message = f"the process limit ({p.pids}) was reached"
        elif overflow.is_set():
            reason = Reason.OUTPUT_LIMIT
            message = f"output passed the {p.max_output}-byte limit; the command was stopped"
        elif timed_out:
            reason = Reason.TIMEOUT
            message = f"the command ran past its {p.timeout:g}s timeout; every process was killed"
        elif sig == signal.SIGXCPU:
            reason = Reason.TIMEOUT
            message = f"the CPU-time limit ({p.cpu_limit}s) was reached"
        elif sig is not None:
            reason = Reason.SIGNAL
            try:
                message = f"killed by {signal.Signals(sig).name}"
            except ValueError:
                message = f"killed by signal {sig}"
            if sig == signal.SIGXFSZ:
                message += f" (file size limit {p.file_size} bytes)"
        else:
            reason = Reason.EXITED
        if left:
            # Fail loudly: the result must not read as contained while something still runs.
            message = (f"{message}; " if message else "") + (
                f"{left} process(es) of the sandbox survived SIGKILL for 5 s and may still be running")
        return SandboxResult(exit_code=code, reason=reason, stdout=bytes(out), stderr=bytes(err), backend=name,
                             duration_ms=duration, message=message, enforced=av.enforces,
                             downgraded=p.allow_downgrade - av.enforces, truncated=overflow.is_set())

    async def _kill_tree(self, pid: int, cgroup: Cgroup | None) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        if cgroup is not None and cgroup.pids():
            await asyncio.to_thread(cgroup.kill_all)

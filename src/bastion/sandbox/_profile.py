"""The sandbox profile: what a sandboxed command may do, and the features that enforce it."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from enum import StrEnum

from bastion.errors import SandboxError

__all__ = [
    "DEFAULT_READABLE",
    "Endpoint",
    "Feature",
    "NetworkPolicy",
    "SandboxProfile",
    "parse_network",
    "parse_size",
]

#: Host paths visible (read-only) inside the sandbox unless a profile says otherwise. Everything else
#: (home directories, /root, /srv, /var ...) is invisible or unreadable.
DEFAULT_READABLE: tuple[str, ...] = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")

SANDBOX_UID = 65534
SANDBOX_GID = 65534

_MIN_MEMORY = 8 * 1024 * 1024
_MIN_PIDS = 2
_MAX_TIMEOUT = 24 * 3600.0


class Feature(StrEnum):
    """One property a backend enforces. A profile requires all of them unless downgrades are allowed."""

    NETWORK = "network"  # no network, or only the allow-listed endpoints
    READONLY_ROOT = "readonly_root"  # nothing writable outside the scratch directories
    PRIVATE_FS = "private_fs"  # only the readable paths are visible (no home directories, no /root)
    UID = "uid"  # runs as uid/gid 65534 with no supplementary groups
    NO_CAPS = "no_caps"  # no capabilities and no_new_privs (setuid binaries gain nothing)
    SECCOMP = "seccomp"  # dangerous syscalls refused
    MEMORY = "memory"  # memory limit for the whole process tree (cgroup)
    PIDS = "pids"  # process/thread count limit for the whole tree (cgroup)
    KILL_TREE = "kill_tree"  # every descendant is killed at the end (cgroup or pid namespace)
    SIGNALS = "signals"  # cannot signal or see processes outside the sandbox
    RLIMITS = "rlimits"  # CPU time, file size, open files, no core dumps


ALL_FEATURES: frozenset[Feature] = frozenset(Feature)


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One allowed network destination: ``host`` (name or IP) and TCP ``port``."""

    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(frozen=True, slots=True)
class NetworkPolicy:
    """``none`` (the default) or TCP to an explicit allow-list of endpoints."""

    allow: tuple[Endpoint, ...] = ()

    @property
    def is_none(self) -> bool:
        return not self.allow

    def __str__(self) -> str:
        return "none" if self.is_none else "allow:" + ",".join(str(e) for e in self.allow)


_HOST_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")


def _check_host(host: str, spec: str) -> str:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if not _HOST_RE.match(host) or ".." in host:
        raise SandboxError(
            f"invalid network allow-list entry {spec!r}: {host!r} is not a host name or IP address; "
            "use allow:HOST:PORT, e.g. allow:api.example.com:443 or allow:127.0.0.1:8080"
        )
    return host.lower()


def parse_network(spec: str) -> NetworkPolicy:
    """Parse ``none`` or ``allow:HOST:PORT[,HOST:PORT...]`` (IPv6 hosts in brackets)."""
    text = spec.strip()
    if text == "none":
        return NetworkPolicy()
    if not text.startswith("allow:") or text == "allow:":
        raise SandboxError(
            f"invalid --network value {spec!r}: use 'none' or 'allow:HOST:PORT[,HOST:PORT...]'"
        )
    endpoints: list[Endpoint] = []
    for item in text[len("allow:"):].split(","):
        item = item.strip()
        m = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d{1,5})|([^:\s]+):(\d{1,5})", item)
        if not m:
            raise SandboxError(
                f"invalid network allow-list entry {item!r}: use HOST:PORT (IPv6 as [ADDR]:PORT)"
            )
        host = m.group(1) or m.group(3)
        port = int(m.group(2) or m.group(4))
        if not 1 <= port <= 65535:
            raise SandboxError(f"invalid network allow-list entry {item!r}: port must be 1..65535")
        endpoint = Endpoint(_check_host(host, item), port)
        if endpoint not in endpoints:
            endpoints.append(endpoint)
    return NetworkPolicy(tuple(endpoints))


_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """Parse a size like ``512m``, ``512MB``, ``1.5G``, ``65536`` (binary units, like Docker)."""
    m = _SIZE_RE.match(text)
    if not m:
        raise SandboxError(f"invalid size {text!r}: use a number with an optional unit k, m, g (e.g. 512m)")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


@dataclass(frozen=True, slots=True)
class SandboxProfile:
    """What a sandboxed command may do. Defaults are the hardening playbook's.

    The defaults match ``docker run --read-only --network=none --cap-drop=ALL
    --security-opt no-new-privileges --user=65534 --memory=512m --pids-limit=100`` under ``timeout 30``.

    ``writable`` directories are bind-mounted read-write (they must exist and be writable by uid 65534);
    when empty, each run gets a fresh private scratch directory: a tmpfs of ``scratch_size`` bytes
    (default: the memory limit) that disappears with the run, so a command cannot fill the host's disk.
    ``readable`` host paths are visible read-only; nothing else of the host filesystem is.
    ``allow_downgrade`` names features the operator accepts a backend not enforcing; any other missing
    feature makes the run ``refused``.
    """

    timeout: float = 30.0
    memory: int = 512 * 1024 * 1024
    pids: int = 100
    network: NetworkPolicy = field(default_factory=NetworkPolicy)
    writable: tuple[str, ...] = ()
    readable: tuple[str, ...] = DEFAULT_READABLE
    cpu_seconds: int | None = None  # None: the wall-clock timeout, rounded up
    file_size: int = 64 * 1024 * 1024
    max_output: int = 1024 * 1024  # bytes per stream (stdout, stderr)
    scratch_size: int | None = None  # the fresh scratch dir's tmpfs size; None: the memory limit
    open_files: int = 256
    env: tuple[tuple[str, str], ...] = ()
    cwd: str | None = None  # default: the first writable directory
    allow_downgrade: frozenset[Feature] = frozenset()

    def __post_init__(self) -> None:
        problems: list[str] = []
        if not 0 < self.timeout <= _MAX_TIMEOUT:
            problems.append(f"timeout must be in (0, {_MAX_TIMEOUT:.0f}] seconds, got {self.timeout}")
        if self.memory < _MIN_MEMORY:
            problems.append(f"memory limit {self.memory} bytes is too small to start a process; use at least 8m")
        if self.pids < _MIN_PIDS:
            problems.append(f"pids limit {self.pids} is too small; use at least {_MIN_PIDS}")
        if self.cpu_seconds is not None and self.cpu_seconds < 1:
            problems.append("cpu_seconds must be at least 1")
        if self.file_size < 0:
            problems.append("file_size must be >= 0")
        if self.scratch_size is not None and self.scratch_size < 64 * 1024:
            problems.append("scratch_size must be at least 64k")
        if self.max_output < 1:
            problems.append("max_output must be at least 1 byte")
        if self.open_files < 16:
            problems.append("open_files must be at least 16")
        for path in (*self.writable, *self.readable):
            if not path.startswith("/") or "\0" in path:
                problems.append(f"path {path!r} must be absolute")
        for key, value in self.env:
            if not key or "=" in key or "\0" in key:
                problems.append(f"environment variable name {key!r} is invalid")
            elif "\0" in value:
                problems.append(f"environment variable {key} contains a NUL byte")
        if not isinstance(self.allow_downgrade, frozenset):
            object.__setattr__(self, "allow_downgrade", frozenset(Feature(f) for f in self.allow_downgrade))
        if problems:
            raise SandboxError("invalid sandbox profile: " + "; ".join(problems))

    @property
    def cpu_limit(self) -> int:
        """CPU seconds (RLIMIT_CPU) for each process."""
        if self.cpu_seconds is not None:
            return self.cpu_seconds
        return max(1, int(self.timeout) + 1)

    @property
    def scratch_limit(self) -> int:
        """Bytes the fresh scratch tmpfs may hold (its pages also count against the memory limit)."""
        return self.scratch_size if self.scratch_size is not None else self.memory

    @property
    def required(self) -> frozenset[Feature]:
        """Features a backend must enforce for this profile (all but the allowed downgrades)."""
        return ALL_FEATURES - self.allow_downgrade

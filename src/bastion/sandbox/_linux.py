"""Thin ctypes wrappers over the Linux calls the sandbox needs: prctl, unshare, setns, Landlock, seccomp.

Everything a forked child calls is prepared in the parent (rulesets, BPF programs), so the child only
makes system calls between ``fork`` and ``exec``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CLONE_NEWIPC",
    "CLONE_NEWNET",
    "CLONE_NEWNS",
    "CLONE_NEWUSER",
    "CLONE_NEWUTS",
    "BpfProgram",
    "LandlockRuleset",
    "bind_file_readonly",
    "landlock_abi",
    "libc_call",
    "make_mounts_private",
    "mount_private_proc",
    "mount_tmpfs",
    "set_no_new_privs",
    "set_pdeathsig",
]

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000

PR_SET_PDEATHSIG = 1
PR_SET_SECCOMP = 22
PR_SET_NO_NEW_PRIVS = 38
SECCOMP_MODE_FILTER = 2

_SYS_LANDLOCK = {"x86_64": (444, 445, 446), "aarch64": (444, 445, 446)}

_libc: Any = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_libc.syscall.restype = ctypes.c_long
_libc.prctl.restype = ctypes.c_int


def libc_call(name: str, *args: Any) -> int:
    """Call a libc function; raise OSError with errno on -1."""
    res = int(getattr(_libc, name)(*args))
    if res == -1:
        err = ctypes.get_errno()
        raise OSError(err, f"{name}: {os.strerror(err)}")
    return res


def set_no_new_privs() -> None:
    libc_call("prctl", PR_SET_NO_NEW_PRIVS, ctypes.c_ulong(1), ctypes.c_ulong(0), ctypes.c_ulong(0),
              ctypes.c_ulong(0))


_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_NOEXEC = 8
_MS_REMOUNT = 32
_MS_BIND = 4096
_MS_REC = 16384
_MS_PRIVATE = 1 << 18


def bind_file_readonly(src: str, dst: str) -> None:
    """In a fresh, private mount namespace: bind ``src`` over ``dst``, read-only."""
    libc_call("mount", os.fsencode(src), os.fsencode(dst), None, ctypes.c_ulong(_MS_BIND), None)
    libc_call("mount", None, os.fsencode(dst), None, ctypes.c_ulong(_MS_BIND | _MS_REMOUNT | _MS_RDONLY), None)


def make_mounts_private() -> None:
    """In a fresh mount namespace: stop mount events propagating back to the host."""
    libc_call("mount", None, b"/", None, ctypes.c_ulong(_MS_REC | _MS_PRIVATE), None)


def mount_private_proc() -> None:
    """Mount a new /proc that hides processes of other users (hidepid=invisible, 2 on older kernels)."""
    flags = ctypes.c_ulong(_MS_NOSUID | _MS_NODEV | _MS_NOEXEC)
    try:
        libc_call("mount", b"proc", b"/proc", b"proc", flags, b"hidepid=invisible")
    except OSError:
        libc_call("mount", b"proc", b"/proc", b"proc", flags, b"hidepid=2")


def mount_tmpfs(path: str, size: int) -> None:
    """Mount a private tmpfs of ``size`` bytes on ``path``, owned by uid/gid 65534, mode 0700."""
    opts = f"size={size},mode=0700,uid=65534,gid=65534".encode()
    libc_call("mount", b"tmpfs", os.fsencode(path), b"tmpfs", ctypes.c_ulong(_MS_NOSUID | _MS_NODEV), opts)


def set_pdeathsig(sig: int) -> None:
    libc_call("prctl", PR_SET_PDEATHSIG, ctypes.c_ulong(sig), ctypes.c_ulong(0), ctypes.c_ulong(0),
              ctypes.c_ulong(0))


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


class BpfProgram:
    """A seccomp BPF program held in C memory, ready to load in a forked child."""

    def __init__(self, bpf: bytes) -> None:
        count = len(bpf) // 8
        self._array = (_SockFilter * count).from_buffer_copy(bpf)
        self._prog = _SockFprog(count, ctypes.cast(self._array, ctypes.POINTER(_SockFilter)))

    def load(self) -> None:
        """Install the filter on the calling thread (no_new_privs must be set, or CAP_SYS_ADMIN held)."""
        libc_call("prctl", PR_SET_SECCOMP, ctypes.c_ulong(SECCOMP_MODE_FILTER), ctypes.byref(self._prog),
                  ctypes.c_ulong(0), ctypes.c_ulong(0))


# --- Landlock -----------------------------------------------------------------------------------

_FS_EXECUTE = 1 << 0
_FS_WRITE_FILE = 1 << 1
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_TRUNCATE = 1 << 14
_FS_IOCTL_DEV = 1 << 15
_FS_FILE_RIGHTS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE | _FS_IOCTL_DEV
_NET_BIND_TCP = 1 << 0
_NET_CONNECT_TCP = 1 << 1
_SCOPE_ABSTRACT_UNIX = 1 << 0
_SCOPE_SIGNAL = 1 << 1


def _landlock_syscalls() -> tuple[int, int, int] | None:
    return _SYS_LANDLOCK.get(platform.machine())


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable."""
    nrs = _landlock_syscalls()
    if nrs is None:
        return 0
    res = int(_libc.syscall(ctypes.c_long(nrs[0]), None, ctypes.c_size_t(0), ctypes.c_uint32(1)))
    return max(res, 0)


def _fs_all(abi: int) -> int:
    rights = (1 << 13) - 1  # ABI 1
    if abi >= 2:
        rights |= 1 << 13  # REFER
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


class _NetPort(ctypes.Structure):
    _fields_ = [("allowed", ctypes.c_uint64), ("port", ctypes.c_uint64)]


@dataclass(frozen=True, slots=True)
class LandlockCoverage:
    """What a ruleset restricts on this kernel."""

    abi: int
    network: bool
    signals: bool


class LandlockRuleset:
    """A Landlock ruleset: read/execute beneath ``readable``, everything beneath ``writable``.

    On ABI >= 4 TCP bind is refused and TCP connect allowed only to ``ports`` (none: no TCP at all);
    on ABI >= 6 signals to processes outside the sandbox and abstract unix sockets are scoped.
    """

    def __init__(self, readable: list[str], writable: list[str], ports: tuple[int, ...] | None) -> None:
        nrs = _landlock_syscalls()
        abi = landlock_abi()
        if nrs is None or abi < 1:
            raise OSError("Landlock is not available in this kernel")
        self._nrs = nrs
        fs_all = _fs_all(abi)
        attr = _RulesetAttr(fs_all, 0, 0)
        size = 8
        net = abi >= 4 and ports is not None
        if net:
            attr.net = _NET_BIND_TCP | _NET_CONNECT_TCP
            size = 16
        signals = abi >= 6
        if signals:
            attr.scoped = _SCOPE_ABSTRACT_UNIX | _SCOPE_SIGNAL
            size = 24
        fd = int(_libc.syscall(ctypes.c_long(nrs[0]), ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0)))
        if fd < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"landlock_create_ruleset: {os.strerror(err)}")
        self.fd = fd
        self.coverage = LandlockCoverage(abi=abi, network=net, signals=signals)
        try:
            read_rights = _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR
            for path in readable:
                self._add_path(path, read_rights)
            for path in writable:
                self._add_path(path, fs_all)
            if net and ports:
                for port in ports:
                    rule = _NetPort(_NET_CONNECT_TCP, port)
                    self._add_rule(2, ctypes.byref(rule))
        except OSError:
            os.close(fd)
            raise

    def _add_rule(self, rule_type: int, attr: Any) -> None:
        res = int(_libc.syscall(ctypes.c_long(self._nrs[1]), ctypes.c_int(self.fd), ctypes.c_int(rule_type), attr,
                                ctypes.c_uint32(0)))
        if res < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"landlock_add_rule: {os.strerror(err)}")

    def _add_path(self, path: str, rights: int) -> None:
        try:
            pfd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except FileNotFoundError:
            return
        try:
            if not os.path.isdir(path):
                rights &= _FS_FILE_RIGHTS
            self._add_rule(1, ctypes.byref(_PathBeneath(rights, pfd)))
        finally:
            os.close(pfd)

    def restrict_self(self) -> None:
        """Apply to the calling thread (needs no_new_privs)."""
        res = int(_libc.syscall(ctypes.c_long(self._nrs[2]), ctypes.c_int(self.fd), ctypes.c_uint32(0)))
        if res < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"landlock_restrict_self: {os.strerror(err)}")

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __del__(self) -> None:
        try:
            self.close()
        except OSError:
            pass

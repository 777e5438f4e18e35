"""The seccomp filter: one deny list, compiled to BPF (for the fallback and bubblewrap), to a kafel
policy (for nsjail) and to a Docker/OCI seccomp profile (for ``docker-args``).

The filter allows everything except syscalls that let a process leave or weaken the sandbox, touch
the kernel or other processes: they fail with ``EPERM``. ``clone3`` fails with ``ENOSYS`` (its flags
live in memory that seccomp cannot inspect) so libc falls back to ``clone``, whose namespace flags
are refused. When the network is off, ``socket`` is refused for every family but ``AF_UNIX``; with an
allow-list only ``AF_UNIX``, ``AF_INET`` and ``AF_INET6`` remain. Syscalls of other ABIs (i386,
x32) kill the process.
"""

from __future__ import annotations

import errno
import os
import socket
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DENIED_SYSCALLS", "SeccompFilter", "build_filter", "docker_seccomp_profile", "kafel_policy"]

#: Refused with EPERM in every profile.
DENIED_SYSCALLS: tuple[str, ...] = (
    # debugging and reading/writing other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    # namespaces and mounts
    "mount", "umount2", "unshare", "setns", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount",
    "fspick", "move_mount", "open_tree", "mount_setattr",
    # kernel keyring
    "keyctl", "add_key", "request_key",
    # kernel programs, tracing, modules, kexec
    "bpf", "perf_event_open", "kexec_load", "kexec_file_load", "init_module", "finit_module",
    "delete_module",
    # system-wide state
    "swapon", "swapoff", "reboot", "acct", "quotactl", "quotactl_fd", "settimeofday", "clock_settime",
    "clock_adjtime", "adjtimex", "syslog", "sethostname", "setdomainname", "vhangup", "iopl", "ioperm",
    "lookup_dcookie", "nfsservctl", "uselib", "personality",
    # file handles bypass path checks (classic container escape)
    "open_by_handle_at", "name_to_handle_at",
    # io_uring runs operations (sockets, opens) outside seccomp's view
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    # userfaultfd eases kernel exploits
    "userfaultfd",
    # NUMA/page migration of other processes
    "move_pages", "migrate_pages",
)

# CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET
_CLONE_NS_BITS = (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000)
_TIOCSTI = 0x5412
_TIOCLINUX = 0x541C


@dataclass(frozen=True, slots=True)
class SeccompFilter:
    """A compiled filter: raw BPF program bytes for ``PR_SET_SECCOMP`` / ``bwrap --seccomp``."""

    bpf: bytes
    network: bool

    @property
    def instructions(self) -> int:
        return len(self.bpf) // 8


def _allowed_families(network: bool) -> tuple[int, ...]:
    return (socket.AF_UNIX, socket.AF_INET, socket.AF_INET6) if network else (socket.AF_UNIX,)


def _refused_below(allowed: tuple[int, ...]) -> list[int]:
    """Families below the highest allowed one that are not allowed."""
    return [f for f in range(max(allowed)) if f not in allowed]


@lru_cache(maxsize=4)
def build_filter(network: bool, unix_sockets: bool = True) -> SeccompFilter:
    """Compile the filter for a profile with (``network=True``: allow-list) or without network.

    ``unix_sockets=False`` also refuses ``socket(AF_UNIX)`` (``socketpair`` stays): for the fallback
    backend, whose processes see the host's filesystem paths and must not connect to host services'
    unix sockets (databases, container engines).

    Raises ImportError when pyseccomp/libseccomp is missing and OSError when it cannot compile.
    """
    import pyseccomp as sc

    flt = sc.SyscallFilter(sc.ALLOW)
    # Non-native ABIs (i386 int 0x80, x32) cannot be used to dodge the rules.
    flt.set_attr(sc.Attr.ACT_BADARCH, sc.KILL_PROCESS)
    deny = sc.ERRNO(errno.EPERM)
    for name in DENIED_SYSCALLS:
        try:
            flt.add_rule(deny, name)
        except (OSError, ValueError):
            continue  # not a syscall on this architecture
    flt.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    for bit in _CLONE_NS_BITS:
        flt.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, bit, bit))
    for request in (_TIOCSTI, _TIOCLINUX):
        flt.add_rule(deny, "ioctl", sc.Arg(1, sc.MASKED_EQ, 0xFFFFFFFF, request))
    # socket(domain, ...) and socketpair: refuse every family that is not allowed (one comparison per rule).
    refuse = sc.ERRNO(errno.EAFNOSUPPORT)
    if not unix_sockets:
        flt.add_rule(refuse, "socket", sc.Arg(0, sc.EQ, socket.AF_UNIX, 0))
    for name in ("socket", "socketpair"):
        if network and name == "socket":
            for fam in _refused_below(_allowed_families(network)):
                flt.add_rule(refuse, name, sc.Arg(0, sc.EQ, fam, 0))
            flt.add_rule(refuse, name, sc.Arg(0, sc.GT, max(_allowed_families(network)), 0))
        else:
            flt.add_rule(refuse, name, sc.Arg(0, sc.NE, socket.AF_UNIX, 0))
    fd = os.memfd_create("bastion-seccomp")
    try:
        with os.fdopen(os.dup(fd), "wb") as out:
            flt.export_bpf(out)
        size = os.lseek(fd, 0, os.SEEK_END)
        bpf = os.pread(fd, size, 0)
    finally:
        os.close(fd)
    if not bpf or len(bpf) % 8:
        raise OSError("libseccomp exported an empty or malformed BPF program")
    return SeccompFilter(bpf=bpf, network=network)


def kafel_policy(network: bool) -> str:
    """The same filter in nsjail's kafel language."""
    # kafel calls umount2 (x86_64 nr 166) "umount".
    names = ", ".join("umount" if n == "umount2" else n for n in DENIED_SYSCALLS)
    fams = _allowed_families(network)
    cond = " && ".join(f"domain != {f}" for f in fams)
    clone_cond = " || ".join(f"(flags & {bit:#x}) == {bit:#x}" for bit in _CLONE_NS_BITS)
    return (
        "POLICY bastion {\n"
        f"  ERRNO({errno.EPERM}) {{ {names} }},\n"
        f"  ERRNO({errno.ENOSYS}) {{ clone3 }},\n"
        f"  ERRNO({errno.EPERM}) {{ clone(flags, stack, ptid, ctid, tls) {{ {clone_cond} }} }},\n"
        f"  ERRNO({errno.EPERM}) {{ ioctl(fd, request) {{ request == {_TIOCSTI:#x}"
        f" || request == {_TIOCLINUX:#x} }} }},\n"
        f"  ERRNO({errno.EAFNOSUPPORT}) {{ socket(domain, type, protocol) {{ {cond} }},"
        f" socketpair(domain, type, protocol, sv) {{ domain != {socket.AF_UNIX} }} }}\n"
        "}\n"
        "USE bastion DEFAULT ALLOW\n"
    )


def docker_seccomp_profile(network: bool) -> dict[str, object]:
    """The same deny list as a Docker/OCI seccomp profile (``--security-opt seccomp=FILE``)."""
    fams = _allowed_families(network)
    syscalls: list[dict[str, object]] = [
        {"names": list(DENIED_SYSCALLS), "action": "SCMP_ACT_ERRNO", "errnoRet": errno.EPERM},
        {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": errno.ENOSYS},
    ]
    for bit in _CLONE_NS_BITS:
        syscalls.append({
            "names": ["clone"], "action": "SCMP_ACT_ERRNO", "errnoRet": errno.EPERM,
            "args": [{"index": 0, "value": bit, "valueTwo": bit, "op": "SCMP_CMP_MASKED_EQ"}],
        })
    refused_eq = _refused_below(fams) if network else []
    for fam in refused_eq:
        syscalls.append({"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": errno.EAFNOSUPPORT,
                         "args": [{"index": 0, "value": fam, "op": "SCMP_CMP_EQ"}]})
    if network:
        syscalls.append({"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": errno.EAFNOSUPPORT,
                         "args": [{"index": 0, "value": max(fams), "op": "SCMP_CMP_GT"}]})
    else:
        syscalls.append({"names": ["socket", "socketpair"], "action": "SCMP_ACT_ERRNO",
                         "errnoRet": errno.EAFNOSUPPORT,
                         "args": [{"index": 0, "value": socket.AF_UNIX, "op": "SCMP_CMP_NE"}]})
    return {
        "defaultAction": "SCMP_ACT_ALLOW",
        "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64"],
        "syscalls": syscalls,
    }

"""Sandboxed tool execution: every command an agent runs is contained.

A :class:`SandboxProfile` says what a command may do (network none or an allow-list, read-only root,
writable scratch directory, uid/gid 65534, no capabilities, no_new_privs, memory/pids/CPU/wall-time/
file-size/output limits, a seccomp filter). A :class:`Sandbox` runs commands under it on the strongest
backend this machine offers (bubblewrap, nsjail, the fallback of rlimits + Landlock + seccomp +
namespaces, or podman) and never silently runs with less than the profile requires::

    from bastion.sandbox import Sandbox, SandboxProfile

    box = Sandbox(SandboxProfile(timeout=10, memory=256 * 1024 * 1024))
    result = await box.run(["python3", "-c", "print(1 + 1)"])      # or box.run_sync([...])
    result.reason, result.exit_code, result.stdout                 # Reason.EXITED, 0, b"2\\n"

Results are :class:`SandboxResult` values; ``reason`` is one :class:`Reason`. Invalid input or a profile
that cannot be enforced gives ``Reason.REFUSED`` with the reason and the fix, and nothing runs.
"""

from __future__ import annotations

from bastion.sandbox._backend import Availability, Backend
from bastion.sandbox._backends import BACKENDS
from bastion.sandbox._docker import docker_args
from bastion.sandbox._profile import (
    DEFAULT_READABLE,
    Endpoint,
    Feature,
    NetworkPolicy,
    SandboxProfile,
    parse_network,
    parse_size,
)
from bastion.sandbox._result import Reason, SandboxResult
from bastion.sandbox._sandbox import Sandbox
from bastion.sandbox._seccomp import DENIED_SYSCALLS

__all__ = [
    "BACKENDS",
    "DEFAULT_READABLE",
    "DENIED_SYSCALLS",
    "Availability",
    "Backend",
    "Endpoint",
    "Feature",
    "NetworkPolicy",
    "Reason",
    "Sandbox",
    "SandboxProfile",
    "SandboxResult",
    "docker_args",
    "parse_network",
    "parse_size",
]

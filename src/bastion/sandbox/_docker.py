"""The ``docker run`` line equivalent to a profile, for users who run tools in Docker."""

from __future__ import annotations

import math
from collections.abc import Sequence

from bastion.errors import SandboxError
from bastion.sandbox._profile import SANDBOX_GID, SANDBOX_UID, SandboxProfile

__all__ = ["docker_args"]


def docker_args(
    profile: SandboxProfile,
    cmd: Sequence[str],
    *,
    image: str = "debian:12-slim",
    seccomp_profile: str | None = None,
) -> list[str]:
    """argv for ``timeout S docker run ...`` enforcing ``profile`` (as far as Docker can).

    ``seccomp_profile`` is the path of a JSON profile (``bastion sandbox docker-args --seccomp-out``);
    without it Docker's default profile applies. Docker cannot express a per-host network allow-list:
    such a profile raises SandboxError.
    """
    if not profile.network.is_none:
        raise SandboxError(
            f"docker has no per-host network allow-list ({profile.network}); run the tool with "
            "`bastion sandbox run` instead, or use --network none"
        )
    if not cmd:
        raise SandboxError("no command given; pass the command after '--'")
    mem_mib = max(1, profile.memory // (1024 * 1024))
    argv = [
        "timeout", "--signal=KILL", f"{math.ceil(profile.timeout)}",
        "docker", "run", "--rm", "-i",
        "--read-only",
        "--network=none",
        "--cap-drop=ALL",
        "--security-opt", "no-new-privileges",
        f"--user={SANDBOX_UID}:{SANDBOX_GID}",
        f"--memory={mem_mib}m", f"--memory-swap={mem_mib}m",
        f"--pids-limit={profile.pids}",
        "--ulimit", f"cpu={profile.cpu_limit}:{profile.cpu_limit + 1}",
        "--ulimit", f"fsize={profile.file_size}:{profile.file_size}",
        "--ulimit", f"nofile={profile.open_files}:{profile.open_files}",
        "--ulimit", "core=0:0",
        "--tmpfs", "/tmp:rw,noexec,nosuid,nodev,size=64m",
    ]
    if seccomp_profile is not None:
        argv += ["--security-opt", f"seccomp={seccomp_profile}"]
    for d in profile.writable:
        argv += ["-v", f"{d}:{d}:rw"]
    if profile.writable:
        argv += ["--workdir", profile.cwd or profile.writable[0]]
    for key, value in profile.env:
        argv += ["--env", f"{key}={value}"]
    argv += [image, *cmd]
    return argv

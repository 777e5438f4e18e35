"""Start-up overhead of one sandboxed call, per backend, against a plain subprocess and podman.

Runs ``true`` N times (default 50) in each configuration, in one process, interleaved round-robin so that
machine load hits every configuration alike, and prints the median, p90 and min wall time per call
(spawn to exit, output collected), plus the ratio to a plain subprocess.

    .venv/bin/python bench/sandbox.py [--runs 50] [--skip-podman]

Configurations:
  plain       asyncio.create_subprocess_exec("true"): no isolation at all
  bwrap-raw   the bwrap command line alone (as uid 65534, no cgroup, no seccomp): bubblewrap's own cost
  bwrap, nsjail, fallback, podman
              bastion.sandbox.Sandbox(SandboxProfile(), backend=NAME).run(["true"]) with the default profile
              (512 MB, 100 pids, no network, seccomp, fresh scratch dir, per-run cgroup)
  auto        the automatic choice (what `bastion sandbox run` uses)
Wall time is what a caller waits; on a loaded machine it is dominated by waiting for a CPU, so the CPU
time per call (this process + reaped children) is printed too: it is close to the wall time on an idle
machine and does not depend on the load.
Target (issue 4): median <= 10 ms for the default backend.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

from _machine import cpu_model
from bastion.sandbox import BACKENDS, Reason, Sandbox, SandboxProfile


def _cpu_seconds() -> float:
    """CPU time of this process plus its reaped children (podman's conmon is not ours: undercounted)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


async def _plain() -> None:
    proc = await asyncio.create_subprocess_exec("true", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    await proc.communicate()


def _bwrap_raw_factory() -> Callable[[], Awaitable[None]] | None:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return None
    argv = [bwrap, "--unshare-all", "--uid", "65534", "--gid", "65534", "--die-with-parent", "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--proc", "/proc", "--dev", "/dev", "--", "/usr/bin/true"]

    def drop() -> None:
        if os.geteuid() == 0:
            os.setgroups([])
            os.setresgid(65534, 65534, 65534)
            os.setresuid(65534, 65534, 65534)

    async def run() -> None:
        proc = await asyncio.create_subprocess_exec(*argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                                    preexec_fn=drop)
        await proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError("bwrap-raw failed")

    return run


def _sandbox_factory(name: str) -> tuple[Callable[[], Awaitable[None]] | None, str]:
    box = Sandbox(SandboxProfile(), backend=name)
    if name == "auto":
        try:
            backend, _ = box.choose()
        except Exception as exc:
            return None, f"no backend: {exc}"
        label = backend.name
    else:
        av = box.probe(name)
        if not av.available:
            return None, av.reason
        label = name

    async def run() -> None:
        result = await box.run(["true"])
        if result.reason is not Reason.EXITED or result.exit_code != 0:
            raise RuntimeError(f"{name}: {result.reason.value}: {result.message}")

    return run, label


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--skip-podman", action="store_true")
    args = parser.parse_args()

    configs: dict[str, Callable[[], Awaitable[None]]] = {"plain": _plain}
    notes: dict[str, str] = {}
    raw = _bwrap_raw_factory()
    if raw is not None:
        configs["bwrap-raw"] = raw
    for name in [*BACKENDS, "auto"]:
        if name == "podman" and args.skip_podman:
            notes[name] = "skipped (--skip-podman)"
            continue
        fn, label = _sandbox_factory(name)
        if fn is None:
            notes[name] = f"unavailable: {label}"
            continue
        configs[name if name != "auto" else f"auto={label}"] = fn

    for fn in configs.values():
        for _ in range(args.warmup):
            await fn()
    samples: dict[str, list[float]] = {k: [] for k in configs}
    cpu: dict[str, list[float]] = {k: [] for k in configs}
    for _ in range(args.runs):
        for key, fn in configs.items():
            c0 = _cpu_seconds()
            t0 = time.perf_counter()
            await fn()
            samples[key].append((time.perf_counter() - t0) * 1000)
            cpu[key].append((_cpu_seconds() - c0) * 1000)

    print(f"bastion sandbox start-up overhead: `true`, {args.runs} runs each, interleaved")
    print(f"machine: {os.cpu_count()} CPUs ({cpu_model()}), kernel {platform.release()}, "
          f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}, uid {os.geteuid()}")
    base = statistics.median(samples["plain"])
    print("wall = spawn to exit, output collected; cpu = user+sys of bastion and every reaped child per call")
    print(f"{'configuration':<16}{'median ms':>11}{'p90 ms':>10}{'min ms':>10}{'x plain':>10}{'cpu ms':>10}")
    for key, vals in samples.items():
        vals.sort()
        med = statistics.median(vals)
        p90 = vals[int(0.9 * (len(vals) - 1))]
        print(f"{key:<16}{med:>11.2f}{p90:>10.2f}{vals[0]:>10.2f}{med / base:>10.1f}"
              f"{statistics.median(cpu[key]):>10.2f}")
    for name, note in notes.items():
        print(f"{name:<16}{note}")
    auto = next((k for k in samples if k.startswith("auto=")), None)
    if auto is not None:
        med = statistics.median(samples[auto])
        print(f"default backend ({auto[5:]}): median {med:.2f} ms; target <= 10 ms: {'met' if med <= 10 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

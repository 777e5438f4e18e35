"""Shared fixtures for the sandbox tests: one fixture parametrised over every backend, skipping
(with the backend's own reason) where it cannot run on this machine."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from bastion.sandbox import BACKENDS, Availability, Sandbox, SandboxProfile

#: podman takes ~0.5 s per run: its escape tests are marked slow.
FAST_BACKENDS = [name for name in BACKENDS if name != "podman"]
PYTHON = "/usr/bin/python3"


@functools.cache
def probe(name: str) -> Availability:
    return Sandbox(SandboxProfile(), backend=name).probe(name)


def require_backend(name: str) -> None:
    av = probe(name)
    if not av.available:
        pytest.skip(f"backend {name} unavailable here: {av.reason}")
    lacking = sorted(f.value for f in set(SandboxProfile().required) - av.enforces)
    if lacking:
        pytest.skip(f"backend {name} does not enforce {', '.join(lacking)} here: "
                    + "; ".join(av.why(f) for f in av.enforces.symmetric_difference(SandboxProfile().required)))
    if not os.path.exists(PYTHON):
        pytest.skip(f"{PYTHON} is needed inside the sandbox for the escape payloads")


def _params() -> list[object]:
    out: list[object] = []
    for name in BACKENDS:
        marks = [pytest.mark.slow] if name not in FAST_BACKENDS else []
        out.append(pytest.param(name, id=name, marks=marks))
    return out


@pytest.fixture(params=_params())
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    require_backend(name)
    return name


@pytest.fixture
def nobody_dir() -> Iterator[str]:
    """A directory writable by uid 65534 (for profiles with explicit writable dirs)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to make a directory owned by uid 65534")
    path = tempfile.mkdtemp(prefix="bastion-test-")
    os.chown(path, 65534, 65534)
    os.chmod(path, 0o700)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)

from __future__ import annotations

import json

import pytest

from bastion.errors import SandboxError
from bastion.sandbox import (
    DENIED_SYSCALLS,
    Endpoint,
    Feature,
    NetworkPolicy,
    Reason,
    SandboxProfile,
    SandboxResult,
    docker_args,
    parse_network,
    parse_size,
)
from bastion.sandbox._seccomp import build_filter, docker_seccomp_profile, kafel_policy


@pytest.mark.parametrize(
    ("text", "expected"),
    [("512m", 512 * 1024**2), ("512MB", 512 * 1024**2), ("1g", 1024**3), ("1.5G", 1536 * 1024**2),
     ("65536", 65536), ("64k", 65536), ("2 MiB", 2 * 1024**2)],
)
def test_parse_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "lots", "-1m", "12x", "1e9"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(SandboxError, match="invalid size"):
        parse_size(text)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("none", ()),
        ("allow:127.0.0.1:8080", (Endpoint("127.0.0.1", 8080),)),
        ("allow:API.example.com:443,10.0.0.5:5432", (Endpoint("api.example.com", 443), Endpoint("10.0.0.5", 5432))),
        ("allow:[::1]:9000", (Endpoint("::1", 9000),)),
        ("allow:a.b:1,a.b:1", (Endpoint("a.b", 1),)),
    ],
)
def test_parse_network(spec: str, expected: tuple[Endpoint, ...]) -> None:
    policy = parse_network(spec)
    assert policy.allow == expected
    assert policy.is_none is (expected == ())


@pytest.mark.parametrize(
    "spec", ["all", "allow:", "allow:host", "allow:host:0", "allow:host:70000", "allow:bad_host!:80",
             "allow:a..b:80", "allow:host:80;rm", "host:80", "allow:*:80"],
)
def test_parse_network_rejects(spec: str) -> None:
    with pytest.raises(SandboxError):
        parse_network(spec)


def test_defaults_are_the_playbooks() -> None:
    p = SandboxProfile()
    assert (p.timeout, p.memory, p.pids, p.network) == (30.0, 512 * 1024**2, 100, NetworkPolicy())
    assert p.required == frozenset(Feature)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [({"timeout": 0}, "timeout"), ({"timeout": -1}, "timeout"), ({"memory": 1024}, "too small"),
     ({"pids": 1}, "pids limit"), ({"writable": ("relative",)}, "absolute"), ({"max_output": 0}, "max_output"),
     ({"env": (("A=B", "x"),)}, "environment"), ({"env": (("A", "x\0y"),)}, "NUL")],
)
def test_profile_rejects_bad_limits(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(SandboxError, match=fragment):
        SandboxProfile(**kwargs)  # type: ignore[arg-type]


def test_profile_is_frozen() -> None:
    p = SandboxProfile()
    with pytest.raises(AttributeError):
        p.timeout = 5  # type: ignore[misc]


def test_result_json_has_exactly_the_contract_keys() -> None:
    r = SandboxResult(exit_code=0, reason=Reason.EXITED, stdout=b"hi\xff", stderr=b"", backend="bwrap",
                      duration_ms=1.23456)
    d = r.to_dict()
    assert list(d) == ["exit_code", "reason", "stdout", "stderr", "backend", "duration_ms"]
    assert d["stdout"] == "hi\ufffd" and d["reason"] == "exited" and d["duration_ms"] == 1.235
    json.dumps(d)
    assert r.ok


def test_docker_args_carry_the_playbook_flags() -> None:
    argv = docker_args(SandboxProfile(), ["python3", "tool.py"])
    line = " ".join(argv)
    for flag in ("--read-only", "--network=none", "--cap-drop=ALL", "--security-opt no-new-privileges",
                 "--user=65534:65534", "--memory=512m", "--pids-limit=100"):
        assert flag in line
    assert argv[:3] == ["timeout", "--signal=KILL", "30"]
    assert argv[-2:] == ["python3", "tool.py"]


def test_docker_args_refuse_an_allow_list() -> None:
    with pytest.raises(SandboxError, match="allow-list"):
        docker_args(SandboxProfile(network=parse_network("allow:1.2.3.4:80")), ["true"])


def test_seccomp_filter_compiles_and_denies_the_dangerous_syscalls() -> None:
    pytest.importorskip("pyseccomp")
    for network in (False, True):
        flt = build_filter(network)
        assert flt.instructions > len(DENIED_SYSCALLS)
    for name in ("ptrace", "mount", "umount2", "unshare", "setns", "keyctl", "add_key", "request_key", "bpf",
                 "perf_event_open", "kexec_load", "init_module", "finit_module", "delete_module", "pivot_root",
                 "chroot", "swapon", "reboot", "io_uring_setup", "open_by_handle_at"):
        assert name in DENIED_SYSCALLS
    kafel = kafel_policy(False)
    assert "umount," in kafel and "umount2" not in kafel and "domain != 1" in kafel
    prof = docker_seccomp_profile(False)
    assert prof["defaultAction"] == "SCMP_ACT_ALLOW"
    assert json.dumps(prof)


def test_public_api_is_complete() -> None:
    import bastion.sandbox as sb

    for name in sb.__all__:
        assert hasattr(sb, name), name
    public = {n for n in dir(sb) if not n.startswith("_") and not isinstance(getattr(sb, n), type(json))}
    assert public - set(sb.__all__) - {"annotations"} == set()


def test_docs_name_every_backend_reason_and_feature() -> None:
    from pathlib import Path

    from bastion.sandbox import BACKENDS

    page = (Path(__file__).resolve().parents[2] / "docs" / "sandbox.md").read_text(encoding="utf-8")
    for name in BACKENDS:
        assert f"`{name}`" in page, name
    for reason in Reason:
        assert f"`{reason.value}`" in page, reason
    for feature in Feature:
        assert f"`{feature.value}`" in page, feature
    for syscall in ("ptrace", "mount", "unshare", "keyctl", "bpf", "io_uring"):
        assert syscall in page

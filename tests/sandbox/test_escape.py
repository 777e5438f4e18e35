"""The escape suite: what an attacker-controlled tool command tries first, against every backend here.

Each test runs a payload inside the sandbox, asserts the reason the sandbox reports, and checks from
outside that nothing escaped (no connection arrived, no file appeared, the victim process lives ...).
"""

from __future__ import annotations

import asyncio
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from bastion.sandbox import Reason, Sandbox, SandboxProfile, SandboxResult, parse_network

from .conftest import PYTHON

MIB = 1024 * 1024


async def run_py(backend: str, code: str, *args: str, stdin: bytes | None = None, **kw: object) -> SandboxResult:
    kw.setdefault("timeout", 60.0)  # generous: CI machines are shared and loaded
    kw.setdefault("memory", 128 * MIB)
    kw.setdefault("pids", 32)
    profile = SandboxProfile(**kw)  # type: ignore[arg-type]
    return await Sandbox(profile, backend=backend).run([PYTHON, "-c", code, *args], stdin=stdin)


def lines(result: SandboxResult) -> list[str]:
    return result.stdout_text().splitlines()


async def test_runs_as_nobody_without_capabilities(backend: str) -> None:
    code = (
        "import os\n"
        "print(os.getuid(), os.geteuid(), os.getgid(), os.getegid(), os.getgroups())\n"
        "st = dict(l.split(':', 1) for l in open('/proc/self/status').read().splitlines() if ':' in l)\n"
        "print(st['CapEff'].strip(), st['CapPrm'].strip(), st['CapBnd'].strip() != '', st['NoNewPrivs'].strip())\n"
    )
    r = await run_py(backend, code)
    assert r.reason is Reason.EXITED and r.exit_code == 0, r.stderr_text()
    ids, caps = lines(r)
    assert ids.split()[:4] == ["65534"] * 4
    assert ids.endswith("[]") or ids.endswith("[65534]")
    eff, prm, _, nnp = caps.split()
    assert int(eff, 16) == 0 and int(prm, 16) == 0
    assert nnp == "1"
    assert r.backend == backend


# --- network ---------------------------------------------------------------------------------------

_CONNECT = """
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
results = []
for fam, addr in ((socket.AF_INET, (host, port)), (socket.AF_INET6, ('::1', port))):
    try:
        s = socket.socket(fam, socket.SOCK_STREAM); s.settimeout(2); s.connect(addr); s.sendall(b'LEAK')
        results.append('connected')
    except OSError as e:
        results.append('blocked:%s' % e.errno)
try:
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b'LEAK', ('8.8.8.8', 53)); results.append('udp-sent')
except OSError as e:
    results.append('udp-blocked:%s' % e.errno)
try:
    socket.getaddrinfo('example.com', 443); results.append('dns-resolved')
except OSError as e:
    results.append('dns-blocked')
try:
    raw = socket.socket(socket.AF_PACKET, socket.SOCK_RAW); results.append('packet-socket')
except (OSError, AttributeError) as e:
    results.append('packet-blocked')
print(' '.join(results))
sys.exit(1 if any(r in ('connected', 'udp-sent', 'dns-resolved', 'packet-socket') for r in results) else 0)
"""


class _Listener:
    def __init__(self) -> None:
        self.connections = 0

    async def __aenter__(self) -> int:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.connections += 1
            writer.write(b"pong:" + await reader.read(4))
            await writer.drain()
            writer.close()

        self.server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port: int = self.server.sockets[0].getsockname()[1]
        return port

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()
        await self.server.wait_closed()


async def test_no_network_to_host_loopback_or_dns(backend: str) -> None:
    listener = _Listener()
    async with listener as port:
        r = await run_py(backend, _CONNECT, "127.0.0.1", str(port))
    assert r.reason is Reason.EXITED, r.stderr_text()
    assert r.exit_code == 0, r.stdout_text() + r.stderr_text()
    assert "blocked" in r.stdout_text() and "dns-blocked" in r.stdout_text()
    assert listener.connections == 0


_ALLOWED = """
import socket, sys
host, port, other = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
s = socket.create_connection((host, port), timeout=5); s.sendall(b'ping'); print(s.recv(100).decode())
for target in ((host, other), ('127.0.0.1', other)):
    try:
        socket.create_connection(target, timeout=2); print('LEAK', target)
    except OSError:
        print('blocked')
"""


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
async def test_allow_list_reaches_only_the_listed_endpoint(backend: str, host: str) -> None:
    if backend == "podman":
        pytest.skip("podman backend supports only --network none (refusal tested in test_refusals)")
    allowed, other = _Listener(), _Listener()
    async with allowed as port, other as other_port:
        r = await run_py(backend, _ALLOWED, host, str(port), str(other_port),
                         network=parse_network(f"allow:{host}:{port}"))
    assert r.reason is Reason.EXITED and r.exit_code == 0, r.stderr_text()
    assert lines(r) == ["pong:ping", "blocked", "blocked"]
    assert allowed.connections == 1 and other.connections == 0


# --- filesystem ------------------------------------------------------------------------------------

_WRITES = """
import os, sys
scratch = os.getcwd()
out = []
for path in sys.argv[1:]:
    try:
        with open(path, 'w') as f:
            f.write('pwned')
        out.append('WROTE ' + path)
    except OSError as e:
        out.append('denied')
open(os.path.join(scratch, 'ok.txt'), 'w').write('fine')
out.append('scratch-ok')
print('\\n'.join(out))
"""


async def test_writes_outside_scratch_fail(backend: str, tmp_path: Path) -> None:
    marker = secrets.token_hex(4)
    host_tmp = Path(tempfile.gettempdir()) / f"bastion-escape-{marker}"
    os.chmod(tmp_path, 0o777)  # even a world-writable host directory must stay out of reach
    targets = [str(host_tmp), f"/usr/bastion-{marker}", f"/etc/bastion-{marker}", f"/root/bastion-{marker}",
               f"/bastion-{marker}", str(tmp_path / "x"), "/etc/passwd"]
    # bwrap gives the sandbox a private /dev (its /dev/shm is a private tmpfs): it must not reach the host's.
    shm = f"/dev/shm/bastion-{marker}"
    r = await run_py(backend, _WRITES, *targets, shm)
    assert r.reason is Reason.EXITED and r.exit_code == 0, r.stderr_text()
    assert lines(r)[: len(targets)] == ["denied"] * len(targets)
    assert lines(r)[-1] == "scratch-ok"
    for t in [*targets[:-1], shm]:
        assert not os.path.exists(t), t


_READS = """
import os, sys
for path in sys.argv[1:]:
    try:
        if os.path.isdir(path):
            print('LISTED', path, os.listdir(path)[:3])
        else:
            print('READ', path, open(path, 'rb').read(20))
    except OSError as e:
        print('denied')
"""


async def test_secrets_on_the_host_are_unreadable(backend: str, tmp_path: Path) -> None:
    private = tmp_path / "private.key"
    private.write_text("SECRET-PRIVATE")
    os.chmod(private, 0o600)
    os.chmod(tmp_path, 0o755)
    world = tmp_path / "world-readable.txt"  # readable by anyone, but outside the readable paths
    world.write_text("SECRET-WORLD")
    os.chmod(world, 0o644)
    r = await run_py(backend, _READS, "/etc/shadow", "/root", str(private), str(world), "/etc/gshadow",
                     "/proc/1/environ")
    assert r.reason is Reason.EXITED, r.stderr_text()
    out = r.stdout_text()
    assert "SECRET" not in out and "root:" not in out
    assert lines(r)[:5] == ["denied"] * 5


async def test_parent_environment_is_not_visible(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "sk-" + secrets.token_hex(16)
    monkeypatch.setenv("BASTION_TEST_API_KEY", secret)
    code = (
        "import os, glob\n"
        "print(sorted(os.environ))\n"
        "for p in glob.glob('/proc/*/environ'):\n"
        "    try:\n"
        "        print(open(p, 'rb').read().decode('latin-1'))\n"
        "    except OSError:\n"
        "        pass\n"
        f"print(open('/proc/{os.getpid()}/environ', 'rb').read())\n"
    )
    r = await run_py(backend, code)
    assert secret not in r.stdout_text() + r.stderr_text()
    assert "BASTION_TEST_API_KEY" not in r.stdout_text()


async def test_symlinks_do_not_lead_out_of_scratch(backend: str, tmp_path: Path) -> None:
    target = tmp_path / "host-file.txt"
    target.write_text("original")
    os.chmod(target, 0o666)
    os.chmod(tmp_path, 0o777)
    code = (
        "import os, sys\n"
        "host = sys.argv[1]\n"
        "out = []\n"
        "for name, dest in (('l1', host), ('l2', '/etc/shadow'), ('l3', '/root'), ('l4', '/etc/passwd')):\n"
        "    os.symlink(dest, name)\n"
        "for name in ('l1', 'l4'):\n"
        "    try:\n"
        "        open(name, 'w').write('pwned'); out.append('WROTE ' + name)\n"
        "    except OSError:\n"
        "        out.append('denied')\n"
        "for name in ('l2', 'l3/.bashrc'):\n"
        "    try:\n"
        "        open(name).read(); out.append('READ ' + name)\n"
        "    except OSError:\n"
        "        out.append('denied')\n"
        "try:\n"
        "    os.link('/etc/shadow', 'hard'); out.append('LINKED')\n"
        "except OSError:\n"
        "    out.append('denied')\n"
        "print(' '.join(out))\n"
    )
    r = await run_py(backend, code, str(target))
    assert r.reason is Reason.EXITED and r.exit_code == 0, r.stderr_text()
    assert r.stdout_text().split() == ["denied"] * 5
    assert target.read_text() == "original"


async def test_writable_symlink_out_of_scratch_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "scratch"
    link.symlink_to("/etc")
    r = await Sandbox(SandboxProfile(writable=(str(link),))).run(["true"])
    assert r.reason is Reason.REFUSED
    assert "not writable by uid 65534" in r.message or "does not enforce" in r.message


# --- limits ----------------------------------------------------------------------------------------


async def test_fork_bomb_hits_the_pids_limit(backend: str) -> None:
    code = (
        "import os, time\n"
        "while True:\n"
        "    try:\n"
        "        os.fork()\n"
        "    except OSError:\n"
        "        time.sleep(0.01)\n"
    )
    t0 = time.monotonic()
    r = await run_py(backend, code, pids=16)
    assert r.reason is Reason.PIDS, (r.reason, r.message, r.stderr_text()[-300:])
    assert time.monotonic() - t0 < 30


async def test_memory_bomb_hits_the_memory_limit(backend: str) -> None:
    code = "chunks = []\nwhile True:\n    chunks.append(b'x' * (8 * 1024 * 1024))\n"
    r = await run_py(backend, code, memory=64 * MIB)
    assert r.reason is Reason.MEMORY, (r.reason, r.message, r.stderr_text()[-300:])
    assert r.exit_code == -signal.SIGKILL


def _marker_alive(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmd:
            found.append(int(pid))
    return found


@pytest.mark.parametrize("payload", ["busy", "sleep"])
async def test_timeout_kills_the_whole_tree(backend: str, payload: str) -> None:
    marker = f"{secrets.randbelow(10**6) + 10**6}.{secrets.randbelow(9) + 1}"
    # a grandchild that detaches itself (new session, double fork) and a busy loop / sleep in the parent
    spawn = f"subprocess.Popen(['sleep', '{marker}'], start_new_session=True)"
    body = "while True: pass" if payload == "busy" else f"time.sleep({marker})"
    code = f"import subprocess, time, os\nif os.fork() == 0:\n    {spawn}\n    os._exit(0)\n{body}\n"
    t0 = time.monotonic()
    r = await run_py(backend, code, timeout=1.5)
    elapsed = time.monotonic() - t0
    assert r.reason is Reason.TIMEOUT, (r.reason, r.message, r.stderr_text())
    assert elapsed < 15
    for _ in range(50):
        if not _marker_alive(marker):
            break
        await asyncio.sleep(0.05)
    assert _marker_alive(marker) == []


async def test_leftover_background_processes_are_killed_after_exit(backend: str) -> None:
    marker = f"{secrets.randbelow(10**6) + 10**6}.{secrets.randbelow(9) + 1}"
    code = f"import subprocess\nsubprocess.Popen(['sleep', '{marker}'], start_new_session=True)\nprint('bye')\n"
    r = await run_py(backend, code)
    assert r.reason is Reason.EXITED and lines(r) == ["bye"]
    for _ in range(50):
        if not _marker_alive(marker):
            break
        await asyncio.sleep(0.05)
    assert _marker_alive(marker) == []


async def test_huge_stdout_is_capped(backend: str) -> None:
    # The flood is over the cap within milliseconds: podman may not yet call the container running,
    # so `podman rm --force` alone once left the writer alive. Nothing may outlive the run.
    marker = f"flood-{secrets.token_hex(6)}"
    code = f"import sys\nwhile True:  # {marker}\n    sys.stdout.buffer.write(b'A' * 65536)\n"
    r = await run_py(backend, code, max_output=100_000)
    assert r.reason is Reason.OUTPUT_LIMIT
    assert len(r.stdout) == 100_000 and r.truncated
    await asyncio.sleep(0.5)
    assert _marker_alive(marker) == []


async def test_file_size_limit(backend: str) -> None:
    # Python ignores SIGXFSZ, so the write fails with EFBIG instead of the process being killed.
    code = (
        "import os\n"
        "try:\n"
        "    with open('big', 'wb') as f:\n"
        "        f.write(b'x' * (4 * 1024 * 1024))\n"
        "except OSError as e:\n"
        "    print(e.errno)\n"
        "print(os.path.getsize('big'))\n"
    )
    r = await run_py(backend, code, file_size=1024 * 1024)
    assert r.reason is Reason.EXITED, (r.reason, r.stderr_text())
    assert lines(r) == ["27", str(1024 * 1024)]
    sh = await Sandbox(SandboxProfile(file_size=1024 * 1024, timeout=60), backend=backend).run(
        ["sh", "-c", "head -c 4000000 /dev/zero > big; wc -c < big"])
    assert sh.reason is Reason.EXITED and lines(sh) == [str(1024 * 1024)], (sh.reason, sh.stderr_text())


# --- privileges and syscalls -----------------------------------------------------------------------


async def test_setuid_binaries_gain_nothing(backend: str, nobody_dir: str) -> None:
    suid = Path(nobody_dir) / "suid-id"
    suid.write_bytes(Path("/usr/bin/id").read_bytes())
    os.chown(suid, 0, 0)
    os.chmod(suid, 0o4755)
    code = (
        "import subprocess, sys\n"
        "print(subprocess.run([sys.argv[1], '-u'], capture_output=True, text=True).stdout.strip())\n"
        "r = subprocess.run(['/usr/bin/su', '-c', 'id -u', 'root'], input='', capture_output=True, text=True)\n"
        "print(r.stdout.strip() or 'su-failed')\n"
    )
    r = await run_py(backend, code, str(suid), writable=(nobody_dir,))
    assert r.reason is Reason.EXITED, r.stderr_text()
    assert lines(r) == ["65534", "su-failed"]


_SYSCALLS = """
import ctypes, errno, os, platform, sys
libc = ctypes.CDLL(None, use_errno=True)
ppid = int(sys.argv[1])
NR = {'x86_64': (250, 321, 425, 56, 435), 'aarch64': (219, 280, 425, 220, 435)}[platform.machine()]
def clone_newuser():
    res = libc.syscall(NR[3], 0x10000000 | 17, 0, 0, 0, 0)
    if res == 0:
        os._exit(0)  # we are the child: the filter failed (the parent reports 'ok')
    return 'ok' if res != -1 else errno.errorcode.get(ctypes.get_errno(), '?')
def call(name, *args):
    res = getattr(libc, name)(*args)
    return 'ok' if res != -1 else errno.errorcode.get(ctypes.get_errno(), '?')
out = {
    'ptrace_attach': call('ptrace', 16, ppid, 0, 0),
    'ptrace_traceme': call('ptrace', 0, 0, 0, 0),
    'unshare_user': call('unshare', 0x10000000),
    'unshare_net': call('unshare', 0x40000000),
    'mount': call('mount', b'none', b'/tmp', b'tmpfs', 0, None),
    'chroot': call('chroot', b'/'),
    'keyctl': call('syscall', NR[0], 0, 0, 0, 0),
    'bpf': call('syscall', NR[1], 0, 0, 0),
    'io_uring': call('syscall', NR[2], 1, 0),
    'kill_parent': call('kill', ppid, 9),
    'clone_newuser': clone_newuser(),
    'clone3': call('syscall', NR[4], 0, 0),
}
try:
    open('/proc/%d/mem' % ppid, 'rb').read(1); out['proc_mem'] = 'ok'
except OSError as e:
    out['proc_mem'] = 'denied'
print(' '.join('%s=%s' % kv for kv in sorted(out.items())))
"""


async def test_dangerous_syscalls_are_refused(backend: str) -> None:
    if platform.machine() not in ("x86_64", "aarch64"):
        pytest.skip(f"syscall numbers in the payload are for x86_64/aarch64, not {platform.machine()}")
    r = await run_py(backend, _SYSCALLS, str(os.getpid()))
    assert r.reason is Reason.EXITED and r.exit_code == 0, r.stderr_text()
    got = dict(item.split("=") for item in r.stdout_text().split())
    assert set(got) >= {"ptrace_attach", "unshare_user", "mount", "keyctl", "bpf", "io_uring", "kill_parent"}
    assert "ok" not in got.values(), got
    for name in ("ptrace_attach", "ptrace_traceme", "unshare_user", "unshare_net", "mount", "keyctl", "bpf",
                 "clone_newuser"):
        assert got[name] == "EPERM", (name, got)
    assert got["clone3"] == "ENOSYS", got
    assert os.getpid() > 0  # the test process (the sandbox's parent) is still alive


async def test_cannot_signal_processes_outside(backend: str) -> None:
    def as_nobody() -> None:
        os.setgroups([])
        os.setresgid(65534, 65534, 65534)
        os.setresuid(65534, 65534, 65534)

    if os.geteuid() != 0:
        pytest.skip("needs root to start a uid-65534 victim process")
    # A victim with the sandbox's own uid (another tool's sandbox, say) and one owned by root.
    victims = [
        subprocess.Popen(["sleep", "30"], preexec_fn=as_nobody),
        subprocess.Popen(["sleep", "30"]),
    ]
    try:
        code = (
            "import os, sys\n"
            "out = []\n"
            "for pid in map(int, sys.argv[1:]):\n"
            "    try:\n"
            "        os.kill(pid, 9); out.append('KILLED')\n"
            "    except OSError:\n"
            "        out.append('denied')\n"
            "try:\n"
            "    os.kill(-1, 9)\n"
            "except OSError:\n"
            "    pass\n"
            "print(' '.join(out))\n"
        )
        r = await run_py(backend, code, *(str(v.pid) for v in victims))
        assert r.reason in (Reason.EXITED, Reason.SIGNAL), r.stderr_text()
        if r.reason is Reason.EXITED:
            assert r.stdout_text().split() == ["denied", "denied"]
        await asyncio.sleep(0.1)
        assert [v.poll() for v in victims] == [None, None]
    finally:
        for v in victims:
            v.kill()
            v.wait()


async def test_hostname_and_ipc_are_private(backend: str) -> None:
    r = await run_py(backend, "import socket\nprint(socket.gethostname())\n")
    assert r.reason is Reason.EXITED
    assert lines(r) != [socket.gethostname()]


async def test_stdin_is_passed_and_output_captured(backend: str) -> None:
    r = await run_py(backend, "import sys\ndata = sys.stdin.read()\nprint(data.upper())\nsys.exit(7)\n",
                     stdin=b"hello")
    assert r.reason is Reason.EXITED and r.exit_code == 7
    assert r.stdout == b"HELLO\n" and r.duration_ms > 0


async def test_host_processes_are_invisible(backend: str) -> None:
    marker = f"{secrets.randbelow(10**6) + 10**6}.{secrets.randbelow(9) + 1}"
    victim = subprocess.Popen(["sleep", marker])  # its command line could carry secrets
    try:
        code = (
            "import glob, sys\n"
            "seen = 0\n"
            "for p in glob.glob('/proc/[0-9]*/cmdline'):\n"
            "    try:\n"
            "        c = open(p, 'rb').read()\n"
            "    except OSError:\n"
            "        continue\n"
            "    if sys.argv[1].encode() in c and b'python' not in c:\n"
            "        seen += 1\n"
            "print(seen)\n"
        )
        r = await run_py(backend, code, marker)
        assert r.reason is Reason.EXITED, r.stderr_text()
        assert lines(r) == ["0"]
    finally:
        victim.kill()
        victim.wait()


async def test_host_unix_sockets_are_unreachable(backend: str) -> None:
    # A host service listening on a world-writable unix socket (a database, a container engine ...).
    sock_dir = tempfile.mkdtemp(prefix="bastion-unix-")
    path = os.path.join(sock_dir, "service.sock")
    os.chmod(sock_dir, 0o755)
    connections = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        writer.close()

    server = await asyncio.start_unix_server(handle, path)
    os.chmod(path, 0o777)
    try:
        code = (
            "import socket, sys\n"
            "try:\n"
            "    s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print('CONNECTED')\n"
            "except OSError:\n"
            "    print('blocked')\n"
        )
        r = await run_py(backend, code, path)
        assert r.reason is Reason.EXITED and lines(r) == ["blocked"], r.stderr_text()
        assert connections == 0
    finally:
        server.close()
        await server.wait_closed()
        shutil.rmtree(sock_dir, ignore_errors=True)


async def test_concurrent_runs_stay_separate(backend: str) -> None:
    box = Sandbox(SandboxProfile(timeout=60), backend=backend)
    results = await asyncio.gather(*(box.run(["sh", "-c", f"echo {i} > mine; sleep 0.2; cat mine; ls | wc -l"])
                                     for i in range(4)))
    for i, r in enumerate(results):
        assert r.reason is Reason.EXITED, r.stderr_text()
        assert lines(r) == [str(i), "1"]


async def test_given_writable_dir_keeps_its_files(backend: str, nobody_dir: str) -> None:
    r = await run_py(backend, "open('result.txt', 'w').write('done')\n", writable=(nobody_dir,))
    assert r.reason is Reason.EXITED and r.exit_code == 0, r.stderr_text()
    assert Path(nobody_dir, "result.txt").read_text() == "done"


async def test_runs_do_not_see_each_others_files(backend: str) -> None:
    with Sandbox(SandboxProfile(timeout=60), backend=backend) as box:
        first = await box.run(["sh", "-c", "echo secret > note; mkdir -p d; chmod 000 d; pwd"])
        second = await box.run(["sh", "-c", "ls -A; pwd"])
        third = await box.run(["sh", "-c", "ls -A; pwd"])
    assert first.reason is Reason.EXITED and second.reason is Reason.EXITED, second.stderr_text()
    assert lines(second)[:-1] == [] and lines(third)[:-1] == []
    assert not os.path.exists(lines(first)[-1])


async def test_profile_env_reaches_the_command_but_no_command_line(backend: str) -> None:
    token = "tok-" + secrets.token_hex(8)
    code = (
        "import os, glob\n"
        "print(os.environ['TOOL_TOKEN'])\n"
        "seen = 0\n"
        "for p in glob.glob('/proc/[0-9]*/cmdline'):\n"
        "    try:\n"
        "        seen += os.environ['TOOL_TOKEN'].encode() in open(p, 'rb').read()\n"
        "    except OSError:\n"
        "        pass\n"
        "print(seen)\n"
    )
    box = Sandbox(SandboxProfile(timeout=60, env=(("TOOL_TOKEN", token),)),
                  backend=backend)
    task = asyncio.ensure_future(box.run([PYTHON, "-c", code]))
    # while it runs, no host process (the launcher included) shows the value on its command line
    leaked = False
    while not task.done():
        leaked = leaked or any(token.encode() in _cmdline(pid) for pid in _pids())
        await asyncio.sleep(0.01)
    r = task.result()
    assert r.reason is Reason.EXITED, r.stderr_text()
    assert lines(r) == [token, "0"]
    assert not leaked


def _pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


async def test_scratch_cannot_fill_the_host_disk(backend: str) -> None:
    code = (
        "import os\n"
        "written = 0\n"
        "try:\n"
        "    for i in range(64):\n"
        "        with open('f%d' % i, 'wb') as f:\n"
        "            f.write(b'x' * (1024 * 1024))\n"
        "        written += 1\n"
        "except OSError as e:\n"
        "    print(e.errno)\n"
        "print(written)\n"
    )
    r = await run_py(backend, code, scratch_size=8 * MIB)
    assert r.reason is Reason.EXITED, r.stderr_text()
    errno_line, written = lines(r)
    assert errno_line == "28" and int(written) <= 8  # ENOSPC: the scratch tmpfs is full, not the disk


def test_podman_never_logs_container_output_to_disk() -> None:
    from bastion.sandbox._backends import PodmanBackend
    from bastion.sandbox._cgroup import CgroupSupport

    assert "--log-driver=none" in PodmanBackend._base_args("/usr/sbin/runc", 256)
    assert isinstance(PodmanBackend(CgroupSupport(0, "", "")), PodmanBackend)

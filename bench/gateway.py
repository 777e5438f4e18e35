"""Gateway overhead and throughput: direct vs bastion vs LiteLLM proxy, in one run.

Setup (once; LiteLLM goes in its own venv, never in .venv):

    python3 -m venv .venv-bench && .venv-bench/bin/pip install 'litellm[proxy]'

Run:

    .venv/bin/python bench/gateway.py [--duration 10] [--rate 500] [--concurrency 32] [--no-litellm] [--no-redis]

What it does, all on 127.0.0.1:

1. starts a fast fake OpenAI-compatible upstream (a bare asyncio HTTP/1.1 server returning a
   canned chat completion; one process);
2. starts ``bastion serve`` (one process, embedded defaults: SQLite key store and audit log,
   in-memory limits, default fast scanners, classifier off) with a key and a per-key rate
   limit, and LiteLLM's proxy (one worker) with a master key and a per-deployment rpm limit;
3. for each of (a) direct, (b) bastion, (c) LiteLLM: latency at a fixed open-loop rate
   (default 500 requests/s, latency measured from the scheduled send time, so queueing
   counts) and max throughput (closed loop, ``--concurrency`` connections);
4. with Redis on 127.0.0.1:6379: starts 4 bastion replicas sharing Redis, sends 400
   concurrent requests for one key with a 100/min limit, and counts the admitted ones.

The load generator is a minimal keep-alive HTTP/1.1 client on raw asyncio sockets so that
it costs far less than the servers it measures. Figures are medians of the measured window.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _machine import cpu_model

ROOT = Path(__file__).resolve().parents[1]
PY = ROOT / ".venv" / "bin" / "python"
BASTION = ROOT / ".venv" / "bin" / "bastion"
LITELLM = ROOT / ".venv-bench" / "bin" / "litellm"

CANNED = json.dumps(
    {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": 1,
        "model": "gpt-fake",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "Sure! The capital of France is Paris. Anything else I can help with today?",
                },
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 25, "completion_tokens": 17, "total_tokens": 42},
    }
).encode()
MODELS = json.dumps(
    {"object": "list", "data": [{"id": "gpt-fake", "object": "model", "created": 0, "owned_by": "bench"}]}
).encode()
BODY = json.dumps(
    {
        "model": "gpt-fake",
        "messages": [
            {"role": "system", "content": "You are a helpful assistant for a travel agency."},
            {"role": "user", "content": "What is the capital of France? Please answer in one short sentence."},
        ],
    }
).encode()


# ------------------------------------------------------------------------- fake upstream


class _Upstream(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.t = transport  # type: ignore[assignment]
        self.buf = b""

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buf[:end].decode("latin-1")
            length = 0
            for line in head.split("\r\n")[1:]:
                k, _, v = line.partition(":")
                if k.strip().lower() == "content-length":
                    length = int(v.strip())
            if len(self.buf) < end + 4 + length:
                return
            path = head.split(" ", 2)[1]
            self.buf = self.buf[end + 4 + length :]
            body = MODELS if path.endswith("/models") else CANNED
            self.t.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                + str(len(body)).encode()
                + b"\r\n\r\n"
                + body
            )  # type: ignore[attr-defined]


async def _serve_upstream(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Upstream, "127.0.0.1", port, reuse_address=True, backlog=1024)
    async with server:
        await server.serve_forever()


# ------------------------------------------------------------------------- load generator


class Conn:
    def __init__(self, port: int, request: bytes) -> None:
        self.port = port
        self.request = request
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def call(self) -> tuple[int, dict[str, str]]:
        if self.writer is None:
            await self.open()
        assert self.writer is not None and self.reader is not None
        self.writer.write(self.request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers: dict[str, str] = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            if k:
                headers[k.strip().lower()] = v.strip()
        n = int(headers.get("content-length", "0"))
        if n:
            await self.reader.readexactly(n)
        if headers.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return status, headers

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def make_request(port: int, auth: str | None, body: bytes = BODY) -> bytes:
    h = f"POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1:{port}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n"
    if auth:
        h += f"authorization: Bearer {auth}\r\n"
    return h.encode() + b"\r\n" + body


@dataclass
class Result:
    name: str
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    rps_target: float = 0.0
    sent: int = 0
    errors: int = 0
    max_rps: float = 0.0
    overhead_p50: float | None = None
    overhead_p99: float | None = None


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


async def fixed_rate(
    port: int, auth: str | None, rate: float, duration: float, warmup: float = 1.0
) -> tuple[list[float], int, list[float]]:
    """Open loop: one request every 1/rate s; latency from the scheduled time."""
    req = make_request(port, auth)
    idle: asyncio.Queue[Conn] = asyncio.Queue()
    for _ in range(64):
        idle.put_nowait(Conn(port, req))
    lat: list[float] = []
    over: list[float] = []
    errors = 0
    start = time.perf_counter() + 0.05
    n = int((duration + warmup) * rate)
    tasks = []

    async def one(i: int, due: float) -> None:
        nonlocal errors
        if idle.empty():  # all 64 connections busy: the server is not keeping up; count it, do not queue
            errors += 1
            return
        conn = idle.get_nowait()
        try:
            status, headers = await conn.call()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            conn.close()
            errors += 1
            idle.put_nowait(conn)
            return
        t = time.perf_counter()
        idle.put_nowait(conn)
        if due - start < warmup:
            return
        if status != 200:
            errors += 1
            return
        lat.append((t - due) * 1000)
        if "x-bastion-overhead-ms" in headers:
            over.append(float(headers["x-bastion-overhead-ms"]))

    for i in range(n):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.gather(*tasks)
    while not idle.empty():
        idle.get_nowait().close()
    return lat, errors, over


async def max_rps(port: int, auth: str | None, concurrency: int, duration: float) -> tuple[float, int]:
    req = make_request(port, auth)
    done = 0
    errors = 0
    stop = time.perf_counter() + duration

    async def loop() -> None:
        nonlocal done, errors
        c = Conn(port, req)
        while time.perf_counter() < stop:
            try:
                status, _ = await c.call()
            except (OSError, asyncio.IncompleteReadError, ValueError):
                c.close()
                errors += 1
                continue
            if status == 200:
                done += 1
            else:
                errors += 1
        c.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(loop() for _ in range(concurrency)))
    return done / (time.perf_counter() - t0), errors


# ------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port} after {timeout:.0f} s")


class Procs:
    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(
        self, argv: list[str], *, env: dict[str, str] | None = None, cwd: str | None = None, log: str | None = None
    ) -> subprocess.Popen[bytes]:
        out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
        p = subprocess.Popen(
            argv,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs.append(p)
        return p

    def stop_all(self) -> None:
        for p in self.procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(p.pid, signal.SIGKILL)
        self.procs.clear()


def bastion_config(
    tmp: Path, up_port: int, *, state: str = "sqlite", name: str = "bastion.yaml", audit_mode: str = "sync"
) -> Path:
    cfg = tmp / name
    cfg.write_text(
        "upstreams:\n"
        f"  - name: fake\n    base_url: http://127.0.0.1:{up_port}/v1\n    models: ['gpt-*']\n"
        "inspection:\n  classifier: false\n"
        f"stores:\n  data_dir: {tmp / 'data'}\n  state: {state}\n  audit: sqlite\n  audit_mode: {audit_mode}\n"
    )
    return cfg


def create_key(cfg: Path, rpm: int) -> str:
    out = subprocess.run(
        [
            str(BASTION),
            "keys",
            "create",
            "--name",
            "bench",
            "--rpm",
            str(rpm),
            "--tpm",
            "10000000000",
            "--config",
            str(cfg),
        ],
        capture_output=True,
        check=True,
    )
    return out.stdout.decode().strip().splitlines()[0]


def litellm_config(tmp: Path, up_port: int, rpm: int) -> Path:
    cfg = tmp / "litellm.yaml"
    cfg.write_text(
        "model_list:\n"
        "  - model_name: gpt-fake\n"
        "    litellm_params:\n"
        "      model: openai/gpt-fake\n"
        f"      api_base: http://127.0.0.1:{up_port}/v1\n"
        "      api_key: sk-fake-upstream\n"
        f"      rpm: {rpm}\n"
        "general_settings:\n"
        "  master_key: sk-bench-master-key\n"
        "litellm_settings:\n"
        "  telemetry: false\n"
    )
    return cfg


async def measure(name: str, port: int, auth: str | None, args: argparse.Namespace) -> Result:
    # warm the path (connection set-up, first-request costs)
    c = Conn(port, make_request(port, auth))
    for _ in range(50):
        await c.call()
    c.close()
    lat, errors, over = await fixed_rate(port, auth, args.rate, args.duration)
    rps, _ = await max_rps(port, auth, args.concurrency, args.duration)
    r = Result(name, pct(lat, 0.5), pct(lat, 0.99), args.rate, len(lat), errors, rps)
    if over:
        r.overhead_p50, r.overhead_p99 = pct(over, 0.5), pct(over, 0.99)
    return r


async def redis_exactness(tmp: Path, up_port: int, procs: Procs) -> tuple[int, int] | None:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            pass
    except OSError:
        return None
    cfg = bastion_config(tmp, up_port, state="redis", name="redis.yaml")
    key = create_key(cfg, 100)
    ports = [free_port() for _ in range(4)]
    for p in ports:
        procs.start(
            [str(BASTION), "serve", "--config", str(cfg), "--port", str(p), "--admin-port", str(free_port())],
            cwd=str(tmp),
        )
    for p in ports:
        wait_port(p)
    conns = [Conn(ports[i % 4], make_request(ports[i % 4], key)) for i in range(400)]
    results = await asyncio.gather(*(c.call() for c in conns), return_exceptions=True)
    for c in conns:
        c.close()
    ok = sum(1 for r in results if not isinstance(r, BaseException) and r[0] == 200)
    limited = sum(1 for r in results if not isinstance(r, BaseException) and r[0] == 429)
    import redis

    cl = redis.Redis(host="127.0.0.1", port=6379)
    kid = key.split("_")[1]
    for k in cl.scan_iter(match=f"bastion:*{kid}*"):
        cl.delete(k)
    cl.close()
    return ok, limited


async def litellm_exactness(tmp: Path, up_port: int, procs: Procs) -> tuple[int, int] | None:
    """LiteLLM, 4 workers, no Redis, 100 rpm on the deployment: how many of 400 pass."""
    cfg = litellm_config(tmp, up_port, 100)
    port = free_port()
    procs.start(
        [str(LITELLM), "--config", str(cfg), "--port", str(port), "--host", "127.0.0.1", "--num_workers", "4"],
        env=_litellm_env(),
        cwd=str(tmp),
        log=str(tmp / "litellm4.log"),
    )
    wait_port(port, timeout=480)
    await asyncio.sleep(20)  # the workers come up one after the other
    conns = [Conn(port, make_request(port, "sk-bench-master-key")) for _ in range(400)]
    results = await asyncio.gather(*(c.call() for c in conns), return_exceptions=True)
    for c in conns:
        c.close()
    ok = sum(1 for r in results if not isinstance(r, BaseException) and r[0] == 200)
    limited = sum(1 for r in results if not isinstance(r, BaseException) and r[0] == 429)
    return ok, limited


def _litellm_env() -> dict[str, str]:
    return {
        "LITELLM_LOCAL_MODEL_COST_MAP": "True",
        "LITELLM_TELEMETRY": "False",
        "LITELLM_LOG": "ERROR",
        "NO_PROXY": "*",
    }


def start_bastion(procs: Procs, tmp: Path, cfg: Path, log: str) -> int:
    port = free_port()
    procs.start(
        [str(BASTION), "serve", "--config", str(cfg), "--port", str(port), "--admin-port", str(free_port())],
        cwd=str(tmp),
        log=str(tmp / log),
    )
    return port


def restart_upstream(procs: Procs, up_port: int) -> None:
    procs.stop_all()
    procs.start([str(PY), __file__, "_upstream", str(up_port)])
    wait_port(up_port)


async def main_async(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bastion-bench-"))
    procs = Procs()
    results: list[Result] = []
    try:
        up_port = free_port()
        procs.start([str(PY), __file__, "_upstream", str(up_port)])
        wait_port(up_port)

        cfg = bastion_config(tmp, up_port)
        key = create_key(cfg, 10_000_000)
        b_port = start_bastion(procs, tmp, cfg, "bastion.log")
        a_port = start_bastion(
            procs, tmp, bastion_config(tmp, up_port, name="bastion-async.yaml", audit_mode="async"), "bastion-async.log"
        )
        l_port = None
        if not args.no_litellm:
            if not LITELLM.exists():
                print(
                    f"LiteLLM not installed at {LITELLM}; run: python3 -m venv .venv-bench && .venv-bench/bin/pip install 'litellm[proxy]'  (or pass --no-litellm)"
                )
            else:
                l_port = free_port()
                lcfg = litellm_config(tmp, up_port, 10_000_000)
                procs.start(
                    [
                        str(LITELLM),
                        "--config",
                        str(lcfg),
                        "--port",
                        str(l_port),
                        "--host",
                        "127.0.0.1",
                        "--num_workers",
                        "1",
                    ],
                    env=_litellm_env(),
                    cwd=str(tmp),
                    log=str(tmp / "litellm.log"),
                )
        wait_port(b_port)
        wait_port(a_port)
        if l_port is not None:
            wait_port(l_port, timeout=300)
            await asyncio.sleep(3)

        results.append(await measure("direct (fake upstream)", up_port, None, args))
        results.append(await measure("bastion serve", b_port, key, args))
        results.append(await measure("bastion, audit async", a_port, key, args))
        if l_port is not None:
            results.append(await measure("LiteLLM proxy", l_port, "sk-bench-master-key", args))
        report(results, args)

        if not args.no_redis:
            restart_upstream(procs, up_port)
            exact = await redis_exactness(tmp, up_port, procs)
            if exact is None:
                print("Redis not reachable on 127.0.0.1:6379: exactness test skipped", flush=True)
            else:
                print(
                    f"100/min limit, 4 bastion replicas on Redis, 400 concurrent requests: {exact[0]} admitted, {exact[1]} got 429",
                    flush=True,
                )
            if l_port is not None and args.litellm_workers_test:
                restart_upstream(procs, up_port)
                try:
                    lexact = await litellm_exactness(tmp, up_port, procs)
                except RuntimeError as exc:
                    print(f"LiteLLM 4-worker test skipped: {exc}", flush=True)
                else:
                    if lexact is not None:
                        print(
                            f"LiteLLM, 4 workers, no Redis, deployment rpm 100, 400 concurrent requests: {lexact[0]} admitted, {lexact[1]} got 429",
                            flush=True,
                        )
    finally:
        procs.stop_all()
        shutil.rmtree(tmp, ignore_errors=True)


def report(results: list[Result], args: argparse.Namespace) -> None:
    direct = results[0]
    print(
        f"\nmachine: {os.cpu_count()} CPUs ({cpu_model()}), load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}; one process per server; load generator in this process"
    )
    print(
        f"open loop at {args.rate:g} req/s for {args.duration:g} s (latency from the scheduled send; 'dropped' = no free connection of 64), then closed loop with {args.concurrency} connections for {args.duration:g} s\n"
    )
    print(f"{'':<24} {'p50 ms':>8} {'p99 ms':>8} {'added p50':>10} {'added p99':>10} {'dropped':>8} {'max RPS':>9}")
    for r in results:
        add50 = r.p50_ms - direct.p50_ms
        add99 = r.p99_ms - direct.p99_ms
        print(
            f"{r.name:<24} {r.p50_ms:>8.3f} {r.p99_ms:>8.3f} {add50:>10.3f} {add99:>10.3f} {r.errors:>8} {r.max_rps:>9.0f}"
        )
    print()
    for b in results:
        if b.overhead_p50 is not None:
            print(
                f"{b.name}: own x-bastion-overhead-ms at {args.rate:g} req/s: p50 {b.overhead_p50:.3f} ms, p99 {b.overhead_p99:.3f} ms"
            )
    lit = next((r for r in results if r.name.startswith("LiteLLM")), None)
    if lit is not None and lit.max_rps > 0:
        for b in results:
            if b.name.startswith("bastion"):
                print(f"max RPS {b.name} / LiteLLM: {b.max_rps / lit.max_rps:.2f}x")
    print(flush=True)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "_upstream":
        asyncio.run(_serve_upstream(int(sys.argv[2])))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--duration", type=float, default=10.0)
    ap.add_argument("--rate", type=float, default=500.0)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--no-litellm", action="store_true")
    ap.add_argument("--no-redis", action="store_true")
    ap.add_argument(
        "--litellm-workers-test",
        action="store_true",
        help="also run LiteLLM with 4 workers and no Redis behind a 100 rpm limit",
    )
    asyncio.run(main_async(ap.parse_args()))


if __name__ == "__main__":
    main()

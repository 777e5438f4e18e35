"""Property tests: any JSON payload chains, exports and verifies; any single tamper is named."""

from __future__ import annotations

import asyncio
import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.audit import AuditLog, MemoryAuditStore, PayloadMasker, RawRecord, TamperKind, canonical, verify_jsonl

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
payloads = st.dictionaries(st.text(max_size=8), json_values, max_size=5)


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(payloads, min_size=1, max_size=6), st.booleans())
def test_any_payload_chains_exports_and_verifies(items: list[dict], with_subject: bool) -> None:
    async def go() -> None:
        async with AuditLog(MemoryAuditStore(), masker=PayloadMasker(scan=False)) as lg:
            recs = [await lg.append("prop.test", p, subject="s" if with_subject else None) for p in items]
            for r in recs:
                body = canonical(r.body())
                assert hashlib.sha256(body).hexdigest() == r.hash
            assert (await lg.verify()).ok
            lines = [x async for x in lg.export_jsonl()]
            rep = verify_jsonl(lines)
            assert rep.ok and rep.records_checked == len(items), rep.reason
            if with_subject:
                for r, p in zip(recs, items, strict=True):
                    assert await lg.reveal(r) == PayloadMasker(scan=False).mask(p).value

    _run(go())


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.sampled_from(["edit", "delete", "swap", "rehash"]), st.data())
def test_any_single_tamper_is_named(n: int, how: str, data: st.DataObject) -> None:
    async def go() -> None:
        store = MemoryAuditStore()
        async with AuditLog(store, masker=PayloadMasker(scan=False)) as lg:
            for i in range(n):
                await lg.append("prop.test", {"i": i})
            k = data.draw(st.integers(min_value=1, max_value=n), label="seq")
            r = store.rows[k]
            if how == "edit":
                store.rows[k] = r._replace(body=r.body.replace(b'"i":', b'"i": '))
                want = (TamperKind.EDITED, k)
            elif how == "rehash":
                b = r.body.replace(b'"i":', b'"i": ')
                store.rows[k] = r._replace(body=b, hash=hashlib.sha256(b).hexdigest())
                want = (TamperKind.EDITED, k)
            elif how == "delete":
                del store.rows[k]
                want = (TamperKind.TRUNCATED if k == n else TamperKind.DELETED, k)
            else:
                if k == n:
                    return
                nxt = store.rows[k + 1]
                store.rows[k] = RawRecord(k, nxt.ts, nxt.event_type, nxt.kid, nxt.body, nxt.hash)
                store.rows[k + 1] = RawRecord(k + 1, r.ts, r.event_type, r.kid, r.body, r.hash)
                want = (TamperKind.REORDERED, k)
            rep = await lg.verify()
            assert not rep.ok
            assert (rep.problem, rep.bad_seq) == want, rep.reason

    _run(go())

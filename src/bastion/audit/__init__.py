"""The tamper-evident audit log: hash chain, signed checkpoints, crypto-shredding, retention.

Quick start::

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from bastion.audit import AuditLog, SQLiteAuditStore

    key = Ed25519PrivateKey.generate()            # keep it safe; `bastion log keygen` writes one
    async with AuditLog(SQLiteAuditStore("audit.db"), signing_key=key) as log:
        rec = await log.append(
            "policy.decision",
            {"tool": "send_email", "action": "deny", "args": {"to": "eve@evil.example"}},
            correlation_id=traceparent_or_trace_id,   # optional; default: a new W3C trace id
            subject="customer-4711",                 # optional: payload sealed under the subject's key
            clear=("tool", "action"),                # with subject: top-level keys kept readable
            actor="agent:orders",
        )
        report = await log.verify()                   # VerifyReport(ok, records_checked, bad_seq, problem, reason)
        await log.erase_subject("customer-4711")      # crypto-shredding; verify stays green

API (all async; records and reports are frozen values):

- ``AuditLog(store, *, signing_key=None, verify_keys=(), masker=None, kek=None, checkpoint_every=1000,
  checkpoint_interval_s=300, max_batch=2048, create=True)``
- ``await log.append(event_type, payload, *, correlation_id=None, subject=None, actor=None, clear=()) -> AuditRecord``:
  returns once the record is durably committed. Concurrent ``append`` calls are group-committed
  (one transaction for everything queued meanwhile), so throughput grows with concurrency.
- ``await log.append_many([AuditEvent(...), ...]) -> list[AuditRecord]``: one transaction.
- ``await log.verify(*, public_keys=None, live=False) -> VerifyReport``: ``ok``, ``records_checked``,
  ``bad_seq`` (first record edited / deleted / reordered / inserted), ``problem`` (:class:`TamperKind`), ``reason``.
- ``log.records(start_seq=0)`` (async iterator of :class:`AuditRecord`), ``await log.reveal(record)``
  (payload with the sealed part opened, or ``{"_erased": True, ...}``), ``log.export_jsonl(reveal=False)``
  (async iterator of JSON lines; :func:`verify_jsonl` checks an export offline).
- ``await log.erase_subject(subject) -> ErasureReport``; ``await log.checkpoint() -> Checkpoint | None``;
  ``await log.apply_retention(max_age=timedelta(days=N)) -> RetentionReport``.
- ``SyncAuditLog(AuditLog(...))``: the same API for synchronous code (the async log runs on a private loop thread).

Every record is SHA-256 over canonical JSON (sorted keys, no whitespace, UTF-8) holding the
previous record's hash (``_prev``) and its sequence number (``_seq``); the first record links
to a hash derived from the log's random id. Payloads (and actors) are masked before writing by
:class:`PayloadMasker`: field names such as ``password``/``api_key`` and every ``secret``/``pii``
finding of a :class:`bastion.Guard`. Stores implement the small :class:`AuditStore` protocol:
:class:`SQLiteAuditStore` (default; WAL, ``synchronous=FULL``), :class:`MemoryAuditStore` and
:class:`PostgresAuditStore` (several replicas; needs the ``postgres`` extra).
"""

from bastion.audit._canon import canonical, new_correlation_id, parse_correlation_id
from bastion.audit._crypto import (
    key_id,
    load_private_key,
    load_public_key,
    private_key_pem,
    public_key_pem,
)
from bastion.audit._log import AuditEvent, AuditLog
from bastion.audit._mask import DEFAULT_SENSITIVE_KEYS, MaskResult, PayloadMasker, masking_guard
from bastion.audit._model import (
    AuditRecord,
    Checkpoint,
    ErasureReport,
    RawRecord,
    RetentionReport,
    Sealed,
    StoreState,
    TamperKind,
    VerifyReport,
)
from bastion.audit._postgres import PostgresAuditStore as PostgresAuditStore  # psycopg is imported lazily
from bastion.audit._sqlite import SQLiteAuditStore
from bastion.audit._store import AuditStore, MemoryAuditStore
from bastion.audit._sync import SyncAuditLog
from bastion.audit._verify import verify_jsonl

__all__ = [
    "DEFAULT_SENSITIVE_KEYS",
    "AuditEvent",
    "AuditLog",
    "AuditRecord",
    "AuditStore",
    "Checkpoint",
    "ErasureReport",
    "MaskResult",
    "MemoryAuditStore",
    "PayloadMasker",
    "PostgresAuditStore",
    "RawRecord",
    "RetentionReport",
    "SQLiteAuditStore",
    "Sealed",
    "StoreState",
    "SyncAuditLog",
    "TamperKind",
    "VerifyReport",
    "canonical",
    "key_id",
    "load_private_key",
    "load_public_key",
    "masking_guard",
    "new_correlation_id",
    "parse_correlation_id",
    "private_key_pem",
    "public_key_pem",
    "verify_jsonl",
]

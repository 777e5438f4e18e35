"""Frozen values of the audit log: records, checkpoints and reports."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "AuditRecord",
    "Checkpoint",
    "ErasureReport",
    "RawRecord",
    "RetentionReport",
    "Sealed",
    "StoreState",
    "TamperKind",
    "VerifyReport",
]


class RawRecord(NamedTuple):
    """One record as a store keeps it (a named tuple so stores can build millions cheaply).

    ``body`` is the canonical JSON that was hashed (it starts with ``_prev`` and ``_seq``);
    ``hash`` is its SHA-256 in hex. ``seq``, ``ts``, ``event_type`` and ``kid`` are copies
    of body fields kept as columns for ordering, retention and erasure look-ups; the
    verifier checks ``seq`` against the body and retention reads ``ts`` from the body.
    """

    seq: int
    ts: str
    event_type: str
    kid: str | None
    body: bytes
    hash: str


@dataclass(frozen=True, slots=True)
class Sealed:
    """The subject-linked part of a payload, encrypted with AES-256-GCM under the subject's key."""

    nonce: str  # base64url, 12 bytes
    ciphertext: str  # base64url, ciphertext + 16-byte tag

    def to_json(self) -> dict[str, str]:
        return {"ct": self.ciphertext, "nonce": self.nonce}


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One audit record as written: masked payload, chain links, and the sealed personal part.

    ``payload`` is the clear (masked) part; ``sealed`` is the encrypted subject-linked part
    (open it with :meth:`AuditLog.reveal`, which returns ``None`` once the subject was
    erased). ``masked`` lists the JSON paths that were masked before writing, with the rule
    that masked them (``"payload.args.email: pii.email"``).
    """

    seq: int
    ts: str
    event_type: str
    actor: str | None
    correlation_id: str
    payload: Mapping[str, Any]
    masked: tuple[str, ...]
    subject_kid: str | None
    sealed: Sealed | None
    prev_hash: str
    hash: str

    def body(self) -> dict[str, Any]:
        """The dict whose canonical JSON is hashed (without ``hash``)."""
        return {
            "_prev": self.prev_hash,
            "_seq": self.seq,
            "actor": self.actor,
            "cid": self.correlation_id,
            "kid": self.subject_kid,
            "masked": list(self.masked),
            "payload": self.payload,
            "sealed": self.sealed.to_json() if self.sealed is not None else None,
            "ts": self.ts,
            "type": self.event_type,
            "v": 1,
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSONL export form: the hashed body plus ``hash``."""
        d = self.body()
        d["hash"] = self.hash
        return d


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """An Ed25519-signed statement "record ``seq`` of log ``log_id`` has hash ``hash``".

    ``kind`` is ``"checkpoint"`` or ``"anchor"``: an anchor is written by retention and
    marks where the kept chain starts (records up to ``seq`` were deleted on purpose).
    ``key_id`` names the signing key (first 16 hex digits of SHA-256 over the raw public key).
    """

    log_id: str
    seq: int
    hash: str
    ts: str
    kind: str
    key_id: str
    signature: str  # base64url

    def message(self) -> dict[str, Any]:
        return {
            "hash": self.hash,
            "key_id": self.key_id,
            "kind": self.kind,
            "log_id": self.log_id,
            "seq": self.seq,
            "ts": self.ts,
            "v": 1,
        }

    def to_dict(self) -> dict[str, Any]:
        d = self.message()
        d["signature"] = self.signature
        return d


@dataclass(frozen=True, slots=True)
class StoreState:
    """What a store reports when opened: identity, head and retention anchor."""

    log_id: str
    head_seq: int
    head_hash: str | None
    anchor_seq: int
    meta: Mapping[str, str] = field(default_factory=dict)


class TamperKind(enum.StrEnum):
    """Why verification failed."""

    EDITED = "edited"  # a record's content or hash was changed
    DELETED = "deleted"  # records are missing from the middle or the start
    REORDERED = "reordered"  # a record is not where its sequence number says
    INSERTED = "inserted"  # a record was added that the chain does not account for
    TRUNCATED = "truncated"  # records at the end are missing
    REWRITTEN = "rewritten"  # the chain was recomputed: it no longer matches a signed checkpoint
    BAD_SIGNATURE = "bad_signature"  # a checkpoint's signature does not verify
    BAD_ANCHOR = "bad_anchor"  # the retention anchor is missing, unsigned or does not match
    CORRUPT = "corrupt"  # a stored record cannot be read at all


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The result of :meth:`AuditLog.verify`.

    ``ok`` is true only when every record links to the one before, every stored hash is the
    SHA-256 of its record, and every checkpoint signature that was checked verifies and
    matches the chain. On failure ``bad_seq`` names the first record that was edited,
    deleted or reordered, ``problem`` says how, and ``reason`` explains it in one sentence.
    """

    ok: bool
    records_checked: int
    checkpoints_checked: int
    signatures_checked: int
    first_seq: int | None
    last_seq: int | None
    head_hash: str | None
    problem: TamperKind | None = None
    bad_seq: int | None = None
    reason: str = ""
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "records_checked": self.records_checked,
            "checkpoints_checked": self.checkpoints_checked,
            "signatures_checked": self.signatures_checked,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "head_hash": self.head_hash,
            "problem": self.problem.value if self.problem is not None else None,
            "bad_seq": self.bad_seq,
            "reason": self.reason,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class ErasureReport:
    """The result of :meth:`AuditLog.erase_subject` (crypto-shredding)."""

    erased: bool  # a key existed and was destroyed
    kid: str | None  # the destroyed key's id (records keep it; it no longer links to anyone)
    records_affected: int  # records whose sealed part can no longer be opened
    audit_seq: int | None  # the ``audit.erasure`` record written about the erasure


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """The result of :meth:`AuditLog.apply_retention`."""

    deleted: int
    anchor: Checkpoint | None  # the signed anchor the kept chain now starts from
    first_seq: int | None  # first record kept

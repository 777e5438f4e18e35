"""Signing keys, checkpoint signatures and per-subject encryption (crypto-shredding).

Keys are always passed in by the caller; nothing here reads files or the environment.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bastion.audit._canon import canonical
from bastion.audit._model import Checkpoint, Sealed
from bastion.errors import AuditIntegrityError, ConfigError, ConfigProblem, InputError

__all__ = [
    "KEK_BYTES",
    "b64d",
    "b64e",
    "check_kek",
    "kek_id",
    "key_id",
    "load_private_key",
    "load_public_key",
    "new_subject_key",
    "open_sealed",
    "private_key_pem",
    "public_key_pem",
    "seal",
    "sign_checkpoint",
    "signature_ok",
    "subject_ref",
    "unwrap_subject_key",
    "wrap_subject_key",
]

KEK_BYTES = 32
_SUBJECT_KEY_BYTES = 32
_NONCE_BYTES = 12
_WRAP_PLAIN = b"plain:"
_WRAP_AEAD = b"kek1:"


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: str) -> bytes:
    pad = "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(text + pad)


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def kek_id(kek: bytes) -> str:
    return hashlib.sha256(b"bastion-audit-kek-id:" + kek).hexdigest()[:16]


def check_kek(kek: bytes | None) -> bytes | None:
    if kek is None:
        return None
    if not isinstance(kek, bytes) or len(kek) != KEK_BYTES:
        raise InputError(f"the key-encryption key must be exactly {KEK_BYTES} bytes (AES-256)")
    return kek


def _problem(source: str, message: str) -> ConfigError:
    return ConfigError([ConfigProblem(path=source, line=None, location="", message=message)])


def load_private_key(data: bytes, *, source: str = "<signing key>") -> Ed25519PrivateKey:
    """Parse an Ed25519 private key: PKCS#8 PEM (unencrypted) or 32 raw bytes."""
    if len(data) == 32:
        return Ed25519PrivateKey.from_private_bytes(data)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise _problem(
            source,
            "not an unencrypted PEM private key; create one with `bastion log keygen`",
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise _problem(source, f"expected an Ed25519 key, got {type(key).__name__}")
    return key


def load_public_key(data: bytes, *, source: str = "<public key>") -> Ed25519PublicKey:
    """Parse an Ed25519 public key: SubjectPublicKeyInfo PEM or 32 raw bytes."""
    if len(data) == 32:
        return Ed25519PublicKey.from_public_bytes(data)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise _problem(
            source, "not a PEM public key; `bastion log keygen` writes one next to the private key"
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise _problem(source, f"expected an Ed25519 key, got {type(key).__name__}")
    return key


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def sign_checkpoint(key: Ed25519PrivateKey, *, log_id: str, seq: int, hash_hex: str, ts: str, kind: str) -> Checkpoint:
    unsigned = Checkpoint(
        log_id=log_id, seq=seq, hash=hash_hex, ts=ts, kind=kind, key_id=key_id(key.public_key()), signature=""
    )
    sig = key.sign(canonical(unsigned.message()))
    return Checkpoint(
        log_id=log_id, seq=seq, hash=hash_hex, ts=ts, kind=kind, key_id=unsigned.key_id, signature=b64e(sig)
    )


def signature_ok(cp: Checkpoint, keys: Mapping[str, Ed25519PublicKey]) -> str | None:
    """``None`` when ``cp`` verifies under the key it names; otherwise why not."""
    key = keys.get(cp.key_id)
    if key is None:
        known = ", ".join(sorted(keys)) or "none"
        return f"signed by key id {cp.key_id}, which is not among the given public keys ({known})"
    try:
        key.verify(b64d(cp.signature), canonical(cp.message()))
    except (InvalidSignature, ValueError):
        return "its Ed25519 signature does not verify (forged or altered checkpoint)"
    return None


def subject_ref(subject: str, *, log_id: str, kek: bytes | None) -> str:
    """The key table's look-up value for a subject: a keyed hash, never the subject itself."""
    key = kek if kek is not None else b"bastion-audit-subject:" + log_id.encode("ascii")
    return hmac.new(key, subject.encode("utf-8"), hashlib.sha256).hexdigest()


def wrap_subject_key(raw: bytes, *, kek: bytes | None, kid: str) -> bytes:
    if kek is None:
        return _WRAP_PLAIN + raw
    nonce = secrets.token_bytes(_NONCE_BYTES)
    return _WRAP_AEAD + nonce + AESGCM(kek).encrypt(nonce, raw, kid.encode("ascii"))


def unwrap_subject_key(blob: bytes, *, kek: bytes | None, kid: str) -> bytes:
    if blob.startswith(_WRAP_PLAIN):
        return blob[len(_WRAP_PLAIN) :]
    if blob.startswith(_WRAP_AEAD):
        if kek is None:
            raise AuditIntegrityError(
                "subject keys in this audit log are wrapped with a key-encryption key; pass the same "
                "kek to open sealed payloads"
            )
        body = blob[len(_WRAP_AEAD) :]
        try:
            return AESGCM(kek).decrypt(body[:_NONCE_BYTES], body[_NONCE_BYTES:], kid.encode("ascii"))
        except InvalidTag:
            raise AuditIntegrityError(
                f"subject key {kid} cannot be unwrapped: wrong key-encryption key, or the key table was altered"
            ) from None
    raise AuditIntegrityError(f"subject key {kid} is stored in an unknown format; the key table was altered")


def new_subject_key() -> tuple[str, bytes]:
    return secrets.token_hex(16), secrets.token_bytes(_SUBJECT_KEY_BYTES)


def seal(raw_key: bytes, value: Any, *, log_id: str, kid: str) -> Sealed:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    aad = f"bastion-audit-v1:{log_id}:{kid}".encode("ascii")
    ct = AESGCM(raw_key).encrypt(nonce, canonical(value), aad)
    return Sealed(nonce=b64e(nonce), ciphertext=b64e(ct))


def open_sealed(raw_key: bytes, sealed: Sealed, *, log_id: str, kid: str) -> Any:
    aad = f"bastion-audit-v1:{log_id}:{kid}".encode("ascii")
    try:
        plain = AESGCM(raw_key).decrypt(b64d(sealed.nonce), b64d(sealed.ciphertext), aad)
    except (InvalidTag, ValueError):
        raise AuditIntegrityError(
            f"a sealed payload under key {kid} does not decrypt: the record or the key table was altered"
        ) from None
    return orjson.loads(plain)

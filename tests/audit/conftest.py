from __future__ import annotations

import re
import secrets
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.audit import AuditLog, AuditStore, MemoryAuditStore, PayloadMasker, SQLiteAuditStore
from bastion.detect import Document, Guard
from bastion.detect._base import make_finding

# A deterministic stand-in for the secret and PII detectors: the masker is tested on its
# own contract (spans in, masked text out) whatever the built-in rules look like today.
_EMAIL = RuleInfo("pii.email", Category.PII, Severity.MEDIUM, 0.9, (), "an e-mail address")
_KEY = RuleInfo("secret.test_key", Category.SECRET, Severity.HIGH, 0.9, (), "a test API key")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_KEY_RE = re.compile(r"tk_[A-Za-z0-9]{20,}")


class StubScanner:
    name = "stub"
    categories = frozenset({Category.PII, Category.SECRET})
    rules = (_EMAIL, _KEY)

    def scan(self, doc: Document) -> list[Finding]:
        out = [make_finding(_EMAIL, m.start(), m.end(), "email") for m in _EMAIL_RE.finditer(doc.text)]
        out += [make_finding(_KEY, m.start(), m.end(), "key") for m in _KEY_RE.finditer(doc.text)]
        return out


SECRET = "tk_" + "Zq8" * 9  # matches the stub's secret rule
EMAIL = "alice.liddell@example.org"


@pytest.fixture(scope="session")
def stub_masker() -> PayloadMasker:
    return PayloadMasker(Guard(scanners=[StubScanner()], entry_points=False))


@pytest.fixture(scope="session")
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def _postgres_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            return True
    except OSError:
        return False


PG_DSN = "postgresql://127.0.0.1:5432/test"


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Callable[[], AuditStore]]:
    """The same tests run against every AuditStore backend (PostgreSQL when it is running)."""
    if request.param == "memory":
        mem = MemoryAuditStore()
        yield lambda: mem
    elif request.param == "sqlite":
        yield lambda: SQLiteAuditStore(tmp_path / "audit.db")
    else:
        if not _postgres_up():
            pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
        try:
            from bastion.audit._postgres import PostgresAuditStore
        except ImportError:
            pytest.skip("bastion.audit._postgres is not available")
        schema = f"audit_test_{secrets.token_hex(6)}"
        yield lambda: PostgresAuditStore(PG_DSN, schema=schema)
        cleaner = PostgresAuditStore(PG_DSN, schema=schema)
        await cleaner.open()
        await cleaner.drop()
        await cleaner.close()


@pytest.fixture
async def log(
    store_factory: Callable[[], AuditStore], signing_key: Ed25519PrivateKey, stub_masker: PayloadMasker
) -> AsyncIterator[AuditLog]:
    lg = AuditLog(store_factory(), signing_key=signing_key, masker=stub_masker, checkpoint_every=10)
    async with lg:
        yield lg

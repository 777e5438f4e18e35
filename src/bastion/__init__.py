"""bastion: a security layer for AI agents.

The public API is exactly ``__all__``; everything else is private. The detection core
(``Guard``, the result types, the errors) is imported eagerly; the other layers (firewall,
audit log, sandbox, redaction) are imported on first use, so ``from bastion import Guard``
stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from bastion._types import Category, Finding, RuleInfo, ScanResult, Severity, Surface
from bastion._version import __version__
from bastion.detect import DetectConfig, Guard
from bastion.errors import (
    AuditIntegrityError,
    BastionError,
    ConfigError,
    InputError,
    PolicyError,
    SandboxError,
    ScannerError,
    StoreError,
    TokenError,
    UpstreamError,
)

# Eager on purpose: the function shares its name with the subpackage ``bastion.redact``; binding it
# here, after the subpackage is loaded, keeps ``bastion.redact`` the function for good.
from bastion.redact import Strategy, Vault, redact

if TYPE_CHECKING:
    from bastion.audit import AuditLog, AuditRecord, MemoryAuditStore, SQLiteAuditStore, VerifyReport
    from bastion.detect._canary import mint_canary
    from bastion.limits import Limiter
    from bastion.policy import (
        Action,
        ApprovalService,
        CredentialBroker,
        Decision,
        Firewall,
        Policy,
        Reason,
        Session,
        TokenAuthority,
        ToolCall,
        ToolCallBlocked,
        attenuate,
        load_policy,
        parse_policy,
    )
    from bastion.sandbox import Sandbox, SandboxProfile, SandboxResult
    from bastion.state import MemoryStateStore, SqliteStateStore, StateStore

# name -> module that defines it (imported on first access)
_LAZY: dict[str, str] = {
    "Action": "bastion.policy",
    "ApprovalService": "bastion.policy",
    "CredentialBroker": "bastion.policy",
    "Decision": "bastion.policy",
    "Firewall": "bastion.policy",
    "Policy": "bastion.policy",
    "Reason": "bastion.policy",
    "Session": "bastion.policy",
    "TokenAuthority": "bastion.policy",
    "ToolCall": "bastion.policy",
    "ToolCallBlocked": "bastion.policy",
    "attenuate": "bastion.policy",
    "load_policy": "bastion.policy",
    "parse_policy": "bastion.policy",
    "Limiter": "bastion.limits",
    "MemoryStateStore": "bastion.state",
    "SqliteStateStore": "bastion.state",
    "StateStore": "bastion.state",
    "AuditLog": "bastion.audit",
    "AuditRecord": "bastion.audit",
    "MemoryAuditStore": "bastion.audit",
    "SQLiteAuditStore": "bastion.audit",
    "VerifyReport": "bastion.audit",
    "Sandbox": "bastion.sandbox",
    "SandboxProfile": "bastion.sandbox",
    "SandboxResult": "bastion.sandbox",
    "mint_canary": "bastion.detect._canary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bastion' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Action",
    "ApprovalService",
    "AuditIntegrityError",
    "AuditLog",
    "AuditRecord",
    "BastionError",
    "Category",
    "ConfigError",
    "CredentialBroker",
    "Decision",
    "DetectConfig",
    "Finding",
    "Firewall",
    "Guard",
    "InputError",
    "Limiter",
    "MemoryAuditStore",
    "MemoryStateStore",
    "Policy",
    "PolicyError",
    "Reason",
    "RuleInfo",
    "SQLiteAuditStore",
    "Sandbox",
    "SandboxError",
    "SandboxProfile",
    "SandboxResult",
    "ScanResult",
    "ScannerError",
    "Session",
    "Severity",
    "SqliteStateStore",
    "StateStore",
    "StoreError",
    "Strategy",
    "Surface",
    "TokenAuthority",
    "TokenError",
    "ToolCall",
    "ToolCallBlocked",
    "UpstreamError",
    "Vault",
    "VerifyReport",
    "__version__",
    "attenuate",
    "load_policy",
    "mint_canary",
    "parse_policy",
    "redact",
]

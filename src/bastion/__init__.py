"""bastion: a security layer for AI agents.

The public API is exactly ``__all__``; everything else is private.
"""

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

__all__ = [
    "AuditIntegrityError",
    "BastionError",
    "Category",
    "ConfigError",
    "DetectConfig",
    "Finding",
    "Guard",
    "InputError",
    "PolicyError",
    "RuleInfo",
    "SandboxError",
    "ScanResult",
    "ScannerError",
    "Severity",
    "StoreError",
    "Surface",
    "TokenError",
    "UpstreamError",
    "__version__",
]

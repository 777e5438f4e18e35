"""Pure scanners: text in, :class:`~bastion.ScanResult` out."""

from bastion.detect._base import DetectConfig, Document, Scanner, ScannerFactory
from bastion.detect._engine import Match, Pattern, PatternSet
from bastion.detect._guard import DEFAULT_MAX_CHARS, Guard, parse_categories
from bastion.detect._registry import (
    BUILTIN_SCANNERS,
    ENTRY_POINT_GROUP,
    SURFACE_DEFAULTS,
    all_rules,
    build_scanners,
)

__all__ = [
    "BUILTIN_SCANNERS",
    "DEFAULT_MAX_CHARS",
    "ENTRY_POINT_GROUP",
    "SURFACE_DEFAULTS",
    "DetectConfig",
    "Document",
    "Guard",
    "Match",
    "Pattern",
    "PatternSet",
    "Scanner",
    "ScannerFactory",
    "all_rules",
    "build_scanners",
    "parse_categories",
]

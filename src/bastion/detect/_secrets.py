"""Secrets scanner (work in progress: rules land shortly)."""

from __future__ import annotations

from bastion._types import Category, Finding, RuleInfo
from bastion.detect._base import DetectConfig, Document

__all__ = ["SecretsScanner"]


class SecretsScanner:
    name = "secrets"
    categories = frozenset({Category.SECRET})
    rules: tuple[RuleInfo, ...] = ()

    def __init__(self, config: DetectConfig) -> None:
        self._config = config

    def scan(self, doc: Document) -> list[Finding]:
        return []

"""Rewriting detected spans: mask, typed placeholder, keyed hash, and a reversible PII vault.

Detection and rewriting are separate steps::

    result = Guard().scan(text, surface="response")
    safe = redact(text, result, strategy="placeholder").text   # "[SECRET:aws_access_key#1]"

    vault = Vault(session="conv-42")
    prompt = vault.redact(user_text, guard.scan(user_text, categories=["pii"]))
    answer = vault.restore(llm_answer)
"""

from bastion.redact._redact import (
    DEFAULT_CATEGORIES,
    Redaction,
    Replacement,
    Span,
    Strategy,
    apply_replacements,
    label_of,
    merge_spans,
    redact,
)
from bastion.redact._vault import Restoration, Vault

__all__ = [
    "DEFAULT_CATEGORIES",
    "Redaction",
    "Replacement",
    "Restoration",
    "Span",
    "Strategy",
    "Vault",
    "apply_replacements",
    "label_of",
    "merge_spans",
    "redact",
]

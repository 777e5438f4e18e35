"""The tool-call firewall: policies, information flow with argument provenance, capability
tokens, a credential broker and human approvals."""

from bastion.policy._approvals import ApprovalNotifier, ApprovalService, WebhookNotifier
from bastion.policy._audit import AuditSink, MemoryAuditSink
from bastion.policy._broker import CredentialBroker, MappingSecretSource, Secret, SecretSource
from bastion.policy._firewall import Firewall, OutputVerdict, ToolCallBlocked, run_sync
from bastion.policy._loader import load_policy, parse_policy
from bastion.policy._model import (
    ArgSpec,
    BreakerSpec,
    BudgetSpec,
    DuplicateSpec,
    FlowSpec,
    Label,
    LimitsSpec,
    Policy,
    RateSpec,
    ToolPolicy,
)
from bastion.policy._session import Session, Taint
from bastion.policy._tokens import TokenAuthority, TokenClaims, attenuate
from bastion.policy._types import Action, Decision, Reason, Source, ToolCall

__all__ = [
    "Action",
    "ApprovalNotifier",
    "ApprovalService",
    "ArgSpec",
    "AuditSink",
    "BreakerSpec",
    "BudgetSpec",
    "CredentialBroker",
    "Decision",
    "DuplicateSpec",
    "Firewall",
    "FlowSpec",
    "Label",
    "LimitsSpec",
    "MappingSecretSource",
    "MemoryAuditSink",
    "OutputVerdict",
    "Policy",
    "RateSpec",
    "Reason",
    "Secret",
    "SecretSource",
    "Session",
    "Source",
    "Taint",
    "TokenAuthority",
    "TokenClaims",
    "ToolCall",
    "ToolCallBlocked",
    "ToolPolicy",
    "WebhookNotifier",
    "attenuate",
    "load_policy",
    "parse_policy",
    "run_sync",
]

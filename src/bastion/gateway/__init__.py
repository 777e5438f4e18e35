"""The gateway: an OpenAI-compatible LLM proxy (and the MCP proxy under ``gateway.mcp``) that
puts admission, inspection, the tool-call firewall and the audit log in front of any agent.

Build one with :func:`build_gateway` (from a :class:`~bastion.config.BastionConfig`) or
construct :class:`Gateway` directly with your own stores; :func:`serve` runs it on uvicorn.
"""

from bastion.gateway._app import Gateway
from bastion.gateway._audit import AuditSink, CallbackAuditSink, MemoryAuditSink, NullAuditSink
from bastion.gateway._demo import DEMO_MODEL, DemoUpstreamTransport
from bastion.gateway._firewall import (
    Approval,
    ApprovalStore,
    PolicyFirewall,
    RulesFirewall,
    StateApprovalStore,
    ToolCall,
    ToolFirewall,
    ToolVerdict,
)
from bastion.gateway._inspect import Inspection, Inspector, redact_text
from bastion.gateway._keys import (
    ApiKey,
    KeyCheck,
    KeyStore,
    MemoryKeyStore,
    SqliteKeyStore,
    check_key,
    mint_key,
    parse_duration,
)
from bastion.gateway._limits import Counter, LimitResult, MemoryCounter, check_limit
from bastion.gateway._server import build_gateway, serve
from bastion.gateway._stream import SSEParser, StreamGuard, StreamStep
from bastion.gateway._transport import LeanTransport
from bastion.gateway._upstream import UpstreamPool

__all__ = [
    "DEMO_MODEL",
    "ApiKey",
    "Approval",
    "ApprovalStore",
    "AuditSink",
    "CallbackAuditSink",
    "Counter",
    "DemoUpstreamTransport",
    "Gateway",
    "Inspection",
    "Inspector",
    "KeyCheck",
    "KeyStore",
    "LeanTransport",
    "LimitResult",
    "MemoryAuditSink",
    "MemoryCounter",
    "MemoryKeyStore",
    "NullAuditSink",
    "PolicyFirewall",
    "RulesFirewall",
    "SSEParser",
    "SqliteKeyStore",
    "StateApprovalStore",
    "StreamGuard",
    "StreamStep",
    "ToolCall",
    "ToolFirewall",
    "ToolVerdict",
    "UpstreamPool",
    "build_gateway",
    "check_key",
    "check_limit",
    "mint_key",
    "parse_duration",
    "redact_text",
    "serve",
]

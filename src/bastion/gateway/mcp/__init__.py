"""The MCP proxy: stdio and Streamable HTTP, with tool pinning, poisoning and result inspection.

* :class:`McpGuard` — the policy brain for one upstream server (pins, scanning, firewall gate, audit).
* :func:`run_stdio_proxy` — bastion as a stdio MCP server in front of a local stdio server
  (``bastion mcp proxy -- CMD ARGS``).
* :func:`create_mcp_app` — an ASGI app proxying Streamable HTTP servers; the gateway mounts it
  under ``/mcp`` so clients use ``http://127.0.0.1:8600/mcp/<server>``.
"""

from bastion.gateway.mcp._gate import FirewallGate
from bastion.gateway.mcp._http import HttpUpstream, create_mcp_app
from bastion.gateway.mcp._interceptor import (
    AuditSink,
    GateDecision,
    McpConversation,
    McpGuard,
    McpPolicy,
    Outgoing,
    ToolGate,
    canonical_tool_hash,
    jsonrpc_error,
)
from bastion.gateway.mcp._pins import MemoryPinStore, PinStore, SqlitePinStore
from bastion.gateway.mcp._stdio import run_stdio_proxy

__all__ = [
    "AuditSink",
    "FirewallGate",
    "GateDecision",
    "HttpUpstream",
    "McpConversation",
    "McpGuard",
    "McpPolicy",
    "MemoryPinStore",
    "Outgoing",
    "PinStore",
    "SqlitePinStore",
    "ToolGate",
    "canonical_tool_hash",
    "create_mcp_app",
    "jsonrpc_error",
    "run_stdio_proxy",
]

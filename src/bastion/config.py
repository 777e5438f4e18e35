"""The one configuration file: YAML in, a typed, frozen :class:`BastionConfig` out.

Every field has an embedded default, so an empty file (or no file) is a working
single-process setup: data plane on 127.0.0.1:8600, admin API on 127.0.0.1:8601,
SQLite under ``bastion-data/``, in-memory rate limits, the built-in demo upstream.

:func:`load_config` reports *every* problem at once as a :class:`~bastion.errors.ConfigError`
whose ``problems`` carry the file, the line and the dotted location::

    bastion.yaml:7 (limits.rpm): Input should be greater than or equal to 1

:func:`config_schema` returns the JSON schema (``bastion config schema`` prints it).
This module and the CLI are the only places that read files or environment variables;
library code receives the values through constructors.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bastion.errors import ConfigError, ConfigProblem

__all__ = [
    "AuthConfig",
    "BastionConfig",
    "InspectionConfig",
    "LimitsConfig",
    "McpServerConfig",
    "PolicyConfig",
    "ServerConfig",
    "StoresConfig",
    "TLSConfig",
    "ToolRulesConfig",
    "UpstreamConfig",
    "config_schema",
    "is_loopback",
    "load_config",
    "parse_config",
    "validate_config",
]

Action = Literal["block", "redact", "flag"]
SeverityName = Literal["info", "low", "medium", "high", "critical"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TLSConfig(_Model):
    """TLS for the data plane. Setting ``client_ca`` turns on mTLS: every client must present
    a certificate signed by that CA (the handshake fails otherwise)."""

    certfile: str | None = Field(default=None, description="PEM server certificate (chain).")
    keyfile: str | None = Field(default=None, description="PEM private key of the server certificate.")
    client_ca: str | None = Field(
        default=None, description="PEM CA bundle; when set, client certificates are required (mTLS)."
    )

    @model_validator(mode="after")
    def _pair(self) -> TLSConfig:
        if (self.certfile is None) != (self.keyfile is None):
            raise ValueError("certfile and keyfile must be given together")
        if self.client_ca is not None and self.certfile is None:
            raise ValueError("client_ca (mTLS) needs certfile and keyfile too")
        return self

    @property
    def enabled(self) -> bool:
        return self.certfile is not None

    @property
    def mtls(self) -> bool:
        return self.client_ca is not None


class ServerConfig(_Model):
    """Where the gateway listens and how much it accepts from one client."""

    host: str = Field(
        default="127.0.0.1", description="Data-plane bind address. Non-loopback needs auth.required or mTLS."
    )
    port: int = Field(default=8600, ge=0, le=65535)
    admin_host: str = Field(default="127.0.0.1", description="Admin API and metrics bind address.")
    admin_port: int = Field(default=8601, ge=0, le=65535)
    max_body_bytes: int = Field(
        default=1_048_576, ge=1024, le=64 * 1_048_576, description="Largest request body accepted (413 above)."
    )
    body_timeout_s: float = Field(
        default=30.0, gt=0, le=600, description="A client must send its whole body within this time (408)."
    )
    tls: TLSConfig = Field(default_factory=TLSConfig)  # type: ignore[arg-type]


class UpstreamConfig(_Model):
    """One OpenAI-compatible model server (OpenAI, vLLM, Ollama's /v1 ...)."""

    name: str = Field(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    base_url: str = Field(..., description="Base URL including /v1, e.g. http://127.0.0.1:11434/v1")
    api_key_env: str | None = Field(
        default=None, description="Environment variable holding the upstream API key (read once at start)."
    )
    models: tuple[str, ...] = Field(
        default=("*",), description="Model names served here; '*' matches any, 'prefix*' a prefix."
    )
    connect_timeout_s: float = Field(default=5.0, gt=0, le=120)
    read_timeout_s: float = Field(default=120.0, gt=0, le=3600)

    @field_validator("base_url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not (v.startswith("http://") or v.startswith("https://")):
            raise ValueError("base_url must start with http:// or https://")
        return v.rstrip("/")


class McpServerConfig(_Model):
    """A Streamable HTTP MCP server proxied at ``/mcp/<name>`` on the data plane."""

    name: str = Field(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    url: str = Field(..., description="The server's Streamable HTTP endpoint, e.g. http://127.0.0.1:9000/mcp")
    allowed_tools: tuple[str, ...] | None = Field(default=None, description="Only these tools are shown and callable.")
    denied_tools: tuple[str, ...] = ()
    on_poisoned: Literal["remove", "flag"] = "remove"
    on_rug_pull: Literal["deny", "alert"] = "deny"
    on_flagged_result: Literal["block", "mark", "allow"] = "block"

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not (v.startswith("http://") or v.startswith("https://")):
            raise ValueError("url must start with http:// or https://")
        return v


class AuthConfig(_Model):
    """Who may call: API keys made with ``bastion keys create``."""

    required: bool = Field(
        default=True, description="Require an API key (Authorization: Bearer ...) on the data plane."
    )
    admin_token_env: str = Field(
        default="BASTION_ADMIN_TOKEN",
        description="Env var with the admin API bearer token; admin API refuses all calls when unset.",
    )


class LimitsConfig(_Model):
    """Defaults for keys that do not set their own."""

    rpm: int = Field(default=10, ge=1, le=10_000_000, description="Requests per minute per key.")
    tpm: int = Field(
        default=100_000,
        ge=1,
        le=10_000_000_000,
        description="Tokens per minute per key (prompt estimate + completion).",
    )
    max_prompt_tokens: int = Field(
        default=32_000, ge=1, le=10_000_000, description="Largest estimated prompt (tokens) of one request."
    )


class ToolRulesConfig(_Model):
    """Which tool calls a model may propose (names; '*' and 'prefix*' patterns)."""

    allow: tuple[str, ...] = ("*",)
    deny: tuple[str, ...] = ()
    approve: tuple[str, ...] = Field(default=(), description="Calls held for human approval (admin API).")


class PolicyConfig(_Model):
    """What to do with findings, per surface, and which tools/models a key may use."""

    prompt: Action = "block"
    tool_output: Action = "block"
    response: Action = "redact"
    min_severity: SeverityName = Field(default="low", description="Findings below this severity are only logged.")
    tools: ToolRulesConfig = Field(default_factory=ToolRulesConfig)  # type: ignore[arg-type]
    models: tuple[str, ...] = ("*",)


class InspectionConfig(_Model):
    """Scanning of prompts, tool outputs and responses."""

    enabled: bool = True
    holdback_chars: int = Field(
        default=256,
        ge=16,
        le=65_536,
        description="Streaming hold-back window: longest secret/canary caught across chunks.",
    )
    max_scan_chars: int = Field(default=200_000, ge=1024, le=10_000_000)
    canaries: tuple[str, ...] = ()
    classifier: bool = Field(default=False, description="Also run the trained injection classifier (slower).")
    classifier_threshold: float | None = Field(
        default=None,
        gt=0.0,
        lt=1.0,
        description="Classifier probability that flags a prompt, one value for every text; unset: the artifact's "
        "two calibrated thresholds (strict for set-up prompts, open for other texts).",
    )
    classifier_tool_output_threshold: float = Field(
        default=0.8,
        gt=0.0,
        lt=1.0,
        description="Classifier probability that flags a tool output (MCP results, tool messages); stricter "
        "than on prompts because a flagged tool output taints the agent session.",
    )
    classifier_tool_output_prose_threshold: float | None = Field(
        default=0.75,
        gt=0.0,
        lt=1.0,
        description="Classifier probability that flags a tool output which is not mostly code, configuration "
        "or structured lines (mail, pages, chat); null: classifier_tool_output_threshold for every tool output "
        "(a stricter classifier_tool_output_threshold does not raise this one).",
    )
    classifier_document_threshold: float | None = Field(
        default=0.8,
        gt=0.0,
        lt=1.0,
        description="Lowest classifier probability that flags a prompt which is mostly a pasted document, code "
        "or configuration (judged like the tool output it could have been); null: no floor.",
    )
    fail_open: bool = Field(
        default=False, description="On scanner failure pass the request (audited) instead of refusing it."
    )


class StoresConfig(_Model):
    """Where state (keys, limits, approvals) and the audit log live."""

    data_dir: str = Field(
        default="bastion-data", description="Directory for the SQLite files (relative to the working directory)."
    )
    state: Literal["memory", "sqlite", "redis"] = Field(
        default="sqlite", description="Keys/approvals store; rate-limit counters are in memory unless 'redis'."
    )
    redis_url: str = "redis://127.0.0.1:6379/0"
    audit: Literal["sqlite", "postgres", "off"] = "sqlite"
    postgres_dsn: str = "postgresql://127.0.0.1:5432/test"
    audit_mode: Literal["sync", "async"] = Field(
        default="sync",
        description="sync: answer after the audit commit; async: commit in the background (refuse after a failure).",
    )
    audit_fail_open: bool = Field(
        default=False, description="Serve requests when the audit store fails (still counted in metrics)."
    )

    @field_validator("audit", mode="before")
    @classmethod
    def _yaml_off(cls, v: object) -> object:
        return "off" if v is False else v  # YAML 1.1 reads a bare `off` as false


class BastionConfig(_Model):
    """The whole configuration. Every section is optional."""

    server: ServerConfig = Field(default_factory=ServerConfig)  # type: ignore[arg-type]
    upstreams: tuple[UpstreamConfig, ...] = Field(
        default=(), description="Empty: the built-in demo upstream (a fake model) is used."
    )
    auth: AuthConfig = Field(default_factory=AuthConfig)  # type: ignore[arg-type]
    limits: LimitsConfig = Field(default_factory=LimitsConfig)  # type: ignore[arg-type]
    inspection: InspectionConfig = Field(default_factory=InspectionConfig)  # type: ignore[arg-type]
    policies: Mapping[str, PolicyConfig] = Field(default_factory=lambda: {"default": PolicyConfig()})
    stores: StoresConfig = Field(default_factory=StoresConfig)  # type: ignore[arg-type]
    mcp_servers: tuple[McpServerConfig, ...] = Field(
        default=(), description="MCP servers proxied at /mcp/<name> (API keys and limits apply)."
    )
    firewall_policy: str | None = Field(
        default=None,
        description="A bastion.policy YAML file applied to every proposed tool call (with the key's tools rules).",
    )

    @field_validator("policies")
    @classmethod
    def _default_policy(cls, v: Mapping[str, PolicyConfig]) -> Mapping[str, PolicyConfig]:
        out = dict(v)
        out.setdefault("default", PolicyConfig())
        return out

    @model_validator(mode="after")
    def _public_bind_needs_auth(self) -> BastionConfig:
        if not is_loopback(self.server.host) and not (self.auth.required or self.server.tls.mtls):
            raise ValueError(
                f"server.host {self.server.host!r} is not a loopback address: set auth.required: true "
                "or configure mTLS (server.tls.client_ca) before exposing the gateway"
            )
        names = [u.name for u in self.upstreams]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"upstream names must be unique; repeated: {', '.join(dupes)}")
        return self

    def policy(self, name: str) -> PolicyConfig:
        """The named policy, falling back to ``default`` for unknown names."""
        return self.policies.get(name) or self.policies["default"]


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def config_schema() -> dict[str, Any]:
    """The JSON schema of the config file."""
    schema = BastionConfig.model_json_schema()
    schema["title"] = "bastion configuration"
    return schema


def _line_index(node: yaml.Node, path: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            out[(*path, key)] = key_node.start_mark.line + 1
            _line_index(value_node, (*path, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_index(item, (*path, i), out)


def _line_for(loc: tuple[str | int, ...], lines: Mapping[tuple[str | int, ...], int]) -> int | None:
    for cut in range(len(loc), -1, -1):
        line = lines.get(loc[:cut])
        if line is not None:
            return line
    return None


def parse_config(text: str, *, source: str = "<config>") -> BastionConfig:
    """Parse YAML text into a :class:`BastionConfig`; raises ConfigError with every problem."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError([ConfigProblem(source, line, "", f"invalid YAML: {problem}")]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError([ConfigProblem(source, 1, "", f"the top level must be a mapping, not {type(data).__name__}")])
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _line_index(node, (), lines)
    return validate_config(data, source=source, lines=lines)


def validate_config(
    data: Mapping[str, Any], *, source: str = "<config>", lines: Mapping[tuple[str | int, ...], int] | None = None
) -> BastionConfig:
    """Validate an already-parsed mapping (e.g. a config with command-line overrides applied)."""
    try:
        return BastionConfig.model_validate(data)
    except ValidationError as exc:
        problems: list[ConfigProblem] = []
        for err in exc.errors(include_url=False, include_input=False):
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            dotted = ".".join(str(p) for p in loc)
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = "unknown setting (check the spelling; `bastion config schema` lists every setting)"
            if msg.startswith("Value error, "):
                msg = msg[len("Value error, ") :]
            problems.append(ConfigProblem(source, _line_for(loc, lines or {}), dotted, msg))
        problems.sort(key=lambda p: (p.line or 0, p.location))
        raise ConfigError(problems) from None


def load_config(path: str | os.PathLike[str] | None = None) -> BastionConfig:
    """Read and validate a YAML config file; ``None`` gives the embedded defaults."""
    if path is None:
        return BastionConfig()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([ConfigProblem(str(p), None, "", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([ConfigProblem(str(p), None, "", f"cannot read ({type(exc).__name__})")]) from None
    return parse_config(text, source=str(p))

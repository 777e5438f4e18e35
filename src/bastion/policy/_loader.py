"""YAML policy loader: every problem reported at once, each with its line number.

The YAML is composed into nodes (which carry their line marks), turned into plain values
with a side table of lines, and validated field by field. Nothing stops at the first
problem: :class:`~bastion.errors.ConfigError` lists all of them.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import re2
import yaml

from bastion.errors import ConfigError, ConfigProblem
from bastion.policy._model import (
    DOES_LABELS,
    ENTITY_KINDS,
    JSON_TYPES,
    READ_LABELS,
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
from bastion.policy._types import Action, Source
from bastion.policy._values import normalize_host

__all__ = ["load_policy", "parse_policy"]

MAX_POLICY_BYTES = 2_000_000
MAX_NODES = 200_000

_TOP_KEYS = ("version", "name", "default_action", "flow", "limits", "agents", "approval", "mask_args", "tools")
_TOOL_KEYS = (
    "action",
    "reads",
    "does",
    "args",
    "required",
    "additional_args",
    "trusted_fields",
    "trusted_leaves",
    "untrusted_when",
    "agents",
    "cost",
    "amount_arg",
    "description",
)
_ARG_KEYS = (
    "type",
    "enum",
    "pattern",
    "min_length",
    "max_length",
    "minimum",
    "maximum",
    "max_items",
    "items",
    "properties",
    "required",
    "additional_properties",
    "paths",
    "domains",
    "recipients",
    "flow",
    "accept",
    "entities",
    "sensitive",
    "description",
)
_FLOW_KEYS = (
    "sinks",
    "accept",
    "on_violation",
    "on_injection",
    "on_injection_scope",
    "min_value_length",
    "scan_categories",
    "trusted_values",
)
_LIMIT_KEYS = ("breaker", "rate", "duplicates", "budget")


class _Lines:
    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.nodes = 0


class _TooBig(Exception):
    pass


def _to_py(node: yaml.Node, path: str, lines: _Lines, problems: list[tuple[str, str]]) -> Any:
    lines.nodes += 1
    if lines.nodes > MAX_NODES:
        raise _TooBig  # alias bombs: shared nodes are expanded, so count every visit
    lines.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                lines.lines[f"{path}.?"] = key_node.start_mark.line + 1
                problems.append((f"{path}.?", "mapping keys must be plain strings"))
                continue
            sub = f"{path}.{key}" if path else key
            if key in out:
                lines.lines[sub + "#dup"] = key_node.start_mark.line + 1
                problems.append((sub + "#dup", f"duplicate key {key!r} (the later value would silently win)"))
                continue
            lines.lines[sub] = key_node.start_mark.line + 1
            out[key] = _to_py(value_node, sub, lines, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_py(n, f"{path}[{i}]", lines, problems) for i, n in enumerate(node.value)]
    if not isinstance(node, yaml.ScalarNode):
        problems.append((path, "unsupported YAML node"))
        return None
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


class _Validator:
    def __init__(self, source: str, lines: _Lines) -> None:
        self.source = source
        self.lines = lines
        self.problems: list[ConfigProblem] = []

    def err(self, path: str, message: str) -> None:
        line = self.lines.lines.get(path)
        probe = path
        while line is None and probe:
            probe = probe.rsplit(".", 1)[0] if "." in probe else ""
            line = self.lines.lines.get(probe)
        self.problems.append(ConfigProblem(self.source, line, path.replace("#dup", ""), message))

    def keys(self, d: Mapping[str, Any], allowed: tuple[str, ...], path: str) -> None:
        for k in d:
            if k not in allowed:
                hint = difflib.get_close_matches(k, allowed, n=1)
                more = f"; did you mean {hint[0]!r}?" if hint else f"; known keys: {', '.join(allowed)}"
                self.err(f"{path}.{k}" if path else k, f"unknown key {k!r}{more}")

    def mapping(self, v: Any, path: str) -> dict[str, Any]:
        if v is None:
            return {}
        if not isinstance(v, dict):
            self.err(path, f"expected a mapping, got {type(v).__name__}")
            return {}
        return v

    def str_list(self, v: Any, path: str) -> list[str]:
        if v is None:
            return []
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            self.err(path, "expected a list of strings")
            return []
        return list(v)

    def action(self, v: Any, path: str, default: Action) -> Action:
        if v is None:
            return default
        try:
            return Action(str(v))
        except ValueError:
            self.err(path, f"unknown action {v!r}; use one of: allow, deny, require_approval")
            return Action.DENY

    def number(self, v: Any, path: str, *, minimum: float = 0.0) -> float | None:
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int | float):
            self.err(path, f"expected a number, got {v!r}")
            return None
        if v < minimum:
            self.err(path, f"must be at least {minimum:g}")
            return None
        return float(v)

    def labels(self, v: Any, path: str, allowed: frozenset[Label]) -> frozenset[Label]:
        out: set[Label] = set()
        for i, s in enumerate(self.str_list(v, path)):
            try:
                label = Label(s)
            except ValueError:
                label = None
            if label is None or label not in allowed:
                names = ", ".join(sorted(x.value for x in allowed))
                self.err(f"{path}[{i}]", f"unknown label {s!r} here; use one of: {names}")
                continue
            out.add(label)
        return frozenset(out)

    def sources(self, v: Any, path: str) -> tuple[Source, ...] | None:
        if v is None:
            return None
        out: list[Source] = []
        for i, s in enumerate(self.str_list(v, path)):
            try:
                out.append(Source(s))
            except ValueError:
                self.err(f"{path}[{i}]", f"unknown source {s!r}; use: user, policy, trusted, untrusted, model")
        return tuple(out)

    def regex(self, v: Any, path: str) -> bool:
        if not isinstance(v, str):
            self.err(path, "expected a regular expression string")
            return False
        try:
            re2.compile(v)
        except re2.error as exc:
            detail = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
            self.err(path, f"not a valid RE2 pattern ({detail}); RE2 has no backreferences or lookaround")
            return False
        return True

    # -- arguments -------------------------------------------------------------------------
    def arg(self, v: Any, path: str) -> ArgSpec:
        d = self.mapping(v, path)
        self.keys(d, _ARG_KEYS, path)
        types = tuple(self.str_list(d.get("type"), f"{path}.type"))
        for t in types:
            if t not in JSON_TYPES:
                self.err(f"{path}.type", f"unknown type {t!r}; use one of: {', '.join(JSON_TYPES)}")
        enum_v = d.get("enum")
        if enum_v is not None and not isinstance(enum_v, list):
            self.err(f"{path}.enum", "expected a list of allowed values")
            enum_v = None
        pattern = d.get("pattern")
        if pattern is not None and not self.regex(pattern, f"{path}.pattern"):
            pattern = None
        domains: list[str] = []
        for i, dom in enumerate(self.str_list(d.get("domains"), f"{path}.domains")):
            prefix = "*." if dom.startswith("*.") else "." if dom.startswith(".") else ""
            host = normalize_host(dom[len(prefix) :])
            if host is None:
                self.err(f"{path}.domains[{i}]", f"{dom!r} is not a valid domain")
            else:
                domains.append(prefix + host)
        recipients = self.str_list(d.get("recipients"), f"{path}.recipients")
        for i, r in enumerate(recipients):
            if r.count("@") != 1:
                self.err(f"{path}.recipients[{i}]", f"{r!r} must look like 'name@domain' or '*@domain'")
        entities = self.str_list(d.get("entities"), f"{path}.entities")
        for i, e in enumerate(entities):
            if e not in ENTITY_KINDS:
                self.err(f"{path}.entities[{i}]", f"unknown entity {e!r}; use one of: {', '.join(ENTITY_KINDS)}")
        flow = d.get("flow")
        if flow is not None and not isinstance(flow, bool):
            self.err(f"{path}.flow", "expected true or false")
            flow = None
        props_d = self.mapping(d.get("properties"), f"{path}.properties")
        items = d.get("items")
        addl = d.get("additional_properties", True)
        if not isinstance(addl, bool):
            self.err(f"{path}.additional_properties", "expected true or false")
            addl = True
        return ArgSpec(
            types=types,
            enum=tuple(enum_v) if enum_v is not None else None,
            pattern=pattern,
            min_length=_int(self.number(d.get("min_length"), f"{path}.min_length")),
            max_length=_int(self.number(d.get("max_length"), f"{path}.max_length")),
            minimum=self.number(d.get("minimum"), f"{path}.minimum", minimum=-1e308),
            maximum=self.number(d.get("maximum"), f"{path}.maximum", minimum=-1e308),
            max_items=_int(self.number(d.get("max_items"), f"{path}.max_items")),
            items=self.arg(items, f"{path}.items") if items is not None else None,
            properties=MappingProxyType({k: self.arg(pv, f"{path}.properties.{k}") for k, pv in props_d.items()}),
            required=tuple(self.str_list(d.get("required"), f"{path}.required")),
            additional_properties=addl,
            paths=tuple(self.str_list(d.get("paths"), f"{path}.paths")),
            domains=tuple(domains),
            recipients=tuple(recipients),
            flow=flow,
            accept=self.sources(d.get("accept"), f"{path}.accept"),
            entities=tuple(entities),
            sensitive=bool(d.get("sensitive", False)),
        )

    # -- tools -----------------------------------------------------------------------------
    def tool(self, name: str, v: Any, path: str) -> ToolPolicy:
        d = self.mapping(v, path)
        self.keys(d, _TOOL_KEYS, path)
        args_d = self.mapping(d.get("args"), f"{path}.args")
        args = {k: self.arg(av, f"{path}.args.{k}") for k, av in args_d.items()}
        agents_d = self.mapping(d.get("agents"), f"{path}.agents")
        agents: dict[str, Action] = {}
        for agent, av in agents_d.items():
            ad = av if isinstance(av, dict) else {"action": av}
            self.keys(ad, ("action",), f"{path}.agents.{agent}")
            agents[agent] = self.action(ad.get("action"), f"{path}.agents.{agent}.action", Action.DENY)
        required = tuple(self.str_list(d.get("required"), f"{path}.required"))
        additional = d.get("additional_args", True)
        if not isinstance(additional, bool):
            self.err(f"{path}.additional_args", "expected true or false")
            additional = True
        amount_arg = d.get("amount_arg")
        if amount_arg is not None and not isinstance(amount_arg, str):
            self.err(f"{path}.amount_arg", "expected an argument name")
            amount_arg = None
        trusted_leaves = d.get("trusted_leaves")
        if trusted_leaves is not None and not self.regex(trusted_leaves, f"{path}.trusted_leaves"):
            trusted_leaves = None
        untrusted_when: dict[str, str] = {}
        for arg_name, rx in self.mapping(d.get("untrusted_when"), f"{path}.untrusted_when").items():
            if self.regex(rx, f"{path}.untrusted_when.{arg_name}"):
                untrusted_when[arg_name] = rx
        return ToolPolicy(
            name=name,
            trusted_leaves=trusted_leaves,
            untrusted_when=MappingProxyType(untrusted_when),
            action=self.action(d.get("action"), f"{path}.action", Action.ALLOW),
            reads=self.labels(d.get("reads"), f"{path}.reads", READ_LABELS),
            does=self.labels(d.get("does"), f"{path}.does", DOES_LABELS),
            args=MappingProxyType(args),
            required=required,
            additional_args=additional,
            trusted_fields=frozenset(self.str_list(d.get("trusted_fields"), f"{path}.trusted_fields")),
            agents=MappingProxyType(agents),
            cost=self.number(d.get("cost"), f"{path}.cost") or 0.0,
            amount_arg=amount_arg,
            description=str(d.get("description") or ""),
        )

    def flow(self, v: Any) -> FlowSpec:
        d = self.mapping(v, "flow")
        self.keys(d, _FLOW_KEYS, "flow")
        base = FlowSpec()
        sinks = self.labels(d["sinks"], "flow.sinks", DOES_LABELS) if "sinks" in d else base.sinks
        scope = d.get("on_injection_scope", base.on_injection_scope)
        if scope not in ("all", "sinks"):
            self.err("flow.on_injection_scope", "use 'all' (every later call) or 'sinks' (sink tools only)")
            scope = "all"
        on_violation = self.action(d.get("on_violation"), "flow.on_violation", base.on_violation)
        if on_violation is Action.ALLOW:
            self.err("flow.on_violation", "'allow' would switch the flow rule off; use deny or require_approval")
        mvl = self.number(d.get("min_value_length"), "flow.min_value_length", minimum=1)
        return FlowSpec(
            sinks=sinks,
            accept=self.sources(d.get("accept"), "flow.accept") or base.accept,
            on_violation=on_violation,
            on_injection=self.action(d.get("on_injection"), "flow.on_injection", base.on_injection),
            on_injection_scope=str(scope),
            min_value_length=int(mvl) if mvl is not None else base.min_value_length,
            scan_categories=tuple(self.str_list(d.get("scan_categories"), "flow.scan_categories"))
            or base.scan_categories,
            trusted_values=tuple(self.str_list(d.get("trusted_values"), "flow.trusted_values")),
        )

    def limits(self, v: Any, tools: Mapping[str, Any]) -> LimitsSpec:
        d = self.mapping(v, "limits")
        self.keys(d, _LIMIT_KEYS, "limits")
        breaker: BreakerSpec | None = BreakerSpec()
        if "breaker" in d:
            if d["breaker"] is False or d["breaker"] is None:
                breaker = None
            else:
                b = self.mapping(d["breaker"], "limits.breaker")
                self.keys(b, ("max_actions", "window_s", "quarantine"), "limits.breaker")
                breaker = BreakerSpec(
                    max_actions=int(self.number(b.get("max_actions"), "limits.breaker.max_actions", minimum=1) or 100),
                    window_s=self.number(b.get("window_s"), "limits.breaker.window_s", minimum=0.001) or 60.0,
                    quarantine=bool(b.get("quarantine", True)),
                )
        rates: list[RateSpec] = []
        raw_rates = d.get("rate") or []
        if not isinstance(raw_rates, list):
            self.err("limits.rate", "expected a list of token buckets")
            raw_rates = []
        for i, r in enumerate(raw_rates):
            p = f"limits.rate[{i}]"
            rd = self.mapping(r, p)
            self.keys(rd, ("per", "rate_per_s", "burst", "tool"), p)
            per = rd.get("per", "agent")
            if per not in ("agent", "tool", "agent_tool", "session"):
                self.err(f"{p}.per", "use one of: agent, tool, agent_tool, session")
            tool = rd.get("tool")
            if tool is not None and tool not in tools:
                self.err(f"{p}.tool", f"tool {tool!r} is not defined under 'tools'")
            rate = self.number(rd.get("rate_per_s"), f"{p}.rate_per_s", minimum=0.0)
            burst = self.number(rd.get("burst"), f"{p}.burst", minimum=1.0)
            if rate is None:
                self.err(f"{p}.rate_per_s", "required: tokens added per second")
            rates.append(RateSpec(str(per), rate or 0.0, burst or max(1.0, rate or 1.0), tool))
        dup: DuplicateSpec | None = None
        if d.get("duplicates"):
            dd = self.mapping(d["duplicates"], "limits.duplicates")
            self.keys(dd, ("window_s", "max_repeats", "near", "action"), "limits.duplicates")
            dup = DuplicateSpec(
                window_s=self.number(dd.get("window_s"), "limits.duplicates.window_s", minimum=0.001) or 300.0,
                max_repeats=int(self.number(dd.get("max_repeats"), "limits.duplicates.max_repeats", minimum=0) or 1),
                near=bool(dd.get("near", True)),
                action=self.action(dd.get("action"), "limits.duplicates.action", Action.DENY),
            )
        budget: BudgetSpec | None = None
        if d.get("budget"):
            bd = self.mapping(d["budget"], "limits.budget")
            self.keys(bd, ("calls", "cost", "amount"), "limits.budget")
            budget = BudgetSpec(
                calls=self.number(bd.get("calls"), "limits.budget.calls"),
                cost=self.number(bd.get("cost"), "limits.budget.cost"),
                amount=self.number(bd.get("amount"), "limits.budget.amount"),
            )
        return LimitsSpec(breaker=breaker, rates=tuple(rates), duplicates=dup, budget=budget)


def _int(v: float | None) -> int | None:
    return None if v is None else int(v)


def _version(data: Any) -> str:
    canon = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(canon.encode()).hexdigest()[:16]


def parse_policy(text: str, *, source: str = "<policy>") -> Policy:
    """Parse and validate policy YAML. Raises :class:`ConfigError` listing every problem."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_POLICY_BYTES:
        raise ConfigError([ConfigProblem(source, None, "", f"policy is larger than {MAX_POLICY_BYTES} bytes")])
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError([ConfigProblem(source, line, "", f"YAML syntax error: {problem}")]) from None
    if node is None:
        raise ConfigError([ConfigProblem(source, None, "", "the policy file is empty; it needs at least 'tools:'")])
    lines = _Lines()
    raw_problems: list[tuple[str, str]] = []
    try:
        data = _to_py(node, "", lines, raw_problems)
    except yaml.YAMLError as exc:
        raise ConfigError([ConfigProblem(source, None, "", f"YAML value error: {exc}")]) from None
    except (_TooBig, RecursionError):
        raise ConfigError(
            [ConfigProblem(source, None, "", f"policy expands to more than {MAX_NODES} YAML nodes (alias expansion?)")]
        ) from None
    v = _Validator(source, lines)
    for path, msg in raw_problems:
        v.err(path, msg)
    if not isinstance(data, dict):
        v.err("", "the policy must be a mapping with 'version' and 'tools'")
        raise ConfigError(v.problems)
    v.keys(data, _TOP_KEYS, "")
    if data.get("version", 1) != 1:
        v.err("version", "only policy version 1 is supported")
    tools_d = v.mapping(data.get("tools"), "tools")
    if "tools" not in data:
        v.err("", "missing 'tools:' (one entry per tool the agent may call)")
    tools = {name: v.tool(name, tv, f"tools.{name}") for name, tv in tools_d.items()}
    for name, tp in tools.items():
        for a in tp.required:
            if a not in tp.args and not tp.additional_args:
                v.err(f"tools.{name}.required", f"required argument {a!r} is not declared under args")
        if tp.amount_arg is not None and tp.amount_arg not in tp.args:
            v.err(f"tools.{name}.amount_arg", f"amount_arg {tp.amount_arg!r} is not declared under args")
    agents_d = v.mapping(data.get("agents"), "agents")
    agent_tools: dict[str, frozenset[str]] = {}
    for agent, ad in agents_d.items():
        add = v.mapping(ad, f"agents.{agent}")
        v.keys(add, ("tools",), f"agents.{agent}")
        names = v.str_list(add.get("tools"), f"agents.{agent}.tools")
        for i, n in enumerate(names):
            if n not in tools:
                v.err(f"agents.{agent}.tools[{i}]", f"tool {n!r} is not defined under 'tools'")
        agent_tools[agent] = frozenset(names)
    approval_d = v.mapping(data.get("approval"), "approval")
    v.keys(approval_d, ("timeout_s",), "approval")
    timeout = v.number(approval_d.get("timeout_s"), "approval.timeout_s", minimum=1.0)
    flow = v.flow(data.get("flow"))
    limits = v.limits(data.get("limits"), tools)
    default_action = v.action(data.get("default_action"), "default_action", Action.DENY)
    name = data.get("name", Path(source).stem)
    if v.problems:
        raise ConfigError(sorted(v.problems, key=lambda pr: (pr.line or 0, pr.location)))
    return Policy(
        name=str(name),
        version=_version(data),
        tools=MappingProxyType(tools),
        default_action=default_action,
        flow=flow,
        limits=limits,
        agent_tools=MappingProxyType(agent_tools),
        approval_timeout_s=timeout or 900.0,
        mask_args=frozenset(v.str_list(data.get("mask_args"), "mask_args")),
        source=source,
    )


def load_policy(path: str | Path) -> Policy:
    """Read and parse a policy file (the CLI and config layer call this; the library never
    reads files by itself)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            [ConfigProblem(str(p), None, "", f"cannot read the policy file: {type(exc).__name__}")]
        ) from None
    return parse_policy(text, source=str(p))

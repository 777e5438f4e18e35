"""The compiled policy: typed, immutable, cheap to evaluate.

:func:`bastion.policy.load_policy` builds these from YAML; they can also be built in code.
Argument constraints evaluate to ``Violation`` values with stable rule ids (``args.*``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import re2

from bastion.policy._types import Action, Source
from bastion.policy._values import (
    glob_to_regex,
    host_of_url,
    match_domain,
    normalize_path,
    parse_email,
    strict_number,
)

__all__ = [
    "ArgSpec",
    "BreakerSpec",
    "BudgetSpec",
    "DuplicateSpec",
    "FlowSpec",
    "Label",
    "LimitsSpec",
    "Policy",
    "RateSpec",
    "ToolPolicy",
    "Violation",
]

_MAX_DEPTH = 32


class Label(enum.StrEnum):
    """Tool labels. ``reads`` labels say what a tool's output contains; ``does`` labels say
    what calling it does."""

    PRIVATE = "private"
    UNTRUSTED = "untrusted"
    EXTERNAL = "external"
    DESTRUCTIVE = "destructive"
    FINANCIAL = "financial"
    INTERNAL = "internal"


READ_LABELS = frozenset({Label.PRIVATE, Label.UNTRUSTED})
DOES_LABELS = frozenset({Label.EXTERNAL, Label.DESTRUCTIVE, Label.FINANCIAL, Label.INTERNAL})

JSON_TYPES = ("string", "integer", "number", "boolean", "array", "object", "null")
ENTITY_KINDS = ("url", "email", "iban", "phone", "number")


@dataclass(frozen=True, slots=True)
class Violation:
    rule_id: str
    path: str
    message: str


def _type_ok(value: object, types: tuple[str, ...]) -> bool:
    for t in types:
        if t == "string" and isinstance(value, str):
            return True
        if t == "boolean" and isinstance(value, bool):
            return True
        if t == "integer" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if t == "number" and strict_number(value) is not None:
            return True
        if t == "array" and isinstance(value, list | tuple):
            return True
        if t == "object" and isinstance(value, Mapping):
            return True
        if t == "null" and value is None:
            return True
    return False


def _short(value: object) -> str:
    s = repr(value)
    return s if len(s) <= 60 else s[:57] + "..."


@dataclass(frozen=True, slots=True)
class ArgSpec:
    """Constraints on one argument (a JSON-schema subset plus security checks).

    Flow fields: ``flow`` (None = the tool's default) says whether the value's provenance is
    checked; ``accept`` overrides the policy's accepted sources; ``entities`` lists the kinds
    of entity inside free text whose provenance is checked.
    """

    types: tuple[str, ...] = ()
    enum: tuple[Any, ...] | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_items: int | None = None
    items: ArgSpec | None = None
    properties: Mapping[str, ArgSpec] = field(default_factory=lambda: MappingProxyType({}))
    required: tuple[str, ...] = ()
    additional_properties: bool = True
    paths: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    flow: bool | None = None
    accept: tuple[Source, ...] | None = None
    entities: tuple[str, ...] = ()
    sensitive: bool = False
    _pattern_re: Any = field(default=None, compare=False, repr=False)
    _path_res: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    _recipient_res: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    _has_str_checks: bool = field(default=False, compare=False, repr=False)

    @property
    def _str_checks(self) -> bool:
        return self._has_str_checks

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "_has_str_checks",
            bool(
                self.min_length is not None
                or self.max_length is not None
                or self.pattern is not None
                or self.paths
                or self.domains
            ),
        )
        if self.pattern is not None and self._pattern_re is None:
            object.__setattr__(self, "_pattern_re", re2.compile(self.pattern))
        if self.paths and not self._path_res:
            object.__setattr__(self, "_path_res", tuple(re2.compile(glob_to_regex(g)) for g in self.paths))
        if self.recipients and not self._recipient_res:
            res = []
            for r in self.recipients:
                rx = "".join("[^@]*" if c == "*" else re.escape(c) for c in r.lower())
                res.append(re2.compile(rx))
            object.__setattr__(self, "_recipient_res", tuple(res))

    @property
    def has_value_checks(self) -> bool:
        return bool(
            self.types
            or self.enum is not None
            or self.pattern
            or self.min_length is not None
            or self.max_length is not None
            or self.minimum is not None
            or self.maximum is not None
            or self.max_items is not None
            or self.items
            or self.properties
            or self.required
            or not self.additional_properties
            or self.paths
            or self.domains
            or self.recipients
        )

    def check(self, value: object, path: str, out: list[Violation], depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            out.append(Violation("args.too_deep", path, "argument nesting is deeper than 32 levels"))
            return
        if self.types and not _type_ok(value, self.types):
            out.append(
                Violation(
                    "args.type",
                    path,
                    f"expected {' or '.join(self.types)}, got {type(value).__name__} {_short(value)}",
                )
            )
            return
        if self.enum is not None and value not in self.enum:
            out.append(Violation("args.enum", path, f"value {_short(value)} is not one of the allowed values"))
        is_str = type(value) is str or isinstance(value, str)
        if is_str and not self._str_checks and not self._recipient_res:
            return  # nothing else applies to a plain string
        if isinstance(value, str):
            if self.min_length is not None and len(value) < self.min_length:
                out.append(Violation("args.length", path, f"shorter than {self.min_length} characters"))
            if self.max_length is not None and len(value) > self.max_length:
                out.append(Violation("args.length", path, f"longer than {self.max_length} characters"))
            if self._pattern_re is not None and not self._pattern_re.fullmatch(value):
                out.append(Violation("args.pattern", path, "value does not match the required pattern"))
            if self._path_res:
                norm = normalize_path(value)
                if norm is None:
                    out.append(
                        Violation(
                            "args.path_traversal",
                            path,
                            "path contains '..', a backslash, NUL, percent-encoding or control characters",
                        )
                    )
                elif not any(rx.fullmatch(norm) for rx in self._path_res):
                    out.append(Violation("args.path_not_allowed", path, f"path {_short(norm)} matches no allowed glob"))
            if self.domains:
                email = parse_email(value) if "@" in value and "://" not in value else None
                host = email.domain if email is not None else host_of_url(value)
                if host is None:
                    out.append(Violation("args.domain_invalid", path, "value is not an unambiguous URL or host"))
                elif not match_domain(host, self.domains):
                    out.append(Violation("args.domain_not_allowed", path, f"domain {host!r} is not allowed"))
        elif self._path_res or self.domains:
            out.append(Violation("args.type", path, f"expected a string, got {type(value).__name__}"))
        if self._recipient_res:
            items = value if isinstance(value, list | tuple) else [value]
            for i, item in enumerate(items):
                p = f"{path}[{i}]" if isinstance(value, list | tuple) else path
                parsed = parse_email(item) if isinstance(item, str) else None
                if parsed is None:
                    out.append(
                        Violation(
                            "args.recipient_invalid",
                            p,
                            "not a single bare address (local@domain); display names and extra '@' are refused",
                        )
                    )
                elif not any(rx.fullmatch(parsed.address) for rx in self._recipient_res):
                    out.append(
                        Violation("args.recipient_not_allowed", p, f"recipient {parsed.address!r} is not allowed")
                    )
        num = None if is_str else strict_number(value)
        if num is not None:
            if self.minimum is not None and num < self.minimum:
                out.append(Violation("args.minimum", path, f"{num:g} is below the minimum {self.minimum:g}"))
            if self.maximum is not None and num > self.maximum:
                out.append(Violation("args.maximum", path, f"{num:g} is above the maximum {self.maximum:g}"))
        if isinstance(value, list | tuple):
            if self.max_items is not None and len(value) > self.max_items:
                out.append(Violation("args.max_items", path, f"more than {self.max_items} items"))
            if self.items is not None:
                for i, item in enumerate(value):
                    self.items.check(item, f"{path}[{i}]", out, depth + 1)
        if isinstance(value, Mapping):
            for name in self.required:
                if name not in value:
                    out.append(Violation("args.missing", f"{path}.{name}", "required field is missing"))
            for k, v in value.items():
                sub = self.properties.get(k)
                if sub is not None:
                    sub.check(v, f"{path}.{k}", out, depth + 1)
                elif not self.additional_properties:
                    out.append(Violation("args.unexpected", f"{path}.{k}", "field is not allowed by the policy"))


@dataclass(frozen=True, slots=True)
class ToolPolicy:
    """Everything the policy says about one tool."""

    name: str
    action: Action = Action.ALLOW
    reads: frozenset[Label] = frozenset()
    does: frozenset[Label] = frozenset()
    args: Mapping[str, ArgSpec] = field(default_factory=lambda: MappingProxyType({}))
    required: tuple[str, ...] = ()
    additional_args: bool = True
    trusted_fields: frozenset[str] = frozenset()
    trusted_leaves: str | None = None
    untrusted_when: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    agents: Mapping[str, Action] = field(default_factory=lambda: MappingProxyType({}))
    cost: float = 0.0
    amount_arg: str | None = None
    description: str = ""

    _trusted_leaves_re: Any = field(default=None, compare=False, repr=False)
    _untrusted_when_res: tuple[tuple[str, Any], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.trusted_leaves is not None and self._trusted_leaves_re is None:
            object.__setattr__(self, "_trusted_leaves_re", re2.compile(self.trusted_leaves))
        if self.untrusted_when and not self._untrusted_when_res:
            res = tuple((k, re2.compile(v)) for k, v in self.untrusted_when.items())
            object.__setattr__(self, "_untrusted_when_res", res)

    def is_sink(self, sink_labels: frozenset[Label]) -> bool:
        return bool(self.does & sink_labels)

    def leaf_is_trusted(self, leaf: str) -> bool:
        """True when a scalar of this tool's output fully matches ``trusted_leaves``."""
        return self._trusted_leaves_re is not None and bool(self._trusted_leaves_re.fullmatch(leaf))

    def output_untrusted_for(self, args: Mapping[str, Any]) -> bool:
        """True when an ``untrusted_when`` pattern matches one of the call's arguments."""
        for name, rx in self._untrusted_when_res:
            value = args.get(name)
            if isinstance(value, str) and rx.search(value):
                return True
        return False


@dataclass(frozen=True, slots=True)
class FlowSpec:
    """Information-flow settings (see docs/policy.md, "Information flow")."""

    sinks: frozenset[Label] = frozenset({Label.EXTERNAL, Label.DESTRUCTIVE, Label.FINANCIAL})
    accept: tuple[Source, ...] = (Source.USER, Source.POLICY, Source.TRUSTED)
    on_violation: Action = Action.DENY
    on_injection: Action = Action.REQUIRE_APPROVAL
    on_injection_scope: str = "all"
    min_value_length: int = 3
    scan_categories: tuple[str, ...] = ("injection", "jailbreak")
    trusted_values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RateSpec:
    """A token bucket keyed by ``per`` (``agent``, ``tool``, ``agent_tool`` or ``session``)."""

    per: str
    rate_per_s: float
    burst: float
    tool: str | None = None


@dataclass(frozen=True, slots=True)
class BreakerSpec:
    max_actions: int = 100
    window_s: float = 60.0
    quarantine: bool = True


@dataclass(frozen=True, slots=True)
class DuplicateSpec:
    window_s: float = 300.0
    max_repeats: int = 1
    near: bool = True
    action: Action = Action.DENY


@dataclass(frozen=True, slots=True)
class BudgetSpec:
    calls: float | None = None
    cost: float | None = None
    amount: float | None = None


@dataclass(frozen=True, slots=True)
class LimitsSpec:
    breaker: BreakerSpec | None = field(default_factory=BreakerSpec)
    rates: tuple[RateSpec, ...] = ()
    duplicates: DuplicateSpec | None = None
    budget: BudgetSpec | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    """A whole policy. ``version`` is a content hash (the decision's policy version)."""

    name: str
    version: str
    tools: Mapping[str, ToolPolicy]
    default_action: Action = Action.DENY
    flow: FlowSpec = field(default_factory=FlowSpec)
    limits: LimitsSpec = field(default_factory=LimitsSpec)
    agent_tools: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    approval_timeout_s: float = 900.0
    mask_args: frozenset[str] = frozenset()
    source: str = "<code>"
    _folded: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self._folded:
            from bastion.policy._values import normalize_text

            object.__setattr__(
                self, "_folded", MappingProxyType({normalize_text(n).replace(" ", ""): n for n in self.tools})
            )

    def lookalike_of(self, name: str) -> str | None:
        """The configured tool a differently-written name folds to (case, width, compatibility forms)."""
        from bastion.policy._values import normalize_text

        return self._folded.get(normalize_text(name).replace(" ", ""))

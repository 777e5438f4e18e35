"""The explicit scanner registry: a literal mapping plus an entry-point group.

Third parties add scanners through the ``bastion.scanners`` entry-point group; each
entry point names a factory ``(DetectConfig) -> Scanner``. Built-in names win.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module, metadata
from types import MappingProxyType

from bastion._types import Category, RuleInfo, Surface
from bastion.detect._base import DetectConfig, Scanner, ScannerFactory
from bastion.errors import ScannerError

__all__ = [
    "BUILTIN_SCANNERS",
    "ENTRY_POINT_GROUP",
    "SURFACE_DEFAULTS",
    "all_rules",
    "build_scanners",
    "load_factories",
]

ENTRY_POINT_GROUP = "bastion.scanners"

# name -> "module:factory". Literal and explicit: no subclass walks.
BUILTIN_SCANNERS: Mapping[str, str] = MappingProxyType(
    {
        "input": "bastion.detect._input:InputScanner",
        # -- scanners registered below this line --
        "injection_rules": "bastion.detect._injection:InjectionRulesScanner",
        "classifier": "bastion.detect._classifier:ClassifierScanner",
        "secrets": "bastion.detect._secrets:SecretsScanner",
        "pii": "bastion.detect._pii:PiiScanner",
        "leak": "bastion.detect._leak:LeakScanner",
        "exfil": "bastion.detect._exfil:ExfilScanner",
        "canary": "bastion.detect._canary:CanaryScanner",
    }
)

SURFACE_DEFAULTS: Mapping[Surface, frozenset[Category]] = MappingProxyType(
    {
        Surface.PROMPT: frozenset({Category.INJECTION, Category.JAILBREAK, Category.OBFUSCATION}),
        Surface.TOOL_OUTPUT: frozenset(
            {
                Category.INJECTION,
                Category.JAILBREAK,
                Category.OBFUSCATION,
                Category.SECRET,
                Category.PII,
            }
        ),
        Surface.RESPONSE: frozenset(
            {Category.SECRET, Category.PII, Category.LEAK, Category.EXFIL, Category.CANARY}
        ),
    }
)


def _resolve(spec: str) -> ScannerFactory:
    module_name, _, attr = spec.partition(":")
    module = import_module(module_name)
    factory: ScannerFactory = getattr(module, attr)
    return factory


def load_factories(*, entry_points: bool = True) -> dict[str, ScannerFactory]:
    """Every known scanner factory by name: built-ins first, then entry points."""
    out: dict[str, ScannerFactory] = {name: _resolve(spec) for name, spec in BUILTIN_SCANNERS.items()}
    if entry_points:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in out:
                continue
            try:
                out[ep.name] = ep.load()
            except Exception as exc:
                raise ScannerError(
                    f"scanner plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}; "
                    "fix or uninstall the plugin package"
                ) from exc
    return out


def build_scanners(config: DetectConfig, *, entry_points: bool = True) -> list[Scanner]:
    return [factory(config) for factory in load_factories(entry_points=entry_points).values()]


def all_rules(config: DetectConfig | None = None) -> list[RuleInfo]:
    """Every documented rule of every registered scanner, sorted by id."""
    rules: dict[str, RuleInfo] = {}
    for scanner in build_scanners(config or DetectConfig(), entry_points=False):
        for r in scanner.rules:
            rules[r.rule_id] = r
    return [rules[k] for k in sorted(rules)]

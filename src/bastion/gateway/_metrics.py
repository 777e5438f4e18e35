"""Prometheus-style counters and one latency histogram, rendered as text exposition format.

Labels carry only bounded values (routes, status codes, actions, rule ids): never key ids,
names, model prompts or upstream URLs.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

__all__ = ["Metrics"]

_BUCKETS_MS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 1000.0)


def _labels(pairs: tuple[tuple[str, str], ...]) -> str:
    if not pairs:
        return ""
    inner = ",".join(f'{k}="{v.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"' for k, v in pairs)
    return "{" + inner + "}"


class Metrics:
    def __init__(self) -> None:
        self._counters: dict[str, dict[tuple[tuple[str, str], ...], float]] = defaultdict(lambda: defaultdict(float))
        self._help: dict[str, str] = {}
        self._hist_counts = [0] * (len(_BUCKETS_MS) + 1)
        self._hist_sum = 0.0
        self._hist_n = 0

    def inc(self, name: str, help_text: str, amount: float = 1.0, **labels: str) -> None:
        self._help.setdefault(name, help_text)
        self._counters[name][tuple(sorted(labels.items()))] += amount

    def observe_overhead(self, ms: float) -> None:
        self._hist_counts[bisect.bisect_left(_BUCKETS_MS, ms)] += 1
        self._hist_sum += ms
        self._hist_n += 1

    def value(self, name: str, **labels: str) -> float:
        return self._counters.get(name, {}).get(tuple(sorted(labels.items())), 0.0)

    def render(self) -> str:
        lines: list[str] = []
        for name in sorted(self._counters):
            lines.append(f"# HELP {name} {self._help.get(name, name)}")
            lines.append(f"# TYPE {name} counter")
            for labels, v in sorted(self._counters[name].items()):
                lines.append(f"{name}{_labels(labels)} {v:g}")
        h = "bastion_overhead_ms"
        lines.append(f"# HELP {h} Time bastion added to a request (excluding the upstream), milliseconds.")
        lines.append(f"# TYPE {h} histogram")
        cum = 0
        for b, c in zip(_BUCKETS_MS, self._hist_counts, strict=False):
            cum += c
            lines.append(f'{h}_bucket{{le="{b:g}"}} {cum}')
        lines.append(f'{h}_bucket{{le="+Inf"}} {self._hist_n}')
        lines.append(f"{h}_sum {self._hist_sum:.6f}")
        lines.append(f"{h}_count {self._hist_n}")
        return "\n".join(lines) + "\n"

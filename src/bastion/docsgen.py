"""Generate the rule reference (``docs/rules.md``) from the scanner registry.

Run ``python -m bastion.docsgen docs/rules.md``; a test fails when the committed page is stale.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from bastion._types import Category, RuleInfo
from bastion.detect import all_rules

__all__ = ["render_rules"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_rules(rules: list[RuleInfo] | None = None) -> str:
    rules = all_rules() if rules is None else rules
    by_cat: dict[Category, list[RuleInfo]] = defaultdict(list)
    for r in rules:
        by_cat[r.category].append(r)
    lines = [
        "# Rule reference",
        "",
        "Generated from the scanner registry by `python -m bastion.docsgen docs/rules.md`; do not edit by hand.",
        "Rule ids are stable and never renamed. Suppress or select rules by id.",
        "",
        f"{len(rules)} rules in {len(by_cat)} categories.",
        "",
    ]
    for cat in Category:
        group = sorted(by_cat.get(cat, []), key=lambda r: r.rule_id)
        if not group:
            continue
        lines += [
            f"## {cat.value}",
            "",
            "| rule id | severity | confidence | OWASP | description | example |",
            "|---|---|---|---|---|---|",
        ]
        for r in group:
            example = f"`{_cell(r.example)}`" if r.example else ""
            lines.append(
                f"| `{r.rule_id}` | {r.severity.value} | {r.confidence:.2f} | {_cell(', '.join(r.owasp))} | "
                f"{_cell(r.description)} | {example} |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = render_rules()
    if len(argv) > 1:
        Path(argv[1]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

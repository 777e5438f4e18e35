"""Rules-only quality of the injection/jailbreak/obfuscation rules, per source.

Usage::

    .venv/bin/python bench/injection_rules_eval.py [--data ../shared/data/injection/train.jsonl]
        [--surface auto|prompt|tool_output] [--show-fp N] [--show-fn SOURCE]

Prints, for every source, the rows, the share flagged (TPR for attack sources, FPR for benign
ones) and pooled figures. ``--surface auto`` scans each row on the surface its ``surface`` field
names (tool outputs and payloads as ``tool_output``), ``prompt`` scans everything as a prompt.
The rules are meant for precision; the trained classifier supplies recall (see
``bench/injection_quality.py``).
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from bastion._types import Surface
from bastion.detect._base import DetectConfig, Document
from bastion.detect._injection import InjectionRulesScanner

_SURFACE = {
    "user_prompt": Surface.PROMPT,
    "user_prompt_with_embedded_content": Surface.PROMPT,
    "tool_output": Surface.TOOL_OUTPUT,
    "payload": Surface.TOOL_OUTPUT,
}


def _group(source: str) -> str:
    parts = source.split("/")
    if parts[0] in ("pyrit", "garak", "jbb", "agentdojo", "cyberseceval2", "bipia", "salesforce"):
        return "/".join(parts[:2]) if parts[0] in ("bipia", "cyberseceval2", "jbb", "garak") else parts[0]
    return parts[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "injection" / "train.jsonl"
    ap.add_argument("--data", type=Path, default=default)
    ap.add_argument("--surface", choices=["auto", "prompt", "tool_output"], default="auto")
    ap.add_argument("--show-fp", type=int, default=0, help="print this many false positives")
    ap.add_argument("--show-fn", default="", help="print misses of sources starting with this")
    ap.add_argument("--rules", action="store_true", help="per-rule counts of hits on attacks / benign rows")
    args = ap.parse_args()

    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    cfg = DetectConfig()
    scanner = InjectionRulesScanner(cfg)
    stats: dict[tuple[str, int], list[int]] = collections.defaultdict(lambda: [0, 0])
    per_rule: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    fps: list[tuple[str, str, list[str]]] = []
    fns: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    nbytes = 0
    for r in rows:
        text = r["text"]
        nbytes += len(text.encode("utf-8"))
        surface = _SURFACE.get(r.get("surface", ""), Surface.PROMPT) if args.surface == "auto" else Surface(args.surface)
        found = scanner.scan(Document(text, surface, cfg))
        flagged = [f for f in found if f.severity.rank > 0]
        key = (_group(r["source"]), int(r["label"]))
        stats[key][0] += 1
        stats[key][1] += bool(flagged)
        for rid in {f.rule_id for f in flagged}:
            per_rule[rid][0 if r["label"] else 1] += 1
        if flagged and not r["label"]:
            fps.append((r["source"], text, sorted({f"{f.rule_id}:{text[f.start:f.end][:60]!r}" for f in flagged})))
        if not flagged and r["label"] and args.show_fn and r["source"].startswith(args.show_fn):
            fns.append((r["source"], text))
    elapsed = time.perf_counter() - t0

    print(f"{'source':45} {'label':>5} {'rows':>6} {'flagged':>8} {'rate':>7}")
    pooled = {0: [0, 0], 1: [0, 0]}
    for (src, label), (n, k) in sorted(stats.items()):
        pooled[label][0] += n
        pooled[label][1] += k
        print(f"{src:45} {label:>5} {n:>6} {k:>8} {k / n:>7.3f}")
    tpr = pooled[1][1] / max(1, pooled[1][0])
    fpr = pooled[0][1] / max(1, pooled[0][0])
    print(f"\npooled: TPR {tpr:.3f}  FPR {fpr:.4f}  balanced accuracy {(tpr + 1 - fpr) / 2:.3f}")
    print(f"scanned {len(rows)} rows, {nbytes / 1024:.0f} KiB in {elapsed:.2f} s "
          f"({elapsed * 1e6 / max(1, nbytes / 1024):.1f} us/KiB, rules only, one core)")
    if args.rules:
        print(f"\n{'rule':40} {'attacks':>8} {'benign':>7}")
        for rid, (a, b) in sorted(per_rule.items()):
            print(f"{rid:40} {a:>8} {b:>7}")
    for src, text, hits in fps[: args.show_fp]:
        print(f"\nFP [{src}] {hits}\n   {text[:300]!r}")
    for src, text in fns[:40]:
        print(f"\nFN [{src}] {text[:200]!r}")


if __name__ == "__main__":
    main()

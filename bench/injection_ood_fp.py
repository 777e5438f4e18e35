"""False positives of the injection classifier on benign text from outside the injection data.

Usage::

    .venv/bin/python bench/injection_ood_fp.py [--data ../shared/data] [--show]

Reads two kinds of benign text that no injection source contains: the presidio-research
sentences (``pii/presidio-research/synth_dataset_v2.json``: requests and statements full of
personal data) and the UTF-8 files of the secret-scanner test sets under ``secrets/`` (code,
configs, HTML, e-mails, key files; under 200 KB). For each text it reports whether the classifier
alone flags it:

* at the artifact's thresholds (strict for set-up prompts, open for other texts), and
* at one threshold for every text (``--single``, default 0.9632: the session-5 artifact's).

The rules are not counted here (they flag none of these texts; see docs/benchmarks.md).
``--show`` prints each text flagged at the artifact's thresholds with its probability.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bastion.detect._classifier import load_default_classifier


def _texts(data: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    rows = json.loads((data / "pii" / "presidio-research" / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    out += [("presidio sentences", str(r.get("full_text") or r.get("text") or "")) for r in rows]
    for f in sorted((data / "secrets").rglob("*")):
        if not f.is_file() or f.stat().st_size >= 200_000 or f.name == "output.json" or f.suffix == ".jsonl":
            continue
        try:
            out.append(("secret-scanner test files", f.read_bytes().decode("utf-8")))
        except UnicodeDecodeError:
            continue
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    ap.add_argument("--single", type=float, default=0.9632, help="the one-threshold operating point to compare")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    model = load_default_classifier()
    counts: dict[str, list[int]] = {}
    for kind, text in _texts(args.data):
        if not text.strip():
            continue
        sc = model.score(text)
        c = counts.setdefault(kind, [0, 0, 0])
        c[0] += 1
        c[1] += sc.flagged
        c[2] += sc.probability >= args.single
        if args.show and sc.flagged:
            print(f"  {kind}: p={sc.probability:.3f} setup={sc.setup} {text[sc.start : sc.end][:100]!r}")
    print(f"thresholds: {model.threshold} for set-up prompts, {model.threshold_open} for other texts")
    print(f"{'benign text':28s} {'texts':>6s} {'flagged (artifact)':>19s} {f'flagged (one, {args.single})':>22s}")
    for kind, (n, a, b) in counts.items():
        print(f"{kind:28s} {n:6d} {a:19d} {b:22d}")


if __name__ == "__main__":
    main()

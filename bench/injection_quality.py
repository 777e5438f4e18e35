"""Injection detection quality, leave-one-source-out: rules only vs classifier only vs combined.

Usage::

    # 1. held-out classifier scores (one model per held-out source family, 20 fits; 26 min with
    #    --jobs 2 on 2 shared cores): written by the training command
    .venv/bin/python -m bastion.detect._train --data ../shared/data/injection/train.jsonl \\
        --out /tmp/loso-model --loso --jobs 2 --oof-out build/clf-loso/loso_oof.json
    # 2. this report (rules run here through Guard; a few minutes on 2 shared cores)
    .venv/bin/python bench/injection_quality.py --oof build/clf-loso/loso_oof.json [--shipped]

Columns per source family and pooled: TPR, TNR, balanced accuracy, recall at 1% FPR.

* ``rules``: ``Guard(categories=injection,jailbreak,obfuscation)`` with the classifier disabled; a
  row counts as flagged when any finding is worse than ``info``; its score for recall@1%FPR is the
  highest finding confidence.
* ``classifier``: the held-out probability of the model trained WITHOUT that row's source family,
  at the thresholds chosen on these held-out scores (stored in the ``--oof`` file by
  ``_train --oof-out``; see docs/injection.md): the strict one for set-up prompts, the open one
  for every other text. The installed artifact's thresholds serve only the ``--shipped`` column.
* ``combined``: what ``Guard`` reports by default: flagged when the rules flag, or when the
  classifier (held out) flags a row on a surface where it runs by default (``prompt`` and
  ``tool_output``, the latter at ``DetectConfig.classifier_tool_output_threshold``, or at
  ``classifier_tool_output_prose_threshold`` where the tool output is not mostly code or structure, see
  ``DetectConfig.classifier_surfaces``); score = max of the two.
* ``combined, strict only``: the same with the strict threshold for every text (the operating
  point before set-up prompts had a threshold of their own).
* ``--shipped`` adds ``shipped``: the shipped artifact through ``Guard`` with everything on. It was
  trained on these rows, so that column is in-sample (an upper bound, not a generalisation figure).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bastion import DetectConfig, Guard, Severity, Surface
from bastion.detect._classifier import document_shaped, load_default_classifier, tool_output_threshold
from bastion.detect._normalize import normalize
from bastion.detect._train import HARD_NEGATIVE_GROUPS, Row, group_of, metrics, setup_flags

_SURFACE = {
    "user_prompt": Surface.PROMPT,
    "user_prompt_with_embedded_content": Surface.PROMPT,
    "tool_output": Surface.TOOL_OUTPUT,
    "payload": Surface.TOOL_OUTPUT,
}
CATEGORIES = ("injection", "jailbreak", "obfuscation")


def _guard_scores(guard: Guard, rows: Sequence[dict[str, object]], rule_suffix: str | None) -> np.ndarray:
    """Per row: the highest confidence of a finding worse than ``info`` (0 when none)."""
    out = np.zeros(len(rows))
    for i, r in enumerate(rows):
        surface = _SURFACE.get(str(r.get("surface", "")), Surface.PROMPT)
        res = guard.scan(str(r["text"]), surface)
        conf = [
            f.confidence
            for f in res.findings
            if f.severity > Severity.INFO and (rule_suffix is None or not f.rule_id.endswith(rule_suffix))
        ]
        out[i] = max(conf, default=0.0)
    return out


def _fmt(v: object) -> str:
    return "  -  " if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "injection" / "train.jsonl"
    ap.add_argument("--data", type=Path, default=default)
    ap.add_argument("--oof", type=Path, required=True, help="held-out scores from `_train --loso --oof-out`")
    ap.add_argument("--shipped", action="store_true", help="also score the shipped artifact (in-sample)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()

    raw = args.data.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    rows = [json.loads(line) for line in raw.decode("utf-8").split("\n") if line.strip()]
    oof = json.loads(args.oof.read_text(encoding="utf-8"))
    if oof["data_sha256"] != sha or len(oof["rows"]) != len(rows):
        raise SystemExit(f"{args.oof} was computed on other data (sha256 {oof['data_sha256'][:12]}, here {sha[:12]})")
    model = load_default_classifier()
    # the thresholds chosen on these held-out scores (written by `_train --oof-out`), not the
    # installed artifact's: a first session-7 reading applied the previous artifact's thresholds
    threshold = float(oof.get("threshold", model.threshold))
    t_open = float(oof.get("threshold_open", model.threshold_open))
    if (threshold, t_open) != (model.threshold, model.threshold_open):
        print(
            f"note: {args.oof.name} carries thresholds {threshold:.4f} / {t_open:.4f}; the installed artifact has "
            f"{model.threshold:.4f} / {model.threshold_open:.4f} (used only for the shipped column)"
        )
    y = np.array([int(r["label"]) for r in rows], dtype=np.int64)
    groups = np.array([group_of(str(r["source"])) for r in rows])
    p_clf = np.array([float(o["p"]) for o in oof["rows"]])
    # set-up prompts are judged at the strict threshold, other texts at the open one
    if all("setup" in o for o in oof["rows"]):
        setup = np.array([bool(o["setup"]) for o in oof["rows"]])
    else:
        setup = setup_flags([Row(str(r["text"]), int(r["label"]), str(r["source"])) for r in rows])
    thr = np.where(setup, threshold, t_open)
    # the classifier runs only on the surfaces DetectConfig enables it on (prompts and tool outputs),
    # and judges tool outputs at their own threshold (DetectConfig.classifier_tool_output_threshold)
    dc = DetectConfig()
    clf_surfaces = set(dc.classifier_surfaces)
    row_surface = [_SURFACE.get(str(r.get("surface", "")), Surface.PROMPT) for r in rows]
    clf_on = np.array([s.value in clf_surfaces for s in row_surface])
    # (and since session 18 a prose one at classifier_tool_output_prose_threshold: tool_output_threshold)
    if dc.classifier_tool_output_threshold is not None:
        thr = np.array(
            [tool_output_threshold(dc, normalize(str(r["text"]), max_depth=0)) if s is Surface.TOOL_OUTPUT else t
             for r, s, t in zip(rows, row_surface, thr, strict=True)],
            dtype=np.float64,
        )
    # and a prompt that is mostly a pasted document or code at least at its document floor (session 16)
    if dc.classifier_document_threshold is not None:
        is_doc = np.array(
            [s is Surface.PROMPT and document_shaped(normalize(str(r["text"]), max_depth=0)) for r, s in zip(rows, row_surface, strict=True)]
        )
        thr = np.where(is_doc, np.maximum(thr, dc.classifier_document_threshold), thr)

    t0 = time.perf_counter()
    rules_guard = Guard(categories=CATEGORIES, config=DetectConfig(classifier=False))
    s_rules = _guard_scores(rules_guard, rows, None)
    t_rules = time.perf_counter() - t0
    # a flagged rules row gets a score above every threshold used below
    flag_rules = s_rules > 0
    columns: dict[str, tuple[np.ndarray, float | np.ndarray]] = {
        "rules": (np.where(flag_rules, 1.0 + s_rules, 0.0), 1.0),
        "classifier": (p_clf, thr),
        "combined": (
            np.where(flag_rules | (clf_on & (p_clf >= thr)), 1.0 + np.maximum(s_rules, p_clf), p_clf * clf_on),
            thr,
        ),
        "combined, strict only": (
            np.where(flag_rules | (clf_on & (p_clf >= threshold)), 1.0 + np.maximum(s_rules, p_clf), p_clf * clf_on),
            threshold,
        ),
    }
    if args.shipped:
        t1 = time.perf_counter()
        s_all = _guard_scores(Guard(categories=CATEGORIES), rows, None)
        columns["shipped (in-sample)"] = (np.where(s_all > 0, 1.0 + s_all, 0.0), 1.0)
        print(f"shipped Guard pass: {time.perf_counter() - t1:.0f}s")
    print(
        f"data {args.data.name} sha256 {sha[:16]}..., {len(rows)} rows; classifier thresholds {threshold:.4f} "
        f"(set-up prompts: {int(setup.sum())} rows) and {t_open:.4f} (other texts)"
    )
    print(f"classifier scores held out by: {oof.get('held_out', 'leave-one-source-out')}")
    print(f"rules Guard pass: {t_rules:.0f}s\n")

    names = list(columns)
    report: dict[str, dict[str, object]] = {}
    header = f"{'source family':28s} {'n att':>6s} {'n ben':>6s} " + " ".join(f"{n[:22]:>34s}" for n in names)
    print(header)
    print(" " * 43 + " ".join(f"{'TPR   TNR   bal   r@1%':>34s}" for _ in names))
    fams = [*sorted(set(groups.tolist())), "hard negatives", "POOLED"]
    for fam in fams:
        if fam == "POOLED":
            m = np.ones(len(rows), dtype=bool)
        elif fam == "hard negatives":
            m = np.isin(groups, HARD_NEGATIVE_GROUPS)
        else:
            m = groups == fam
        cells = []
        report[fam] = {}
        for n in names:
            s, t = columns[n]
            mt = metrics(y[m], s[m], t[m] if isinstance(t, np.ndarray) else t)
            report[fam][n] = mt
            cells.append(
                f"{_fmt(mt['tpr']):>6s}{_fmt(mt['tnr']):>6s}{_fmt(mt['balanced_accuracy']):>6s}"
                f"{_fmt(mt['recall_at_1pct_fpr']):>6s}".rjust(34)
            )
        print(f"{fam:28s} {int((y[m] == 1).sum()):6d} {int((y[m] == 0).sum()):6d} " + " ".join(cells))
    if args.json is not None:
        blob = {"threshold": threshold, "threshold_open": t_open, "figures": report}
        args.json.write_text(json.dumps(blob, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

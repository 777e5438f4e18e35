"""False positives of the injection classifier on benign text from outside the injection data.

Usage::

    .venv/bin/python bench/injection_ood_fp.py [--data ../shared/data] [--show]

Reads three kinds of benign text that no injection source contains: the presidio-research
sentences (``pii/presidio-research/synth_dataset_v2.json``: requests and statements full of
personal data), the UTF-8 files of the secret-scanner test sets under ``secrets/`` (code,
configs, HTML, e-mails, key files; under 200 KB) and, since session 15, the files a coding agent
reads in the running interpreter's own ``site-packages``: every installed package's ``METADATA``
(its README), and an evenly spaced sample of its ``.md``/``.rst``/``.txt`` documents and ``.py``
sources (``--max-files`` each; the installed set differs between machines, so the counts are
printed with the figures). For each text it reports whether the classifier alone flags it:

* as a prompt, at the artifact's thresholds (strict for set-up prompts, open for other texts),
  and, since session 16, at least at ``DetectConfig.classifier_document_threshold`` for a text
  that is mostly a document or code (:func:`~bastion.detect._classifier.document_shaped`), as
  the scanner judges it,
* as a tool output, at ``DetectConfig.classifier_tool_output_threshold`` (what an agent's
  ``read_file`` or web fetch is judged at), or, since session 18, at
  ``classifier_tool_output_prose_threshold`` for a text that is not mostly code or structure, and
* at one threshold for every text (``--single``, default 0.9632: the session-5 artifact's).

The rules are not counted here (they flag none of the first two kinds; see docs/benchmarks.md).
``--show`` prints each text flagged as a prompt or a tool output with its probability.
"""

from __future__ import annotations

import argparse
import json
import sysconfig
from pathlib import Path

from bastion.detect._base import DetectConfig
from bastion.detect._classifier import document_shaped, load_default_classifier, tool_output_threshold
from bastion.detect._normalize import normalize


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


def _spaced(files: list[Path], n: int) -> list[Path]:
    """At most ``n`` of ``files`` (sorted), evenly spaced, so the sample is the same on each run."""
    files = sorted(files)
    if len(files) <= n:
        return files
    step = len(files) / n
    return [files[int(k * step)] for k in range(n)]


def _installed(max_files: int) -> list[tuple[str, str]]:
    site = Path(sysconfig.get_paths()["purelib"])
    groups = {
        "installed: package METADATA": sorted(site.glob("*.dist-info/METADATA")),
        "installed: md/rst/txt docs": _spaced(
            [f for ext in ("md", "rst", "txt") for f in site.rglob(f"*.{ext}") if ".dist-info" not in str(f)],
            max_files,
        ),
        "installed: .py sources": _spaced(list(site.rglob("*.py")), max_files),
    }
    out: list[tuple[str, str]] = []
    for kind, files in groups.items():
        for f in files:
            try:
                if f.stat().st_size < 200_000:
                    out.append((kind, f.read_bytes().decode("utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    ap.add_argument("--single", type=float, default=0.9632, help="the one-threshold operating point to compare")
    ap.add_argument("--max-files", type=int, default=600, help="sample size per kind of installed file")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    model = load_default_classifier()
    cfg = DetectConfig()
    tool_thr = cfg.classifier_tool_output_threshold
    prose_thr = cfg.classifier_tool_output_prose_threshold
    doc_thr = cfg.classifier_document_threshold
    counts: dict[str, list[int]] = {}
    for kind, text in _texts(args.data) + _installed(args.max_files):
        if not text.strip():
            continue
        sc = model.score(text)
        view = normalize(text, max_depth=0)
        as_prompt = sc.flagged and not (
            doc_thr is not None and sc.probability < doc_thr and document_shaped(view)
        )
        t_thr = tool_output_threshold(cfg, view)  # since session 18, by shape
        tool = model.score(text, threshold=t_thr) if t_thr is not None else sc
        c = counts.setdefault(kind, [0, 0, 0, 0])
        c[0] += 1
        c[1] += as_prompt
        c[2] += tool.flagged
        c[3] += sc.probability >= args.single
        if args.show and (as_prompt or tool.flagged):
            print(f"  {kind}: p={sc.probability:.3f} setup={sc.setup} {text[sc.start : sc.end][:100]!r}")
    print(
        f"thresholds: {model.threshold} for set-up prompts, {model.threshold_open} for other texts "
        f"(at least {doc_thr} for a pasted document), {tool_thr} for tool outputs ({prose_thr} for prose ones)"
    )
    print(f"site-packages: {sysconfig.get_paths()['purelib']}")
    print(f"{'benign text':30s} {'texts':>6s} {'as prompts':>11s} {'as tool outputs':>16s} {f'one, {args.single}':>12s}")
    for kind, (n, a, b, c1) in counts.items():
        print(f"{kind:30s} {n:6d} {a:11d} {b:16d} {c1:12d}")

if __name__ == "__main__":
    main()

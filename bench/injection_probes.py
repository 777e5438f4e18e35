"""Generalisation check on hand-written probe sets that no training step has seen.

Usage::

    .venv/bin/python bench/injection_probes.py [--set final|final2|...|final19|all]
    # the peer column needs the bench venv: python3 -m venv .venv-bench &&
    #     .venv-bench/bin/pip install ai-injection-guard==0.3.0

``bench/probes/*.jsonl`` are our own texts (``id``, ``label`` 1 attack / 0 benign, ``genre``,
``lang``, ``text``), each set written by a different writer who saw neither the training data, the
rules, the hand-written training corpus (``training/``) nor the other sets:

* ``final.jsonl`` (170 attacks, 230 benign; session 3) and ``final2.jsonl`` (180 attacks, 240
  benign; session 4): only ever scored in aggregate; no rule and no model was changed after
  looking at them, and they are never trained on. These are the generalisation figures.
* ``final3.jsonl`` (170 attacks, 229 benign; session 10, written to look like a public benchmark
  assembled from several sources, a quarter of it in thirteen languages other than English):
  first scored at the end of session 10, after every rule and the artifact of that session were
  final; the same rules apply to it as to the other two.
* ``final4.jsonl`` (170 attacks, 248 benign; session 11, shaped like a public benchmark with the
  categories prompt_injection, jailbreak, hard_negative, chat and document in the ``genre`` field,
  three tenths in thirteen languages other than English): scored at the start of session 11 with
  the code of session 10, then again at the end; no rule was written from it.
* ``final5.jsonl`` (150 attacks, 249 benign; session 11): first messages users send to public
  chatbots, with the jailbreaks and injections real users paste; ``final6.jsonl`` (130 attacks, 230
  benign; session 11): tool outputs an agent receives (mail, calendar, chat, search, pages, files,
  database rows, API responses, banking, travel, reviews, repositories, CRM, documents), scanned on
  the ``tool_output`` surface, where the classifier does not run by default. Both were first scored
  with the session-10 code and the session-11 rules, before the session-11 retrain; no rule was
  written from them. Three benign one-liners that training writers had also written (two in
  ``final4``, one in ``final5``) were dropped before the final scoring; the figures did not change.

* ``final7.jsonl`` (120 attacks, 139 benign; an English mix like a public benchmark),
  ``final8.jsonl`` (110 attacks, 150 benign; eighteen less-used languages: Korean, Vietnamese,
  Indonesian, Greek, Hebrew, Swedish, Persian, Thai, Hungarian, Finnish, Danish, Bulgarian,
  Serbian, Malay, Swahili, Bengali, Tamil, Urdu) and ``final9.jsonl`` (100 attacks, 140 benign;
  agent tool outputs, a third of the attacks never naming the AI; ``tool_output`` surface): writers
  w84, w85 and w86 of session 16, held out of that session's training and rules and scored only in
  aggregate (session-15 code: 0.940, 0.673, 0.890; session 16: 0.940, 0.744, 0.890). One row of
  ``final7`` that repeated an earlier text was dropped.
* ``final10.jsonl`` (130 attacks, 163 benign; an English mix like a public benchmark assembled from
  several collections, a tenth in other languages) and ``final11.jsonl`` (140 attacks, 160 benign;
  user prompts in twelve languages, agent tool outputs on the ``tool_output`` surface, English
  prompts): writers w92 and w96 of session 17, held out of that session's training and rules and
  scored only in aggregate. Seven benign rows of ``final10`` that repeated earlier text were dropped.
* ``final12.jsonl`` (140 attacks, 162 benign; content an agent reads through its tools or retrieval,
  60% English and the rest in eight languages, on the ``tool_output`` surface; more than half of the
  attacks never name the AI) and ``final13.jsonl`` (140 attacks, 160 benign; an English mix like a
  public benchmark, half of it in fifteen less-used languages): writers w102 and w104 of session 18,
  held out of that session's training and rules and scored only in aggregate.
* ``final14.jsonl`` (130 attacks, 170 benign; content an agent reads through its tools or retrieval,
  all of it in ten languages other than English, on the ``tool_output`` surface) and
  ``final15.jsonl`` (140 attacks, 159 benign; an English mix like a public benchmark, with
  jailbreak-shaped requests for harmless things among the benign rows): writers w110 and w111 of
  session 19, held out of that session's training and rules and scored only in aggregate. One benign
  row of ``final15`` that repeated earlier text was dropped.
* ``final16.jsonl`` (150 attacks, 150 benign; a mix of direct attacks, jailbreaks and agent tool
  outputs in thirteen languages, a fifth English; tool rows on the ``tool_output`` surface) and
  ``final17.jsonl`` (140 attacks, 153 benign; shaped like a public benchmark with the categories
  prompt_injection, jailbreak, chat, documents and hard_negatives, a fifth in six European
  languages): writers w119 and w120 of session 20, held out of that session's training and rules
  and scored only in aggregate. Seven benign rows of ``final17`` that repeated earlier text were
  dropped.
* ``final18.jsonl`` (150 attacks, 150 benign; fifteen languages, English included, 20 rows each:
  direct attacks and look-alike prompts, and agent tool outputs on the ``tool_output`` surface,
  half of each): writer w125 of session 21, held out of that session's training and rules and
  scored only in aggregate (session-20 code: 0.873).
* ``final19.jsonl`` (150 attacks, 150 benign; 60% English and the rest in fourteen languages, a
  third of it agent tool outputs on the ``tool_output`` surface, the rest user prompts): writer w130
  of session 22, held out of that session's training and rules and scored only in aggregate
  (session-21 code: 0.893).

(Session 3 also had two development sets, ``dev`` and ``dev2``, read while writing rules; in
session 4 they moved into the training corpus as writers w9 and w10, so they are no longer
probes.)

Every text is scanned as a ``prompt`` (the CLI's default surface), except rows with a ``surface``
field (``final6``, ``final9``, ``final12``, ``final14`` and the tool-output rows of ``final7``, ``final8``, ``final11``, ``final16``, ``final18`` and ``final19``: ``tool_output``).
Columns: ``Guard`` (the
default fast tier: rules + classifier), ``rules`` (classifier off) and, where the bench venv
exists, the peer ``ai-injection-guard`` 0.3.0 (``prompt_shield.PromptScanner``) in the same run.
A row counts as flagged when a finding is worse than ``info`` (the CLI's ``flagged``); for the
peer, when ``is_safe`` is false.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from _machine import cpu_model

HERE = Path(__file__).resolve().parent
SETS = {name: HERE / "probes" / f"{name}.jsonl" for name in ("final", "final2", "final3", "final4", "final5", "final6", "final7", "final8", "final9", "final10", "final11", "final12", "final13", "final14", "final15", "final16", "final17", "final18", "final19")}


def load(path: Path) -> list[dict[str, object]]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise SystemExit(f"{path}:{i}: not JSON ({exc})") from None
    return rows


def _peer_child(texts_file: str) -> None:
    """Child-process mode (run by the bench venv's Python): print the peer's verdicts as JSON."""
    from prompt_shield import PromptScanner  # type: ignore[import-not-found,unused-ignore]  # ai-injection-guard

    scanner = PromptScanner()
    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    print(json.dumps([not scanner.scan(t).is_safe for t in texts]))


def _peer(texts: Sequence[str], venv: Path) -> list[bool] | str:
    py = venv / "bin" / "python"
    if not py.exists():
        return f"peer skipped: {py} missing (see the setup command above)"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(list(texts), fh)
    try:
        out = subprocess.run(
            [str(py), __file__, "--peer-child", fh.name], capture_output=True, text=True, check=False, timeout=900
        )
    finally:
        os.unlink(fh.name)
    if out.returncode != 0:
        tail = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else str(out.returncode)
        return f"peer skipped: {tail}"
    verdicts = json.loads(out.stdout.strip().splitlines()[-1])
    return [bool(v) for v in verdicts]


def _summary(rows: Sequence[dict[str, object]], flags: Sequence[bool]) -> tuple[str, float]:
    pos = [f for r, f in zip(rows, flags, strict=True) if r["label"] == 1]
    neg = [f for r, f in zip(rows, flags, strict=True) if r["label"] == 0]
    tpr = sum(pos) / len(pos) if pos else 0.0
    fpr = sum(neg) / len(neg) if neg else 0.0
    ba = (tpr + 1 - fpr) / 2
    return f"TPR {tpr:.3f} ({sum(pos)}/{len(pos)})  FPR {fpr:.3f} ({sum(neg)}/{len(neg)})  BA {ba:.3f}", ba


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=[*SETS, "all"], default="all")
    ap.add_argument("--bench-venv", type=Path, default=HERE.parent / ".venv-bench")
    ap.add_argument("--peer-child", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer_child:
        _peer_child(args.peer_child)
        return

    from bastion import DetectConfig, Guard, Severity, Surface

    cats = ["injection", "jailbreak", "obfuscation"]
    guard = Guard(categories=cats)
    rules = Guard(categories=cats, config=DetectConfig(classifier=False))

    def flag(g: Guard, surface: Surface) -> Callable[[str], bool]:
        return lambda t: any(f.severity > Severity.INFO for f in g.scan(t, surface).findings)

    print(f"machine: nproc {os.cpu_count()}, {cpu_model()}; texts scanned as prompts unless a row says otherwise\n")
    names = list(SETS) if args.set == "all" else [args.set]
    for name in names:
        rows = load(SETS[name])
        texts = [str(r["text"]) for r in rows]
        surfaces = [Surface(str(r.get("surface", "prompt"))) for r in rows]
        cols: dict[str, list[bool]] = {
            "Guard": [flag(guard, s)(t) for t, s in zip(texts, surfaces, strict=True)],
            "rules": [flag(rules, s)(t) for t, s in zip(texts, surfaces, strict=True)],
        }
        peer = _peer(texts, args.bench_venv)
        note = ""
        if isinstance(peer, str):
            note = peer
        else:
            cols["ai-injection-guard 0.3.0"] = peer
        print(f"== {name} ({SETS[name].name}): {sum(r['label'] == 1 for r in rows)} attacks, "
              f"{sum(r['label'] == 0 for r in rows)} benign")
        for col, flags in cols.items():
            line, _ba = _summary(rows, flags)
            print(f"  {col:26s} {line}")
        if note:
            print(f"  {note}")
        genres = sorted({(int(str(r["label"])), str(r["genre"])) for r in rows})
        print(f"  {'label/genre':28s} " + "  ".join(f"{c[:14]:>14s}" for c in cols))
        for lab, genre in genres:
            idx = [i for i, r in enumerate(rows) if r["label"] == lab and r["genre"] == genre]
            cells = "  ".join(f"{sum(cols[c][i] for i in idx):>6d}/{len(idx):<7d}" for c in cols)
            print(f"  {lab} {genre:26s} {cells}")
        langs = Counter(str(r["lang"]) for r in rows)
        print(f"  languages: {len(langs)} ({', '.join(f'{k} {v}' for k, v in langs.most_common(6))}, ...)\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""PII benchmark: span-level precision/recall/F1 per entity type, and throughput in MB/s.

Data (read in place, never copied): ``<shared>/data/pii/presidio-research/synth_dataset_v2.json``
(character spans) and ``<shared>/data/pii/nannigalaxy/dataset/pii_syn_nano_en.json`` (entity strings
without offsets: every occurrence of the string in the text is a gold span). Throughput runs on the
benign rows of ``<shared>/data/injection/train.jsonl``.

Scoring: per entity type, a predicted span is a true positive under *exact* matching when a gold
span of the same type has the same start and end, and under *overlap* matching when it overlaps an
unmatched gold span of the same type (one-to-one). Only entity types that a dataset labels are
scored on it; labels we do not cover are listed.

Peer (optional, same run): the pattern recognizers of Microsoft Presidio (presidio-analyzer, the
EmailRecognizer, PhoneRecognizer, CreditCardRecognizer, IbanRecognizer, UsSsnRecognizer and
IpRecognizer classes, no spaCy model needed), run in a separate interpreter because presidio pulls
spaCy. Setup once::

    python3 -m venv .venv-bench && .venv-bench/bin/pip install "presidio-analyzer>=2.2"

Run::

    .venv/bin/python bench/pii.py [--shared ../shared] [--peer-python .venv-bench/bin/python]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _machine import cpu_model

PRESIDIO_MAP = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "CREDIT_CARD": "credit_card",
    "IBAN_CODE": "iban",
    "US_SSN": "ssn",
    "IP_ADDRESS": "ip_address",
}
NANNI_MAP = {"EMAIL": "email", "PHONE": "phone", "CREDIT_CARD": "credit_card", "IBAN": "iban", "SSN": "ssn"}
PEER_ENTITY = {v: k for k, v in PRESIDIO_MAP.items()}

Span = tuple[int, int, str]


def load_presidio(root: Path) -> tuple[list[str], list[list[Span]], set[str]]:
    rows = json.loads((root / "pii/presidio-research/synth_dataset_v2.json").read_text("utf-8"))
    texts, gold, uncovered = [], [], set()
    for r in rows:
        texts.append(r["full_text"])
        spans = []
        for s in r["spans"]:
            ent = PRESIDIO_MAP.get(s["entity_type"])
            if ent is None:
                uncovered.add(s["entity_type"])
                continue
            spans.append((s["start_position"], s["end_position"], ent))
        gold.append(spans)
    return texts, gold, uncovered


def load_nanni(root: Path) -> tuple[list[str], list[list[Span]], set[str]]:
    rows = json.loads((root / "pii/nannigalaxy/dataset/pii_syn_nano_en.json").read_text("utf-8"))
    texts, gold, uncovered = [], [], set()
    for r in rows:
        text = r["text"]
        texts.append(text)
        spans = []
        for n in r["NER"]:
            ent = NANNI_MAP.get(n["label"])
            if ent is None:
                uncovered.add(n["label"])
                continue
            value = n.get("entity") or next((v for k, v in n.items() if k != "label"), "")  # one row's key is "="
            if not value:
                continue
            pos = text.find(value)
            while pos != -1:
                spans.append((pos, pos + len(value), ent))
                pos = text.find(value, pos + len(value))
        gold.append(sorted(set(spans)))
    return texts, gold, uncovered


def score(gold: list[list[Span]], pred: list[list[Span]], entities: set[str]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for ent in sorted(entities):
        counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}  # tp, fp, fn
        for g_all, p_all in zip(gold, pred, strict=True):
            g = [s for s in g_all if s[2] == ent]
            p = [s for s in p_all if s[2] == ent]
            tp = len(set(g) & set(p))
            counts["exact"][0] += tp
            counts["exact"][1] += len(p) - tp
            counts["exact"][2] += len(g) - tp
            used: set[int] = set()
            otp = 0
            for ps, pe, _ in p:
                for i, (gs, ge, _) in enumerate(g):
                    if i not in used and ps < ge and gs < pe:
                        used.add(i)
                        otp += 1
                        break
            counts["overlap"][0] += otp
            counts["overlap"][1] += len(p) - otp
            counts["overlap"][2] += len(g) - otp
        row: dict[str, float] = {"support": float(sum(len([s for s in g if s[2] == ent]) for g in gold))}
        for mode, (tp, fp, fn) in counts.items():
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            row[f"{mode}_p"], row[f"{mode}_r"], row[f"{mode}_f1"] = prec, rec, f1
        out[ent] = row
    return out


def bastion_predict(texts: list[str], regions: tuple[str, ...]) -> list[list[Span]]:
    from bastion._types import Surface
    from bastion.detect._base import DetectConfig, Document
    from bastion.detect._pii import PiiScanner

    cfg = DetectConfig(pii_regions=regions)
    scanner = PiiScanner(cfg)
    out = []
    for t in texts:
        out.append([(f.start, f.end, f.entity) for f in scanner.scan(Document(text=t, surface=Surface.RESPONSE, config=cfg))])
    return out


# -- peer worker (runs under the peer interpreter; imports presidio only) --------------------------

def _peer_worker() -> None:
    from presidio_analyzer.predefined_recognizers import (  # type: ignore[import-not-found]
        CreditCardRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        UsSsnRecognizer,
    )

    recognizers = [
        EmailRecognizer(),
        PhoneRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
        UsSsnRecognizer(),
        IpRecognizer(),
    ]
    job = json.loads(sys.stdin.read())
    texts: list[str] = job["texts"]
    result: dict[str, object] = {}
    if job.get("predict"):
        preds = []
        for t in texts:
            spans = []
            for rec in recognizers:
                for r in rec.analyze(t, entities=rec.supported_entities, nlp_artifacts=None) or []:
                    spans.append([r.start, r.end, r.entity_type, r.score])
            preds.append(spans)
        result["pred"] = preds
    if job.get("speed"):
        times = []
        for _ in range(job["repeats"]):
            t0 = time.perf_counter()
            for t in texts:
                for rec in recognizers:
                    rec.analyze(t, entities=rec.supported_entities, nlp_artifacts=None)
            times.append(time.perf_counter() - t0)
        result["times"] = times
    from importlib.metadata import version

    result["version"] = version("presidio-analyzer")
    sys.stdout.write(json.dumps(result))


def run_peer(python: str, job: dict[str, object]) -> dict[str, object] | None:
    try:
        proc = subprocess.run(
            [python, __file__, "--peer-worker"],
            input=json.dumps(job),
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"  peer not run: {exc}")
        return None
    if proc.returncode != 0:
        print(f"  peer not run: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}")
        return None
    out: dict[str, object] = json.loads(proc.stdout)
    return out


# -- speed ------------------------------------------------------------------------------------------

def speed_corpus(root: Path, chunk: int) -> list[str]:
    texts = []
    with (root / "injection/train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["label"] == 0:
                texts.append(row["text"])
    docs, cur, size = [], [], 0
    for t in texts:
        cur.append(t)
        size += len(t)
        if size >= chunk:
            docs.append("\n\n".join(cur))
            cur, size = [], 0
    if cur:
        docs.append("\n\n".join(cur))
    return docs


def time_bastion(docs: list[str], repeats: int) -> dict[str, float]:
    from bastion import Guard
    from bastion._types import Surface
    from bastion.detect._base import DetectConfig, Document
    from bastion.detect._canary import CanaryScanner, mint_canary
    from bastion.detect._exfil import ExfilScanner
    from bastion.detect._input import InputScanner
    from bastion.detect._leak import LeakScanner
    from bastion.detect._pii import PiiScanner

    mb = sum(len(d.encode()) for d in docs) / 1e6
    cfg = DetectConfig(canaries=(mint_canary(),))
    out: dict[str, float] = {}
    for name, scanner in (
        ("pii", PiiScanner(cfg)),
        ("leak", LeakScanner(cfg)),
        ("exfil", ExfilScanner(cfg)),
        ("canary", CanaryScanner(cfg)),
        ("input (always on in Guard)", InputScanner(cfg)),
    ):
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            for d in docs:
                scanner.scan(Document(text=d, surface=Surface.RESPONSE, config=cfg))
            times.append(time.perf_counter() - t0)
        out[name] = mb / statistics.median(times)
    for label, cats in (("pii+leak+exfil+canary", ["pii", "leak", "exfil", "canary"]), ("response surface (all)", None)):
        guard = Guard(config=cfg, entry_points=False)
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            for d in docs:
                guard.scan(d, surface="response", categories=cats)
            times.append(time.perf_counter() - t0)
        out[label] = mb / statistics.median(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("BASTION_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
    ap.add_argument("--peer-python", default=str(Path(__file__).resolve().parents[1] / ".venv-bench/bin/python"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--chunk", type=int, default=16_384, help="characters per document in the speed corpus")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--speed-only", action="store_true", help="skip the quality part")
    ap.add_argument("--speed-corpus", help="read the benign speed corpus from this file (records split by \\x1e)")
    ap.add_argument("--dump-speed-corpus", help="write the benign speed corpus to this file and exit")
    ap.add_argument("--peer-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer_worker:
        _peer_worker()
        return
    root = Path(args.shared) / "data"
    if args.dump_speed_corpus:
        Path(args.dump_speed_corpus).write_text("\x1e".join(speed_corpus(root, args.chunk)), "utf-8")
        return
    peer_ok = not args.no_peer and Path(args.peer_python).exists()
    print(f"machine: {platform.machine()}, nproc={os.cpu_count()}, cpu={cpu_model()}, python {platform.python_version()}")

    loaders = () if args.speed_only else (
        ("presidio-research synth_dataset_v2", load_presidio),
        ("nannigalaxy pii_syn_nano_en", load_nanni),
    )
    for name, loader in loaders:
        texts, gold, uncovered = loader(root)
        ents = {s[2] for g in gold for s in g}
        print(f"\n== {name}: {len(texts)} texts; labels not covered: {', '.join(sorted(uncovered))}")
        rows = {"bastion (DE,US,GB)": score(gold, bastion_predict(texts, ("DE", "US", "GB")), ents)}
        wide = ("DE", "US", "GB", "FR", "CH", "AT", "IT", "ES", "NL", "BE", "SE", "AU", "IE", "CA")
        rows[f"bastion ({len(wide)} regions)"] = score(gold, bastion_predict(texts, wide), ents)
        if peer_ok:
            res = run_peer(args.peer_python, {"texts": texts, "predict": True})
            if res is not None:
                raw_pred: list[list[list[object]]] = res["pred"]  # type: ignore[assignment]
                pred = [
                    [(int(str(sp[0])), int(str(sp[1])), PRESIDIO_MAP[str(sp[2])]) for sp in p if sp[2] in PRESIDIO_MAP]
                    for p in raw_pred
                ]
                rows[f"presidio {res['version']} recognizers"] = score(gold, pred, ents)
        print(f"{'entity':12s} {'support':>7s}  {'system':28s} {'exact P/R/F1':>20s}   {'overlap P/R/F1':>20s}")
        for ent in sorted(ents):
            for system, sc in rows.items():
                r = sc[ent]
                print(
                    f"{ent:12s} {int(r['support']):7d}  {system:28s} "
                    f"{r['exact_p']:.3f}/{r['exact_r']:.3f}/{r['exact_f1']:.3f}   "
                    f"{r['overlap_p']:.3f}/{r['overlap_r']:.3f}/{r['overlap_f1']:.3f}"
                )

    if args.speed_corpus:
        docs = Path(args.speed_corpus).read_text("utf-8").split("\x1e")
    else:
        docs = speed_corpus(root, args.chunk)
    mb = sum(len(d.encode()) for d in docs) / 1e6
    print(f"\n== throughput on benign text: {len(docs)} documents of ~{args.chunk} chars, {mb:.2f} MB, median of {args.repeats}")
    for name, v in time_bastion(docs, args.repeats).items():
        print(f"  bastion {name:28s} {v:8.1f} MB/s")
    big = ["\n\n".join(docs)]
    for name, v in time_bastion(big, max(1, args.repeats // 2)).items():
        print(f"  bastion {name:28s} {v:8.1f} MB/s  (one {mb:.1f} MB document)")
    if peer_ok:
        sample = docs[: max(1, len(docs) // 4)]
        res = run_peer(args.peer_python, {"texts": sample, "speed": True, "repeats": 3})
        if res is not None:
            smb = sum(len(d.encode()) for d in sample) / 1e6
            print(f"  presidio {res['version']} recognizers (6 PII types)  {smb / statistics.median(res['times']):8.1f} MB/s  ({smb:.2f} MB sample)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()

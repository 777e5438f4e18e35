"""Secrets benchmark: bastion's secrets scanner side by side with Yelp detect-secrets.

Setup (once): ``.venv/bin/pip install -e '.[bench]'`` (detect-secrets>=1.5 is in the ``bench`` extra).
Run:          ``.venv/bin/python bench/secrets_bench.py [--data ../shared/data/secrets] [--json out.json]``

Both tools run in this process, as libraries, on the same bytes, scored the same way.

Quality
-------
1. CredSweeper samples (``credsweeper/tests/samples`` + ``tests/data/output.json``). The unit is the
   *line*. Each expected finding covers one or more lines of one file (a PEM block covers all of
   its lines); expected findings that share a line are merged into one expected unit. A tool's
   finding covers the lines from its first to its last character (detect-secrets reports one line).
   TP = expected units with at least one covered line; FN = expected units with none;
   FP = covered lines (distinct ``(file, line)``) outside every expected unit.
   Precision = TP / (TP + FP), recall = TP / (TP + FN). Only files that decode as text are
   scanned (binary and archive samples are skipped for both tools: neither tool unpacks archives
   here); lines not listed in ``output.json`` are negatives.
2. Nosey Parker ``derived_rule_examples.jsonl``: one unit per example text, labelled positive or
   negative; a tool predicts positive when it reports anything in the text. Reported for all
   examples and for "credential" examples only (public identifiers such as AWS account ids,
   bucket names, client ids, public keys and domains are excluded, for both tools, by the fixed
   list ``PUBLIC_IDENTIFIERS`` below).
3. detect-secrets ``test_data``: no labels exist; findings per file are printed for both tools
   (informational; these are detect-secrets' own fixtures).

Speed
-----
Throughput in MB/s (UTF-8 bytes of input / CPU seconds of this single-threaded process, median of
``--repeat`` runs after one warm-up run; wall-clock MB/s printed beside it) on two corpora:
``secrets_dense`` (the CredSweeper text samples, Nosey Parker examples and detect-secrets test
data concatenated: nearly every line holds a candidate) and ``benign_text`` (benign prompts and
documents from ``../shared/data/injection/train.jsonl``, like ordinary LLM traffic). bastion reads
and scans the file; detect-secrets ``scan_file`` reads and scans the same file.

False alarms on clean code: lines flagged in the Python sources of widely used installed packages
(``CLEAN_PACKAGES``), which hold no live credentials, only a few documentation examples.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from _machine import cpu_model
from bastion.detect._secrets import SecretsScanner

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("BASTION_SHARED", REPO.parent / "shared")) / "data" / "secrets"

PUBLIC_IDENTIFIERS = frozenset(
    {
        "AWS Account ID",
        "AWS S3 Bucket",
        "Amazon Resource Name",
        "Age Recipient (X25519 public key)",
        "GitHub Client ID",
        "Google Client ID",
        "Google Cloud Storage Bucket",
        "LinkedIn Client ID",
        "Twitter Client ID",
        "Shopify Domain",
        "Mapbox Public Access Token",
        "React App Username",
        "CodeClimate Reporter ID",
    }
)


# --- tools ---------------------------------------------------------------------------------
class Bastion:
    name = "bastion"

    def __init__(self, engine: str = "auto", *, high_entropy: bool = False) -> None:
        from bastion.detect._base import DetectConfig

        self.scanner = SecretsScanner(DetectConfig(engine=engine), high_entropy=high_entropy)
        if high_entropy:
            self.name = "bastion+entropy"

    def lines_in_text(self, text: str) -> set[int]:
        """1-based line numbers covered by findings."""
        starts = _line_starts(text)
        out: set[int] = set()
        for f in self.scanner.scan_text(text):
            first = _line_of(starts, f.start)
            last = _line_of(starts, max(f.start, f.end - 1))
            out.update(range(first, last + 1))
        return out

    def lines_in_file(self, path: Path) -> set[int]:
        return self.lines_in_text(_read(path))

    def any_in_text(self, text: str) -> bool:
        return bool(self.scanner.scan_text(text))


class DetectSecrets:
    name = "detect-secrets"

    def __init__(self) -> None:
        from detect_secrets.settings import default_settings

        self._ctx = default_settings()
        self._ctx.__enter__()

    def lines_in_file(self, path: Path) -> set[int]:
        from detect_secrets.core.scan import scan_file

        return {s.line_number for s in scan_file(str(path))}

    def any_in_text(self, text: str) -> bool:
        from detect_secrets.core.scan import scan_line

        return any(True for line in text.splitlines() for _ in scan_line(line))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def _is_text(path: Path) -> bool:
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- scoring -------------------------------------------------------------------------------
@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        return (
            f"TP {self.tp:4d}  FP {self.fp:4d}  FN {self.fn:4d}  "
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
        )


def credsweeper_units(root: Path) -> tuple[dict[str, list[set[int]]], list[Path]]:
    """Expected units per sample file name, and the text sample files to scan."""
    expected = json.loads((root / "tests" / "data" / "output.json").read_text())
    per_file: dict[str, list[set[int]]] = {}
    for item in expected:
        lines: dict[str, set[int]] = {}
        for ld in item["line_data_list"]:
            name = Path(ld["path"]).name
            lines.setdefault(name, set()).add(int(ld["line_num"]))
        for name, ls in lines.items():
            per_file.setdefault(name, []).append(ls)
    merged: dict[str, list[set[int]]] = {}
    for name, units in per_file.items():
        out: list[set[int]] = []
        for u in units:
            u = set(u)
            rest = []
            for o in out:
                if o & u:
                    u |= o
                else:
                    rest.append(o)
            out = [*rest, u]
        merged[name] = out
    samples = sorted(p for p in (root / "tests" / "samples").iterdir() if p.is_file())
    return merged, samples


def score_credsweeper(tool: Bastion | DetectSecrets, root: Path) -> tuple[Score, int]:
    units, samples = credsweeper_units(root)
    score = Score()
    skipped = 0
    for path in samples:
        if not _is_text(path):
            skipped += 1
            continue
        predicted = tool.lines_in_file(path)
        exp = units.get(path.name, [])
        covered: set[int] = set()
        for u in exp:
            covered |= u
            if predicted & u:
                score.tp += 1
            else:
                score.fn += 1
                score.misses.append(f"{path.name}:{min(u)}")
        for line in sorted(predicted - covered):
            score.fp += 1
            score.false_alarms.append(f"{path.name}:{line}")
    # expected units in files that are not text (never scanned) count as misses for both
    scanned = {p.name for p in samples if _is_text(p)}
    for name, us in units.items():
        if name not in scanned:
            score.fn += len(us)
            score.misses.extend(f"{name}:{min(u)} (not text)" for u in us)
    return score, skipped


def noseyparker_rows(root: Path) -> list[dict[str, str]]:
    with (root / "derived_rule_examples.jsonl").open() as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_examples(tool: Bastion | DetectSecrets, rows: Iterable[dict[str, str]]) -> Score:
    score = Score()
    for r in rows:
        hit = tool.any_in_text(r["text"])
        positive = r["label"] == "positive"
        if hit and positive:
            score.tp += 1
        elif hit:
            score.fp += 1
            score.false_alarms.append(f"{r['rule_id']}: {r['text'][:60]!r}")
        elif positive:
            score.fn += 1
            score.misses.append(f"{r['rule_id']}: {r['text'][:60]!r}")
        else:
            score.tn += 1
    return score


# --- speed ---------------------------------------------------------------------------------
def build_corpus(data: Path, dest: Path) -> int:
    parts: list[str] = []
    for p in sorted((data / "credsweeper" / "tests" / "samples").iterdir()):
        if p.is_file() and _is_text(p):
            parts.append(_read(p))
    for r in noseyparker_rows(data / "noseyparker"):
        parts.append(r["text"])
    for p in sorted((data / "detect-secrets" / "test_data").rglob("*")):
        if p.is_file() and _is_text(p):
            parts.append(_read(p))
    text = "\n".join(parts)
    dest.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def build_prose_corpus(shared: Path, dest: Path, limit_bytes: int) -> int:
    """Benign prompts/documents from ../shared/data/injection/train.jsonl (label 0): text like LLM traffic."""
    parts: list[str] = []
    size = 0
    with (shared / "injection" / "train.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("label") != 0:
                continue
            parts.append(row["text"])
            size += len(row["text"].encode("utf-8")) + 1
            if size >= limit_bytes:
                break
    text = "\n".join(parts)
    dest.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


CLEAN_PACKAGES = ("httpx", "starlette", "requests", "urllib3", "pydantic", "rich", "typer", "anyio", "cryptography", "pip")


def clean_code_files(limit_bytes: int) -> list[Path]:
    """Python sources of widely used installed packages (assumed to hold no live credentials)."""
    import importlib.util

    files: list[Path] = []
    size = 0
    for name in CLEAN_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for p in sorted(Path(next(iter(spec.submodule_search_locations))).rglob("*.py")):
            files.append(p)
            size += p.stat().st_size
            if size >= limit_bytes:
                return files
    return files


def throughput(fn: object, path: Path, nbytes: int, repeat: int) -> tuple[float, float]:
    """(MB per CPU second, MB per wall second), medians of ``repeat`` runs.

    CPU time of this (single-threaded) process is the headline figure: on a shared machine the
    wall clock also counts time spent waiting for other people's processes.
    """
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn(path)  # type: ignore[operator]
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return nbytes / max(statistics.median(cpu), 1e-9) / 1e6, nbytes / statistics.median(wall) / 1e6


def machine() -> str:
    model = cpu_model()
    return f"{platform.python_implementation()} {platform.python_version()}, nproc={os.cpu_count()}, CPU: {model}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--engine", default="auto", choices=["auto", "hyperscan", "re2"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-peer", action="store_true", help="skip detect-secrets")
    ap.add_argument("--no-entropy", action="store_true", help="skip the bastion+entropy variant (opt-in rule on)")
    ap.add_argument("--show", type=int, default=0, help="print this many misses/false alarms per tool")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    ap.add_argument("--prose-mb", type=float, default=1.0, help="size of the benign-text speed corpus")
    ap.add_argument("--clean-mb", type=float, default=2.0, help="size of the clean installed-code corpus")
    args = ap.parse_args(argv)
    data: Path = args.data
    if not data.is_dir():
        print(f"data not found: {data} (set BASTION_SHARED or pass --data)", file=sys.stderr)
        return 2
    tools: list[Bastion | DetectSecrets] = [Bastion(args.engine)]
    if not args.no_entropy:
        tools.append(Bastion(args.engine, high_entropy=True))
    if not args.no_peer:
        try:
            tools.append(DetectSecrets())
        except ImportError:
            print("detect-secrets is not installed: pip install -e '.[bench]'", file=sys.stderr)
            return 2
    print(f"# secrets benchmark  ({machine()})")
    results: dict[str, dict[str, object]] = {}
    np_rows = noseyparker_rows(data / "noseyparker")
    np_cred = [r for r in np_rows if r["rule_name"] not in PUBLIC_IDENTIFIERS]
    for tool in tools:
        cs, skipped = score_credsweeper(tool, data / "credsweeper")
        np_all = score_examples(tool, np_rows)
        np_c = score_examples(tool, np_cred)
        results[tool.name] = {
            "credsweeper": vars(cs) | {"precision": cs.precision, "recall": cs.recall, "f1": cs.f1},
            "noseyparker_all": {"precision": np_all.precision, "recall": np_all.recall, "f1": np_all.f1,
                                 "tp": np_all.tp, "fp": np_all.fp, "fn": np_all.fn, "tn": np_all.tn},
            "noseyparker_credentials": {"precision": np_c.precision, "recall": np_c.recall, "f1": np_c.f1,
                                        "tp": np_c.tp, "fp": np_c.fp, "fn": np_c.fn, "tn": np_c.tn},
        }
        print(f"\n## {tool.name}")
        print(f"credsweeper (line units, {skipped} binary samples skipped): {cs.row()}")
        print(f"noseyparker all examples ({len(np_rows)}):        {np_all.row()}  TN {np_all.tn}")
        print(f"noseyparker credential examples ({len(np_cred)}): {np_c.row()}  TN {np_c.tn}")
        if args.show:
            print("  credsweeper misses:", *cs.misses[: args.show], sep="\n    ")
            print("  credsweeper false alarms:", *cs.false_alarms[: args.show], sep="\n    ")
            print("  noseyparker misses:", *np_c.misses[: args.show], sep="\n    ")
            print("  noseyparker false alarms:", *np_all.false_alarms[: args.show], sep="\n    ")
        for r in results[tool.name].values():
            if isinstance(r, dict):
                r.pop("misses", None)
                r.pop("false_alarms", None)
    # detect-secrets fixtures: informational counts
    ds_dir = data / "detect-secrets" / "test_data"
    print("\n## detect-secrets test_data (no labels; findings per file)")
    for p in sorted(ds_dir.rglob("*")):
        if p.is_file() and _is_text(p) and "performance" not in p.parts:
            counts = [len(t.lines_in_file(p)) for t in tools]
            print(f"  {p.relative_to(ds_dir)!s:45s} " + "  ".join(f"{t.name}={c}" for t, c in zip(tools, counts, strict=True)))
    # false alarms on clean code
    clean = clean_code_files(int(args.clean_mb * 1e6))
    clean_bytes = sum(p.stat().st_size for p in clean)
    print(f"\n## clean code: {len(clean)} Python files of {', '.join(CLEAN_PACKAGES)} ({clean_bytes / 1e6:.2f} MB)")
    print("   flagged lines (every one is a false alarm or a documentation example)")
    for tool in tools:
        flagged = sum(len(tool.lines_in_file(p)) for p in clean)
        results[tool.name]["clean_code_flagged_lines"] = flagged
        results[tool.name]["clean_code_flagged_per_mb"] = flagged / (clean_bytes / 1e6) if clean_bytes else 0.0
        print(f"  {tool.name:15s} {flagged:6d} lines  ({flagged / (clean_bytes / 1e6):.1f} per MB)")
    # speed
    with tempfile.TemporaryDirectory() as tmp:
        corpora = [("secrets_dense", Path(tmp) / "corpus.txt", 0)]
        corpora[0] = (corpora[0][0], corpora[0][1], build_corpus(data, corpora[0][1]))
        prose_src = data.parent
        if (prose_src / "injection" / "train.jsonl").is_file():
            prose = Path(tmp) / "prose.txt"
            corpora.append(("benign_text", prose, build_prose_corpus(prose_src, prose, int(args.prose_mb * 1e6))))
        for label, path, nbytes in corpora:
            what = "every secret sample concatenated" if label == "secrets_dense" else "benign prompts and documents"
            print(f"\n## throughput, {label}: {nbytes / 1e6:.2f} MB, {what} (median of {args.repeat}, one core)")
            for tool in tools:
                tool.lines_in_file(path)  # warm-up (lazy regex state, imports)
                mbps, wall = throughput(tool.lines_in_file, path, nbytes, args.repeat)
                results[tool.name][f"mb_per_s_{label}"] = mbps
                results[tool.name][f"mb_per_wall_s_{label}"] = wall
                print(f"  {tool.name:15s} {mbps:8.2f} MB/s per CPU second   ({wall:.2f} MB/s wall clock)")
            if "detect-secrets" in results:
                a = float(results["bastion"][f"mb_per_s_{label}"])  # type: ignore[arg-type]
                b = float(results["detect-secrets"][f"mb_per_s_{label}"])  # type: ignore[arg-type]
                print(f"  speed ratio bastion/detect-secrets: {a / b:.1f}x")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

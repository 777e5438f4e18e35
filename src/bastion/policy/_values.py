"""Parsing and normalising attacker-controlled argument values: emails, URLs, paths, numbers.

Every function is strict: anything ambiguous (two ``@``, a backslash in a host, ``..`` in a
path, a number written as a string) is rejected rather than guessed, because the tool that
finally runs may read the value differently from us.
"""

from __future__ import annotations

import math
import unicodedata
import urllib.parse
from dataclasses import dataclass

import re2

__all__ = [
    "ParsedEmail",
    "glob_to_regex",
    "host_of_url",
    "match_domain",
    "normalize_host",
    "normalize_path",
    "normalize_text",
    "parse_email",
    "strict_number",
]

_LOCAL_RE = re2.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+")
_LABEL_RE = re2.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")


def normalize_text(text: str) -> str:
    """NFKC, case-folded, whitespace runs collapsed: the form provenance matching uses."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def normalize_host(host: str) -> str | None:
    """Lower-case ASCII (IDNA/punycode) host name, or None when it is not a valid host.

    Internationalised names become ``xn--`` labels, so a Cyrillic look-alike of an allowed
    domain never equals it.
    """
    host = host.strip().rstrip(".")
    if not host or len(host) > 253:
        return None
    if any(c in host for c in "\\/@:%?#[] \t\r\n") or any(unicodedata.category(c).startswith("C") for c in host):
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii").lower() if not host.isascii() else host.lower()
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if any(not _LABEL_RE.fullmatch(label) for label in labels):
        return None
    return ascii_host


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    local: str
    domain: str

    @property
    def address(self) -> str:
        return f"{self.local}@{self.domain}"


def parse_email(value: str) -> ParsedEmail | None:
    """A bare ``local@domain`` address, or None (display names, two ``@``, unicode local parts ...)."""
    if not isinstance(value, str) or len(value) > 320 or value.count("@") != 1:
        return None
    local, _, domain = value.strip().partition("@")
    if not local or not _LOCAL_RE.fullmatch(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        return None
    host = normalize_host(domain)
    if host is None or "." not in host:
        return None
    return ParsedEmail(local.lower(), host)


def host_of_url(value: str) -> str | None:
    """The normalised host of a URL (``https://a.b/x`` or bare ``a.b/x``), or None if unclear.

    Rejected: user-info (``allowed.com@evil.com``), backslashes, control characters,
    whitespace, non-http(s) schemes.
    """
    if not isinstance(value, str) or len(value) > 8192:
        return None
    v = value.strip()
    if any(c in v for c in "\\ \t\r\n") or any(unicodedata.category(c) == "Cc" for c in v):
        return None
    if "://" not in v:
        if v.startswith("//"):
            v = v[2:]
        v = "http://" + v
    try:
        parts = urllib.parse.urlsplit(v)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    netloc = parts.netloc
    if "@" in netloc or not netloc:
        return None
    host = netloc
    if host.startswith("["):
        return None
    if ":" in host:
        host, _, port = host.partition(":")
        if not port.isdigit():
            return None
    return normalize_host(urllib.parse.unquote(host)) if "%" not in host else None


def match_domain(host: str, patterns: tuple[str, ...]) -> bool:
    """``example.com`` matches itself only; ``*.example.com`` matches strict sub-domains;
    ``.example.com`` matches the domain and its sub-domains."""
    for p in patterns:
        if p.startswith("*."):
            if host.endswith(p[1:]) and host != p[2:]:
                return True
        elif p.startswith("."):
            if host == p[1:] or host.endswith(p):
                return True
        elif host == p:
            return True
    return False


def glob_to_regex(glob: str) -> str:
    """Path glob to an RE2 pattern: ``*`` stays inside one segment, ``**`` crosses segments,
    ``?`` is one non-``/`` character. Everything else is literal."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        c = glob[i]
        if c == "*":
            if glob.startswith("**", i):
                if glob.startswith("**/", i):
                    out.append("(?:.*/)?")
                    i += 3
                    continue
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        else:
            out.append(re2.escape(c))
        i += 1
    return "".join(out)


def normalize_path(value: str) -> str | None:
    """A clean POSIX path, or None when it tries to escape (``..``), is encoded or ambiguous.

    ``a//b`` and ``a/./b`` collapse; backslashes, NUL, percent-encoding and any ``..``
    segment are refused outright (a glob cannot reason about where ``..`` lands after
    symlinks are resolved).
    """
    if not isinstance(value, str) or not value or len(value) > 4096:
        return None
    if "\x00" in value or "\\" in value or "%" in value:
        return None
    if any(unicodedata.category(c) == "Cc" for c in value):
        return None
    value = unicodedata.normalize("NFC", value)
    absolute = value.startswith("/")
    parts: list[str] = []
    for seg in value.split("/"):
        if seg in ("", "."):
            continue
        if seg == ".." or (seg.strip(". ") == "" and ".." in seg):
            return None
        parts.append(seg)
    joined = "/".join(parts)
    return "/" + joined if absolute else joined


def strict_number(value: object) -> float | None:
    """A finite int/float that is not a bool; strings such as ``"1e9"`` are not numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    if math.isnan(f) or math.isinf(f):
        return None
    return f

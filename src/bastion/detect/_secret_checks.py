"""Validators and placeholder filters for the secrets scanner.

Everything here works on one candidate value (a few hundred characters at most), never on
the whole text, so per-character Python loops are bounded by the value cap.

* :func:`shannon_entropy` - bits per character, used by the generic rules;
* :func:`is_placeholder` - documentation examples, template variables, masks, obvious dummies,
  repeated or sequential characters;
* checksum and structure validators: GitHub/npm CRC32 (base62), JWT header, PyPI macaroon,
  base64-encoded PEM, basic-auth ``user:password``, Discord bot token id part.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
import math
import re
import zlib
from collections import Counter

__all__ = [
    "MAX_VALUE_CHARS",
    "Verdict",
    "base64_pem_ok",
    "basic_auth_ok",
    "char_classes",
    "crc32_base62_ok",
    "discord_token_ok",
    "is_code_reference",
    "is_placeholder",
    "jwt_ok",
    "pypi_macaroon_ok",
    "shannon_entropy",
]

MAX_VALUE_CHARS = 16_384
"""Longest value a validator looks at (private key blocks are the longest secrets)."""


class Verdict(enum.Enum):
    """What a validator says about a candidate: keep it, keep it as unverified, or drop it."""

    VALID = "valid"
    UNVERIFIED = "unverified"
    REJECT = "reject"


def shannon_entropy(value: str) -> float:
    """Shannon entropy in bits per character (0.0 for the empty string)."""
    if not value:
        return 0.0
    n = len(value)
    return -sum((c / n) * math.log2(c / n) for c in Counter(value).values())


def char_classes(value: str) -> int:
    """How many of lower, upper, digit, other are present (0..4)."""
    lower = upper = digit = other = 0
    for ch in value:
        if "a" <= ch <= "z":
            lower = 1
        elif "A" <= ch <= "Z":
            upper = 1
        elif "0" <= ch <= "9":
            digit = 1
        else:
            other = 1
    return lower + upper + digit + other


# Documentation examples published by vendors: never real credentials.
_DOC_EXAMPLES = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "ASIAIOSFODNN7EXAMPLE",
    }
)

# Words that mark a value as a stand-in. Matched case-insensitively as substrings.
_PLACEHOLDER_MARKERS = (
    "example",
    "placeholder",
    "changeme",
    "change_me",
    "change-me",
    "changeit",
    "redacted",
    "dummy",
    "your_",
    "your-",
    "yourkey",
    "yourtoken",
    "yoursecret",
    "yourpass",
    "<your",
    "xxxx",
    "****",
    "####",
    "....",
    "\u2026",
    "${",
    "{{",
    "}}",
    "<%",
    "[redacted]",
    "insert_",
    "insert-",
    "replace_me",
    "replaceme",
    "replace-me",
    "fill_in",
    "fillme",
    "todo",
    "fixme",
    "notreal",
    "not_real",
    "not-a-real",
    "fake_",
    "fakekey",
    "faketoken",
    "fakepass",
    "secret_here",
    "key_here",
    "token_here",
    "password_here",
    "here_",
)

# Whole values that are obvious dummies (compared case-insensitively).
_DUMMY_VALUES = frozenset(
    {
        "password",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "password1",
        "password12",
        "password123",
        "password1234",
        "pass123",
        "pass1234",
        "secret",
        "secret1",
        "secret123",
        "secretkey",
        "secret_key",
        "mysecret",
        "mypassword",
        "token",
        "apikey",
        "api_key",
        "letmein",
        "admin",
        "admin123",
        "administrator",
        "root",
        "toor",
        "qwerty",
        "qwerty123",
        "abc123",
        "test",
        "test123",
        "testtest",
        "testing",
        "foobar",
        "foo",
        "bar",
        "baz",
        "hunter2",
        "welcome",
        "welcome1",
        "default",
        "guest",
        "user",
        "username",
        "none",
        "null",
        "nil",
        "undefined",
        "true",
        "false",
        "empty",
        "string",
        "required",
        "optional",
        "hidden",
        "masked",
        "unknown",
        "n/a",
        "tbd",
    }
)

# Template syntax that needs a name after it: ``$(cmd ...)``, ``%(name)s``, ``#{name}``.
_MARKERS = re.compile(
    "|".join(re.escape(m) for m in _PLACEHOLDER_MARKERS) + r"|\$\([a-z_]|%\([a-z_][a-z0-9_]*\)[sdr]|#\{[a-z_]"
)

_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "zyxwvutsrqponmlkjihgfedcba",
    "0123456789012",
    "9876543210987",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
)

_TEMPLATE = re.compile(r"^[<\[{(].*[>\]})]$|^[$%@&]\w|^:\w+$|^\$$")


def _has_run(value: str, length: int) -> bool:
    """True when ``value`` holds ``length`` equal characters in a row."""
    run = 1
    prev = ""
    for ch in value:
        if ch == prev:
            run += 1
            if run >= length:
                return True
        else:
            run = 1
            prev = ch
    return False


_SEQ6 = frozenset(seq[i : i + 6] for seq in _SEQUENCES for i in range(len(seq) - 5))


def _has_sequence(value: str) -> bool:
    """True when ``value`` holds 6 alphabet/digit/keyboard-row characters in order (``abcdef``, ``123456``)."""
    low = value.lower()
    return any(low[i : i + 6] in _SEQ6 for i in range(len(low) - 5))


def is_placeholder(value: str, *, strict: bool = False) -> bool:
    """True when ``value`` looks like a documentation example or stand-in, not a credential.

    ``strict`` (vendor tokens with a fixed prefix: pass only the random part) only drops
    documentation examples, template syntax, masks and runs of repeated or sequential
    characters that random tokens practically never hold. The default (generic rules)
    also drops dictionary dummies such as ``password123``.
    """
    if not value:
        return True
    value = value[:512]  # stand-ins show early; keeps the checks bounded for long blobs
    if value in _DOC_EXAMPLES:
        return True
    low = value.lower()
    if _MARKERS.search(low):
        return True
    if not strict and _TEMPLATE.match(value):
        return True
    unique = len(set(low))
    if unique <= 2 or (len(value) >= 8 and unique <= 3):
        return True
    if _has_run(value, 6 if strict else 5):
        return True
    if _has_sequence(value):
        return True
    if strict:
        return False
    if low in _DUMMY_VALUES:
        return True
    stripped = low.strip("0123456789!@#$%^&*._-")
    return stripped in _DUMMY_VALUES and len(stripped) >= 4


_CODE_REF = re.compile(
    r"""^(?:
        [A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?:\(.*\))?   # a.b.c or a.b(...)
      | [A-Za-z_][A-Za-z0-9_.]*\(.*\)?                                  # call(...)
      | [A-Za-z_][A-Za-z0-9_]*\[.*\]?                                   # subscription x[...]
      | (?:os\.)?(?:getenv|environ|process\.env|env)\b.*
      | [a-z]+(?:_[a-z]+)+                                              # snake_case identifier
      | [A-Z]+(?:_[A-Z]+)+                                              # CONSTANT_NAME
      | [a-z]+(?:[A-Z][a-z]+)+                                          # camelCase identifier
      | [A-Z][a-z]+(?:[A-Z][a-z]*)*                                     # PascalCase class or type name
    )$""",
    re.VERBOSE,
)


def is_code_reference(value: str) -> bool:
    """True when an unquoted value is a variable, attribute or call rather than a literal."""
    return bool(_CODE_REF.match(value))


# --- checksums and structure ------------------------------------------------------------

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _base62(n: int, width: int) -> str:
    out = []
    while n:
        n, r = divmod(n, 62)
        out.append(_BASE62[r])
    return "".join(reversed(out)).rjust(width, "0")


def crc32_base62_ok(token: str) -> bool:
    """GitHub-style token checksum: the last 6 characters are CRC32 (base62) of the 30 before.

    Used by GitHub (``ghp_`` ``gho_`` ``ghu_`` ``ghs_`` ``ghr_``) and npm (``npm_``) tokens:
    ``<prefix>_<30 random base62><6-char base62 CRC32 of the random part>``.
    """
    _, sep, body = token.partition("_")
    if not sep or len(body) != 36:
        return False
    return _base62(zlib.crc32(body[:30].encode()), 6) == body[30:]


def _b64url_decode(part: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        return None


def _b64_decode(part: str) -> bytes | None:
    try:
        return base64.b64decode(part + "=" * (-len(part) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def jwt_ok(token: str) -> Verdict:
    """A JWT/JWS: base64url JSON header holding ``alg``; a JSON payload; a signature unless alg=none."""
    parts = token.split(".")
    if len(parts) != 3:
        return Verdict.REJECT
    header_raw = _b64url_decode(parts[0][:2048])
    if header_raw is None:
        return Verdict.REJECT
    try:
        header = json.loads(header_raw)
    except (ValueError, UnicodeDecodeError):
        return Verdict.REJECT
    if not isinstance(header, dict) or not isinstance(header.get("alg"), str):
        return Verdict.REJECT
    payload_raw = _b64url_decode(parts[1][:MAX_VALUE_CHARS])
    if payload_raw is None:
        return Verdict.REJECT
    try:
        payload = json.loads(payload_raw)
    except (ValueError, UnicodeDecodeError):
        return Verdict.UNVERIFIED  # encrypted or non-JSON payload: still a signed token
    if not isinstance(payload, dict):
        return Verdict.REJECT
    if not parts[2] and header["alg"].lower() != "none":
        return Verdict.REJECT
    return Verdict.VALID


def pypi_macaroon_ok(token: str) -> Verdict:
    """PyPI API tokens are ``pypi-`` + a base64url macaroon whose location is (test.)pypi.org."""
    raw = _b64url_decode(token.removeprefix("pypi-")[:64])
    if raw is None:
        return Verdict.REJECT
    return Verdict.VALID if b"pypi.org" in raw else Verdict.UNVERIFIED


def base64_pem_ok(blob: str) -> Verdict:
    """A base64 blob that decodes to a PEM private key header."""
    raw = _b64_decode(blob[: 4 * 24])
    if raw is None:
        return Verdict.REJECT
    return Verdict.VALID if b"PRIVATE KEY" in raw else Verdict.REJECT


def basic_auth_ok(blob: str) -> Verdict:
    """HTTP basic credentials: base64 of ``user:password`` in printable text."""
    raw = _b64_decode(blob[:1024])
    if raw is None:
        return Verdict.REJECT
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Verdict.REJECT
    user, sep, password = text.partition(":")
    if not sep or not password or not text.isprintable():
        return Verdict.REJECT
    if is_placeholder(password) and is_placeholder(user):
        return Verdict.REJECT
    return Verdict.VALID


def discord_token_ok(token: str) -> Verdict:
    """The first part of a Discord bot token is the bot's numeric id in base64."""
    raw = _b64url_decode(token.split(".", 1)[0])
    if raw is None:
        return Verdict.REJECT
    return Verdict.VALID if raw.isdigit() and 15 <= len(raw) <= 21 else Verdict.REJECT


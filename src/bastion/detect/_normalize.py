"""Normalisation of attacker text before matching, with an offset map back to the original.

Attackers hide instructions from pattern matchers with characters a model still reads:
zero-width characters inside words (``ig\\u200bnore``), Unicode TAG characters that carry
invisible ASCII ("tag smuggling"), Cyrillic/Greek look-alikes (``ignоre`` with a Cyrillic
``о``), fullwidth or mathematical letters (``ｉｇｎｏｒｅ``, ``𝐢𝐠𝐧𝐨𝐫𝐞``), bidi controls,
accents, odd whitespace, leetspeak, and encodings (base64, hex, eight-bit binary, URL, HTML entities, ROT13).

:func:`normalize` (or :func:`normalized_view`, cached per :class:`~bastion.detect.Document`)
returns a :class:`NormalizedText`:

``text``
    the normalised string. Per character: NFKC, then accents stripped from Latin, Greek and
    Cyrillic letters (``é`` → ``e``, ``ı`` → ``i``), invisible and bidi characters removed,
    TAG characters decoded to the ASCII they hide (inline, where they stood), combining marks
    on Latin/Greek/Cyrillic letters dropped, whitespace runs collapsed to one space (or one
    ``\\n`` if the run held a line break), and Cyrillic/Greek look-alikes folded to Latin inside
    *mixed-script* words only (pure Russian or Greek words are left as they are). Case is kept;
    match with case-insensitive patterns.
``to_original(start, end)``
    maps a span of ``text`` (or of ``leet``/``rot13``, which have the same length) back to
    character offsets in the original text. Spans that touch a rewritten region widen to cover
    all of it, so a match on ``ignore`` inside ``ig\\u200bnore`` reports the original 7 characters.
``leet`` / ``rot13`` / ``caesar``
    lazily built views of ``text`` of the same length (same offsets): leetspeak folded inside
    words that mix letters and digits (``1gn0r3`` → ``ignore``), ROT13 of every ASCII letter, and,
    in a text that talks about a cipher or a shift, the other Caesar shift that turns the most words
    into common English ones.
``respaced``
    a lazily built :class:`TextView` of ``text`` with letters written one at a time joined into
    words and English words glued together split apart (``i g n o r e a l l``,
    ``IgnoreAllPrevious...`` → ``ignore all``, ``Ignore All Previous ...``); its spans map back
    through the rewritten runs.
``reversed_view``
    a lazily built :class:`TextView` for text written backwards (``snoitcurtsni suoiverp erongi``
    or ``erongi lla suoiverp snoitcurtsni``): each line that holds a reversed trigger word is
    replaced by its reversal and by its words reversed in place, so either way of writing it
    reads forwards; spans map back to the whole line. None when no reversed trigger word occurs.
``signals``
    :class:`Signal` values for obfuscation seen while normalising (``zero_width``,
    ``unicode_tags``, ``bidi``, ``homoglyph``, ``variation_selectors``, ``combining_marks``),
    each with a span in the original. Benign uses are not reported: emoji ZWJ sequences and
    flag tag sequences, a BOM at the start, ZWJ/ZWNJ/ZWSP between letters of non-Latin
    scripts, directional marks in right-to-left text, normal accented, Greek or Russian words.
``decoded``
    :class:`DecodedBlob` values: base64, hex, eight-bit binary, URL-encoded and HTML-entity blobs found in the
    text, decoded (only when the result is printable text), normalised again, and decoded again
    up to ``max_depth`` levels, within ``max_decoded_bytes`` in total. Each blob's ``start``/``end``
    is the span of the outermost blob in the original text, so a finding inside decoded text is
    reported on the blob that hid it.

Pure-ASCII text without control characters or whitespace runs takes a fast path: the
normalised text *is* the original and the offset map is the identity. All work is linear in
the input; regular expressions used here are simple character-class runs.

Other scanners (the trained classifier) reuse this view::

    view = normalized_view(doc)          # cached on the document
    for v in view.views():               # the main text, leet/rot13 views, decoded blobs
        score(v.text)                    # ... v.to_original(s, e) maps spans back
"""

from __future__ import annotations

import base64
import binascii
import bisect
import html
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import re2

if TYPE_CHECKING:
    from bastion.detect._base import Document

__all__ = [
    "CHAT_TURN",
    "DEFAULT_MAX_DECODED_BYTES",
    "DEFAULT_MAX_DEPTH",
    "TURN_LABEL",
    "DecodedBlob",
    "NormalizedText",
    "Signal",
    "TextView",
    "closed_transcript",
    "ends_on_open_turn",
    "fold_literal",
    "normalize",
    "normalized_view",
    "regex_structure",
    "top_alternatives",
]

DEFAULT_MAX_DEPTH = 2
DEFAULT_MAX_DECODED_BYTES = 64 * 1024
_CACHE_KEY = "bastion.normalized"

# -- character classes -------------------------------------------------------------------

# Removed silently or reported as zero_width depending on context.
_ZERO_WIDTH = frozenset(
    "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f"
    "\u115f\u1160\u3164\uffa0\u17b4\u17b5"
)
_DIR_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI_OVERRIDE = frozenset("\u202d\u202e")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_TAG_FIRST, _TAG_LAST = 0xE0000, 0xE007F
_BLACK_FLAG = "\U0001f3f4"

# Look-alikes folded to Latin inside mixed-script words (1:1, so offsets stay).
_CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y", "к": "k", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Һ": "H",
    "Ӏ": "I", "Ү": "Y",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "υ": "u", "ι": "i", "κ": "k", "τ": "t", "χ": "x",
    "ε": "e", "ϲ": "c", "ϳ": "j", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I",
    "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C",
    # Armenian and IPA
    "օ": "o", "ս": "u", "ց": "g", "ɑ": "a", "ɩ": "i", "ʏ": "y",
}  # fmt: skip
_CONFUSABLE_RX = re.compile("[" + "".join(sorted(_CONFUSABLES)) + "]")
_WORD_RX = re.compile(r"\w+")
_WORD_CHAR_RX = re.compile(r"\w")
_NON_ASCII_RX = re.compile(r"[^\x00-\x7f]")
_MIXED_RX = re2.compile(r"[A-Za-z][^\x00-\x7f]|[^\x00-\x7f][A-Za-z]")
_CONFUSABLE_TABLE = str.maketrans(_CONFUSABLES)

_LEET_TABLE = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
# The words leet folds: maximal runs of [A-Za-z0-9@$] that hold a letter and a 0-9/@/$ (so one
# next to the other somewhere), in one linear RE2 pass (no match: the text has no leetspeak).
_LEET_RUN_RX = re2.compile(r"[A-Za-z0-9@$]*(?:[A-Za-z][0-9@$]|[0-9@$][A-Za-z])[A-Za-z0-9@$]*")
_COMMON_WORDS = frozenset(
    {
        "the", "and", "you", "your", "to", "of", "is", "are", "in", "that", "it", "for", "all", "this",
        "with", "what", "previous", "instructions", "ignore", "now",
    }
)  # fmt: skip
_WORD_SPLIT_RX = re.compile(r"[^a-z]+")
_ROT13_TABLE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm",
)

# Caesar shifts other than ROT13 ("each letter shifted by one: Ufmm nf ..."): tried only when the text
# talks about a cipher or a shift, and kept when one shift turns at least three more words into
# common English words than the text had
_CAESAR_GATE_RX = re2.compile(
    r"(?i)caesar|cipher|shift(?:ed|ing)?\s+(?:by|each|every|all|one|back|forward)|rot-?\d|decrypt"
)
_CAESAR_WORDS = _COMMON_WORDS | frozenset(
    {
        "a", "i", "me", "my", "how", "tell", "make", "do", "can", "be", "on", "not", "please", "write", "give",
        "show", "system", "prompt", "password", "rules", "secret", "reveal", "print", "say", "from", "an", "or",
    }
)  # fmt: skip
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_CAESAR_TABLES = {
    k: str.maketrans(_LOWER + _LOWER.upper(), _LOWER[k:] + _LOWER[:k] + (_LOWER[k:] + _LOWER[:k]).upper())
    for k in range(1, 26)
    if k != 13
}
_MAX_CAESAR_CHARS = 2048


def _caesar_shift(text: str) -> int:
    """The shift (1-25, not 13) that turns the most words of ``text`` into common English words,
    or 0 when none gains three or more."""
    if _CAESAR_GATE_RX.search(text) is None:
        return 0
    words = [w for w in _WORD_SPLIT_RX.split(text[:_MAX_CAESAR_CHARS].lower()) if w]
    if not words:
        return 0
    plain = sum(w in _CAESAR_WORDS for w in words)
    joined = " ".join(words)
    best, best_gain = 0, 2
    for k, table in _CAESAR_TABLES.items():
        gain = sum(w in _CAESAR_WORDS for w in joined.translate(table).split(" ")) - plain
        if gain > best_gain:
            best, best_gain = k, gain
    return best


# Runs that need work: anything but printable ASCII, space and newline (plus the spaces/newlines
# inside such a run, so that unusual whitespace collapses with its neighbours).
_INTERESTING = re.compile(r"[^\x20-\x7e\n](?:[ \n]*[^\x20-\x7e\n])*")
_INTERESTING_SPLIT = re.compile(r"([^\x20-\x7e\n](?:[ \n]*[^\x20-\x7e\n])*)")  # the same, captured
_RTL_RX = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

# Encoded blobs (simple runs: linear time).
# RE2: linear scan (Python's engine retries every position of every shorter word: quadratic)
_B64_RX = re2.compile(r"[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9_\-]{16,}={0,2}")
_HEX_RX = re.compile(r"(?:\\x[0-9A-Fa-f]{2}){6,}|(?:[0-9A-Fa-f]{2}[ :]?){8,}")
_URL_RX = re.compile(r"(?<!\S)[^\s%]*(?:%[0-9A-Fa-f]{2}[^\s%]*){3,}")
_HTML_RX = re.compile(r"(?:&#[xX]?[0-9A-Fa-f]{1,6};){3,}")
# eight-bit binary ASCII ("01001001 01100111 ..."), six bytes or more, spaced or not
_BIN_RX = re.compile(r"(?:[01]{8} ?){6,}")
_MAX_BLOBS = 64
_NESTED_RX = re.compile(r"[A-Za-z0-9+/=_\-]{16,}|(?:[0-9A-Fa-f]{2}[ :]?){8,}|(?:\\x[0-9A-Fa-f]{2}){6,}")


# Gates as literal searches over a class map of the UTF-8 bytes (bytes.translate and a substring
# search, both in C; characters outside ASCII are several bytes >= 0x80, all mapped to "."):
def _class_map(**classes: str) -> bytes:
    table = bytearray(b"." * 256)
    for mark, chars in classes.items():
        for c in chars:
            table[ord(c)] = ord(mark)
    return bytes(table)


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# 16 characters of [A-Za-z0-9+/_-] in a row (a base64-ish run)
_RUN_MAP = _class_map(a=_LETTERS + "0123456789+/_-")
_LONG_RUN = b"a" * 16
# (?:[0-9A-Fa-f]{2}[ :]){7}[0-9A-Fa-f]{2}
_HEX_MAP = _class_map(h="0123456789ABCDEFabcdef", s=" :")
_HEX_GATE = b"hhs" * 7 + b"hh"
# two spaced eight-bit groups, or six unspaced ones, before _BIN_RX runs
_BIN_MAP = _class_map(b="01", s=" ")
_BIN_GATES = (b"b" * 8 + b"s" + b"b" * 8, b"b" * 48)
# every byte _INTERESTING ignores (printable ASCII and the newline), to test ASCII text in C
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\n"


def _is_latinish(ch: str) -> bool:
    """Latin, Greek or Cyrillic letter (scripts whose accents we strip)."""
    o = ord(ch)
    return ch.isalpha() and (o < 0x0530 or 0x1E00 <= o <= 0x1FFF)


def _is_emojiish(ch: str) -> bool:
    o = ord(ch)
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or 0x2300 <= o <= 0x23FF or o in (0x2764, 0xFE0F, 0x20E3)


def _is_rtl_mark(ch: str) -> bool:
    """Arabic harakat and Hebrew points: optional vowel signs, dropped like accents."""
    o = ord(ch)
    return 0x0591 <= o <= 0x05C7 or 0x064B <= o <= 0x065F or o == 0x0670


def _is_vs(o: int) -> bool:
    return 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF


# Memo of the pure per-character fold (bounded; not configuration).
_FOLD_CACHE: dict[str, str] = {}
# letters NFKD does not fold (dotless i, long s, sharp s), and typographic apostrophes, which fold
# to ASCII so that "don’t" and "you’re" (what phones and word processors type) match the patterns
# written with "'" (a bypass until session 7)
_SPECIAL_FOLDS = {
    "ı": "i", "ȷ": "j", "ſ": "s", "ß": "ss",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201b": "'", "\u2032": "'",
}


def _fold_char(ch: str) -> str:
    """NFKC plus accent stripping for Latin/Greek/Cyrillic; context-free and cached."""
    out = _FOLD_CACHE.get(ch)
    if out is not None:
        return out
    if ch in _SPECIAL_FOLDS:
        out = _SPECIAL_FOLDS[ch]
    else:
        nfkd = unicodedata.normalize("NFKD", ch)
        if nfkd and _is_latinish(nfkd[0]):
            out = "".join(c for c in nfkd if not unicodedata.combining(c))
            out = unicodedata.normalize("NFKC", out)
        else:
            out = unicodedata.normalize("NFKC", ch)
    if len(_FOLD_CACHE) < 65536:
        _FOLD_CACHE[ch] = out
    return out


def fold_literal(s: str) -> str:
    """Fold a literal (e.g. the non-ASCII words of a pattern) the way :func:`normalize` folds text.

    ASCII is returned unchanged, so regular-expression syntax survives. Use it to write patterns
    with accents (``précédentes``) that match the normalised text (``precedentes``).
    """
    if s.isascii():
        return s
    return "".join(c if c.isascii() else _fold_char(c) for c in s)


def regex_structure(s: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, token, group depth after it)`` for each token of the regular expression ``s`` from
    ``start`` that stands outside character classes: a character, or an escape as its two
    characters (``"\\."``). The one walk over an expression's structure that splitting
    alternatives, finding a group's end and finding a rule's literal trigger share."""
    depth, cls, i = 0, False, start
    while i < len(s):
        c = s[i]
        if c == "\\":
            if not cls:
                yield i, s[i : i + 2], depth
            i += 2
            continue
        if cls:
            cls = c != "]"
        else:
            if c == "[":
                cls = True
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            yield i, c, depth
        i += 1


def top_alternatives(s: str) -> list[str]:
    """Split a regular expression at the ``|`` outside groups and character classes (escapes
    skipped). Used for rule triggers and for the concept lexicons' word lists."""
    out: list[str] = []
    start = 0
    for i, c, depth in regex_structure(s):
        if c == "|" and depth == 0:
            out.append(s[start:i])
            start = i + 1
    out.append(s[start:])
    return out


# -- values -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signal:
    """Obfuscation seen while normalising. ``kind``: zero_width, unicode_tags, bidi, homoglyph,
    variation_selectors or combining_marks; ``start``/``end``: span in the original text;
    ``detail``: a short, safe description (e.g. the hidden tag text, truncated)."""

    kind: str
    start: int
    end: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class TextView:
    """One text to match on, with the mapping of its spans to the original document.

    ``name``: ``text``, ``leet``, ``rot13`` or ``decoded``; ``encoding``: for decoded views, the
    chain of encodings peeled off (``("base64",)``, ``("base64", "hex")`` ...).
    """

    name: str
    text: str
    source: NormalizedText
    blob_span: tuple[int, int] | None = None
    encoding: tuple[str, ...] = ()
    # for a view whose length differs from ``source.text`` (``respaced``): the rewritten regions as
    # (view start, view end, source start, source end), in order; text between them is unchanged
    rewrites: tuple[tuple[int, int, int, int], ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.blob_span is not None:
            return self.blob_span
        if self.rewrites:
            start, end = _through_rewrites(self.rewrites, start, end)
        return self.source.to_original(start, end)


def _through_rewrites(rw: tuple[tuple[int, int, int, int], ...], start: int, end: int) -> tuple[int, int]:
    """Map a span of a rewritten view to its source: a point inside a rewritten region widens
    to the whole region, a point outside shifts by the length change of the regions before it."""

    def point(pos: int, *, is_end: bool) -> int:
        shift = 0
        for v0, v1, s0, s1 in rw:
            if pos < v0 or (is_end and pos == v0):
                break
            if pos < v1 or (is_end and pos == v1):
                return s1 if is_end else s0
            shift = s1 - v1
        return pos + shift

    return point(start, is_end=False), point(end, is_end=True)


@dataclass(frozen=True, slots=True)
class DecodedBlob:
    """An encoded blob found in the text: ``start``/``end`` in the original, ``encoding`` chain
    (outermost first), and the normalised ``view`` of the decoded text."""

    start: int
    end: int
    encoding: tuple[str, ...]
    view: NormalizedText


@dataclass(frozen=True)
class NormalizedText:
    """The normalised form of one text; see the module docstring. Build with :func:`normalize`."""

    original: str
    text: str
    # Segments of the offset map: normalised start, original start, original end. The segment
    # i covers text[nstart[i]:nstart[i+1]]; equal lengths map linearly, others map to the whole.
    _nstart: tuple[int, ...] = ()
    _ostart: tuple[int, ...] = ()
    _oend: tuple[int, ...] = ()
    signals: tuple[Signal, ...] = ()
    decoded: tuple[DecodedBlob, ...] = ()
    truncated_decoding: bool = False
    _identity: bool = field(default=True)

    @property
    def changed(self) -> bool:
        """True when normalisation changed anything (the offset map is not the identity)."""
        return not self._identity or self.text != self.original

    def _seg(self, pos: int) -> int:
        return bisect.bisect_right(self._nstart, pos) - 1

    def _map_point(self, pos: int, *, end: bool) -> int:
        if self._identity:
            return pos
        if not self._nstart:
            return 0
        i = self._seg(pos)
        if i < 0:
            return self._ostart[0]
        n0 = self._nstart[i]
        n1 = self._nstart[i + 1] if i + 1 < len(self._nstart) else len(self.text)
        o0, o1 = self._ostart[i], self._oend[i]
        if n1 - n0 == o1 - o0:
            return o0 + (pos - n0) + (1 if end else 0)
        return o1 if end else o0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to ``(start, end)`` in the original text (widening over rewrites)."""
        if self._identity:
            return start, end
        if end <= start:
            p = self._map_point(start, end=False) if start < len(self.text) else len(self.original)
            return p, p
        return self._map_point(start, end=False), self._map_point(end - 1, end=True)

    @cached_property
    def leet(self) -> str:
        """``text`` with leetspeak folded inside words mixing letters and 0/1/3/4/5/7/@/$ (same length)."""
        t = self.text
        parts: list[str] = []
        last = 0
        for m in _LEET_RUN_RX.finditer(t):
            w = m.group()
            if len(w) < 3:
                continue
            parts.append(t[last : m.start()])
            parts.append(w.translate(_LEET_TABLE))
            last = m.end()
        if not parts:
            return t
        parts.append(t[last:])
        return "".join(parts)

    @cached_property
    def rot13(self) -> str:
        """``text`` with ROT13 applied to ASCII letters (same length)."""
        return self.text.translate(_ROT13_TABLE)

    @cached_property
    def looks_rot13(self) -> bool:
        """True when ROT13 turns more of the text into common English words than it had."""
        words = set(_WORD_SPLIT_RX.split(self.text[:512].lower()))
        plain = len(_COMMON_WORDS & words)
        if plain >= 3:
            return False  # already reads as English
        # words hold only a-z: rotate them all in one translate
        rotated = set(" ".join(words).translate(_ROT13_TABLE).split(" "))
        return len(_COMMON_WORDS & rotated) > max(1, plain)

    @cached_property
    def caesar(self) -> TextView | None:
        """``text`` under the Caesar shift that makes it read as English (same length), or None:
        see ``_caesar_shift``."""
        k = _caesar_shift(self.text)
        if not k:
            return None
        return TextView("caesar", self.text.translate(_CAESAR_TABLES[k]), self, encoding=(f"caesar{26 - k:+d}",))

    @cached_property
    def respaced(self) -> TextView | None:
        """``text`` with letters written one at a time joined into words (``i g n o r e a l l`` and
        ``I.g.n.o.r.e`` → ``ignore all``) and words glued together split apart
        (``IgnoreAllPreviousInstructions`` → ``Ignore All Previous Instructions``), or None when
        the text has neither. Each rewritten run maps back to its whole span."""
        return _respace(self)

    @cached_property
    def reversed_view(self) -> TextView | None:
        """Lines written backwards read forwards (see the module docstring), or None."""
        return _unreverse(self)

    def views(self, *, leet: bool = True, rot13: bool = True, respaced: bool = False) -> Iterator[TextView]:
        """The texts worth matching: the normalised text, the leet and ROT13 views when they
        differ from it (ROT13 only when :attr:`looks_rot13`), with ``respaced`` the
        :attr:`respaced` and :attr:`reversed_view` views when there are any, and every decoded
        blob (whose spans map to the blob)."""
        yield TextView("text", self.text, self)
        if leet and self.leet != self.text:
            yield TextView("leet", self.leet, self)
        if respaced and (rs := self.respaced) is not None:
            yield rs
        if respaced and (rv := self.reversed_view) is not None:
            yield rv
        if rot13 and self.looks_rot13:
            yield TextView("rot13", self.rot13, self, encoding=("rot13",))
        elif rot13 and (cv := self.caesar) is not None:
            yield cv
        for blob in self.decoded:
            yield TextView("decoded", blob.view.text, blob.view, (blob.start, blob.end), blob.encoding)


# -- letters spaced apart, words glued together ---------------------------------------------

# "i g n o r e", "I.g.n.o.r.e", "i-g-n-o-r-e": six or more single letters, each followed by one
# to three separator characters (spaces between the words of a spaced-out sentence).
_SPACED_RX = re2.compile(r"\b(?:[A-Za-z][ .\-_*|/+~,]{1,3}){5,}[A-Za-z]\b")
# "ignoreallpreviousinstructions", "IgnoreAllPreviousInstructions": a run of 16+ letters that
# holds a word the injection rules are made of (splitting every long identifier or German
# compound would cost time and find nothing)
_GLUED_RX = re2.compile(r"[A-Za-z]{16,}")
_GLUED_GATE_RX = re2.compile(
    r"(?i)ignor|disregard|forget|previous|prior|above|instruct|prompt|system|reveal|rules|password|secret"
    r"|jailbreak|pretend|override|bypass|restrict|filter|censor|developer|mode|now|say|print|repeat"
)
_MAX_RESPACED_RUNS = 16
_LETTER_RX = re.compile(r"[A-Za-z]")
_SEP_RX = re.compile(r"[^A-Za-z]+")
_MAX_RESPACED_CHARS = 4096


def _split_words(s: str) -> list[str] | None:
    """English words in ``s`` (letters only, no spaces) by word frequency, or None when the best
    split is mostly one- and two-letter pieces (random letters, initials, an alphabet)."""
    import wordninja  # loads a 0.5 MB word list (64 ms): only texts with such runs pay

    words: list[str] = []
    for i in range(0, len(s), 256):  # pieces of 256 letters bound the memory and time of one split
        words.extend(w for w in wordninja.split(s[i : i + 256]) if w)
    if not words or len(s) / len(words) < 3.0:
        return None
    return words


def _spaced_words(run: str) -> tuple[list[str] | None, str]:
    """The words of a run of spaced-out letters, or the letters joined when only the
    word-frequency split can find them. Where the writer left word gaps (a separator other than
    the usual one: ``i g n o r e   a l l``, ``I.g.n.o.r.e a.l.l``) the gaps give the words."""
    letters = _LETTER_RX.findall(run)
    seps = _SEP_RX.findall(run)
    usual = max(set(seps), key=seps.count) if seps else ""
    words: list[str] = []
    cur = letters[0] if letters else ""
    for ch, sep in zip(letters[1:], seps, strict=False):
        if sep == usual:
            cur += ch
        else:
            words.append(cur)
            cur = ch
    words.append(cur)
    if len(words) > 1:
        return (words if sum(map(len, words)) / len(words) >= 3.0 else None), ""
    return None, words[0]


def _respace(nt: NormalizedText) -> TextView | None:
    t = nt.text
    if len(t) < 6:
        return None
    runs: list[tuple[int, int, str]] = []
    budget = _MAX_RESPACED_CHARS  # letters the word-frequency split may take per text
    for m in _SPACED_RX.finditer(t):
        if len(runs) >= _MAX_RESPACED_RUNS:
            break
        s, e = m.span()
        words, unsplit = _spaced_words(m.group())
        if unsplit:
            joined = unsplit[:budget]
            budget -= len(joined)
            words = _split_words(joined) if joined else None
        if words is not None:
            runs.append((s, e, " ".join(words)))
    for m in _GLUED_RX.finditer(t):
        s, e = m.span()
        if (s > 0 and t[s - 1].isalnum()) or (e < len(t) and t[e].isalnum()) or not _GLUED_GATE_RX.search(m.group()):
            continue  # part of a longer token (a hash, base64), or nothing the rules could read
        if len(runs) >= _MAX_RESPACED_RUNS:
            break
        if len(m.group()) > budget:
            continue  # a filler run too long to split must not use up the budget of the runs after it
        budget -= len(m.group())
        words = _split_words(m.group())
        if words is not None and len(words) >= 3:
            runs.append((s, e, " ".join(words)))
    if not runs:
        return None
    runs.sort()
    return _rewritten(nt, "respaced", runs)


def _rewritten(
    nt: NormalizedText, name: str, runs: list[tuple[int, int, str]], encoding: tuple[str, ...] = ()
) -> TextView:
    """A view of ``nt.text`` with each run ``(start, end, replacement)`` (sorted) replaced; a run that
    overlaps one already replaced is skipped. Spans inside a replacement map back to its whole run."""
    t = nt.text
    parts: list[str] = []
    rewrites: list[tuple[int, int, int, int]] = []
    last = 0
    pos = 0
    for s, e, rep in runs:
        if s < last:
            continue  # overlaps a run already rewritten
        parts.append(t[last:s])
        pos += s - last
        parts.append(rep)
        rewrites.append((pos, pos + len(rep), s, e))
        pos += len(rep)
        last = e
    parts.append(t[last:])
    return TextView(name, "".join(parts), nt, encoding=encoding, rewrites=tuple(rewrites))


# -- text written backwards -------------------------------------------------------------------

# trigger words of the injection rules spelt backwards; ordinary text in any language holds none
# of them ("snoitcurtsni" instructions, "erongi" ignore, "drageris" disregard, "tpmorp" prompt ...)
_REVERSED_GATE_RX = re2.compile(
    r"(?i)snoitcurtsni|noitcurtsni|erongi|drageris|tegrof|tpmorp|suoiverp|drowssap|kaerbliaj|edirrevo"
    r"|snoitcirtser|laever|ruoy fo|metsys ruoy|selur ruoy|ruoy erongi|lla erongi"
)
_MAX_REVERSED_LINES = 8
_MAX_REVERSED_LINE = 2048  # a longer line is cut to this window around the reversed word


def _unreverse(nt: NormalizedText) -> TextView | None:
    t = nt.text
    if _REVERSED_GATE_RX.search(t) is None:
        return None
    runs: list[tuple[int, int, str]] = []
    last = 0
    for m in _REVERSED_GATE_RX.finditer(t):
        if m.start() < last:
            continue  # inside a line already taken
        if len(runs) >= _MAX_REVERSED_LINES:
            break
        s = t.rfind("\n", 0, m.start()) + 1
        e = t.find("\n", m.end())
        e = len(t) if e < 0 else e
        half = _MAX_REVERSED_LINE // 2
        s, e = max(s, last, m.start() - half), min(e, m.end() + half)
        line = t[s:e]
        runs.append((s, e, f"{line[::-1]}\n{' '.join(w[::-1] for w in line.split(' '))}"))
        last = e
    return _rewritten(nt, "reversed", runs, ("reversed",))


# -- normalisation ------------------------------------------------------------------------


class _Builder:
    __slots__ = ("identity", "nstart", "oend", "ostart", "out", "pos", "signals")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pos = 0
        self.nstart: list[int] = []
        self.ostart: list[int] = []
        self.oend: list[int] = []
        self.signals: list[Signal] = []
        self.identity = True

    def emit(self, s: str, o0: int, o1: int) -> None:
        """Append ``s`` standing for original ``[o0, o1)``; merges linear neighbours."""
        n = len(s)
        if n == 0:
            # Deleted characters leave a gap in the original offsets between two segments; a
            # span crossing the gap maps to both neighbours and so covers the deleted characters.
            self.identity = False
            return
        if n != o1 - o0 or (self.oend and self.oend[-1] != o0):
            self.identity = False
        if self.nstart and n == o1 - o0 and self.oend[-1] == o0:
            prev_len_n = self.pos - self.nstart[-1]
            if prev_len_n == self.oend[-1] - self.ostart[-1]:
                self.out.append(s)
                self.pos += n
                self.oend[-1] = o1
                return
        self.nstart.append(self.pos)
        self.ostart.append(o0)
        self.oend.append(o1)
        self.out.append(s)
        self.pos += n


def _signal(b: _Builder, kind: str, start: int, end: int, text: str, detail: str = "") -> None:
    """Record a signal, merging with the previous one of the same kind inside the same token."""
    if b.signals:
        last = b.signals[-1]
        if last.kind == kind and last.end <= start and not any(c.isspace() for c in text[last.end : start]):
            b.signals[-1] = Signal(kind, last.start, end, last.detail or detail)
            return
    b.signals.append(Signal(kind, start, end, detail))


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character from ``i`` in direction ``step`` that is not invisible/format."""
    j = i + step
    while 0 <= j < len(text):
        c = text[j]
        if c not in _ZERO_WIDTH and c not in _DIR_MARKS and c not in _BIDI and not _is_vs(ord(c)):
            return c
        j += step
    return ""


def _process_run(text: str, s: int, e: int, b: _Builder, rtl: bool) -> None:
    """Per-character normalisation of ``text[s:e]``."""
    i = s
    ws_start = -1
    ws_newline = False
    while i < e:
        ch = text[i]
        o = ord(ch)
        # whitespace runs
        if ch.isspace():
            if ws_start < 0:
                ws_start = i
                ws_newline = False
            if ch in _LINE_BREAKS:
                ws_newline = True
            i += 1
            continue
        if ws_start >= 0 and not (ch in _ZERO_WIDTH or ch in _DIR_MARKS or ch in _BIDI):
            b.emit("\n" if ws_newline else " ", ws_start, i)
            ws_start = -1
        if ch in _ZERO_WIDTH or ch in _DIR_MARKS:
            _classify_invisible(text, i, b, rtl)
            b.emit("", i, i + 1)
            i += 1
            continue
        if ch in _BIDI:
            if ch in _BIDI_OVERRIDE or not rtl:
                _signal(b, "bidi", i, i + 1, text, f"U+{o:04X}")
            b.emit("", i, i + 1)
            i += 1
            continue
        if _TAG_FIRST <= o <= _TAG_LAST:
            j = i
            while j < e and _TAG_FIRST <= ord(text[j]) <= _TAG_LAST:
                j += 1
            hidden = "".join(chr(ord(c) - _TAG_FIRST) for c in text[i:j] if 0x20 <= ord(c) - _TAG_FIRST <= 0x7E)
            is_flag = (
                i > 0
                and text[i - 1] == _BLACK_FLAG
                and ord(text[j - 1]) == 0xE007F
                and j - i <= 8
                and hidden.isalnum()
                and hidden.lower() == hidden
            )
            if is_flag:
                b.emit("", i, j)
            else:
                _signal(b, "unicode_tags", i, j, text, hidden[:40])
                for k in range(i, j):
                    c = ord(text[k]) - _TAG_FIRST
                    b.emit(chr(c) if 0x20 <= c <= 0x7E else "", k, k + 1)
            i = j
            continue
        if _is_vs(o):
            j = i
            while j < e and _is_vs(ord(text[j])):
                j += 1
            if j - i >= 4:
                _signal(b, "variation_selectors", i, j, text, f"{j - i} variation selectors")
            b.emit("", i, j)
            i = j
            continue
        if unicodedata.combining(ch):
            prev = text[i - 1] if i > 0 else ""
            j = i
            while j < e and unicodedata.combining(text[j]):
                j += 1
            if j - i >= 3 and prev and (prev.isascii() or _is_latinish(prev)):
                _signal(b, "combining_marks", i, j, text, f"{j - i} combining marks")
            if (prev and (prev.isascii() or _is_latinish(prev))) or all(_is_rtl_mark(c) for c in text[i:j]):
                b.emit("", i, j)  # accents, and optional Arabic/Hebrew vowel signs
            else:
                b.emit(text[i:j], i, j)
            i = j
            continue
        if o < 0x20 or o == 0x7F:  # C0 controls other than whitespace
            b.emit("", i, i + 1)
            i += 1
            continue
        b.emit(ch if o < 0x80 else _fold_char(ch), i, i + 1)
        i += 1
    if ws_start >= 0:
        b.emit("\n" if ws_newline else " ", ws_start, e)


def _classify_invisible(text: str, i: int, b: _Builder, rtl: bool) -> None:
    ch = text[i]
    if ch == "\ufeff" and i == 0:
        return  # a byte-order mark at the start
    if ch in _DIR_MARKS and rtl:
        return
    # a run of invisibles: 4 or more is never typography
    j = i
    while j < len(text) and (text[j] in _ZERO_WIDTH or text[j] in _DIR_MARKS):
        j += 1
    k = i
    while k > 0 and (text[k - 1] in _ZERO_WIDTH or text[k - 1] in _DIR_MARKS):
        k -= 1
    if j - k >= 4:
        _signal(b, "zero_width", i, i + 1, text, "run of invisible characters")
        return
    left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
    if ch in "\u200d\ufe0f" and (_is_emojiish(left) or _is_emojiish(right)):
        return  # emoji ZWJ sequence
    if not (left and right and left.isalnum() and right.isalnum()):
        return  # not inside a word
    if ch in "\u200b\u200c\u200d\u00ad" and not (left.isascii() or _is_latinish(left)):
        return  # joiners and break hints in non-Latin scripts (Persian, Indic, Thai ...)
    if ch == "\u00ad":
        return  # soft hyphens mark hyphenation points in typeset text; removed, not reported
    _signal(b, "zero_width", i, i + 1, text, f"U+{ord(ch):04X} inside a word")


def _fold_homoglyphs(norm: str, nt_map: NormalizedText, b: _Builder) -> str:
    """Fold look-alikes to Latin inside words that mix Latin with Cyrillic/Greek look-alikes."""
    if not _CONFUSABLE_RX.search(norm) or not _MIXED_RX.search(norm):
        return norm
    chars: list[str] | None = None
    for m in _non_ascii_words(norm):
        w = m.group()
        if not _CONFUSABLE_RX.search(w):
            continue
        has_latin = any(c.isascii() and c.isalpha() for c in w)
        if not has_latin:
            continue
        # every non-ASCII letter must be a look-alike (a real mixed word, not "Moskau/Москва")
        foreign = [c for c in w if not c.isascii() and c.isalpha()]
        if not foreign or any(c not in _CONFUSABLES for c in foreign):
            continue
        if not _greek_inside(w):
            continue  # scientific notation such as "αSyn", "TNFα", "κB"
        if chars is None:
            chars = list(norm)
        chars[m.start() : m.end()] = list(w.translate(_CONFUSABLE_TABLE))
        o0, o1 = nt_map.to_original(m.start(), m.end())
        b.signals.append(Signal("homoglyph", o0, o1, f"{len(foreign)} look-alike letters"))
    return norm if chars is None else "".join(chars)


def _non_ascii_words(text: str) -> Iterator[re.Match[str]]:
    """The ``\\w+`` words of ``text`` that hold a non-ASCII character, in order; linear time (only
    the neighbourhood of non-ASCII characters is visited, each word once)."""
    end = 0
    for nm in _NON_ASCII_RX.finditer(text):
        i = nm.start()
        if i < end or not _WORD_CHAR_RX.match(text, i):
            continue
        s = i
        while s > end and _WORD_CHAR_RX.match(text, s - 1):
            s -= 1
        m = _WORD_RX.match(text, s)
        if m is None:  # pragma: no cover - text[i] is a word character
            continue
        end = m.end()
        yield m


def _greek_inside(w: str) -> bool:
    """Greek look-alikes count only between two ASCII letters (Cyrillic ones count anywhere)."""
    for k, c in enumerate(w):
        if 0x0370 <= ord(c) <= 0x03FF:
            if k == 0 or k == len(w) - 1:
                return False
            if not (w[k - 1].isascii() and w[k - 1].isalpha() and w[k + 1].isascii() and w[k + 1].isalpha()):
                return False
    return True


def _printable_text(raw: bytes) -> str | None:
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(s) < 6:
        return None
    good = sum(1 for c in s if c.isprintable() or c in "\n\r\t")
    if good < 0.9 * len(s):
        return None
    letters = sum(1 for c in s if c.isalpha())
    if letters < 0.4 * len(s.replace(" ", "")) and not _NESTED_RX.fullmatch(s.strip()):
        return None  # neither text nor another encoded blob
    return s


def _decode_candidates(t: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, encoding, decoded text) for blobs in ``t`` that decode to printable text."""
    seen = 0
    data = t.encode("utf-8")
    long_runs = _LONG_RUN in data.translate(_RUN_MAP)
    for m in _B64_RX.finditer(t) if long_runs else ():
        tok = m.group()
        if tok.isalpha() and (tok.islower() or tok.isupper()):
            continue  # a plain long word
        core = tok.rstrip("=")
        pad = "=" * (-len(core) % 4)
        try:
            raw = base64.b64decode(core + pad, altchars=b"-_" if ("-" in core or "_" in core) else None)
        except (binascii.Error, ValueError):
            continue
        txt = _printable_text(raw)
        if txt is not None:
            seen += 1
            yield m.start(), m.end(), "base64", txt
        if seen >= _MAX_BLOBS:
            return
    for m in _HEX_RX.finditer(t) if (long_runs or "\\x" in t or _HEX_GATE in data.translate(_HEX_MAP)) else ():
        tok = m.group()
        digits = re.sub(r"\\x|[ :]", "", tok)
        if len(digits) % 2:
            digits = digits[:-1]
        try:
            raw = bytes.fromhex(digits)
        except ValueError:
            continue
        txt = _printable_text(raw)
        if txt is not None:
            yield m.start(), m.end(), "hex", txt
    bin_classes = data.translate(_BIN_MAP) if "0" in t else b""
    for m in _BIN_RX.finditer(t) if any(g in bin_classes for g in _BIN_GATES) else ():
        bits = m.group().replace(" ", "")
        raw = int(bits[: len(bits) // 8 * 8], 2).to_bytes(len(bits) // 8, "big")
        txt = _printable_text(raw)
        if txt is not None:
            yield m.start(), m.end(), "binary", txt
    for m in _URL_RX.finditer(t) if "%" in t else ():
        tok = m.group()
        try:
            txt = urllib.parse.unquote(tok, errors="strict")
        except UnicodeDecodeError:
            continue
        if txt != tok and len(txt) >= 6:
            yield m.start(), m.end(), "url", txt.replace("+", " ")
    last_line = -1
    for m in _HTML_RX.finditer(t) if "&#" in t else ():
        # entities hide single words: decode the whole line so the words around them count too
        ls = t.rfind("\n", 0, m.start()) + 1
        if ls == last_line:
            continue
        last_line = ls
        le = t.find("\n", m.end())
        le = len(t) if le < 0 else le
        line = t[ls:le]
        txt = html.unescape(line)
        if txt != line:
            yield ls, le, "html", txt


_SENTINEL = "\uffff"


def _needs_slow(ch: str) -> bool:
    o = ord(ch)
    return (
        ch in _ZERO_WIDTH
        or ch in _DIR_MARKS
        or ch in _BIDI
        or _TAG_FIRST <= o <= _TAG_LAST
        or _is_vs(o)
        or (ch.isspace() and ch not in " \n")
        or o < 0x20
        or o == 0x7F
        or ch == _SENTINEL
        or bool(unicodedata.combining(ch))
    )


class _FoldTable(dict[int, str]):
    """``str.translate`` table: characters with a one-character fold map to it (in C, fast);
    characters that need context (invisible, tags, whitespace, combining, expansions) map to a
    sentinel that sends their run through the per-character path."""

    def __missing__(self, o: int) -> str:
        ch = chr(o)
        if o < 0x80:
            out = _SENTINEL if _needs_slow(ch) else ch
        elif _needs_slow(ch):
            out = _SENTINEL
        else:
            f = _fold_char(ch)
            out = f if len(f) == 1 else _SENTINEL
        if len(self) < 200_000:
            self[o] = out
        return out


_TABLE = _FoldTable()


def _normalize_one(text: str) -> NormalizedText:
    if text.isascii() and not text.encode("ascii").translate(None, _PLAIN_ASCII):
        return NormalizedText(original=text, text=text)  # nothing for _INTERESTING to find
    b = _Builder()
    # Common case (accented prose, typographic quotes ...): every character of every run folds
    # to exactly one character, so no run needs the per-character path. The loop below would
    # then emit the text with the runs translated, as one linear segment; do that in one go.
    parts = _INTERESTING_SPLIT.split(text)  # text between runs, run, text between runs, ...
    folded = "".join(parts[1::2]).translate(_TABLE)  # all runs at once (the table is per character)
    if _SENTINEL not in folded:
        pos = 0
        for i in range(1, len(parts), 2):
            end = pos + len(parts[i])
            parts[i] = folded[pos:end]
            pos = end
        norm = "".join(parts)
        nt = NormalizedText(
            original=text, text=norm, _nstart=(0,), _ostart=(0,), _oend=(len(text),), _identity=norm == text
        )
        if not _CONFUSABLE_RX.search(folded):  # look-alikes are not ASCII: only runs can hold them
            return nt
        return _with_homoglyphs(nt, b)
    rtl = bool(_RTL_RX.search(text))
    last = 0
    for m in _INTERESTING.finditer(text):
        s, e = m.span()
        if s > last:
            b.emit(text[last:s], last, s)
        run = m.group()
        folded = run.translate(_TABLE)
        if _SENTINEL not in folded:
            b.emit(folded, s, e)  # every character folds to exactly one: offsets are linear
        else:
            _process_run(text, s, e, b, rtl)
        last = e
    if last < len(text):
        b.emit(text[last:], last, len(text))
    norm = "".join(b.out)
    identity = b.identity and norm == text and len(b.nstart) <= 1
    nt = NormalizedText(
        original=text,
        text=norm,
        _nstart=tuple(b.nstart),
        _ostart=tuple(b.ostart),
        _oend=tuple(b.oend),
        _identity=identity,
    )
    return _with_homoglyphs(nt, b)


def _with_homoglyphs(nt: NormalizedText, b: _Builder) -> NormalizedText:
    """``nt`` with look-alikes folded in mixed-script words and ``b``'s signals attached."""
    norm, text = nt.text, nt.original
    hfolded = _fold_homoglyphs(norm, nt, b)
    signals = tuple(sorted(b.signals, key=lambda s: (s.start, s.end, s.kind)))
    if hfolded is norm and not signals:
        return nt
    return NormalizedText(
        original=text,
        text=hfolded,
        _nstart=nt._nstart,
        _ostart=nt._ostart,
        _oend=nt._oend,
        signals=signals,
        _identity=nt._identity and hfolded == text,
    )


def normalize(
    text: str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_decoded_bytes: int = DEFAULT_MAX_DECODED_BYTES,
) -> NormalizedText:
    """Normalise ``text`` and decode encoded blobs (see the module docstring). Never raises on
    odd input; work is linear in ``len(text)`` plus ``max_decoded_bytes``."""
    top = _normalize_one(text)
    if max_depth < 1 or max_decoded_bytes < 1:
        return top
    blobs: list[DecodedBlob] = []
    budget = max_decoded_bytes
    truncated = False
    # breadth-first: (view to search, span in the top-level original, encoding chain, depth)
    queue: list[tuple[NormalizedText, tuple[int, int] | None, tuple[str, ...], int]] = [(top, None, (), 0)]
    qi = 0
    while qi < len(queue):
        view, span, chain, depth = queue[qi]
        qi += 1
        if depth >= max_depth:
            continue
        for s, e, enc, decoded in _decode_candidates(view.text):
            cost = len(decoded.encode("utf-8", "replace"))
            if cost > budget or len(blobs) >= _MAX_BLOBS:
                truncated = True
                break
            budget -= cost
            inner = _normalize_one(decoded)
            where = span if span is not None else view.to_original(s, e)
            blob = DecodedBlob(where[0], where[1], (*chain, enc), inner)
            blobs.append(blob)
            queue.append((inner, where, blob.encoding, depth + 1))
        if truncated:
            break
    if not blobs and not truncated:
        return top
    return NormalizedText(
        original=top.original,
        text=top.text,
        _nstart=top._nstart,
        _ostart=top._ostart,
        _oend=top._oend,
        signals=top.signals,
        decoded=tuple(blobs),
        truncated_decoding=truncated,
        _identity=top._identity,
    )


def normalized_view(doc: Document) -> NormalizedText:
    """The :class:`NormalizedText` of ``doc.text``, computed once per document and shared by all
    scanners; decoding is bounded by ``doc.config.max_decode_depth``/``max_decoded_bytes``."""
    cfg = doc.config
    return doc.cached(
        _CACHE_KEY,
        lambda: normalize(doc.text, max_depth=cfg.max_decode_depth, max_decoded_bytes=cfg.max_decoded_bytes),
    )


# A fake dialogue primes the model when it ends on an open assistant turn: "...\nAssistant:",
# "Assistant: Sure, here is", "Assistant: The steps are:". A pasted transcript whose last turn is
# complete does not. Shared by the role_turn rule and the classifier (bounded, so linear).
_OPEN_TURN = re.compile(
    r"(?:^|\n)[ \t]*(?:assistant|ai|ai\s+assistant|bot|chatbot|model)[ \t]*:[ \t]*(?:(?:sure|of\s+course|certainly|"
    r"absolutely|okay|ok|yes|here|step|happy|no\s+problem|great|gladly|alright)\b[^\n]{0,100}|[^\n]{0,100}:)?\s*$",
    re.IGNORECASE,
)


def ends_on_open_turn(text: str) -> bool:
    """Whether ``text`` ends on an open assistant turn (only its last 400 characters are read)."""
    return _OPEN_TURN.search(text[-400:]) is not None


# Turn labels of a chat transcript: the English ones (the only ones train.jsonl holds) and others
_USER_WORDS_EN = r"user|human|customer"
_ASSISTANT_WORDS_EN = r"assistant|ai\s+assistant|ai|bot|chatbot|agent|support"
_USER_WORDS = _USER_WORDS_EN + (
    r"|utilisateur|usuario|usuário|utilizador|utente|benutzer|nutzer|kunde|gebruiker|użytkownik|uzytkownik|пользователь|"
    r"用户|ユーザー|kullanici|kullanıcı|anvandare|användare|uzivatel|uživatel|pengguna|nguoi\s+dung|người\s+dùng"
)
_ASSISTANT_WORDS = _ASSISTANT_WORDS_EN + (
    r"|assistent|asistente|assistente|asystent|asistan|asisten|asistent|ассистент|助手|アシスタント|tro\s+ly|trợ\s+lý"
)
_USER_LABEL = re.compile(rf"(?im)^[ \t]*(?:{_USER_WORDS})[ \t]*[:：]")
_ASSISTANT_LABEL = re.compile(rf"(?im)^[ \t]*(?:{_ASSISTANT_WORDS})[ \t]*[:：]")
#: a user or assistant turn label (any of the languages above) at a given position
CHAT_TURN = re.compile(rf"\s*(?:{_USER_WORDS}|{_ASSISTANT_WORDS})\s*[:：]", re.IGNORECASE)
#: a user or assistant label (any of the languages above) at a line start, up to its colon in group 1
TURN_LABEL = re.compile(rf"(?im)^([ \t]*(?:{_USER_WORDS}|{_ASSISTANT_WORDS})[ \t]*)[:：]")
_SYSTEM_LABEL = re.compile(r"(?im)^[ \t]*system[ \t]*:")
_USER_LABEL_RE2 = re2.compile(_USER_LABEL.pattern)


def closed_transcript(text: str) -> bool:
    """Whether ``text`` holds a chat transcript (lines opening with a user label and lines opening
    with an assistant label) with no ``System:`` line that does not end on an open assistant turn.
    A lone "Assistant: tell the user ..." planted in a document is not a transcript."""
    if "\n" not in text or (":" not in text and "：" not in text):  # a transcript has lines and labels
        return False
    return (
        _USER_LABEL_RE2.search(text) is not None  # RE2: about 5x faster than re on long texts
        and _ASSISTANT_LABEL.search(text) is not None
        and _SYSTEM_LABEL.search(text) is None
        and not ends_on_open_turn(text)
    )

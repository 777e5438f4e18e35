"""PII scanner (``pii.*``): personal data in text, with validators.

Every entity is found in two steps. A :class:`~bastion.detect._engine.PatternSet` (Hyperscan
prefilter, RE2 spans, linear time) proposes candidates; a validator then decides on each
candidate alone: checksums (Luhn for payment cards, mod-97 for IBAN, the Steuer-ID check digit),
number-plan validation through ``phonenumbers`` for phone numbers, range rules for US SSNs,
``ipaddress`` for IP addresses. Context words around a candidate (a few dozen characters, never
the whole text) raise or lower confidence and filter look-alikes: order numbers, dates, versions,
prices, ISBNs and documentation examples stay clean.

Rule ids and ``entity`` values are stable: ``pii.email`` (``email``), ``pii.phone`` (``phone``),
``pii.credit_card`` (``credit_card``), ``pii.iban`` (``iban``), ``pii.ssn`` (``ssn``),
``pii.de_tax_id`` (``de_tax_id``), ``pii.ip_address`` (``ip_address``), ``pii.date_of_birth``
(``date_of_birth``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as _iban
from stdnum.de import idnr as _idnr

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.detect._base import OWASP_LLM02, DetectConfig, Document, make_finding, mask_evidence
from bastion.detect._staged import Staged, StagedSet

__all__ = [
    "CREDIT_CARD",
    "DATE_OF_BIRTH",
    "DE_TAX_ID",
    "EMAIL",
    "IBAN",
    "IP_ADDRESS",
    "PHONE",
    "RULES",
    "SSN",
    "PiiScanner",
    "luhn_valid",
]


def _rule(rule_id: str, severity: Severity, confidence: float, description: str, example: str) -> RuleInfo:
    return RuleInfo(
        rule_id=rule_id,
        category=Category.PII,
        severity=severity,
        confidence=confidence,
        owasp=(OWASP_LLM02,),
        description=description,
        example=example,
    )


EMAIL = _rule(
    "pii.email",
    Severity.MEDIUM,
    0.9,
    "An e-mail address, also in the bracketed obfuscated form `name [at] host [dot] tld`. Reserved "
    "example domains (example.com/.org/.net, .test, .example, .invalid, .localhost) and file names "
    "such as `logo@2x.png` are ignored.",
    "Write to jane.doe@acme.io",
)
PHONE = _rule(
    "pii.phone",
    Severity.MEDIUM,
    0.75,
    "A phone number that `phonenumbers` validates, in international form (`+49 ...`, `0049 ...`) or "
    "in the national form of a configured region (`DetectConfig.pii_regions`, default DE, US, GB). "
    "A bare digit run without separators needs a phone word nearby (`phone`, `tel`, `mobile`, "
    "`Telefon`, `Handy` ...). Dates, times, versions, prices, ISBNs and numbers introduced as "
    "order, invoice, ticket or customer numbers are not reported.",
    "Call me at +49 30 12345678",
)
CREDIT_CARD = _rule(
    "pii.credit_card",
    Severity.HIGH,
    0.95,
    "A payment card number (12-19 digits, compact, grouped by spaces or dashes used consistently, "
    "or spread out with one separator after every digit) that passes the Luhn check and whose "
    "issuer prefix (IIN) and length fit a known scheme: Visa, Mastercard, Amex, Discover, Diners, "
    "JCB, UnionPay, Maestro, Mir, RuPay. "
    "Published test numbers (4111 1111 1111 1111, 4242 4242 4242 4242 ...) are ignored.",
    "card 4539 1488 0343 6467",
)
IBAN = _rule(
    "pii.iban",
    Severity.HIGH,
    0.95,
    "An International Bank Account Number that passes the mod-97 check and the country's length "
    "(python-stdnum), written compact or in spaced groups.",
    "IBAN DE89 3704 0044 0532 0130 00",
)
SSN = _rule(
    "pii.ssn",
    Severity.HIGH,
    0.85,
    "A US Social Security Number `AAA-GG-SSSS` outside the never-issued ranges: area 000, 666 and "
    "900-999, group 00, serial 0000; well-known sample numbers are ignored. The spaced form and "
    "nine plain digits count only next to `SSN`/`social security`.",
    "SSN 521-44-9382",
)
DE_TAX_ID = _rule(
    "pii.de_tax_id",
    Severity.HIGH,
    0.9,
    "A German tax identification number (steuerliche Identifikationsnummer, 11 digits) whose check "
    "digit and digit-repetition rule hold (python-stdnum `de.idnr`). Reported when printed in its "
    "official grouping `12 345 678 901` or when a context word (`Steuer-ID`, `IdNr`, "
    "`Identifikationsnummer`, `tax id`, `TIN`) precedes it.",
    "Steuer-ID: 36574261809",
)
IP_ADDRESS = _rule(
    "pii.ip_address",
    Severity.LOW,
    0.7,
    "A public (globally routable) IPv4 or IPv6 address. Private, loopback, link-local and "
    "documentation ranges are not personal data (private ones are `leak.*` findings); dotted "
    "numbers after `version`, `v`, `release` or `build` are versions, not addresses.",
    "client 84.17.33.201 logged in",
)
DATE_OF_BIRTH = _rule(
    "pii.date_of_birth",
    Severity.MEDIUM,
    0.85,
    "A date introduced as a date of birth (`DOB`, `date of birth`, `born on`, `birthday`, "
    "`geboren am`, `geb.`, `Geburtsdatum`), in German or English formats: 03.04.1985, 4/3/1985, "
    "1985-04-03, 3. April 1985, April 3rd, 1985. The span covers the date only.",
    "Geburtsdatum: 03.04.1985",
)

RULES: tuple[RuleInfo, ...] = (EMAIL, PHONE, CREDIT_CARD, IBAN, SSN, DE_TAX_ID, IP_ADDRESS, DATE_OF_BIRTH)
_ORDER = {r.rule_id: i for i, r in enumerate(RULES)}
# overlap resolution: checksum-validated entities win over weaker ones on the same characters
_PRIORITY = {
    "pii.credit_card": 0,
    "pii.iban": 0,
    "pii.de_tax_id": 1,
    "pii.ssn": 1,
    "pii.date_of_birth": 2,
    "pii.email": 2,
    "pii.ip_address": 3,
    "pii.phone": 4,
}

# ---------------------------------------------------------------------------------------------
# candidate patterns (RE2/Hyperscan common syntax: no look-around, no back-references)

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_EMAIL_RX = rf"[A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}}@{_LABEL}(?:\.{_LABEL}){{0,8}}\.[A-Za-z]{{2,24}}"
_OB_OPEN = r"[ \t]*[\[\(\{<][ \t]*"
_OB_CLOSE = r"[ \t]*[\]\)\}>][ \t]*"
_OB_DOT = rf"(?:{_OB_OPEN}(?:dot|punkt|\.){_OB_CLOSE}|\.)"
_EMAIL_OBF_RX = (
    rf"[A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}}{_OB_OPEN}(?:at|@|ät){_OB_CLOSE}"
    rf"{_LABEL}(?:{_OB_DOT}{_LABEL}){{0,8}}{_OB_DOT}[A-Za-z]{{2,24}}"
)
_EXT = r"(?:[ \t]?(?:x|ext\.?|extension|Durchwahl|DW)[ \t]?\d{1,6})?"
_PHONE_RX = (
    r"(?:(?:\+|\b00)[1-9]\d{0,3}(?:[ .\-/]{0,2}(?:\(0\)|\(\d{1,5}\)|\d)){5,14}"  # +49 30 1234567, 0044 20 ...
    r"|\(0?\d{2,5}\)[ .\-/]{0,2}\d(?:[ .\-/]{0,2}\d){3,10}"  # (030) 1234567, (201) 948-1927
    r"|0\d{1,5}(?:[ .\-/]{1,2}\d{2,8}){1,4}"  # national with trunk prefix: 030 1234567, 07700 900123
    r"|[2-9]\d{2}[ .\-][2-9]\d{2}[ .\-]\d{4}"  # US/NANP 201-948-1927
    r"|\d{7,15})" + _EXT  # bare digits: only next to a phone word
)
_CARD_RX = (
    r"\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{4}(?:[ \-]\d{3})?|\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{1,3}"
    r"|\d{4}[ \-]\d{6}[ \-]\d{4,5}|\d{12,19}"
    r"|\d(?:[ .\-]\d){12,18}"  # one separator after every digit: "4 5 3 9 1 4 8 8 ..."
)
_IBAN_RX = r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,32}"
_SSN_RX = r"\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9}"
_TAXID_RX = r"\d{2} ?\d{3} ?\d{3} ?\d{3}"
_IPV4_RX = r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}"
_IPV6_RX = r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}\.\d{1,3}\.\d{1,3})?"

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    "januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|okt|dez"
)
_DATE = (
    r"(?:\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})"
    r"|\d{4}[\-/]\d{1,2}[\-/]\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?[ \t]+(?:of[ \t]+)?(?:{_MONTHS})\.?,?[ \t]+\d{{4}}"
    rf"|(?:{_MONTHS})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})"
)
_DOB_KEY = (
    r"(?:date[ \t]+of[ \t]+birth|birth[ \t]*date|d\.?[ \t]?o\.?[ \t]?b\.?|born(?:[ \t]+on)?|birthday"
    r"|geboren(?:[ \t]+am)?|geb\.|geburtsdatum|geburtstag|geb\.-datum)"
)
_DOB_RX = rf"{_DOB_KEY}[ \t]*[:=\-–,]?[ \t]*(?:(?:is|was|am|on|the)[ \t]+)?({_DATE})"

# ---------------------------------------------------------------------------------------------
# context words (searched in a small window before a candidate only)

_PHONE_CTX = re.compile(
    r"(?:phone|tel\b|tel\.|telephone|call|mobile|mob\.|cell|fax|whatsapp|sms|text me|contact|reach"
    r"|hotline|telefon|handy|mobil|ruf|anruf|festnetz|rufnummer|durchwahl)",
    re.IGNORECASE,
)
_NUMBER_CTX = re.compile(
    r"(?:order|invoice|ticket|ref\b|ref\.|reference|tracking|account|acct|customer|client|case|"
    r"transaction|txn|serial|sku|isbn|issn|doi|id\b|id:|no\.|nr\.|number|#|bestell|rechnung|kunden|"
    r"auftrag|vorgang|artikel|sendung|vertrag|policy|claim|version|build|release|ver\.|patch|nummer)\W{0,3}$",
    re.IGNORECASE,
)
_SSN_CTX = re.compile(r"(?:ssn|social[ \t]+security|soc\.?[ \t]?sec|ssa\b|tin\b|taxpayer)", re.IGNORECASE)
_TAXID_CTX = re.compile(
    r"(?:steuer[\s\-]*id|steuer[\s\-]*identifikations|steuerliche[\s\-]+identifikations|"
    r"identifikationsnummer|id[\s\-]*nr|idnr|tax[\s\-]*id|\btin\b|steuernummer)",
    re.IGNORECASE,
)
_CARD_CTX = re.compile(
    r"(?:card|karte|kreditkarte|visa|master|amex|maestro|discover|diners|jcb|unionpay|\bcc\b|pan\b|"
    r"payment|zahlung)",
    re.IGNORECASE,
)
_VERSION_CTX = re.compile(r"(?:version|ver\.?|release|build|firmware|\bv|rev\.?|patch)\s*:?\s*$", re.IGNORECASE)
# dotted numbers that are not addresses: versions, enzyme codes, OIDs, section numbers
_NOT_IP_CTX = re.compile(
    r"(?:version|ver\.?|release|build|firmware|\bv|rev\.?|patch|\bec|\boid|section|sec\.|chapter|kapitel"
    r"|abschnitt|§|table|tabelle|figure|fig\.|abb\.|clause|item|\bno\.|\bnr\.)\s*:?\s*$",
    re.IGNORECASE,
)
_PRICE_CTX = re.compile(r"(?:[$€£¥]|usd|eur|gbp|chf|preis|price|cost|total|betrag)\s*$", re.IGNORECASE)
_PRICE_AFTER = re.compile(r"^\s*(?:[$€£¥]|usd|eur|gbp|chf|euro|dollar)", re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"^(?:\d{4}[\-/.]\d{1,2}[\-/.]\d{1,2}|\d{1,2}[\-/.]\d{1,2}[\-/.]\d{2,4})"
    r"(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$"
)
_TIME_LIKE = re.compile(r"\d{1,2}:\d{2}")
_DATE_PREFIX = re.compile(r"^(?:\d{4}[\-/.]\d{1,2}[\-/.]\d{1,2}|\d{1,2}[\-/.]\d{1,2}[\-/.]\d{4})(?!\d)")

_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")
_EXAMPLE_TLDS = ("test", "example", "invalid", "localhost")
_FILE_TLDS = frozenset(
    [
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "bmp",
        "ico",
        "tif",
        "tiff",
        "js",
        "mjs",
        "ts",
        "tsx",
        "jsx",
        "css",
        "scss",
        "py",
        "rb",
        "go",
        "rs",
        "java",
        "kt",
        "json",
        "yaml",
        "yml",
        "toml",
        "xml",
        "html",
        "htm",
        "md",
        "txt",
        "pdf",
        "zip",
        "gz",
        "tar",
        "wasm",
        "lock",
    ]
)
_TEST_CARDS = frozenset(
    {
        "4111111111111111",
        "4242424242424242",
        "4012888888881881",
        "4000056655665556",
        "4000000000000002",
        "4222222222222",
        "5555555555554444",
        "5105105105105100",
        "5200828282828210",
        "2223003122003222",
        "378282246310005",
        "371449635398431",
        "378734493671000",
        "6011111111111117",
        "6011000990139424",
        "30569309025904",
        "38520000023237",
        "3530111333300000",
        "3566002020360505",
        "6200000000000005",
    }
)
_SAMPLE_SSNS = frozenset({"078051120", "219099999", "123456789", "111223333", "987654320"})


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check over a string of ASCII digits."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _card_scheme(d: str) -> str | None:
    """The scheme whose IIN range and length fit ``d`` (digits only), or None."""
    n = len(d)
    p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "mir"
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return "discover"
    if (300 <= p3 <= 305 or p3 == 309 or p2 in (36, 38, 39)) and 14 <= n <= 19:
        return "diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p4 in (1800, 2131) and n == 15:
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if (p2 == 50 or 56 <= p2 <= 69) and 12 <= n <= 19:
        return "maestro"
    if p2 in (60, 81, 82) and n == 16:
        return "rupay"
    return None


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: RuleInfo
    start: int
    end: int
    message: str
    confidence: float | None = None


def _before(text: str, start: int, n: int = 40) -> str:
    return text[max(0, start - n) : start]


def _boundary_ok(text: str, start: int, end: int, bad_before: str, bad_after: str) -> bool:
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c in bad_before:
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or c in bad_after:
            return False
    return True


_NON_DIGIT = re.compile(r"[^0-9]+")


def _digits(s: str) -> str:
    return _NON_DIGIT.sub("", s)


class PiiScanner:
    """Finds e-mail addresses, phone numbers, payment cards, IBANs, SSNs, Steuer-IDs, IPs, birth dates."""

    name = "pii"
    categories = frozenset({Category.PII})
    rules = RULES

    def __init__(self, config: DetectConfig) -> None:
        self._regions = tuple(r.upper() for r in config.pii_regions) or ("US",)
        self._set = StagedSet(
            [
                Staged("email", r"[A-Za-z0-9._%+\-]@[A-Za-z0-9]", _EMAIL_RX),
                Staged("email_obf", r"[\[\(\{<][ \t]*(?:at|@|ät)[ \t]*[\]\)\}>]", _EMAIL_OBF_RX, caseless=True),
                # Digit-shaped triggers fire in most texts: single-match (one full RE2 pass when they
                # fire) keeps the Hyperscan pass fast; windows would cost a callback per number.
                Staged(
                    "phone",
                    r"\+\d|00\d|\(\d|0\d{1,5}[ .\-/]\d\d|\d{3}[ .\-]\d{3}[ .\-]\d{4}|\d{7}",
                    _PHONE_RX,
                    windowed=False,
                ),
                Staged("card", r"\d{4}[ \-]?\d{4}[ \-]?\d{4}|\d(?:[ .\-]\d){12}", _CARD_RX, windowed=False),
                Staged("iban", r"[A-Z]{2}\d\d ?[A-Z0-9]{4}", _IBAN_RX, caseless=True, windowed=False),
                Staged(
                    "ssn",
                    r"\d{3}[\- ]\d\d[\- ]\d{4}|ssn|social security|soc\.? ?sec",
                    _SSN_RX,
                    caseless=True,
                    windowed=False,
                ),
                Staged(
                    "taxid",
                    r"\d{3} \d{3} \d{3}|steuer|idnr|id-nr|identifikationsnummer|tax[ \-]?id|\btin\b",
                    _TAXID_RX,
                    caseless=True,
                    windowed=False,
                ),
                Staged("ipv4", r"\d\.\d{1,3}\.\d{1,3}\.\d", _IPV4_RX, windowed=False),
                Staged(
                    "ipv6", r"(?:[0-9A-Fa-f]{1,4}:){3}|::[0-9A-Fa-f]{1,4}|[0-9A-Fa-f]{2,4}::", _IPV6_RX, windowed=False
                ),
                Staged("dob", r"birth|d\.? ?o\.? ?b|born|geboren|geb\.|geburts", _DOB_RX, caseless=True),
            ],
            engine=config.engine,
        )
        self._checks: dict[str, Callable[[str, int, int, tuple[str | None, ...]], _Hit | None]] = {
            "email": self._email,
            "email_obf": self._email_obf,
            "card": self._card,
            "ssn": self._ssn,
            "taxid": self._taxid,
            "ipv4": self._ipv4,
            "ipv6": self._ipv6,
        }

    # -- scanning --------------------------------------------------------------------------
    def scan(self, doc: Document) -> list[Finding]:
        text = doc.text
        hits: list[_Hit] = []
        phones: list[tuple[int, int]] = []
        ibans: list[tuple[int, int]] = []
        for m in self._set.finditer(doc):
            if m.key == "phone":
                phones.append((m.start, m.end))
                continue
            if m.key == "iban":
                ibans.append((m.start, m.end))
                continue
            if m.key == "dob":
                hit = self._dob(text, m.group_spans[1])
            else:
                hit = self._checks[m.key](text, m.start, m.end, m.groups)
            if hit is not None:
                hits.append(hit)
        for start, end in ibans:
            hit = self._iban(text, start, end)
            if hit is not None:
                hits.append(hit)
        taken = [(h.start, h.end) for h in hits]
        for start, end in phones:
            if any(s < end and start < e for s, e in taken):
                continue
            hits.extend(self._phones(text, start, end))
        return self._resolve(text, hits)

    def _resolve(self, text: str, hits: list[_Hit]) -> list[Finding]:
        # A span claimed by a stronger, checksum-validated entity wins over weaker overlaps.
        hits.sort(key=lambda h: (_PRIORITY[h.rule.rule_id], -(h.end - h.start), h.start, _ORDER[h.rule.rule_id]))
        kept: list[_Hit] = []
        for h in hits:
            if any(k.start < h.end and h.start < k.end for k in kept):
                continue
            kept.append(h)
        kept.sort(key=lambda h: (h.start, h.end))
        return [
            make_finding(
                h.rule,
                h.start,
                h.end,
                h.message,
                evidence=mask_evidence(text[h.start : h.end]),
                entity=h.rule.rule_id.split(".", 1)[1],
                confidence=h.confidence,
            )
            for h in kept
        ]

    # -- validators ------------------------------------------------------------------------
    def _email(self, text: str, start: int, end: int, _g: tuple[str | None, ...]) -> _Hit | None:
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._%+-"):
            return None
        value = text[start:end]
        local, _, domain = value.rpartition("@")
        domain_l = domain.lower()
        tld = domain_l.rsplit(".", 1)[-1]
        if tld in _FILE_TLDS or local.startswith(".") or ".." in local:
            return None
        if domain_l.endswith(_EXAMPLE_DOMAINS) or tld in _EXAMPLE_TLDS:
            return None
        return _Hit(EMAIL, start, end, "e-mail address")

    def _email_obf(self, text: str, start: int, end: int, _g: tuple[str | None, ...]) -> _Hit | None:
        value = text[start:end]
        if "@" in value and "[" not in value and "(" not in value and "{" not in value and "<" not in value:
            return None  # a plain address; the plain rule reports it
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._%+-"):
            return None
        return _Hit(EMAIL, start, end, "obfuscated e-mail address", confidence=0.8)

    def _card(self, text: str, start: int, end: int, _g: tuple[str | None, ...]) -> _Hit | None:
        if not _boundary_ok(text, start, end, "-./,_", "_"):
            return None
        if end < len(text) - 1 and text[end] in "-.," and text[end + 1].isdigit():
            return None
        raw = text[start:end]
        seps = {ch for ch in raw if not ch.isdigit()}
        if len(seps) > 1:
            return None
        if seps and len(raw) == 2 * len(_digits(raw)) - 1:  # spread form: not part of a longer digit list
            if start >= 2 and text[start - 1] in " .-" and text[start - 2].isdigit():
                return None
            if end + 1 < len(text) and text[end] in " .-" and text[end + 1].isdigit():
                return None
        digits = _digits(raw)
        if digits in _TEST_CARDS or len(set(digits)) == 1 or not luhn_valid(digits):
            return None
        scheme = _card_scheme(digits)
        if scheme is None:
            return None
        if len(digits) < 13 and not _CARD_CTX.search(_before(text, start, 60)):
            return None
        if not seps and _NUMBER_CTX.search(_before(text, start, 25)) and not _CARD_CTX.search(_before(text, start, 60)):
            return None
        return _Hit(CREDIT_CARD, start, end, f"payment card number ({scheme}, Luhn-valid)")

    def _iban(self, text: str, start: int, end: int) -> _Hit | None:
        if start > 0 and text[start - 1].isalnum():
            return None
        positions = [i for i in range(start, end) if text[i] != " "]
        written = "".join(text[i] for i in positions)
        compact = written.upper()
        for n in range(min(len(compact), 34), 14, -1):
            cand = compact[:n]
            if _iban.is_valid(cand):
                letters = [c for c in written[:n] if c.isalpha()]
                if letters and not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
                    continue  # mixed case: an identifier, not an IBAN
                stop = positions[n - 1] + 1
                if stop < len(text) and text[stop].isalnum() and n == len(compact):
                    return None
                return _Hit(IBAN, start, stop, f"IBAN ({cand[:2]}, mod-97 valid)")
        return None

    def _ssn(self, text: str, start: int, end: int, _g: tuple[str | None, ...]) -> _Hit | None:
        if not _boundary_ok(text, start, end, "-./_+", "_"):
            return None
        if end < len(text) - 1 and text[end] in "-./ " and text[end + 1].isdigit():
            return None
        raw = text[start:end]
        digits = _digits(raw)
        area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
        if area == 0 or area == 666 or area >= 900 or group == 0 or serial == 0:
            return None
        if digits in _SAMPLE_SSNS:
            return None
        ctx = bool(_SSN_CTX.search(_before(text, start, 50)))
        if len(raw) == 9 and not ctx:
            return None
        if " " in raw and not ctx:
            return None
        if not ctx and _NUMBER_CTX.search(_before(text, start, 25)):
            return None
        return _Hit(SSN, start, end, "US social security number", confidence=0.9 if ctx else 0.75)

    def _taxid(self, text: str, start: int, end: int, _g: tuple[str | None, ...]) -> _Hit | None:
        if not _boundary_ok(text, start, end, "-./_+", "_"):
            return None
        if end < len(text) - 1 and text[end] in "-./ " and text[end + 1].isdigit():
            return None
        raw = text[start:end]
        digits = _digits(raw)
        if not _idnr.is_valid(digits):
            return None
        grouped = raw.count(" ") == 3
        ctx = bool(_TAXID_CTX.search(_before(text, start, 60)))
        if not (ctx or grouped):
            return None
        return _Hit(
            DE_TAX_ID, start, end, "German tax identification number (Steuer-ID)", confidence=0.9 if ctx else 0.7
        )

    def _ipv4(self, text: str, start: int, end: int, _g: tuple[str | None, ...]) -> _Hit | None:
        if not _boundary_ok(text, start, end, ".-_", "_"):
            return None
        if end < len(text) - 1 and text[end] == "." and text[end + 1].isdigit():
            return None
        if _NOT_IP_CTX.search(_before(text, start, 20)):
            return None
        try:
            addr = ipaddress.IPv4Address(text[start:end])
        except ValueError:
            return None
        if not addr.is_global:
            return None
        return _Hit(IP_ADDRESS, start, end, "public IPv4 address")

    def _ipv6(self, text: str, start: int, end: int, _g: tuple[str | None, ...]) -> _Hit | None:
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ":._"):
            return None
        if end < len(text) and (text[end].isalnum() or text[end] in ":_"):
            return None
        value = text[start:end]
        if sum(ch.isalnum() for ch in value) < 8:
            return None
        try:
            addr = ipaddress.IPv6Address(value)
        except ValueError:
            return None
        if not addr.is_global or addr.ipv4_mapped is not None:
            return None
        return _Hit(IP_ADDRESS, start, end, "public IPv6 address")

    def _dob(self, text: str, span: tuple[int, int]) -> _Hit | None:
        start, end = span
        if start < 0 or not _plausible_date(text[start:end]):
            return None
        if end < len(text) and text[end].isdigit():
            return None
        return _Hit(DATE_OF_BIRTH, start, end, "date of birth")

    def _phones(self, text: str, start: int, end: int) -> list[_Hit]:
        # Widen to whole tokens so the matcher sees the candidate as written.
        if not _boundary_ok(text, start, end, "._/", "_"):
            return []
        if start > 1 and text[start - 1] in "-., " and text[start - 2].isdigit():
            return []  # the tail of a longer number
        raw = text[start:end]
        digits = _digits(raw)
        if not 7 <= len(digits) <= 15:
            return []
        if _DATE_LIKE.match(raw) or _DATE_PREFIX.match(raw) or _TIME_LIKE.search(raw):
            return []
        if end < len(text) and text[end] == ":":
            return []
        before = _before(text, start, 30)
        if _VERSION_CTX.search(before) or _PRICE_CTX.search(before) or _PRICE_AFTER.match(text[end : end + 6]):
            return []
        phone_ctx = bool(_PHONE_CTX.search(_before(text, start, 40)))
        if not phone_ctx and _NUMBER_CTX.search(before):
            return []
        international = raw.startswith(("+", "00"))
        bare = raw.isdigit() and not raw.startswith("00")
        if bare and not phone_ctx:
            return []
        if not international and not phone_ctx and not raw.startswith(("0", "(")) and raw.count(".") >= 2:
            return []  # 1.234.567 style amounts / dotted numbers
        out: list[_Hit] = []
        regions = ("ZZ",) if raw.startswith("+") else self._regions
        for region in regions:
            try:
                matches = list(phonenumbers.PhoneNumberMatcher(raw, region, leniency=phonenumbers.Leniency.VALID))
            except Exception:  # noqa: BLE001 - the library raises on odd input; treat as no match
                matches = []
            for pm in matches:
                s, e = start + pm.start, start + pm.end
                if e - s < len(raw) - 6 and not phone_ctx:
                    continue  # a small number inside a larger digit string: not a phone
                out.append(_Hit(PHONE, s, e, "phone number", confidence=0.85 if phone_ctx or international else 0.7))
            if out:
                break
        return out


def _plausible_date(value: str) -> bool:
    nums = [int(x) for x in re.findall(r"\d+", value)]
    if not nums:
        return False
    years = [n for n in nums if n >= 1000]
    if years and not 1880 <= years[0] <= 2100:
        return False
    small = [n for n in nums if n < 1000]
    if len(nums) == 3 and not years:  # dd.mm.yy
        return 1 <= nums[0] <= 31 and 1 <= nums[1] <= 31
    if len(small) >= 2:
        return 1 <= small[0] <= 31 and 1 <= small[1] <= 31 and min(small[0], small[1]) <= 12
    if len(small) == 1:
        return 1 <= small[0] <= 31
    return False

"""PII scanner: table-driven exact spans, bypass attempts, benign look-alikes."""

from __future__ import annotations

import json

import pytest

from bastion import Guard
from bastion._types import Category, Surface
from bastion.detect._base import DetectConfig, Document
from bastion.detect._pii import RULES, PiiScanner, luhn_valid


@pytest.fixture(scope="module", params=["auto", "re2"])
def scanner(request: pytest.FixtureRequest) -> PiiScanner:
    return PiiScanner(DetectConfig(engine=request.param))


def found(scanner: PiiScanner, text: str) -> list[tuple[str, int, int]]:
    doc = Document(text=text, surface=Surface.RESPONSE, config=DetectConfig())
    return [(f.rule_id, f.start, f.end) for f in scanner.scan(doc)]


def expect(text: str, *items: tuple[str, str]) -> list[tuple[str, int, int]]:
    out = []
    for rule, sub in items:
        i = text.index(sub)
        out.append((rule, i, i + len(sub)))
    return out


POSITIVES: list[tuple[str, list[tuple[str, str]]]] = [
    # e-mail
    ("Write to jane.doe@acme.io today", [("pii.email", "jane.doe@acme.io")]),
    ("<Jane_Hollis+tag@mail.aethermail.co.uk>", [("pii.email", "Jane_Hollis+tag@mail.aethermail.co.uk")]),
    ("mailto:r.lansing@shoresec.com?subject=x", [("pii.email", "r.lansing@shoresec.com")]),
    ("reach me: john [at] acme [dot] io", [("pii.email", "john [at] acme [dot] io")]),
    ("john(at)acme(dot)io", [("pii.email", "john(at)acme(dot)io")]),
    ("JOHN {AT} ACME {DOT} COM", [("pii.email", "JOHN {AT} ACME {DOT} COM")]),
    ("write jane(at)acme.io", [("pii.email", "jane(at)acme.io")]),
    ("jane [at] mail.acme.co.uk please", [("pii.email", "jane [at] mail.acme.co.uk")]),
    # phone
    ("Call me at +49 30 12345678.", [("pii.phone", "+49 30 12345678")]),
    ("Büro: 030 1234567", [("pii.phone", "030 1234567")]),
    ("+49 (0)30 12345678", [("pii.phone", "+49 (0)30 12345678")]),
    ("0044 20 7946 0958", [("pii.phone", "0044 20 7946 0958")]),
    ("US office (201) 948-1927", [("pii.phone", "(201) 948-1927")]),
    ("call 415.555.2671 now", [("pii.phone", "415.555.2671")]),
    ("+1 (415) 555-2671", [("pii.phone", "+1 (415) 555-2671")]),
    ("Mobil 0151 23456789", [("pii.phone", "0151 23456789")]),
    ("Tel. no. 030 1234567", [("pii.phone", "030 1234567")]),
    ("dev box at 84.17.33.201", [("pii.ip_address", "84.17.33.201")]),
    ("Rufnummer 089/1234567", [("pii.phone", "089/1234567")]),
    ("phone: 2015550123", [("pii.phone", "2015550123")]),
    ("UK +44 20 7946 0958", [("pii.phone", "+44 20 7946 0958")]),
    # payment cards (Luhn + IIN), spaced / dashed / compact
    ("card 4539 1488 0343 6467 exp 12/27", [("pii.credit_card", "4539 1488 0343 6467")]),
    ("4539-1488-0343-6467", [("pii.credit_card", "4539-1488-0343-6467")]),
    ("pan=5425353788823366;", [("pii.credit_card", "5425353788823366")]),
    ("digits 4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7 end", [("pii.credit_card", "4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7")]),
    ("4.5.3.9.1.4.8.8.0.3.4.3.6.4.6.7", [("pii.credit_card", "4.5.3.9.1.4.8.8.0.3.4.3.6.4.6.7")]),
    ("amex 371079966561057", [("pii.credit_card", "371079966561057")]),
    ("discover 6011 4306 0830 3163", [("pii.credit_card", "6011 4306 0830 3163")]),
    ("visa19 4311695338046547239", [("pii.credit_card", "4311695338046547239")]),
    # IBAN (mod 97), spaced and compact, stops at the country length
    ("IBAN DE89 3704 0044 0532 0130 00 bitte", [("pii.iban", "DE89 3704 0044 0532 0130 00")]),
    ("to GB29NWBK60161331926819.", [("pii.iban", "GB29NWBK60161331926819")]),
    ("FR76 3000 6000 0112 3456 7890 189 BIC", [("pii.iban", "FR76 3000 6000 0112 3456 7890 189")]),
    # SSN
    ("Jane's SSN 521-44-9382 was emailed", [("pii.ssn", "521-44-9382")]),
    ("social security number: 521449382", [("pii.ssn", "521449382")]),
    ("SSN 521 44 9382", [("pii.ssn", "521 44 9382")]),
    # Steuer-ID
    ("Steuer-ID: 65929970489", [("pii.de_tax_id", "65929970489")]),
    ("Ihre Identifikationsnummer lautet 86095742719.", [("pii.de_tax_id", "86095742719")]),
    ("IdNr 47 036 892 816", [("pii.de_tax_id", "47 036 892 816")]),
    # IP addresses (public only)
    ("client 84.17.33.201 logged in", [("pii.ip_address", "84.17.33.201")]),
    ("from 2001:4860:4860::8888 via", [("pii.ip_address", "2001:4860:4860::8888")]),
    # date of birth in context
    ("Geburtsdatum: 03.04.1985", [("pii.date_of_birth", "03.04.1985")]),
    ("DOB 4/3/1985", [("pii.date_of_birth", "4/3/1985")]),
    ("D.O.B.: 1985-04-03", [("pii.date_of_birth", "1985-04-03")]),
    ("born on April 3rd, 1985 in Ohio", [("pii.date_of_birth", "April 3rd, 1985")]),
    ("geboren am 3. März 1985", [("pii.date_of_birth", "3. März 1985")]),
    ("date of birth: 3 April 1985", [("pii.date_of_birth", "3 April 1985")]),
    ("geb. 12.11.64", [("pii.date_of_birth", "12.11.64")]),
    # several in one text, non-ASCII before them (character offsets)
    (
        "Grüße von Jürgen — ✉ jürgen.x@firma.de? nein: j.mueller@firma.de, ☎ +49 30 12345678",
        [("pii.email", "j.mueller@firma.de"), ("pii.phone", "+49 30 12345678")],
    ),
]


@pytest.mark.parametrize(("text", "items"), POSITIVES, ids=[t[:40] for t, _ in POSITIVES])
def test_positive_exact_spans(scanner: PiiScanner, text: str, items: list[tuple[str, str]]) -> None:
    assert found(scanner, text) == sorted(expect(text, *items), key=lambda x: (x[1], x[2]))


BENIGN = [
    "Order #123456789 shipped; invoice 20240115; Bestellnummer: 030 1234567",
    "ISBN 978-3-16-148410-0 and ISBN-13: 9783161484100",
    "Upgrade to version 10.0.0.1 or v1.2.3.4; OID 1.3.6.1.4.1.311",
    "alpha-galactosidase A (EC 3.2.1.22), see Section 4.2.1.3 and § 12.1.4.2",
    "Timestamp 2024-01-15 10:30:00, date 15.01.2024, time 12:30:45",
    "Price: 1.299.000 EUR, total $ 2,500,000.00 and € 1.234,56",
    "Contact user@example.com or admin@test.example; logo@2x.png",
    "SSN placeholder 123-45-6789, invalid 000-12-3456, 666-12-3456, 912-34-5678",
    "test cards 4111 1111 1111 1111 and 4242424242424242 and 378282246310005",
    "not Luhn: 4539 1488 0343 6468; not a scheme: 9999 1488 0343 6467",
    "bad IBAN DE89 3704 0044 0532 0130 01",
    "router 192.168.1.1, docs 192.0.2.1 and 2001:db8::1, loopback ::1",
    "C++ std::vector<int> and a::b::c; MAC 00:1A:2B:3C:4D:5E",
    "in 2019 there were 1234567 users and 65929970489 page views",
    "The meeting is on 03.04.2025 at 10:00 in room 1.21",
    "tracking 0034567890123 and part no. 0221 12345",
    "import numpy as np; x = np.arange(10000000)",
    "[1 6 2 4 2 3 2 2 2 1 2 0 5 7 2 4 4 5 4 4 1 1 4 5 0]",
    "meet at noon (at) the cafe; dot the i's",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_lookalikes_stay_clean(scanner: PiiScanner, text: str) -> None:
    assert found(scanner, text) == []


def test_entities_and_evidence_are_masked(scanner: PiiScanner) -> None:
    text = "mail jane.doe@acme.io card 4539 1488 0343 6467"
    doc = Document(text=text, surface=Surface.RESPONSE, config=DetectConfig())
    fs = scanner.scan(doc)
    assert [f.entity for f in fs] == ["email", "credit_card"]
    for f in fs:
        assert text[f.start : f.end] not in f.evidence
        assert f.category is Category.PII


def test_card_wins_over_phone_on_same_digits(scanner: PiiScanner) -> None:
    text = "Tel 4539 1488 0343 6467"
    assert found(scanner, text) == expect(text, ("pii.credit_card", "4539 1488 0343 6467"))


def test_regions_are_configurable() -> None:
    text = "ruf an: 01 84 17 61 18"
    assert found(PiiScanner(DetectConfig(pii_regions=("FR",))), text) == expect(text, ("pii.phone", "01 84 17 61 18"))


def test_luhn() -> None:
    assert luhn_valid("4539148803436467")
    assert not luhn_valid("4539148803436468")


def test_rules_documented() -> None:
    ids = {r.rule_id for r in RULES}
    assert ids == {
        "pii.email",
        "pii.phone",
        "pii.credit_card",
        "pii.iban",
        "pii.ssn",
        "pii.de_tax_id",
        "pii.ip_address",
        "pii.date_of_birth",
    }
    assert all(r.description and r.example for r in RULES)


def test_rule_examples_are_detected(scanner: PiiScanner) -> None:
    for r in RULES:
        doc = Document(text=r.example, surface=Surface.RESPONSE, config=DetectConfig())
        assert r.rule_id in {f.rule_id for f in scanner.scan(doc)}, r.rule_id


def test_guard_response_surface_runs_pii() -> None:
    r = Guard(entry_points=False).scan("card 4539 1488 0343 6467", surface="response")
    assert r.flagged
    assert [f.rule_id for f in r.by_category(Category.PII)] == ["pii.credit_card"]


def test_bounded_on_pathological_input(scanner: PiiScanner) -> None:
    # long digit runs, separators and @ floods: linear engines, no crash, no hang
    for text in ("1 " * 50_000, "@" * 100_000, "a@" * 50_000, "+" + "1-" * 40_000, "[at]" * 20_000):
        found(scanner, text)


def test_shared_dataset_spans_are_character_offsets(shared_data: object) -> None:
    from pathlib import Path

    path = Path(str(shared_data)) / "pii" / "nannigalaxy" / "dataset" / "pii_syn_nano_en.json"
    if not path.exists():
        pytest.skip("nannigalaxy data absent")
    rows = json.loads(path.read_text("utf-8"))
    s = PiiScanner(DetectConfig())
    hits = 0
    for row in rows:
        text = row["text"]
        for f in s.scan(Document(text=text, surface=Surface.RESPONSE, config=DetectConfig())):
            assert text[f.start : f.end].strip() == text[f.start : f.end]
            hits += 1
    assert hits > 20

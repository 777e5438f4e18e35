"""Argument constraints and the bypasses an attacker tries first."""

from __future__ import annotations

import pytest

from bastion.policy import Action, Firewall, Session, ToolCall


async def decide(fw: Firewall, tool: str, args: dict[str, object], session: Session | None = None):  # type: ignore[no-untyped-def]
    return await fw.check(ToolCall(tool=tool, args=args), session or Session("t"))


@pytest.mark.parametrize(
    ("to", "rule"),
    [
        (["bob@acme.com"], None),
        (["BOB@ACME.COM"], None),
        (["partner@ext.org"], None),
        (["user@acme.com@evil.com"], "args.recipient_invalid"),
        (["bob@acme.com.evil.com"], "args.recipient_not_allowed"),
        (["bob@evil-acme.com"], "args.recipient_not_allowed"),
        (["Bob <bob@acme.com>"], "args.recipient_invalid"),
        (["bob@acme.com "], None),  # surrounding space is stripped, still the same address
        (["bob@аcme.com"], "args.recipient_not_allowed"),  # Cyrillic 'а': IDN -> xn--cme-...
        (["bob@acme.com\n"], None),
        (["bob@acme.com\nbcc: x@evil.com"], "args.recipient_invalid"),
        (["bob@acme.com", "x@evil.com"], "args.recipient_not_allowed"),
        (["bób@acme.com"], "args.recipient_invalid"),  # unicode local part
        ("bob@acme.com", "args.type"),  # a string where a list is expected
    ],
)
async def test_recipient_allow_list(fw: Firewall, to: object, rule: str | None) -> None:
    d = await decide(fw, "send_email", {"to": to, "body": "hi"})
    if rule is None:
        assert d.action is Action.ALLOW, d.reasons
    else:
        assert d.action is Action.DENY
        assert rule in d.rule_ids, d.reasons


async def test_local_part_that_looks_like_a_domain_is_still_acme(fw: Firewall) -> None:
    # "evil.com@acme.com" is a mailbox at acme.com: allowed by "*@acme.com"? The glob's '*'
    # stops at '@', and the local part may contain dots, so it IS allowed - and harmless.
    d = await decide(fw, "send_email", {"to": ["evil.com@acme.com"], "body": "hi"})
    assert d.action is Action.ALLOW


@pytest.mark.parametrize(
    ("url", "rule"),
    [
        ("https://example.com/a", None),
        ("example.com/path?q=1", None),
        ("https://EXAMPLE.com.", None),
        ("https://api.docs.example.com/x", None),
        ("https://docs.example.com/x", "args.domain_not_allowed"),  # *.docs.example.com is strict sub-domains
        ("https://example.com.evil.com/", "args.domain_not_allowed"),
        ("https://evil.com/?https://example.com", "args.domain_not_allowed"),
        ("https://example.com@evil.com/", "args.domain_invalid"),
        ("https://user:pw@example.com/", "args.domain_invalid"),
        ("https://evil.com\\@example.com/", "args.domain_invalid"),
        ("https://exаmple.com/", "args.domain_not_allowed"),  # Cyrillic а homoglyph
        ("https://ｅｘａｍｐｌｅ.com/", None),  # full-width letters are the same host after IDNA/NFKC mapping
        ("javascript:alert(1)", "args.domain_invalid"),
        ("ftp://example.com/", "args.domain_invalid"),
        ("https://example.com%2eevil.com/", "args.domain_invalid"),
        ("https://[::1]/", "args.domain_invalid"),
        ("https://example.com:8443/x", None),
        ("https://example.com:abc/", "args.domain_invalid"),
        ("https:// example.com", "args.domain_invalid"),
    ],
)
async def test_domain_allow_list(fw: Firewall, url: str, rule: str | None) -> None:
    d = await decide(fw, "fetch", {"url": url})
    if rule is None:
        assert d.action is Action.ALLOW, d.reasons
    else:
        assert rule in d.rule_ids, d.reasons
        assert d.action is Action.DENY


@pytest.mark.parametrize(
    ("path", "rule"),
    [
        ("/srv/data/report.csv", None),
        ("/srv/data/a/b/c.txt", None),
        ("/srv//data/./x", None),
        ("/tmp/notes.txt", None),
        ("/tmp/sub/notes.txt", "args.path_not_allowed"),  # '*' does not cross '/'
        ("/srv/data/../../etc/passwd", "args.path_traversal"),
        ("/srv/data/..", "args.path_traversal"),
        ("/srv/data/%2e%2e/etc/passwd", "args.path_traversal"),
        ("/srv/data\\..\\..\\etc\\passwd", "args.path_traversal"),
        ("/srv/data/x\x00.txt", "args.path_traversal"),
        ("/etc/passwd", "args.path_not_allowed"),
        ("srv/data/x", "args.path_not_allowed"),  # relative paths never match absolute globs
        ("/srv/database/x", "args.path_not_allowed"),
        ("/SRV/data/x", "args.path_not_allowed"),  # case matters on POSIX
    ],
)
async def test_path_globs(fw: Firewall, path: str, rule: str | None) -> None:
    d = await decide(fw, "read_file", {"path": path})
    if rule is None:
        assert d.action is Action.ALLOW, d.reasons
    else:
        assert rule in d.rule_ids, d.reasons


@pytest.mark.parametrize(
    ("amount", "rule"),
    [
        (120, None),
        (120.5, None),
        (1000, None),
        (1000.01, "args.maximum"),
        (0, "args.minimum"),
        (-5, "args.minimum"),
        ("1e9", "args.type"),
        ("100", "args.type"),
        (True, "args.type"),
        (float("nan"), "args.type"),
        (float("inf"), "args.type"),
        (1e9, "args.maximum"),
        (None, "args.type"),
        ([100], "args.type"),
    ],
)
async def test_numeric_caps_and_types(fw: Firewall, amount: object, rule: str | None) -> None:
    d = await decide(fw, "pay", {"iban": "DE89370400440532013000", "amount": amount})
    if rule is None:
        assert d.action is Action.ALLOW, d.reasons
    else:
        assert rule in d.rule_ids, d.reasons
        assert d.action is Action.DENY


async def test_required_and_unexpected_args(fw: Firewall) -> None:
    d = await decide(fw, "pay", {"iban": "DE89370400440532013000"})
    assert "args.missing" in d.rule_ids
    d = await decide(fw, "pay", {"iban": "DE89370400440532013000", "amount": 5, "memo": "x"})
    assert "args.unexpected" in d.rule_ids
    d = await decide(fw, "pay", {"iban": "de89 3704", "amount": 5})
    assert "args.pattern" in d.rule_ids


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("send_email", None),
        ("Send_Email", "policy.tool_name_mismatch"),
        ("SEND_EMAIL", "policy.tool_name_mismatch"),
        ("ｓｅｎｄ_ｅｍａｉｌ", "policy.tool_name_mismatch"),  # full-width
        ("sеnd_email", "policy.unknown_tool"),  # Cyrillic е: not a configured tool at all
        ("send_email\u200b", "policy.tool_name_invalid"),  # zero-width space
        ("send_email ", "policy.tool_name_invalid"),
        ("", "policy.tool_name_invalid"),
        ("x" * 500, "policy.tool_name_invalid"),
        ("drop_database", "policy.unknown_tool"),
    ],
)
async def test_tool_name_tricks(fw: Firewall, name: str, rule: str | None) -> None:
    d = await decide(fw, name, {"to": ["bob@acme.com"], "body": "hi"})
    if rule is None:
        assert d.action is Action.ALLOW, d.reasons
    else:
        assert d.action is Action.DENY
        assert rule in d.rule_ids, d.reasons


async def test_tool_actions(fw: Firewall) -> None:
    assert (await decide(fw, "drop_table", {})).rule_ids == ("policy.deny",)
    d = await decide(fw, "delete_record", {})
    assert d.action is Action.REQUIRE_APPROVAL and d.rule_ids == ("policy.require_approval",)


async def test_deeply_nested_arguments_are_bounded(fw: Firewall) -> None:
    deep: object = "x"
    for _ in range(200):
        deep = [deep]
    d = await decide(fw, "send_email", {"to": deep, "body": "hi"})
    assert d.action is Action.DENY

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.errors import ConfigError
from bastion.policy import Action, Label, Source, load_policy, parse_policy

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "agentdojo"


def problems(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ConfigError) as info:
        parse_policy(text, source="p.yaml")
    return [(p.line, p.location, p.message) for p in info.value.problems]


def test_valid_policy_compiles(policy) -> None:  # type: ignore[no-untyped-def]
    assert policy.name == "basic"
    assert policy.version.startswith("sha256:")
    send = policy.tools["send_email"]
    assert send.does == frozenset({Label.EXTERNAL})
    assert send.args["body"].entities == ("url", "email", "iban")
    assert policy.tools["delete_record"].action is Action.REQUIRE_APPROVAL
    assert policy.flow.accept == (Source.USER, Source.POLICY, Source.TRUSTED)


def test_version_is_a_content_hash() -> None:
    a = parse_policy("tools: {a: {}}")
    b = parse_policy("tools: {a: {action: deny}}")
    assert a.version != b.version
    assert parse_policy("tools: {a: {}}").version == a.version


def test_every_problem_is_reported_at_once_with_lines() -> None:
    text = (
        "version: 1\n"                                   # 1
        "tools:\n"                                       # 2
        "  send:\n"                                      # 3
        "    acton: deny\n"                              # 4  typo
        "    does: [external, flying]\n"                 # 5  bad label
        "    args:\n"                                    # 6
        "      to: {type: strng}\n"                      # 7  bad type
        "      x: {pattern: '(a)\\1'}\n"                 # 8  backreference: not RE2
        "  send: {}\n"                                   # 9  duplicate
        "flow:\n"                                        # 10
        "  on_violation: allow\n"                        # 11 would switch the rule off
        "limits:\n"                                      # 12
        "  rate: [{per: planet, rate_per_s: 1}]\n"       # 13
    )
    found = problems(text)
    lines = {line for line, _, _ in found}
    assert {4, 5, 7, 8, 9, 11, 13} <= lines, found
    msgs = " | ".join(m for _, _, m in found)
    assert "did you mean 'action'" in msgs
    assert "unknown label 'flying'" in msgs
    assert "unknown type 'strng'" in msgs
    assert "RE2" in msgs
    assert "duplicate key 'send'" in msgs
    assert len(found) >= 7


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "empty"),
        ("tools: [a, b]", "expected a mapping"),
        ("- a\n- b", "must be a mapping"),
        ("tools:\n  a: {\n", "YAML syntax error"),
        ("nottools: {}", "missing 'tools:'"),
        ("tools: {a: {args: {x: {domains: ['exa mple.com']}}}}", "not a valid domain"),
        ("tools: {a: {args: {x: {recipients: ['nobody']}}}}", "name@domain"),
        ("tools: {a: {args: {x: {entities: [ssn]}}}}", "unknown entity"),
        ("tools: {a: {args: {x: {accept: [everyone]}}}}", "unknown source"),
        ("tools: {a: {}}\nagents: {bot: {tools: [b]}}", "not defined under 'tools'"),
        ("tools: {a: {action: maybe}}", "unknown action"),
        ("tools: {a: {}}\nlimits: {breaker: {window_s: 'soon'}}", "expected a number"),
    ],
)
def test_bad_policies_are_explained(text: str, needle: str) -> None:
    assert any(needle in m for _, _, m in problems(text)), problems(text)


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefgh":
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        prev = name
    bomb += "tools: {}\n"
    assert any("YAML nodes" in m for _, _, m in problems(bomb))


def test_load_policy_reads_file(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("tools:\n  a: {action: deny}\n")
    assert load_policy(f).tools["a"].action is Action.DENY
    with pytest.raises(ConfigError, match="cannot read"):
        load_policy(tmp_path / "missing.yaml")


@pytest.mark.parametrize("name", ["workspace.yaml", "slack.yaml"])
def test_example_policies_are_valid(name: str) -> None:
    p = load_policy(EXAMPLES / name)
    assert p.tools

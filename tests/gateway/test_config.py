"""The YAML config: embedded defaults, every error at once with its line, the JSON schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.config import BastionConfig, config_schema, is_loopback, load_config, parse_config
from bastion.errors import ConfigError

BAD = """\
server:
  port: 99999
  hostx: 1
limits:
  rpm: 0
upstreams:
  - name: local
    base_url: ftp://example
policies:
  strict:
    prompt: nuke
"""


def test_defaults_are_a_working_single_process_setup() -> None:
    cfg = load_config(None)
    assert (cfg.server.host, cfg.server.port, cfg.server.admin_port) == ("127.0.0.1", 8600, 8601)
    assert cfg.limits.rpm == 10
    assert cfg.auth.required is True
    assert cfg.stores.state == "sqlite" and cfg.stores.audit == "sqlite"
    assert cfg.upstreams == ()
    assert cfg.policy("anything") == cfg.policies["default"]
    assert parse_config("") == cfg
    assert parse_config("# only a comment\n") == cfg


def test_every_problem_is_reported_with_its_line() -> None:
    with pytest.raises(ConfigError) as ei:
        parse_config(BAD, source="gw.yaml")
    got = [(p.line, p.location) for p in ei.value.problems]
    assert got == [
        (2, "server.port"),
        (3, "server.hostx"),
        (5, "limits.rpm"),
        (8, "upstreams.0.base_url"),
        (11, "policies.strict.prompt"),
    ]
    text = str(ei.value)
    assert "gw.yaml:3 (server.hostx): unknown setting" in text
    assert "5 problem(s)" in text


def test_yaml_syntax_error_has_a_line() -> None:
    with pytest.raises(ConfigError) as ei:
        parse_config("server:\n  port: [1,\n")
    assert ei.value.problems[0].line is not None
    assert "invalid YAML" in ei.value.problems[0].message


def test_top_level_must_be_a_mapping() -> None:
    with pytest.raises(ConfigError):
        parse_config("- a\n- b\n")


def test_public_bind_without_auth_is_refused() -> None:
    with pytest.raises(ConfigError) as ei:
        parse_config("server:\n  host: 0.0.0.0\nauth:\n  required: false\n")
    assert "not a loopback address" in str(ei.value)
    parse_config("server:\n  host: 0.0.0.0\n")  # with keys required it is allowed
    parse_config("server:\n  host: 127.0.0.1\nauth:\n  required: false\n")  # loopback without auth is fine


def test_mtls_needs_a_certificate() -> None:
    with pytest.raises(ConfigError):
        parse_config("server:\n  tls:\n    client_ca: ca.pem\n")
    cfg = parse_config("server:\n  tls:\n    certfile: c.pem\n    keyfile: k.pem\n    client_ca: ca.pem\n")
    assert cfg.server.tls.mtls


def test_duplicate_upstream_names() -> None:
    with pytest.raises(ConfigError) as ei:
        parse_config("upstreams:\n  - {name: a, base_url: 'http://x/v1'}\n  - {name: a, base_url: 'http://y/v1'}\n")
    assert "repeated: a" in str(ei.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as ei:
        load_config(tmp_path / "nope.yaml")
    assert "no such file" in str(ei.value)


def test_schema_describes_every_section() -> None:
    schema = config_schema()
    assert set(schema["properties"]) == {"server", "upstreams", "auth", "limits", "inspection", "policies", "stores", "firewall_policy", "mcp_servers"}
    assert schema["title"] == "bastion configuration"


def test_config_is_frozen() -> None:
    cfg = BastionConfig()
    with pytest.raises(ValueError):
        cfg.limits.rpm = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("127.9.9.9", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("example.com", False),
    ],
)
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_docs_example_config_is_valid() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"
    if not doc.exists():
        pytest.skip("docs/configuration.md not written yet")
    text = doc.read_text()
    start = text.index("```yaml\n") + len("```yaml\n")
    parse_config(text[start : text.index("```", start)], source="docs/configuration.md")


def test_classifier_threshold_is_validated_and_reaches_the_guard() -> None:
    from bastion.gateway._app import Gateway

    with pytest.raises(ConfigError) as ei:
        parse_config("inspection:\n  classifier: true\n  classifier_threshold: 1.5\n", source="gw.yaml")
    assert [(p.line, p.location) for p in ei.value.problems] == [(3, "inspection.classifier_threshold")]
    cfg = parse_config("inspection:\n  classifier: true\n  classifier_threshold: 0.9\n")
    assert cfg.inspection.classifier_threshold == 0.9
    assert Gateway(cfg).guard.config.classifier_threshold == 0.9
    assert parse_config("").inspection.classifier_threshold is None


def test_tool_output_threshold_is_validated_and_reaches_the_guard() -> None:
    from bastion.detect import DetectConfig
    from bastion.gateway._app import Gateway

    with pytest.raises(ConfigError) as ei:
        parse_config("inspection:\n  classifier_tool_output_threshold: 0\n", source="gw.yaml")
    assert [(p.line, p.location) for p in ei.value.problems] == [(2, "inspection.classifier_tool_output_threshold")]
    cfg = parse_config("inspection:\n  classifier: true\n  classifier_tool_output_threshold: 0.95\n")
    assert Gateway(cfg).guard.config.classifier_tool_output_threshold == 0.95
    # the gateway's default is the library's
    default = parse_config("").inspection.classifier_tool_output_threshold
    assert default == DetectConfig().classifier_tool_output_threshold
    prose = parse_config("").inspection.classifier_tool_output_prose_threshold
    assert prose == DetectConfig().classifier_tool_output_prose_threshold
    cfg = parse_config("inspection:\n  classifier: true\n  classifier_tool_output_prose_threshold: null\n")
    assert Gateway(cfg).guard.config.classifier_tool_output_prose_threshold is None
    with pytest.raises(ConfigError) as ei:
        parse_config("inspection:\n  classifier_tool_output_prose_threshold: 1.5\n", source="gw.yaml")
    assert [(p.line, p.location) for p in ei.value.problems] == [(2, "inspection.classifier_tool_output_prose_threshold")]


def test_document_threshold_is_validated_can_be_switched_off_and_reaches_the_guard() -> None:
    """Session 16: the floor for prompts that are mostly a pasted document (see docs/injection.md)."""
    from bastion.detect import DetectConfig
    from bastion.gateway._app import Gateway

    with pytest.raises(ConfigError) as ei:
        parse_config("inspection:\n  classifier_document_threshold: 1.5\n", source="gw.yaml")
    assert [(p.line, p.location) for p in ei.value.problems] == [(2, "inspection.classifier_document_threshold")]
    cfg = parse_config("inspection:\n  classifier: true\n  classifier_document_threshold: 0.9\n")
    assert Gateway(cfg).guard.config.classifier_document_threshold == 0.9
    off = parse_config("inspection:\n  classifier: true\n  classifier_document_threshold: null\n")
    assert Gateway(off).guard.config.classifier_document_threshold is None
    assert parse_config("").inspection.classifier_document_threshold == DetectConfig().classifier_document_threshold

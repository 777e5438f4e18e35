from __future__ import annotations

from bastion.detect import all_rules
from bastion.docsgen import render_rules
from tests.conftest import REPO


def test_rule_reference_is_up_to_date() -> None:
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == render_rules(), "docs/rules.md is stale: run `make docs`"


def test_every_rule_is_documented_and_ids_are_unique() -> None:
    rules = all_rules()
    ids = [r.rule_id for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r.description.strip(), r.rule_id
        assert r.owasp, r.rule_id

from __future__ import annotations

import pytest

from bastion.policy import Firewall, Policy, Session, parse_policy

BASIC = """
version: 1
name: basic
default_action: deny
flow:
  on_injection: require_approval
tools:
  read_web:
    reads: [untrusted]
  read_crm:
    reads: [private]
  read_inbox:
    reads: [private, untrusted]
    trusted_fields: [id, sender]
  send_email:
    does: [external]
    args:
      to: {type: array, items: {type: string}, recipients: ["*@acme.com", "partner@ext.org"]}
      subject: {type: string, flow: false, max_length: 200}
      body: {type: string, flow: false, entities: [url, email, iban]}
    required: [to, body]
  notify:
    does: [external]
    args:
      to: {type: string}
      body: {type: string, flow: false, entities: [url]}
  pay:
    does: [financial]
    args:
      iban: {type: string, pattern: "[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}"}
      amount: {type: number, minimum: 0.01, maximum: 1000}
    required: [iban, amount]
    additional_args: false
  fetch:
    does: [external]
    reads: [untrusted]
    args:
      url: {type: string, domains: [example.com, "*.docs.example.com"]}
  read_file:
    args:
      path: {type: string, paths: ["/srv/data/**", "/tmp/*.txt"]}
  delete_record:
    does: [destructive]
    action: require_approval
  drop_table:
    action: deny
  search:
    args:
      q: {type: string}
"""


@pytest.fixture
def policy() -> Policy:
    return parse_policy(BASIC, source="basic.yaml")


@pytest.fixture
def fw(policy: Policy) -> Firewall:
    return Firewall(policy, limits=False)


@pytest.fixture
def session() -> Session:
    return Session("s1", user_prompt="Please pay 120 EUR to DE89370400440532013000 and email bob@acme.com")

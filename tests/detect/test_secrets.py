"""Table-driven tests for the secrets scanner: every rule, exact spans, filters and bypasses.

Token values are generated from a seeded RNG in the documented vendor shapes (prefix, length,
alphabet, checksum), so no real-looking credential is checked in literally. Each case names the
rule that must fire and the exact substring that must be the finding's span.
"""

from __future__ import annotations

import base64
import json
import random
import string
import zlib
from pathlib import Path

import pytest

from bastion import Guard
from bastion._types import Category, Severity
from bastion.detect._base import OWASP_LLM02, DetectConfig
from bastion.detect._engine import hyperscan_available
from bastion.detect._registry import BUILTIN_SCANNERS, load_factories
from bastion.detect._secret_checks import (
    Verdict,
    crc32_base62_ok,
    is_placeholder,
    jwt_ok,
    shannon_entropy,
)
from bastion.detect._secret_rules import OPTIONAL_RULES, RULES
from bastion.detect._secrets import SECRET_RULES, SecretsScanner

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "_-"
_rng = random.Random(20261123)


def rnd(n: int, alphabet: str = ALNUM) -> str:
    return "".join(_rng.choice(alphabet) for _ in range(n))


def _b62(n: int) -> str:
    digits = string.digits + string.ascii_uppercase + string.ascii_lowercase
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = digits[r] + out
    return out.rjust(6, "0")


def gh(prefix: str) -> str:
    """A token with a valid GitHub/npm checksum: 30 random base62 + base62(CRC32(random))."""
    body = rnd(30)
    return f"{prefix}_{body}{_b62(zlib.crc32(body.encode()))}"


def b64url(obj: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def jwt(alg: str = "HS256", sig: bool = True) -> str:
    head = b64url({"alg": alg, "typ": "JWT"})
    body = b64url({"sub": rnd(8, HEX), "iat": 1700000000})
    return f"{head}.{body}." + (rnd(43, URLSAFE) if sig else "")


def pem(kind: str, lines: int = 6) -> str:
    body = "\n".join(rnd(64, B64) for _ in range(lines))
    return f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----"


UUID = "9f3c1a7e-5b2d-4e80-a96c-7e3f1b5d2086"
PW = "Xq7vR2mT9kW4!"
PY_MACAROON = "pypi-" + base64.urlsafe_b64encode(b"\x02\x01\x08pypi.org\x02\x01" + rnd(60).encode()).decode().rstrip("=")
DISCORD_ID = base64.urlsafe_b64encode(b"1197283456789012345").decode().rstrip("=")
PEM_B64 = base64.b64encode(pem("PRIVATE KEY").encode()).decode()
BASIC = base64.b64encode(f"deploy:{PW}".encode()).decode()

# (rule id, text, the exact secret value that must be the span)
_CASES: list[tuple[str, str, str]] = []


def case(rule: str, template: str, value: str) -> None:
    _CASES.append((rule, template.replace("{v}", value), value))


case("secret.aws_access_key", "AWS_ACCESS_KEY_ID={v}\n", "AKIA" + rnd(16, string.ascii_uppercase + "234567"))
case("secret.aws_access_key", "creds: {v} (temporary)", "ASIA" + rnd(16, string.ascii_uppercase + "234567"))
case("secret.aws_secret_key", "aws_secret_access_key = {v}\n", rnd(40, B64))
case("secret.aws_secret_key", '{"AccessKeyId": "AKIA2E0A8F3B244C9986", "SecretAccessKey": "{v}"}', rnd(40, B64))
case("secret.aws_session_token", "aws_session_token = {v}\n", "IQoJb3JpZ2luX2VjE" + rnd(300, B64))
case("secret.aws_mws_key", "MWS_AUTH_TOKEN={v}", "amzn.mws." + "4ea38b7b-f563-7709-4bae-87aeaf1f7a2e")
case("secret.gcp_api_key", "https://maps.googleapis.com/maps/api/js?key={v}&callback=x", "AIza" + rnd(35, URLSAFE))
case(
    "secret.gcp_service_account_key",
    '{"type": "service_account", "private_key_id": "x", "private_key": "{v}", "client_email": "a@b"}',
    "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(rnd(64, B64) for _ in range(4)) + "\\n-----END PRIVATE KEY-----\\n",
)
case("secret.google_oauth_client_secret", '"client_secret": "{v}"', "GOCSPX-" + rnd(28, URLSAFE))
case("secret.google_oauth_access_token", "Authorization: OAuth {v}", "ya29." + rnd(80, URLSAFE))
case("secret.google_oauth_refresh_token", "refresh_token={v}", "1//0" + rnd(60, URLSAFE))
case(
    "secret.azure_storage_key",
    "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={v};EndpointSuffix=core.windows.net",
    rnd(86, B64) + "==",
)
case(
    "secret.azure_shared_access_key",
    "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey={v}",
    rnd(43, B64) + "=",
)
case(
    "secret.azure_sas_token",
    "https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&sp=r&se=2030-01-01&sig={v}",
    rnd(40, ALNUM) + "%3D",
)
case("secret.azure_ad_client_secret", "AZURE_CLIENT_SECRET={v}", rnd(3) + "8Q~" + rnd(34, URLSAFE + "~."))
case("secret.alibaba_access_key", "accessKeyId: {v}", "LTAI" + rnd(20))
case("secret.digitalocean_token", "DIGITALOCEAN_TOKEN={v}", "dop_v1_" + rnd(64, HEX))
case("secret.heroku_api_key", "HEROKU_API_KEY={v}", UUID)
case("secret.heroku_api_key", "key: {v}", "HRKU-" + rnd(60, URLSAFE))
case("secret.cloudflare_api_token", "CLOUDFLARE_API_TOKEN={v}", rnd(40, URLSAFE))
case("secret.tailscale_key", "TS_AUTHKEY={v}", "tskey-auth-" + rnd(12) + "-" + rnd(32))
case("secret.github_pat", "GITHUB_TOKEN={v}", gh("ghp"))
case("secret.github_fine_grained_pat", "token: {v}", "github_pat_" + rnd(22) + "_" + rnd(59))
case("secret.github_oauth_token", "oauth={v}", gh("gho"))
case("secret.github_app_token", "installation token {v}.", gh("ghs"))
case("secret.github_app_token", "user token {v}", gh("ghu"))
case("secret.github_refresh_token", "refresh: {v}", gh("ghr"))
case("secret.gitlab_pat", "GITLAB_TOKEN={v}", "glpat-" + rnd(20, URLSAFE))
case("secret.gitlab_token", "trigger: {v}", "glptt-" + rnd(40, HEX))
case("secret.gitlab_token", "runner: {v}", "GR1348941" + rnd(20, URLSAFE))
case("secret.bitbucket_app_password", "BITBUCKET_APP_PASSWORD={v}", "ATBB" + rnd(32))
case("secret.atlassian_api_token", "JIRA_API_TOKEN={v}", "ATATT3xFfGF0" + rnd(180, URLSAFE + "="))
case("secret.npm_token", "//registry.npmjs.org/:_authToken={v}", gh("npm"))
case("secret.pypi_token", "password = {v}", PY_MACAROON)
case("secret.rubygems_api_key", "GEM_HOST_API_KEY={v}", "rubygems_" + rnd(48, HEX))
case("secret.nuget_api_key", "nuget push -k {v} -s x", "oy2" + rnd(43, string.ascii_lowercase + string.digits))
case("secret.crates_io_token", "CARGO_REGISTRY_TOKEN={v}", "cio" + rnd(32))
case("secret.clojars_token", "CLOJARS={v}", "CLOJARS_" + rnd(60, string.ascii_lowercase + string.digits))
case("secret.dockerhub_token", "docker login -u acme -p {v}", "dckr_pat_" + rnd(27, URLSAFE))
case("secret.jfrog_token", "ARTIFACTORY_TOKEN={v}", "cmVmdGtuOjAxOj" + rnd(50))
case("secret.slack_bot_token", "SLACK_BOT_TOKEN={v}", f"xoxb-{rnd(10, string.digits)}-{rnd(13, string.digits)}-{rnd(24)}")
case(
    "secret.slack_user_token",
    "token={v}",
    f"xoxp-{rnd(10, string.digits)}-{rnd(11, string.digits)}-{rnd(12, string.digits)}-{rnd(32, HEX)}",
)
case(
    "secret.slack_app_token",
    "SLACK_APP_TOKEN={v}",
    f"xapp-1-A{rnd(10, string.ascii_uppercase + string.digits)}-{rnd(13, string.digits)}-{rnd(64, HEX)}",
)
case("secret.slack_token", "legacy {v}", f"xoxa-2-{rnd(10, string.digits)}-{rnd(20)}")
case(
    "secret.slack_webhook",
    "curl -X POST {v} -d '{}'",
    f"https://hooks.slack.com/services/T{rnd(8, string.ascii_uppercase)}/B{rnd(8, string.ascii_uppercase)}/{rnd(24)}",
)
case("secret.discord_bot_token", "DISCORD_TOKEN={v}", f"{DISCORD_ID}.{rnd(6, URLSAFE)}.{rnd(38, URLSAFE)}")
case(
    "secret.discord_webhook",
    "webhook: {v}",
    f"https://discord.com/api/webhooks/{rnd(19, string.digits)}/{rnd(68, URLSAFE)}",
)
case("secret.telegram_bot_token", "TELEGRAM_TOKEN={v}", f"{rnd(10, string.digits)}:AA{rnd(33, URLSAFE)}")
case(
    "secret.teams_webhook",
    "url: {v}",
    f"https://acme.webhook.office.com/webhookb2/{UUID}@{UUID}/IncomingWebhook/{rnd(32, HEX)}/{UUID}",
)
case("secret.twilio_api_key", "TWILIO_API_KEY={v}", "SK" + rnd(32, HEX))
case("secret.twilio_api_key", "TWILIO_AUTH_TOKEN={v}", rnd(32, HEX))
case("secret.sendgrid_api_key", "SENDGRID_API_KEY={v}", f"SG.{rnd(22, URLSAFE)}.{rnd(43, URLSAFE)}")
case("secret.mailgun_api_key", "api: {v}", "key-" + rnd(32))
case("secret.mailchimp_api_key", "MAILCHIMP_KEY={v}", rnd(32, HEX) + "-us14")
case("secret.brevo_api_key", "BREVO={v}", "xkeysib-" + rnd(64, HEX) + "-" + rnd(16))
case("secret.postmark_token", "POSTMARK_SERVER_TOKEN={v}", UUID)
case("secret.stripe_secret_key", "Stripe.api_key = '{v}'", "sk_live_" + rnd(40))
case("secret.stripe_test_key", "key: {v}", "sk_test_" + rnd(40))
case("secret.stripe_restricted_key", "key: {v}", "rk_live_" + rnd(40))
case("secret.stripe_webhook_secret", "STRIPE_WEBHOOK_SECRET={v}", "whsec_" + rnd(32))
case("secret.square_token", "SQUARE_ACCESS_TOKEN={v}", "EAAA" + rnd(60, URLSAFE))
case("secret.square_oauth_secret", "secret: {v}", "sq0csp-" + rnd(43, URLSAFE))
case(
    "secret.braintree_access_token",
    "BRAINTREE={v}",
    "access_token$production$" + rnd(16, string.ascii_lowercase + string.digits) + "$" + rnd(32, HEX),
)
case("secret.paypal_client_secret", "PAYPAL_CLIENT_SECRET={v}", "E" + rnd(79, URLSAFE))
case("secret.shopify_token", "X-Shopify-Access-Token: {v}", "shpat_" + rnd(32, HEX))
case("secret.openai_api_key", "OPENAI_API_KEY={v}", "sk-proj-" + rnd(40, URLSAFE) + "T3BlbkFJ" + rnd(40, URLSAFE))
case("secret.openai_api_key", 'client = OpenAI(api_key="{v}")', "sk-" + rnd(20) + "T3BlbkFJ" + rnd(20))
case("secret.anthropic_api_key", "ANTHROPIC_API_KEY={v}", "sk-ant-api03-" + rnd(93, URLSAFE) + "AA")
case("secret.huggingface_token", "HF_TOKEN={v}", "hf_" + rnd(34, string.ascii_letters))
case("secret.groq_api_key", "GROQ_API_KEY={v}", "gsk_" + rnd(52))
case("secret.replicate_api_token", "REPLICATE_API_TOKEN={v}", "r8_" + rnd(37))
case("secret.cohere_api_key", "COHERE_API_KEY={v}", rnd(40))
case("secret.llm_provider_key", "PERPLEXITY_API_KEY={v}", "pplx-" + rnd(48))
case("secret.llm_provider_key", "XAI={v}", "xai-" + rnd(80))
case("secret.llm_provider_key", "TAVILY={v}", "tvly-dev-" + rnd(32))
case("secret.ai_provider_key_context", "MISTRAL_API_KEY={v}", rnd(32))
case("secret.datadog_api_key", "DD_API_KEY={v}", rnd(32, HEX))
case("secret.newrelic_key", "NEW_RELIC_API_KEY={v}", "NRAK-" + rnd(27, string.ascii_uppercase + string.digits))
case("secret.sentry_auth_token", "SENTRY_AUTH_TOKEN={v}", "sntryu_" + rnd(64, HEX))
case("secret.sentry_dsn", "SENTRY_DSN=https://{v}@o123456.ingest.sentry.io/4505", rnd(32, HEX))
case("secret.linear_api_key", "LINEAR_API_KEY={v}", "lin_api_" + rnd(40))
case("secret.notion_token", "NOTION_TOKEN={v}", "ntn_" + rnd(46))
case("secret.airtable_token", "AIRTABLE_TOKEN={v}", "pat" + rnd(14) + "." + rnd(64, HEX))
case("secret.okta_api_token", "OKTA_API_TOKEN={v}", "00" + rnd(40, URLSAFE))
case("secret.vault_token", "VAULT_TOKEN={v}", "hvs." + rnd(90, URLSAFE))
case("secret.terraform_cloud_token", 'token = "{v}"', rnd(14) + ".atlasv1." + rnd(67, URLSAFE))
case("secret.databricks_token", "DATABRICKS_TOKEN={v}", "dapi" + rnd(32, HEX))
case("secret.doppler_token", "DOPPLER_TOKEN={v}", "dp.st.prd." + rnd(43))
case("secret.pulumi_token", "PULUMI_ACCESS_TOKEN={v}", "pul-" + rnd(40, HEX))
case("secret.grafana_token", "GRAFANA_TOKEN={v}", "glsa_" + rnd(32) + "_" + rnd(8, HEX))
case(
    "secret.dynatrace_token",
    "DT_API_TOKEN={v}",
    "dt0c01." + rnd(24, string.ascii_uppercase + string.digits) + "." + rnd(64, string.ascii_uppercase + string.digits),
)
case("secret.postman_api_key", "POSTMAN_API_KEY={v}", "PMAK-" + rnd(24, HEX) + "-" + rnd(34, HEX))
case("secret.figma_token", "FIGMA_TOKEN={v}", "figd_" + rnd(43, URLSAFE))
case("secret.supabase_token", "SUPABASE_ACCESS_TOKEN={v}", "sbp_" + rnd(40, HEX))
case("secret.planetscale_token", "PLANETSCALE_PASSWORD={v}", "pscale_pw_" + rnd(43, URLSAFE))
case("secret.onepassword_token", "OP_SERVICE_ACCOUNT_TOKEN={v}", "ops_eyJ" + rnd(200, URLSAFE))
case("secret.netlify_token", "NETLIFY_AUTH_TOKEN={v}", "nfp_" + rnd(36))
case("secret.mapbox_secret_token", "MAPBOX={v}", "sk.eyJ" + rnd(60, URLSAFE) + "." + rnd(22, URLSAFE))
case("secret.facebook_access_token", "FB_ACCESS_TOKEN={v}", "EAAG" + rnd(180))
case("secret.twitter_bearer_token", "TWITTER_BEARER_TOKEN={v}", "A" * 21 + rnd(90))
case("secret.dropbox_token", "DROPBOX_TOKEN={v}", "sl." + rnd(140, URLSAFE))
case("secret.sonarqube_token", "SONAR_TOKEN={v}", "squ_" + rnd(40, HEX))
case("secret.posthog_key", "POSTHOG_PERSONAL_API_KEY={v}", "phx_" + rnd(43))
case("secret.age_secret_key", "# created\n{v}\n", "AGE-SECRET-KEY-1" + rnd(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"))
case(
    "secret.docker_swarm_token",
    "docker swarm join --token {v} 10.0.0.5:2377",
    "SWMTKN-1-" + rnd(50, string.ascii_lowercase + string.digits) + "-" + rnd(25, string.ascii_lowercase + string.digits),
)
case("secret.facebook_app_token", "FB_APP_TOKEN={v}", rnd(16, string.digits) + "|" + rnd(27, URLSAFE))
case("secret.aws_bedrock_api_key", "AWS_BEARER_TOKEN_BEDROCK={v}", "ABSK" + rnd(130, B64))
case("secret.jwk_private_key", '{"kty": "EC", "crv": "P-256", "x": "abc", "d": "{v}"}', rnd(43, URLSAFE))
case("secret.devtools_token", "SRC_ACCESS_TOKEN={v}", "sgp_" + rnd(40, HEX))
case("secret.password_hash", "root:{v}:19000:0:99999:7:::", "$6$" + rnd(16, ALNUM + "./") + "$" + rnd(86, ALNUM + "./"))
case("secret.password_hash", "hash = '{v}'", "$2b$12$" + rnd(53, ALNUM + "./"))
case("secret.netrc_password", "machine api.example.org login deploy password {v}\n", PW)
case("secret.private_key_rsa", "key:\n{v}\n", pem("RSA PRIVATE KEY"))
case("secret.private_key_ec", "{v}", pem("EC PRIVATE KEY", 3))
case("secret.private_key_dsa", "{v}", pem("DSA PRIVATE KEY"))
case("secret.private_key_openssh", "id_ed25519:\n{v}", pem("OPENSSH PRIVATE KEY"))
case("secret.private_key_pkcs8", "{v}\n", pem("PRIVATE KEY"))
case("secret.private_key_pgp", "{v}", pem("PGP PRIVATE KEY BLOCK"))
case("secret.private_key", "begins with {v}\n" + rnd(64, B64) + "\n(truncated)", "-----BEGIN SSH2 PRIVATE KEY-----")
case("secret.private_key_base64", "tls.key: {v}\n", PEM_B64)
case("secret.wireguard_private_key", "[Interface]\nPrivateKey = {v}\n", rnd(42, B64) + "A=")
case("secret.jwt", "session={v}; Path=/", jwt())
case("secret.postgres_uri_password", "DATABASE_URL=postgres://app:{v}@db.internal:5432/app", PW)
case("secret.mysql_uri_password", "mysql://root:{v}@10.0.0.5:3306/shop", PW)
case("secret.mongodb_uri_password", "mongodb+srv://admin:{v}@cluster0.ab1cd.mongodb.net/", PW)
case("secret.redis_uri_password", "REDIS_URL=redis://:{v}@cache:6379/0", PW)
case("secret.amqp_uri_password", "amqp://guest:{v}@rabbit:5672/", PW)
case("secret.database_uri_password", "ldap://cn=admin:{v}@ldap.corp:389", PW)
case("secret.url_password", "git clone https://deploy:{v}@git.example.org/acme/app.git", PW)
case("secret.basic_auth", "Authorization: Basic {v}\r\n", BASIC)
case("secret.bearer_token", "curl -H 'Authorization: Bearer {v}' https://api", rnd(40, URLSAFE))
case("secret.curl_credentials", "curl -u deploy:{v} https://api.example.org/", PW)
case("secret.sql_password", "ALTER USER 'app'@'%' IDENTIFIED BY '{v}';", PW)
case("secret.sql_password", "CREATE ROLE app WITH LOGIN PASSWORD '{v}';", PW)
# generic assignments in many syntaxes
case("secret.generic_password", 'db_password = "{v}"', PW)
case("secret.generic_password", "DB_PASS={v}\n", PW)
case("secret.generic_password", "password: {v}\n", PW)
case("secret.generic_password", '{"password": "{v}"}', PW)
case("secret.generic_password", "<password>{v}</password>", PW)
case("secret.generic_password", "mysqldump --password={v} db", PW)
case("secret.generic_password", '#define PASSWORD "{v}"', PW)
case("secret.generic_password", "val password: String = \"{v}\"", PW)
case("secret.generic_password", 'if (pwd == "{v}") {', PW)
case("secret.generic_password", "Server=db;User Id=sa;Password={v};", PW)
case("secret.generic_secret", 'api_key: "{v}"', rnd(24))
case("secret.generic_secret", "export CLIENT_SECRET={v}\n", rnd(32, URLSAFE))
case("secret.generic_secret", "https://api.example.org/v1/items?api_key={v}&page=2", rnd(32, HEX))
case("secret.generic_secret", "secret key: {v}", rnd(20))


def _scanner() -> SecretsScanner:
    return SecretsScanner(DetectConfig())


@pytest.fixture(scope="module")
def scanner() -> SecretsScanner:
    return _scanner()


@pytest.mark.parametrize(("rule_id", "text", "value"), _CASES, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(_CASES)])
def test_rule_finds_exact_span(scanner: SecretsScanner, rule_id: str, text: str, value: str) -> None:
    assert text.count(value) == 1, "test value must be unique in its text"
    start = text.index(value)
    found = [(f.rule_id, f.start, f.end) for f in scanner.scan_text(text)]
    assert (rule_id, start, start + len(value)) in found, found
    f = next(f for f in scanner.scan_text(text) if f.rule_id == rule_id)
    assert f.category is Category.SECRET
    assert f.owasp == (OWASP_LLM02,)
    assert f.entity
    assert value not in f.evidence and value not in f.message  # evidence is masked


def test_every_rule_has_a_positive_case() -> None:
    covered = {r for r, _, _ in _CASES + _MORE}
    missing = sorted(r.rule_id for r in RULES if r.rule_id not in covered)
    assert not missing


def test_rule_table_is_documented() -> None:
    assert len(SECRET_RULES) >= 60
    ids = [r.rule_id for r in SECRET_RULES]
    assert len(ids) == len(set(ids))
    for r in SECRET_RULES:
        assert r.rule_id.startswith("secret.")
        assert r.owasp == (OWASP_LLM02,)
        assert r.description and r.example
        assert 0 < r.confidence <= 1


def test_registered_in_registry() -> None:
    assert BUILTIN_SCANNERS["secrets"] == "bastion.detect._secrets:SecretsScanner"
    factory = load_factories(entry_points=False)["secrets"]
    scanner = factory(DetectConfig())
    assert scanner.categories == frozenset({Category.SECRET})
    ids = {r.rule_id for r in scanner.rules}
    assert {"secret.aws_access_key", "secret.github_pat", "secret.generic_password"} <= ids


# --- negatives: near misses that must not fire ------------------------------------------------
NEGATIVES = [
    "AKIA" + "2E0A8F3B244C998",  # one character short
    "XAKIA2E0A8F3B244C9986Z",  # inside a longer word
    "ghp_" + rnd(35),  # too short
    "sk_live_short",
    "glpat-short",
    "xoxb-123-456-abc",
    "The password must be at least 12 characters long.",
    "password: ********",
    "token_count = 4096",
    "max_tokens: 512",
    "password_file: /etc/secrets/db.txt",
    "api_key_header: X-Api-Key",
    "secret_name: my-db-secret",
    "passenger_count = 'Xq7vR2mT9kW4!'",
    "password = get_password()",
    "password = os.environ['DB_PASSWORD']",
    "token = self.token",
    "password: ${DB_PASSWORD}",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9",  # two parts only
    "eyJub3Rqc29uIjp0cnVl.eyJzdWIiOiIxIn0.abc",  # header without alg
    "postgres://user@localhost:5432/db",  # no password
    "https://example.org:8080/path",
    "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----",
    "-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END CERTIFICATE-----",
    "Authorization: Basic dXNlcg==",  # no colon inside
    "commit 3f9a7c1e5b2d8064a9c7e3f1b5d2086ac4e9f7b3",
    "uuid 9f3c1a7e-5b2d-4e80-a96c-7e3f1b5d2086 in a log line",
    "",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_near_misses_are_not_reported(scanner: SecretsScanner, text: str) -> None:
    assert scanner.scan_text(text) == []


# --- placeholders and documentation examples ---------------------------------------------------
PLACEHOLDERS = [
    "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "api_key = YOUR_API_KEY",
    'api_key = "YOUR_API_KEY_HERE"',
    "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "token: <token>",
    'token = "<your-token>"',
    "password=${DB_PASSWORD}",
    "password: {{ secret }}",
    'password: "{{ .Values.password }}"',
    "password=$(cat /run/secrets/db)",
    "password: '****************'",
    "password = changeme",
    'password = "password123"',
    "DB_PASSWORD=aaaaaaaaaaaa",
    "secret_key = 'abcdefghijklmnop'",
    "password: 12345678",
    "GITHUB_TOKEN=ghp_" + "x" * 36,
    "GITHUB_TOKEN=ghp_" + "0" * 36,
    "stripe: sk_live_" + "1234567890" * 3,
    "postgres://user:password@localhost/db",
    "postgres://user:${PGPASSWORD}@localhost/db",
    "mysql://root:<password>@db/x",
    "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
    "-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----",
    "-----BEGIN OPENSSH FAKE PRIVATE KEY-----",
    "client_secret: 'ENC(2dfRFqV/cS6TzRd+JyO=)'",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_placeholders_are_filtered(scanner: SecretsScanner, text: str) -> None:
    assert scanner.scan_text(text) == [], scanner.scan_text(text)


# --- bypass attempts ---------------------------------------------------------------------------
AKIA = "AKIA" + "2E0A8F3B244C9986"
GHP = gh("ghp")


@pytest.mark.parametrize(
    ("text", "rule_id", "span_text"),
    [
        (f'key = "{AKIA[:8]}" + "{AKIA[8:]}"', "secret.aws_access_key", f'{AKIA[:8]}" + "{AKIA[8:]}'),
        (f"key = '{AKIA[:10]}' '{AKIA[10:]}'", "secret.aws_access_key", f"{AKIA[:10]}' '{AKIA[10:]}"),
        (f'tok = "{GHP[:20]}" +\n    "{GHP[20:]}"', "secret.github_pat", f'{GHP[:20]}" +\n    "{GHP[20:]}'),
        (f"$k = '{GHP[:12]}' . '{GHP[12:]}';", "secret.github_pat", f"{GHP[:12]}' . '{GHP[12:]}"),
        (f"key={AKIA[:6]}\u200b{AKIA[6:]}", "secret.aws_access_key", f"{AKIA[:6]}\u200b{AKIA[6:]}"),
        (
            f'k = "{AKIA[:5]}" "{AKIA[5:10]}" "{AKIA[10:15]}" + "{AKIA[15:]}"',
            "secret.aws_access_key",
            f'{AKIA[:5]}" "{AKIA[5:10]}" "{AKIA[10:15]}" + "{AKIA[15:]}',
        ),
        (f"k={AKIA[:4]}\u200b{AKIA[4:8]}\u200c{AKIA[8:]}", "secret.aws_access_key", f"{AKIA[:4]}\u200b{AKIA[4:8]}\u200c{AKIA[8:]}"),
        (f"key={AKIA[:6]}\u2060\ufeff{AKIA[6:]}", "secret.aws_access_key", f"{AKIA[:6]}\u2060\ufeff{AKIA[6:]}"),
        (f"密钥：{AKIA}。", "secret.aws_access_key", AKIA),
        (f"schlüssel={AKIA}ü", "secret.aws_access_key", AKIA),
        (f"éé{GHP}ü", "secret.github_pat", GHP),
        (f"🔑{GHP}🔑", "secret.github_pat", GHP),
        (f'{{"aws": {{"key": "{AKIA}"}}}}', "secret.aws_access_key", AKIA),
        (f"aws:\n  access_key_id: {AKIA}\n", "secret.aws_access_key", AKIA),
        (f"export AWS_ACCESS_KEY_ID='{AKIA}'", "secret.aws_access_key", AKIA),
        (f"https://x.example/cb?code=1&token={GHP}&state=2", "secret.github_pat", GHP),
        (f"https://x.example/{GHP}/", "secret.github_pat", GHP),
        (f"`{GHP}`", "secret.github_pat", GHP),
        (f"<code>{GHP}</code>", "secret.github_pat", GHP),
        (f"{AKIA}\n{AKIA[:4] + 'Z' + AKIA[5:]}", "secret.aws_access_key", AKIA),
        (f'"password":"{PW}"', "secret.generic_password", PW),
        (f'{{\\"password\\":\\"{PW}\\"}}', "secret.generic_password", PW),
        (f"PASSWORD：{PW}", "secret.generic_password", PW),
        (f"X3_PSWD={PW}", "secret.generic_password", PW),
    ],
)
def test_bypass_attempts_are_caught(scanner: SecretsScanner, text: str, rule_id: str, span_text: str) -> None:
    start = text.index(span_text)
    found = [(f.rule_id, f.start, f.end) for f in scanner.scan_text(text)]
    assert (rule_id, start, start + len(span_text)) in found, found


def test_adjacent_tokens_are_all_found(scanner: SecretsScanner) -> None:
    a, b = gh("ghp"), gh("ghp")
    text = f"{a} {b},{AKIA}"
    spans = [(f.start, f.end) for f in scanner.scan_text(text)]
    assert spans == [(0, 40), (41, 81), (82, 102)]


# --- validators --------------------------------------------------------------------------------
def test_github_checksum_validated(scanner: SecretsScanner) -> None:
    good = gh("ghp")
    bad = good[:-1] + ("A" if good[-1] != "A" else "B")
    assert crc32_base62_ok(good) and not crc32_base62_ok(bad)
    (fg,) = scanner.scan_text(good)
    (fb,) = scanner.scan_text(bad)
    assert "checksum valid" in fg.message
    assert fb.confidence < fg.confidence
    strict = SecretsScanner(DetectConfig(extra=(("secrets.require_checksum", "true"),)))
    assert strict.scan_text(bad) == []
    assert len(strict.scan_text(good)) == 1


def test_jwt_structure() -> None:
    assert jwt_ok(jwt()) is Verdict.VALID
    assert jwt_ok(jwt(alg="none", sig=False)) is Verdict.VALID
    assert jwt_ok(jwt(sig=False)) is Verdict.REJECT  # signed alg without a signature
    assert jwt_ok("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9") is Verdict.REJECT
    assert jwt_ok(b64url({"typ": "JWT"}) + "." + b64url({"a": 1}) + ".sig") is Verdict.REJECT


def test_entropy_and_placeholder_helpers() -> None:
    assert shannon_entropy("") == 0.0
    assert shannon_entropy("aaaa") == 0.0
    assert shannon_entropy("abcd") == pytest.approx(2.0)
    assert is_placeholder("AKIAIOSFODNN7EXAMPLE")
    assert is_placeholder("qwertyuiop")
    assert is_placeholder(rnd(10) + "123456")
    assert not is_placeholder(rnd(36), strict=True)


def test_encrypted_private_key_is_reported_with_lower_severity(scanner: SecretsScanner) -> None:
    (enc,) = scanner.scan_text(pem("ENCRYPTED PRIVATE KEY"))
    (plain,) = scanner.scan_text(pem("PRIVATE KEY"))
    assert enc.rule_id == plain.rule_id == "secret.private_key_pkcs8"
    assert enc.severity is Severity.MEDIUM and plain.severity is Severity.CRITICAL


def test_specific_rule_wins_over_generic(scanner: SecretsScanner) -> None:
    text = f"GITHUB_TOKEN={GHP}\npassword = '{GHP}'"
    assert [f.rule_id for f in scanner.scan_text(text)] == ["secret.github_pat", "secret.github_pat"]


# --- engines, guard integration, bounded work --------------------------------------------------
ENGINES = ["re2"] + (["hyperscan"] if hyperscan_available() else [])


@pytest.mark.parametrize("engine", ENGINES)
def test_engines_agree(engine: str) -> None:
    text = "\n".join(t for _, t, _ in _CASES[:40]) + "\nünïcödé " + AKIA
    ref = [(f.rule_id, f.start, f.end) for f in _scanner().scan_text(text)]
    got = [(f.rule_id, f.start, f.end) for f in SecretsScanner(DetectConfig(engine=engine)).scan_text(text)]
    assert got == ref


def test_offsets_are_characters_with_non_ascii_prefix(scanner: SecretsScanner) -> None:
    text = "ä" * 1000 + "€ " + GHP + " 🔑 " + AKIA
    found = {f.rule_id: text[f.start : f.end] for f in scanner.scan_text(text)}
    assert found == {"secret.github_pat": GHP, "secret.aws_access_key": AKIA}


def test_guard_reports_secrets_on_response_surface() -> None:
    guard = Guard(categories=["secret"], scanners=[_scanner()])
    res = guard.scan(f"here you go: {AKIA}", surface="response")
    assert res.flagged
    (f,) = res.by_category(Category.SECRET)
    assert f.entity == "aws_access_key" and f.start == 13


def test_lone_surrogates_do_not_crash(scanner: SecretsScanner) -> None:
    found = scanner.scan_text("\ud800 " + AKIA)
    assert [(f.start, f.end) for f in found] == [(2, 22)]


@pytest.mark.parametrize(
    "text",
    [
        "password=" + "a" * 200_000,
        "PASSWORD" + "A" * 100_000 + "=Xq7vR2mT9kW4!",
        "token" + "_" * 100_000 + ' = "' + "x" * 100_000,
        "-----BEGIN RSA PRIVATE KEY-----\n" * 2000,
        "'\"" * 50_000,
        "\u200b" * 100_000,
        "AKIA" * 50_000,
        "postgres://" + "u" * 100_000 + ":",
        "eyJ" + "A" * 100_000 + ".eyJ" + "B" * 100_000,
    ],
)
def test_adversarial_inputs_finish(scanner: SecretsScanner, text: str) -> None:
    scanner.scan_text(text)  # linear-time engines: completes quickly, never hangs


def test_password_evidence_reveals_nothing(scanner: SecretsScanner) -> None:
    for text in (f'db_password = "{PW}"', f"postgres://app:{PW}@db/x", f"aws_secret_access_key = {rnd(40, B64)}"):
        (f,) = scanner.scan_text(text)
        assert set(f.evidence.split("(")[0]) == {"*"}, f.evidence


# --- documentation stays true to the code ------------------------------------------------------
DOC = Path(__file__).resolve().parents[2] / "docs" / "secrets.md"


def test_docs_list_every_rule() -> None:
    doc = DOC.read_text(encoding="utf-8")
    every = RULES + OPTIONAL_RULES
    missing = [r.rule_id for r in every if f"| `{r.rule_id}` | `{r.entity}` | {r.info.severity.value} |" not in doc]
    assert not missing
    assert f"({sum(len(r.patterns) for r in RULES)}, from the {len(RULES)} default rules below)" in doc
    assert f"\n{len(RULES)} rules on by default and {len(OPTIONAL_RULES)} opt-in rule." in doc


def test_docs_example_output() -> None:
    doc = DOC.read_text(encoding="utf-8")
    guard = Guard(scanners=[_scanner()])  # only this scanner: the other scanners are tested elsewhere
    result = guard.scan("export AWS_ACCESS_KEY_ID=AKIA2E0A8F3B244C9986", surface="response")
    lines = [f"# {f.rule_id} {f.entity} {f.start} {f.end} {f.evidence}" for f in result.findings]
    assert lines and all(line in doc for line in lines)


def test_many_tokens_stay_linear(scanner: SecretsScanner) -> None:
    tokens = [gh("ghp") for _ in range(3000)]
    text = " ".join(tokens) + "\n" + "\n".join(f'password = "{PW}{i}"' for i in range(3000))
    found = scanner.scan_text(text)
    assert sum(f.rule_id == "secret.github_pat" for f in found) == 3000
    assert sum(f.rule_id == "secret.generic_password" for f in found) == 3000
    assert [f.start for f in found] == sorted(f.start for f in found)


_MORE: list[tuple[str, str, str]] = [
    ("secret.posthog_key", "POSTHOG={v}", "phs_" + rnd(40)),
    ("secret.llm_provider_key", "TOGETHER_API_KEY={v}", "tgp_v1_" + rnd(43, URLSAFE)),
    ("secret.devtools_token", "VERCEL_TOKEN={v}", "vcp_" + rnd(56)),
    ("secret.atlassian_api_token", '"bitbucket": "{v}"', "BBDC-" + rnd(44)),
    ("secret.bearer_token", "Authorization: NTLM {v}", "TlRMTVNTUAADAAAAGAAY" + rnd(60, B64)),
    ("secret.password_hash", "ALTER USER 'a'@'%' IDENTIFIED WITH 'mysql_native_password' AS '{v}';", "*" + rnd(40, "0123456789ABCDEF")),
    ("secret.curl_credentials", 'curl_easy_setopt(curl, CURLOPT_USERPWD, "root:{v}");', PW),
    ("secret.curl_credentials", 'ConvertTo-SecureString -String "{v}" -AsPlainText -Force', PW),
    ("secret.generic_secret", "tool --super-secret_token {v} --verbose", rnd(32, URLSAFE)),
    ("secret.generic_secret", "%define token {v}", rnd(64, HEX)),
    ("secret.nats_nkey_seed", "seed: {v}", "SU" + rnd(56, string.ascii_uppercase + "234567")),
    ("secret.salesforce_access_token", "sf token {v}", "00D" + rnd(15) + "!" + rnd(96, ALNUM + "._")),
]
_MORE = [(r, t.replace("{v}", v), v) for r, t, v in _MORE]


@pytest.mark.parametrize(("rule_id", "text", "value"), _MORE, ids=[f"{r}-more{i}" for i, (r, _, _) in enumerate(_MORE)])
def test_more_formats_exact_span(scanner: SecretsScanner, rule_id: str, text: str, value: str) -> None:
    test_rule_finds_exact_span(scanner, rule_id, text, value)


def test_high_entropy_rule_is_opt_in(scanner: SecretsScanner) -> None:
    blob = rnd(40, B64)
    sha = rnd(40, HEX)
    text = f'config = {{"value": "{blob}", "commit": "{sha}", "name": "SomeLongIdentifierName", "n": "{rnd(24, string.ascii_letters)}"}}'
    assert scanner.scan_text(text) == []
    on = SecretsScanner(DetectConfig(extra=(("secrets.high_entropy", "true"),)))
    found = [(f.rule_id, text[f.start : f.end]) for f in on.scan_text(text)]
    assert found == [("secret.high_entropy_string", blob), ("secret.high_entropy_string", sha)]
    # specific rules still win where both match
    assert [f.rule_id for f in on.scan_text(f'k = "{AKIA}"')] == ["secret.aws_access_key"]

"""Backend-leak scanner: table-driven exact spans, bypass attempts, benign look-alikes."""

from __future__ import annotations

import pytest

from bastion._types import Category, Severity, Surface
from bastion.detect._base import DetectConfig, Document
from bastion.detect._leak import RULES, LeakScanner


@pytest.fixture(scope="module", params=["auto", "re2"])
def scanner(request: pytest.FixtureRequest) -> LeakScanner:
    return LeakScanner(DetectConfig(engine=request.param))


def found(scanner: LeakScanner, text: str) -> list[tuple[str, int, int]]:
    doc = Document(text=text, surface=Surface.RESPONSE, config=DetectConfig())
    return [(f.rule_id, f.start, f.end) for f in scanner.scan(doc)]


def at(text: str, rule: str, sub: str) -> tuple[str, int, int]:
    i = text.index(sub)
    return (rule, i, i + len(sub))


PY_TB = (
    "Traceback (most recent call last):\n"
    '  File "/srv/app/views.py", line 12, in get\n'
    '    x = d["id"]\n'
    "KeyError: 'id'"
)
JAVA = (
    'Exception in thread "main" java.lang.NullPointerException: boom\n'
    "\tat com.acme.billing.App.run(App.java:14)\n"
    "\tat com.acme.billing.App.main(App.java:5)"
)
NODE = (
    "    at handler (/srv/app/routes.js:41:13)\n"
    "    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)\n"
    "    at node:internal/process/task_queues:95:5"
)
GO = "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:8 +0x1d"
DOTNET = (
    "   at Shop.Api.OrdersController.Get(Int32 id) in /src/Orders.cs:line 31\n"
    "   at lambda_method(Closure , Object , Object[] )"
)
ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/bin\nHOSTNAME=api-7d9f8\nHOME=/root\nKUBERNETES_SERVICE_HOST=10.96.0.1"
DOTENV = "APP_ENV=production\nDB_HOST=db.internal\nDB_PASSWORD=Vb7#kq2!xZ\n"
PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin"
SHADOW = "root:$6$Zq1p3Yx9$8sQm0dOqT3bWl4h8s7e9ZcU2Yk1Qb8tYwR7Q0vZt9sO1u4mA3l2:19650:0:99999:7:::"
AWS = "[default]\naws_access_key_id = AKIAZ7VRSQ5HGPJKQW3T\naws_secret_access_key = 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"
KUBE = "users:\n- name: admin\n  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ=="
NPMRC = "//registry.npmjs.org/:_authToken=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
PYPIRC = "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJGExYjJjM2Q0"
NETRC = "machine api.heroku.com\n  login ops@acme.io\n  password 9f8e7d6c-5b4a"
SSH_KEYS = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk9m2Yk8wV0bVq1sLr3sQ2x7ZtN5uJ4eP0cR6hD1aW9 deploy@build-01\n"
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA8kVx2b9nYf4l0PzQ1wRt5sUo2 ops@bastion"
)

POSITIVES: list[tuple[str, list[tuple[str, str]]]] = [
    ("see http://10.0.3.7:8080/admin/users now", [("leak.internal_url", "http://10.0.3.7:8080/admin/users")]),
    ("GET https://grafana.corp/d/abc?x=1.", [("leak.internal_url", "https://grafana.corp/d/abc?x=1")]),
    ("pg: postgres-0.postgres.svc.cluster.local:5432", [("leak.internal_host", "postgres-0.postgres.svc.cluster.local:5432")]),
    ("vault at vault.internal, ok", [("leak.internal_host", "vault.internal")]),
    ("the API runs on 172.20.4.11.", [("leak.private_ip", "172.20.4.11")]),
    ("db 192.168.10.5:3306", [("leak.internal_host", "192.168.10.5:3306")]),
    ("admin UI: http://localhost:9000/admin", [("leak.localhost_url", "http://localhost:9000/admin")]),
    ("curl 127.0.0.1:5000/debug", [("leak.localhost_url", "127.0.0.1:5000/debug")]),
    ("curl http://169.254.169.254/latest/meta-data/iam/", [("leak.cloud_metadata", "http://169.254.169.254/latest/meta-data/iam/")]),
    ("host metadata.google.internal/computeMetadata/v1/", [("leak.cloud_metadata", "metadata.google.internal/computeMetadata/v1/")]),
    ("IMDSv6 [fd00:ec2::254]", [("leak.cloud_metadata", "[fd00:ec2::254]")]),
    ("ECS creds 169.254.170.2/v2/credentials", [("leak.cloud_metadata", "169.254.170.2/v2/credentials")]),
    (f"Oops:\n{PY_TB}\nDone", [("leak.python_traceback", PY_TB)]),
    (f"log:\n{JAVA}\n", [("leak.java_stack_trace", JAVA)]),
    (f"TypeError: x is undefined\n{NODE}\n", [("leak.node_stack_trace", NODE.lstrip())]),
    (GO, [("leak.go_panic", GO)]),
    (DOTNET, [("leak.dotnet_stack_trace", DOTNET.lstrip())]),
    (
        "PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/html/index.php:3",
        [("leak.php_error", "PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/html/index.php:3")],
    ),
    ("/srv/app/models/user.rb:12:in `save!'", [("leak.ruby_backtrace", "/srv/app/models/user.rb:12:in `save!'")]),
    (
        "You're seeing this error because you have DEBUG = True in your Django settings file.",
        [("leak.debug_page", "you have DEBUG = True in your Django settings file")],
    ),
    ("<h1>Whitelabel Error Page</h1>", [("leak.debug_page", "Whitelabel Error Page")]),
    ("<title>Werkzeug Debugger</title>", [("leak.debug_page", "Werkzeug Debugger")]),
    ("Server Error in '/' Application.", [("leak.debug_page", "Server Error in '/' Application")]),
    ("Whoops! There was an error.", [("leak.debug_page", "Whoops! There was an error")]),
    (ENV, [("leak.env_dump", ENV)]),
    (f"my .env:\n{DOTENV}", [("leak.dotenv_file", DOTENV.rstrip())]),
    (PASSWD, [("leak.passwd_file", PASSWD)]),
    ("cat says root:x:0:0:root:/root:/bin/bash", [("leak.passwd_file", "root:x:0:0:root:/root:/bin/bash")]),
    (SHADOW, [("leak.shadow_file", SHADOW)]),
    (AWS, [("leak.aws_credentials_file", AWS)]),
    (KUBE, [("leak.kubeconfig", KUBE.split("    ", 1)[1])]),
    (NPMRC, [("leak.registry_credentials", NPMRC)]),
    (PYPIRC, [("leak.registry_credentials", PYPIRC)]),
    (NETRC, [("leak.registry_credentials", NETRC)]),
    (SSH_KEYS, [("leak.ssh_authorized_keys", SSH_KEYS)]),
    ('ERROR:  relation "users_private" does not exist\nLINE 1', [("leak.sql_error", 'ERROR:  relation "users_private" does not exist')]),
    (
        "You have an error in your SQL syntax; check the manual near 'x' at line 1",
        [("leak.sql_error", "You have an error in your SQL syntax; check the manual near 'x' at line 1")],
    ),
    ("ORA-00942: table or view does not exist", [("leak.sql_error", "ORA-00942: table or view does not exist")]),
    ("X-Powered-By: PHP/7.4.3\nServer: nginx", [("leak.server_banner", "X-Powered-By: PHP/7.4.3")]),
    (
        "<address>Apache/2.4.41 (Ubuntu) Server at intranet Port 80</address>",
        [("leak.server_banner", "Apache/2.4.41 (Ubuntu) Server at intranet Port 80")],
    ),
    # non-ASCII before the span: character offsets
    ("Größe ✓ → http://10.1.2.3/admin", [("leak.internal_url", "http://10.1.2.3/admin")]),
]


@pytest.mark.parametrize(("text", "items"), POSITIVES, ids=[t[:40] for t, _ in POSITIVES])
def test_positive_exact_spans(scanner: LeakScanner, text: str, items: list[tuple[str, str]]) -> None:
    assert found(scanner, text) == [at(text, r, s) for r, s in items]


BENIGN = [
    "Run the server on localhost and open the page.",
    "Binaries live in /usr/local/bin and ~/.local/share; see settings.local.py",
    "Read https://docs.python.org/3/library/traceback.html and https://example.com/admin",
    "The Corporation (example.corporation) and the local council",
    "x = 1\ny = 2\n",
    "a=1&b=2&c=3",
    "Use DEBUG = True only in development settings.",
    "Public DNS 8.8.8.8 and version 10.2.0.1 of the tool",
    "The error panic: attacks are common in prose",
    "at the station (Platform 9) we met at noon",
    "ssh-ed25519 is a key type; the server: runs fine",
    "ERROR: something went wrong, please retry",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_stays_clean(scanner: LeakScanner, text: str) -> None:
    assert found(scanner, text) == []


def test_severity_rises_for_admin_paths(scanner: LeakScanner) -> None:
    doc = Document(text="http://10.0.0.5/admin and http://10.0.0.5/docs", surface=Surface.RESPONSE, config=DetectConfig())
    sev = [f.severity for f in scanner.scan(doc)]
    assert sev == [Severity.HIGH, Severity.MEDIUM]


def test_metadata_url_is_not_also_an_internal_url(scanner: LeakScanner) -> None:
    text = "http://metadata.google.internal/computeMetadata/v1/instance"
    assert [r for r, _, _ in found(scanner, text)] == ["leak.cloud_metadata"]


def test_rule_examples_detected_and_documented(scanner: LeakScanner) -> None:
    for r in RULES:
        assert r.category is Category.LEAK and r.description and r.example
        doc = Document(text=r.example, surface=Surface.RESPONSE, config=DetectConfig())
        assert r.rule_id in {f.rule_id for f in scanner.scan(doc)}, r.rule_id


def test_evidence_is_masked(scanner: LeakScanner) -> None:
    doc = Document(text=DOTENV, surface=Surface.RESPONSE, config=DetectConfig())
    (f,) = scanner.scan(doc)
    assert "Vb7#kq2!xZ" not in f.evidence


def test_long_text_windows_match_whole_text_pass(scanner: LeakScanner) -> None:
    filler = ("lorem ipsum dolor sit amet 12345 " * 40 + "\n") * 200  # > 64 KB: windowed search
    text = filler + PY_TB + "\n" + filler + "see http://10.0.3.7:8080/admin\n" + filler + ENV + "\n"
    got = found(scanner, text)
    assert got == [
        at(text, "leak.python_traceback", PY_TB),
        at(text, "leak.internal_url", "http://10.0.3.7:8080/admin"),
        at(text, "leak.env_dump", ENV),
    ]


def test_bounded_on_pathological_input(scanner: LeakScanner) -> None:
    for text in ("A=1\n" * 30_000, "  at x (/a.js:1:2)\n" * 20_000, "10." * 50_000, "Traceback (most recent call last):\n" + " x\n" * 50_000):
        found(scanner, text)

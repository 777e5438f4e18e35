"""Backend-leak scanner (``leak.*``): what a server should never print to its users.

Internal URLs and host names, cloud metadata endpoints, stack traces (Python, Java, Node,
Go, .NET, PHP, Ruby), framework debug pages, environment dumps and ``.env`` files, the contents
of sensitive files (``/etc/passwd``, ``/etc/shadow``, ``~/.aws/credentials``, kubeconfig,
``.npmrc``/``.pypirc``/``.netrc``/docker ``config.json``, SSH ``authorized_keys``), SQL errors that
show schema details and server version banners. Private key blocks and credential values are the
secret scanner's (``secret.*``); this scanner reports the *file or page* that leaked.

All candidates come from one :class:`~bastion.detect._engine.PatternSet` (linear time); Python
only looks at the matched spans.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from bastion._types import Category, Finding, RuleInfo, Severity
from bastion.detect._base import OWASP_LLM02, OWASP_LLM07, DetectConfig, Document, make_finding, mask_evidence
from bastion.detect._staged import Staged, StagedSet

__all__ = ["RULES", "LeakScanner"]


def _rule(
    rule_id: str, severity: Severity, confidence: float, description: str, example: str, *, llm07: bool = False
) -> RuleInfo:
    return RuleInfo(
        rule_id=rule_id,
        category=Category.LEAK,
        severity=severity,
        confidence=confidence,
        owasp=(OWASP_LLM02, OWASP_LLM07) if llm07 else (OWASP_LLM02,),
        description=description,
        example=example,
    )


CLOUD_METADATA = _rule(
    "leak.cloud_metadata",
    Severity.HIGH,
    0.95,
    "A cloud instance-metadata endpoint: 169.254.169.254 (AWS, Azure IMDS, GCP, OpenStack), "
    "fd00:ec2::254, metadata.google.internal, metadata.azure.com, 169.254.170.2 (ECS task "
    "metadata), 100.100.100.200 (Alibaba). Seen in output it means the agent touched or revealed "
    "the path attackers use to steal instance credentials (SSRF).",
    "curl http://169.254.169.254/latest/meta-data/iam/security-credentials/",
)
INTERNAL_URL = _rule(
    "leak.internal_url",
    Severity.MEDIUM,
    0.85,
    "A URL whose host is internal: an RFC 1918 address (10/8, 172.16/12, 192.168/16), a CGNAT or "
    "unique-local IPv6 address, or a name under .internal, .svc.cluster.local, .cluster.local, "
    ".local, .localdomain, .corp, .lan, .intranet, .home.arpa. Severity rises to high when the path "
    "names an admin, debug or management surface (/admin, /actuator, /debug, /console, /.env ...).",
    "see http://10.0.3.7:8080/admin/users",
)
INTERNAL_HOST = _rule(
    "leak.internal_host",
    Severity.MEDIUM,
    0.7,
    "An internal host name (`db-primary.prod.svc.cluster.local`, `billing.corp`, `vault.internal`) "
    "or a private address with a port (`10.0.3.7:5432`), written without a URL scheme.",
    "connect to postgres-0.postgres.svc.cluster.local:5432",
)
PRIVATE_IP = _rule(
    "leak.private_ip",
    Severity.LOW,
    0.5,
    "A bare private (RFC 1918) IPv4 address or unique-local IPv6 address: it reveals the internal network layout.",
    "the API server runs on 172.20.4.11",
)
LOCALHOST_URL = _rule(
    "leak.localhost_url",
    Severity.LOW,
    0.5,
    "A loopback URL or address with a port (`localhost:8080`, `127.0.0.1:5000/admin`): a service "
    "meant for the server itself. Medium severity when the path names an admin or debug surface.",
    "the admin UI is at http://localhost:9000/admin",
)
PYTHON_TRACEBACK = _rule(
    "leak.python_traceback",
    Severity.MEDIUM,
    0.95,
    "A Python traceback (`Traceback (most recent call last):` with its frames and exception line) "
    'or stand-alone `File "/path.py", line N, in f` frames: file paths, code and values of the server.',
    "Traceback (most recent call last):\n  File \"/srv/app/views.py\", line 12, in get\nKeyError: 'id'",
)
JAVA_STACK_TRACE = _rule(
    "leak.java_stack_trace",
    Severity.MEDIUM,
    0.9,
    "JVM stack frames (`at com.acme.Service.run(Service.java:42)`, Kotlin/Scala too) and "
    '`Exception in thread "main"` headers.',
    'Exception in thread "main" java.lang.NullPointerException\n\tat com.acme.App.main(App.java:14)',
)
NODE_STACK_TRACE = _rule(
    "leak.node_stack_trace",
    Severity.MEDIUM,
    0.9,
    "Node.js/JavaScript stack frames with file, line and column "
    "(`at handler (/srv/app/index.js:10:5)`, `at node:internal/...`).",
    "TypeError: x is undefined\n    at handler (/srv/app/routes.js:41:13)",
)
GO_PANIC = _rule(
    "leak.go_panic",
    Severity.MEDIUM,
    0.9,
    "A Go panic (`panic: ...`) or goroutine dump (`goroutine 1 [running]:` with its frames).",
    "panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()",
)
DOTNET_STACK_TRACE = _rule(
    "leak.dotnet_stack_trace",
    Severity.MEDIUM,
    0.85,
    ".NET stack frames (`at App.Controllers.Home.Index() in C:\\src\\Home.cs:line 42`) and "
    "`Unhandled exception. System.X` headers.",
    "   at Shop.Api.OrdersController.Get(Int32 id) in /src/Orders.cs:line 31",
)
PHP_ERROR = _rule(
    "leak.php_error",
    Severity.MEDIUM,
    0.85,
    "A PHP error with a server path (`Fatal error: ... in /var/www/x.php on line 12`) or a PHP "
    "`Stack trace:` with `#0 /path` frames.",
    "PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/html/index.php:3",
)
RUBY_BACKTRACE = _rule(
    "leak.ruby_backtrace",
    Severity.MEDIUM,
    0.85,
    "Ruby backtrace lines (`/app/models/user.rb:12:in `save'`).",
    "/srv/app/models/user.rb:12:in `save!'",
)
DEBUG_PAGE = _rule(
    "leak.debug_page",
    Severity.HIGH,
    0.9,
    "Markers of a framework's debug or default error page: Django `DEBUG = True` yellow page, "
    "Flask/Werkzeug debugger, Rails exception page, Laravel Whoops/Ignition, Spring Whitelabel "
    "Error Page, ASP.NET yellow screen of death, phpinfo(). The `entity` names the framework.",
    "You're seeing this error because you have DEBUG = True in your Django settings file.",
)
ENV_DUMP = _rule(
    "leak.env_dump",
    Severity.MEDIUM,
    0.8,
    "A dump of process environment variables: three or more `KEY=value` lines including PATH, "
    "HOME, HOSTNAME, PWD, SHELL, USER, KUBERNETES_* or AWS_* keys, or eight or more such lines.",
    "PATH=/usr/local/bin:/usr/bin\nHOME=/root\nHOSTNAME=api-7d9f\n",
)
DOTENV_FILE = _rule(
    "leak.dotenv_file",
    Severity.HIGH,
    0.85,
    "Contents of a `.env` file: two or more `KEY=value` lines of which one names a credential "
    "(PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, DATABASE_URL, DSN, AWS_SECRET ...) with a value.",
    "DB_HOST=db\nDB_PASSWORD=s3cr3t-pw\n",
)
PASSWD_FILE = _rule(
    "leak.passwd_file",
    Severity.HIGH,
    0.9,
    "Lines of `/etc/passwd` (`root:x:0:0:root:/root:/bin/bash`): a root entry or two or more "
    "`name:x:uid:gid:gecos:home:shell` lines.",
    "root:x:0:0:root:/root:/bin/bash",
)
SHADOW_FILE = _rule(
    "leak.shadow_file",
    Severity.CRITICAL,
    0.95,
    "A line of `/etc/shadow` with a crypt password hash (`$1$`, `$5$`, `$6$`, `$y$`, `$2b$` ...).",
    "root:$6$saltsalt$Jd8...:19000:0:99999:7:::",
)
AWS_CREDENTIALS_FILE = _rule(
    "leak.aws_credentials_file",
    Severity.HIGH,
    0.95,
    "A profile section of `~/.aws/credentials` or `~/.aws/config`: `[profile]` followed by "
    "`aws_access_key_id` / `aws_secret_access_key` / `aws_session_token` lines.",
    "[default]\naws_access_key_id = AKIA...",
)
KUBECONFIG = _rule(
    "leak.kubeconfig",
    Severity.HIGH,
    0.9,
    "Kubeconfig credential material: `client-key-data`, `client-certificate-data` or "
    "`certificate-authority-data` with a base64 value.",
    "    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVkt...",
)
REGISTRY_CREDENTIALS = _rule(
    "leak.registry_credentials",
    Severity.HIGH,
    0.9,
    "Package-registry and login files: `.npmrc` `_authToken`/`_auth`/`_password`, `.pypirc` "
    "sections with a password, `.netrc` `machine ... password ...`, docker `config.json` `auths` "
    "with an `auth` value.",
    "//registry.npmjs.org/:_authToken=npm_abc...",
)
AUTHORIZED_KEYS = _rule(
    "leak.ssh_authorized_keys",
    Severity.LOW,
    0.6,
    "SSH public-key lines as in `authorized_keys`/`known_hosts` (`ssh-ed25519 AAAA... user@host`): "
    "they reveal users, hosts and which keys open the server.",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk9m2Yk8wV0bVq1sLr3sQ2x7ZtN5uJ4eP0cR6hD1aW9 deploy@build-01",
)
SQL_ERROR = _rule(
    "leak.sql_error",
    Severity.MEDIUM,
    0.85,
    "A database error message (MySQL, PostgreSQL, Oracle ORA-, SQL Server, SQLite, JDBC, "
    "SQLAlchemy, PDO SQLSTATE): it reveals the engine, table and column names and is the usual "
    "foothold for SQL injection. The span runs to the end of the line.",
    'ERROR:  relation "users_private" does not exist',
)
SERVER_BANNER = _rule(
    "leak.server_banner",
    Severity.LOW,
    0.6,
    "Server or framework version disclosure: `Server:`/`X-Powered-By:`/`X-AspNet-Version:` header "
    "lines with a version, or the Apache/nginx error-page signature `Apache/2.4.41 (Ubuntu) Server "
    "at host Port 80`.",
    "X-Powered-By: PHP/7.4.3",
)

RULES: tuple[RuleInfo, ...] = (
    CLOUD_METADATA,
    INTERNAL_URL,
    INTERNAL_HOST,
    PRIVATE_IP,
    LOCALHOST_URL,
    PYTHON_TRACEBACK,
    JAVA_STACK_TRACE,
    NODE_STACK_TRACE,
    GO_PANIC,
    DOTNET_STACK_TRACE,
    PHP_ERROR,
    RUBY_BACKTRACE,
    DEBUG_PAGE,
    ENV_DUMP,
    DOTENV_FILE,
    PASSWD_FILE,
    SHADOW_FILE,
    AWS_CREDENTIALS_FILE,
    KUBECONFIG,
    REGISTRY_CREDENTIALS,
    AUTHORIZED_KEYS,
    SQL_ERROR,
    SERVER_BANNER,
)
_BY_ID = {r.rule_id: r for r in RULES}

# ---------------------------------------------------------------------------------------------
# patterns

_EOL = r"(?:\r?\n|$)"
_PATH = r"(?:[/?#][^\s\"'<>()\[\]{}`]*)?"
_PORT = r"(?::\d{1,5})?"
_SCHEME = r"(?:[a-z][a-z0-9+.\-]{1,15}://(?:[^\s/@\"'<>]+@)?)?"
_OCT = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_PRIV4 = (
    rf"(?:10\.{_OCT}\.{_OCT}\.{_OCT}|192\.168\.{_OCT}\.{_OCT}|172\.(?:1[6-9]|2\d|3[01])\.{_OCT}\.{_OCT}"
    rf"|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.{_OCT}\.{_OCT})"
)
_LOOP = rf"(?:localhost|127\.{_OCT}\.{_OCT}\.{_OCT}|\[::1\]|0\.0\.0\.0)"
_INTERNAL_TLD = r"(?:internal|svc|local|localdomain|corp|lan|intranet|intra|home\.arpa)"
_HOSTNAME = rf"(?:[a-z0-9_](?:[a-z0-9_\-]{{0,62}})\.){{1,12}}{_INTERNAL_TLD}"
_ULA6 = r"\[?f[cd][0-9a-f]{2}:[0-9a-f:]{2,36}\]?"
_META = (
    r"(?:169\.254\.169\.254|169\.254\.170\.2|fd00:ec2::254|\[fd00:ec2::254\]|metadata\.google\.internal"
    r"|metadata\.azure\.com|100\.100\.100\.200|metadata\.tencentyun\.com|169\.254\.169\.123)"
)

_FRAMEWORKS: tuple[tuple[str, str], ...] = (
    (
        "django",
        r"(?:seeing this error because you have <code>DEBUG = True</code>|you have DEBUG = True in your "
        r"Django settings file|<th>Django Version:</th>)",
    ),
    (
        "werkzeug",
        r"(?:Werkzeug Debugger|The debugger caught an exception in your WSGI application|\?__debugger__=yes)",
    ),
    ("rails", r"(?:Action Controller: Exception caught|Rails\.root: /|Application Trace \| Framework Trace)"),
    (
        "laravel",
        r"(?:Whoops, looks like something went wrong|Whoops! There was an error|Illuminate\\(?:Database|Http|"
        r"Foundation|Routing|Support)\\[A-Za-z]+|vendor/laravel/framework/src/)",
    ),
    ("spring", r"(?:Whitelabel Error Page|This application has no explicit mapping for /error)"),
    (
        "aspnet",
        r"(?:Server Error in '[^'\r\n]+' Application|An unhandled exception occurred during the "
        r"execution of the current web request|Version Information: Microsoft \.NET Framework Version)",
    ),
    ("phpinfo", r"(?:<title>PHP \d[\d.]* - phpinfo\(\)</title>|<title>phpinfo\(\)</title>)"),
)

_SQL = (
    r"(?:You have an error in your SQL syntax[^\r\n]*|ORA-\d{5}:[^\r\n]*|PG::[A-Z][A-Za-z]+(?:Error|Violation)[^\r\n]*"
    r"|psycopg2?\.(?:errors\.)?[A-Z]\w+[^\r\n]*|ERROR:[ \t]+(?:relation|column|syntax error at or near|duplicate key "
    r"value violates|null value in column|permission denied for (?:table|relation|schema)|insert or update on table)"
    r"[^\r\n]*|SQLSTATE\[[0-9A-Z]{5}\][^\r\n]*|Unclosed quotation mark after the character string[^\r\n]*"
    r"|Incorrect syntax near '[^\r\n]*|Microsoft OLE DB Provider for (?:SQL Server|ODBC Drivers)[^\r\n]*"
    r"|\[Microsoft\]\[ODBC[^\r\n]*|sqlite3\.(?:OperationalError|IntegrityError|ProgrammingError)[^\r\n]*"
    r"|no such (?:table|column): [A-Za-z_][^\r\n]*|java\.sql\.SQL\w*Exception[^\r\n]*"
    r"|org\.hibernate\.exception\.\w+[^\r\n]*|sqlalchemy\.exc\.\w+[^\r\n]*"
    r"|Warning: (?:mysql|mysqli|pg|oci)_\w+\(\)[^\r\n]*"
    r"|MySQLdb\._exceptions\.\w+[^\r\n]*|mysql\.connector\.errors\.\w+[^\r\n]*)"
)

_SQL_MARKERS = (
    r"You have an error in your SQL syntax|ORA-\d{5}:|PG::[A-Z][A-Za-z]+(?:Error|Violation)|psycopg|ERROR:[ \t]+"
    r"(?:relation|column|syntax error|duplicate key|null value|permission denied|insert or update)|SQLSTATE\["
    r"|Unclosed quotation mark|Incorrect syntax near|Microsoft OLE DB Provider|\[Microsoft\]\[ODBC|sqlite3\."
    r"|no such (?:table|column): |java\.sql\.SQL|org\.hibernate\.exception|sqlalchemy\.exc\.|Warning: "
    r"(?:mysql|mysqli|pg|oci)_|MySQLdb\._exceptions|mysql\.connector\.errors"
)

_SPECS: tuple[Staged, ...] = (
    Staged(
        "meta",
        r"169\.254\.1[67]|fd00:ec2::254|metadata\.(?:google\.internal|azure\.com|tencentyun)|100\.100\.100\.200",
        rf"{_SCHEME}{_META}{_PORT}{_PATH}",
        caseless=True,
    ),
    Staged(
        "host",
        r"localhost|127\.\d|0\.0\.0\.0|\[::1\]|10\.\d|192\.168\.|172\.[123]\d\.|100\.\d+\.|\.internal|\.svc|\.local"
        r"|\.corp|\.lan|\.intra|home\.arpa|f[cd][0-9a-f][0-9a-f]:",
        rf"{_SCHEME}(?:{_PRIV4}|{_LOOP}|{_HOSTNAME}|{_ULA6}){_PORT}{_PATH}",
        caseless=True,
    ),
    Staged(
        "py_tb",
        r"Traceback \(most recent call last\):",
        r"Traceback \(most recent call last\):[ \t]*(?:\r?\n[ \t]+[^\r\n]*)*(?:\r?\n[A-Za-z_][\w.]*(?::[^\r\n]*)?)?",
    ),
    Staged(
        "py_frame",
        r"File \"[^\"\r\n]+\", line \d+, in ",
        r"(?:^[ \t]*File \"[^\"\r\n]+\", line \d+, in [^\r\n]+(?:\r?\n[ \t]+[^\r\n]*)?" + _EOL + ")+",
        multiline=True,
    ),
    Staged(
        "java",
        r"\.(?:java|kt|scala|groovy|clj):\d|\(Native Method\)|\(Unknown Source\)",
        r"(?:^(?:Exception in thread \"[^\"\r\n]*\" )?(?:Caused by: )?[a-zA-Z_$][\w$]*(?:\.[\w$]+)+"
        r"(?:Exception|Error|Throwable)(?::[^\r\n]*)?\r?\n)?(?:^[ \t]*at [\w$]+(?:\.[\w$<>\-]+)+\((?:[\w$.\-]+\."
        r"(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)[^\r\n]*" + _EOL + ")+",
        multiline=True,
    ),
    Staged(
        "java_head",
        r"Exception in thread \"",
        r"Exception in thread \"[^\"\r\n]*\" [\w$.]+(?:Exception|Error)[^\r\n]*",
    ),
    Staged(
        "node",
        r"\.(?:js|mjs|cjs|ts|jsx|tsx):\d+:\d+|node:internal",
        r"(?:^[ \t]+at (?:async )?(?:[^\s()]+(?: \[as [^\]\r\n]+\])? \()?(?:file://|node:|/|[A-Za-z]:\\|\.\.?/)"
        r"[^\s()]*:\d+:\d+\)?[ \t]*" + _EOL + ")+",
        multiline=True,
    ),
    Staged("go", r"goroutine \d+ \[", r"goroutine \d+ \[[a-zA-Z ,0-9]{1,60}\]:(?:\r?\n[^\r\n]+)*"),
    Staged("go_panic", r"panic: ", r"^panic: [^\r\n]+(?:\r?\n[ \t]*\[recovered\][^\r\n]*)?", multiline=True),
    Staged(
        "dotnet",
        r":line \d|\)\r?\n[ \t]+at \w",
        r"(?:^[ \t]+at [\w.`<>\[\],|]+\((?:|[^()\r\n]* [^()\r\n]*)\)(?: in [^\r\n]+:line \d+)?[ \t]*" + _EOL + ")+",
        multiline=True,
    ),
    Staged(
        "dotnet_head",
        r"Unhandled [Ee]xception",
        r"Unhandled [Ee]xception\.? System\.[\w.]+(?:Exception|Error)[^\r\n]*",
    ),
    Staged(
        "php",
        r"(?:Fatal error|Parse error|Warning|Notice|Deprecated):",
        r"(?:PHP )?(?:Fatal error|Parse error|Warning|Notice|Deprecated):[ \t]+[^\r\n]*? in "
        r"(?:/|[A-Za-z]:\\)[^\r\n]+?\.php(?: on line |:)\d+",
    ),
    Staged("php_trace", r"Stack trace:\r?\n#\d", r"Stack trace:(?:\r?\n#\d+ [^\r\n]*)+"),
    Staged(
        "ruby",
        r"\.rb:\d+:in [`']",
        r"(?:^[ \t]*(?:from )?[/.~]?[\w./\-]*\.rb:\d+:in [`'][^'\r\n]+'[^\r\n]*" + _EOL + ")+",
        multiline=True,
    ),
    *(Staged(f"debug:{name}", rx, rx) for name, rx in _FRAMEWORKS),
    Staged(
        "env",
        r"[A-Za-z0-9_]=[^\n]*\n(?:export |declare -x )?[A-Za-z_][A-Za-z0-9_]*=",
        r"(?:^(?:export[ \t]+|declare -x[ \t]+)?[A-Za-z_][A-Za-z0-9_]{0,63}=[^\r\n]*" + _EOL + "){2,}",
        multiline=True,
    ),
    Staged(
        "passwd",
        r":[x*!]?:\d+:\d+:",
        r"(?:^[a-z_][a-z0-9_.\-]{0,31}:[x*!]?:\d{1,10}:\d{1,10}:[^:\r\n]*:[^:\r\n]*:[^:\r\n]*" + _EOL + "){2,}"
        r"|root:[x*!]?:0:0:[^:\r\n]*:[^:\r\n]*:[^:\r\n\s]*",
        multiline=True,
    ),
    Staged(
        "shadow",
        r":\$(?:1|2[abxy]?|5|6|y|gy|7|sha1|md5)\$",
        r"^[a-z_][a-z0-9_.\-]{0,31}:\$(?:1|2[abxy]?|5|6|y|gy|7|sha1|md5)\$[^:\s]{8,}:\d*:\d*:\d*:\d*:[^\r\n]*",
        multiline=True,
    ),
    Staged(
        "aws",
        r"aws_(?:access_key_id|secret_access_key|session_token)",
        r"^[ \t]*\[[\w.\- ]{1,64}\][ \t]*(?:\r?\n[ \t]*(?:[#;][^\r\n]*|aws_[a-z_]+[ \t]*=[^\r\n]*|"
        r"(?:region|output)[ \t]*=[^\r\n]*))+",
        caseless=True,
        multiline=True,
    ),
    Staged(
        "kube",
        r"(?:client-key|client-certificate|certificate-authority)-data:",
        r"(?:client-key-data|client-certificate-data|certificate-authority-data):[ \t]*[A-Za-z0-9+/=]{20,}",
    ),
    Staged(
        "registry",
        r"_authToken|_auth ?=|_password ?=|\n[ \t]*password[ \t]*[:=]|machine\s+\S+\s+login\s|\"auths\"",
        r"^[ \t]*(?://[^\s=]+/:)?_(?:authToken|auth|password)[ \t]*=[ \t]*[^\s]+"
        r"|^\[(?:pypi|testpypi|distutils|[\w\-]+)\][ \t]*(?:\r?\n[ \t]*(?:repository|username|index-servers)"
        r"[^\r\n]*)*\r?\n[ \t]*password[ \t]*[:=][ \t]*[^\s]+"
        r"|machine[ \t]+[^\s]+[ \t\r\n]+login[ \t]+[^\s]+[ \t\r\n]+password[ \t]+[^\s]+"
        r"|\"auths\"[ \t]*:[ \t]*\{[^{}]*\{[^{}]*\"auth\"[ \t]*:[ \t]*\"[A-Za-z0-9+/=]{8,}\"",
        multiline=True,
    ),
    Staged(
        "ssh",
        r"(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh"
        r"\.com) AAAA",
        r"(?:^(?:[^\r\n#]*[ \t])?(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521)|"
        r"sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) AAAA[0-9A-Za-z+/]{40,}={0,3}"
        r"(?:[ \t][^\r\n]*)?" + _EOL + ")+",
        multiline=True,
    ),
    Staged("sql", _SQL_MARKERS, _SQL),
    Staged(
        "banner",
        r"(?:Server|X-Powered-By|X-AspNet-Version|X-AspNetMvc-Version|X-Generator|X-Runtime)[ \t]*:|Server at ",
        r"^[ \t]*(?:Server|X-Powered-By|X-AspNet-Version|X-AspNetMvc-Version|X-Generator|X-Runtime)[ \t]*:"
        r"[ \t]*[^\r\n]*\d[^\r\n]*"
        r"|(?:Apache|nginx|Microsoft-IIS|lighttpd|openresty|Jetty|Apache-Coyote|gunicorn|Werkzeug|Kestrel|Caddy)"
        r"/\d+(?:\.\d+)+(?: \([^)\r\n]{1,40}\))?(?: [^\r\n]{0,80})? Server at [^\s]+ Port \d+",
        caseless=True,
        multiline=True,
    ),
)

_VERSION_BEFORE = re.compile(r"(?:version|ver\.?|release|build|firmware|\bv)\s*:?\s*$", re.IGNORECASE)
_SENSITIVE_PATH = re.compile(
    r"/(?:admin|administrator|actuator|debug|_debug|console|manage|management|metrics|env|\.env|\.git|"
    r"phpmyadmin|pgadmin|grafana|kibana|jenkins|swagger|graphql|internal|_internal|api/v\d+/admin|"
    r"server-status|jmx|heapdump|config|secrets?|vault|dashboard)(?:[/?#]|$)",
    re.IGNORECASE,
)
_ENV_SYSTEM_KEYS = frozenset(
    {"PATH", "HOME", "HOSTNAME", "PWD", "OLDPWD", "SHELL", "USER", "LOGNAME", "LANG", "TERM", "SHLVL", "_"}
)
_ENV_SECRET = re.compile(
    r"(?:PASSWORD|PASSWD|PWD_|SECRET|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|DATABASE_URL|_DSN|DSN$|AUTH|"
    r"ACCESS_KEY|CLIENT_SECRET|CONN(?:ECTION)?_STR)",
    re.IGNORECASE,
)
_PLACEHOLDER_VALUE = re.compile(r"^(?:|\"\"|''|<[^>]*>|\$\{[^}]*\}|\$\w+|x+|\*+|changeme|your[_\-].*|\.\.\.)$", re.I)


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: RuleInfo
    start: int
    end: int
    message: str
    entity: str = ""
    severity: Severity | None = None
    confidence: float | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    while start < end and text[start] in " \t\r\n":
        start += 1
    return start, end


def _trim_url_tail(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".,;:!?'\"":
        end -= 1
    return end


class LeakScanner:
    """Finds internal URLs, metadata endpoints, stack traces, debug pages and sensitive files in output."""

    name = "leak"
    categories = frozenset({Category.LEAK})
    rules = RULES

    def __init__(self, config: DetectConfig) -> None:
        self._set = StagedSet(_SPECS, engine=config.engine)

    def scan(self, doc: Document) -> list[Finding]:
        text = doc.text
        hits: list[_Hit] = []
        for m in self._set.finditer(doc):
            hit = self._classify(text, m.key, m.start, m.end)
            if hit is not None:
                hits.append(hit)
        return self._resolve(text, hits)

    # -- classification ----------------------------------------------------------------------
    def _classify(self, text: str, key: str, start: int, end: int) -> _Hit | None:
        if key == "meta":
            return self._meta(text, start, end)
        if key == "host":
            return self._host(text, start, end)
        if key.startswith("debug:"):
            name = key.split(":", 1)[1]
            return _Hit(DEBUG_PAGE, start, end, f"{name} debug/error page marker", entity=name)
        if key == "env":
            return self._env(text, start, end)
        start, end = _trim(text, start, end)
        if end <= start:
            return None
        simple = {
            "py_tb": (PYTHON_TRACEBACK, "Python traceback", None),
            "py_frame": (PYTHON_TRACEBACK, "Python stack frame", 0.8),
            "java": (JAVA_STACK_TRACE, "JVM stack trace", None),
            "java_head": (JAVA_STACK_TRACE, "uncaught JVM exception", None),
            "node": (NODE_STACK_TRACE, "Node.js stack trace", None),
            "go": (GO_PANIC, "Go goroutine dump", None),
            "go_panic": (GO_PANIC, "Go panic", 0.7),
            "dotnet": (DOTNET_STACK_TRACE, ".NET stack trace", None),
            "dotnet_head": (DOTNET_STACK_TRACE, "unhandled .NET exception", None),
            "php": (PHP_ERROR, "PHP error with server path", None),
            "php_trace": (PHP_ERROR, "PHP stack trace", None),
            "ruby": (RUBY_BACKTRACE, "Ruby backtrace", None),
            "passwd": (PASSWD_FILE, "/etc/passwd contents", None),
            "shadow": (SHADOW_FILE, "/etc/shadow password hash", None),
            "kube": (KUBECONFIG, "kubeconfig credential data", None),
            "registry": (REGISTRY_CREDENTIALS, "package registry / login credentials file", None),
            "ssh": (AUTHORIZED_KEYS, "SSH public key lines (authorized_keys)", None),
            "sql": (SQL_ERROR, "database error message", None),
            "banner": (SERVER_BANNER, "server version banner", None),
        }
        if key == "aws":
            block = text[start:end].lower()
            if (
                "aws_access_key_id" not in block
                and "aws_secret_access_key" not in block
                and ("aws_session_token" not in block)
            ):
                return None
            return _Hit(AWS_CREDENTIALS_FILE, start, end, "AWS credentials file section")
        if key == "kube" and text[start:end].startswith("token:"):
            return None
        if key == "go_panic" and "goroutine " not in text[end : end + 400]:
            return None  # a lone "panic:" line in prose is too weak
        if key == "dotnet" and ":line " not in text[start:end] and "\n" not in text[start:end]:
            return None  # one frame without file/line: too weak
        rule, message, conf = simple[key]
        return _Hit(rule, start, end, message, confidence=conf)

    def _meta(self, text: str, start: int, end: int) -> _Hit | None:
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._-"):
            return None
        end = _trim_url_tail(text, start, end)
        if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
            return None
        return _Hit(CLOUD_METADATA, start, end, "cloud instance-metadata endpoint")

    def _host(self, text: str, start: int, end: int) -> _Hit | None:
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._-@/\\"):
            return None
        end = _trim_url_tail(text, start, end)
        value = text[start:end]
        scheme_end = value.find("://")
        rest = value[scheme_end + 3 :] if scheme_end >= 0 else value
        if "@" in rest.split("/", 1)[0]:
            rest = rest.split("@", 1)[1]
        if rest.startswith("["):
            host, _, after = rest[1:].partition("]")
        else:
            cut = len(rest)
            for sep in ":/?#":
                i = rest.find(sep)
                if i != -1 and i < cut:
                    cut = i
            host, after = rest[:cut], rest[cut:]
        host_l = host.lower()
        host_end = end - len(after)
        if host_end < len(text) and (text[host_end].isalnum() or text[host_end] in "_-"):
            return None
        if text[host_end : host_end + 1] == "." and text[host_end + 1 : host_end + 2].isalnum():
            return None  # settings.local.py: a file name, not a host
        if scheme_end < 0 and _VERSION_BEFORE.search(text[max(0, start - 20) : start]):
            return None  # "version 10.2.0.1"
        has_port = after.startswith(":") and after[1:2].isdigit()
        path = after.split(":", 1)[1].lstrip("0123456789") if has_port else after
        sensitive = bool(_SENSITIVE_PATH.search(path))
        try:
            addr: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host_l)
        except ValueError:
            addr = None
        if host_l == "localhost" or (addr is not None and (addr.is_loopback or addr.is_unspecified)):
            if scheme_end < 0 and not has_port:
                return None  # the word "localhost" or a bare 127.0.0.1 in prose
            sev = Severity.MEDIUM if sensitive else None
            return _Hit(LOCALHOST_URL, start, end, "loopback URL", severity=sev)
        if addr is None and "." not in host_l:
            return None
        if addr is not None and not (addr.is_private or (addr.version == 4 and addr in _CGNAT)):
            return None
        if scheme_end >= 0:
            sev = Severity.HIGH if sensitive else None
            return _Hit(INTERNAL_URL, start, end, "URL to an internal host", severity=sev)
        if addr is not None and not has_port and not path:
            return _Hit(PRIVATE_IP, start, end, "private network address")
        return _Hit(INTERNAL_HOST, start, end, "internal host name or address")

    def _env(self, text: str, start: int, end: int) -> _Hit | None:
        start, end = _trim(text, start, end)
        lines = [ln for ln in text[start:end].splitlines() if ln.strip()]
        keys: list[str] = []
        secret = False
        for ln in lines:
            body = ln.strip()
            for prefix in ("export ", "declare -x "):
                if body.startswith(prefix):
                    body = body[len(prefix) :].lstrip()
            key, _, value = body.partition("=")
            keys.append(key)
            v = value.strip()
            if _ENV_SECRET.search(key) and not _PLACEHOLDER_VALUE.match(v):
                secret = True
        upper = [k for k in keys if k.isupper() or k.startswith("_")]
        if len(upper) < len(keys) / 2:
            return None  # lower-case key=value lines: code or query strings, not an environment
        system = any(
            k in _ENV_SYSTEM_KEYS or k.startswith(("KUBERNETES_", "AWS_", "DOCKER_", "CONTAINER_")) for k in keys
        )
        if secret:
            return _Hit(DOTENV_FILE, start, end, f".env style block of {len(keys)} lines with credentials")
        if (system and len(keys) >= 3) or len(keys) >= 8:
            return _Hit(ENV_DUMP, start, end, f"environment dump of {len(keys)} variables")
        return None

    # -- overlap resolution --------------------------------------------------------------------
    def _resolve(self, text: str, hits: list[_Hit]) -> list[Finding]:
        hits.sort(key=lambda h: (h.start, -h.end))
        merged: list[_Hit] = []
        for h in hits:
            # adjacent or overlapping pieces of the same trace/file become one finding
            if (
                merged
                and merged[-1].rule is h.rule
                and h.rule not in _NO_MERGE
                and h.start <= merged[-1].end + 2
                and (text[merged[-1].end : h.start].strip() == "")
            ):
                last = merged[-1]
                merged[-1] = _Hit(
                    last.rule,
                    last.start,
                    max(last.end, h.end),
                    last.message,
                    last.entity,
                    last.severity,
                    max(last.confidence or last.rule.confidence, h.confidence or h.rule.confidence),
                )
                continue
            merged.append(h)
        # host-type hits inside a larger leak (metadata URL, env block, config file) belong to it
        blocks = [(h.start, h.end) for h in merged if h.rule not in _HOST_RULES]
        out: list[Finding] = []
        for h in merged:
            if h.rule in _HOST_RULES and any(s <= h.start and h.end <= e for s, e in blocks):
                continue
            out.append(
                make_finding(
                    h.rule,
                    h.start,
                    h.end,
                    h.message,
                    evidence=mask_evidence(text[h.start : min(h.end, h.start + 80)]),
                    entity=h.entity or h.rule.rule_id.split(".", 1)[1],
                    confidence=h.confidence,
                    severity=h.severity,
                )
            )
        return out


_NO_MERGE = frozenset({CLOUD_METADATA, INTERNAL_URL, INTERNAL_HOST, PRIVATE_IP, LOCALHOST_URL, DEBUG_PAGE, SQL_ERROR})
_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
_HOST_RULES = frozenset({INTERNAL_URL, INTERNAL_HOST, PRIVATE_IP, LOCALHOST_URL})

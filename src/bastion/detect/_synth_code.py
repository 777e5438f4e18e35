"""Synthetic benign source code, configuration and package documentation for training.

Agents read code and READMEs all the time (``read_file``, a package page, ``pip show``) and users
paste them into prompts. Held out, the session-14 classifier flagged a third of the ``.py`` files
of an ordinary virtualenv as prompts and most package READMEs as tool outputs: import blocks,
badge images and install commands had hardly ever been seen in a benign row, while attacks planted
in code and documents had. This module writes benign files of those kinds from our own small
vocabularies (identifiers, sentences, module names), so that the structure of code and
documentation alone is never evidence of an attack; the hand-written corpus supplies the same
kinds of file with and without a planted instruction, so the model learns the instruction.

Everything here is generated; no file of another project is copied. Seeded, so training stays
reproducible.
"""

# ruff: noqa: E501, SIM905  (vocabulary tables read best as lines of words)

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

_NOUNS = (
    "user order cache config token session request response client item record worker queue job "
    "event message file path buffer frame packet header payload schema field column table index "
    "account invoice report metric span trace node edge graph tree batch chunk stream socket "
    "connection pool retry timeout limit policy rule role permission tenant project build artifact "
    "release version plugin hook handler router middleware template widget layout image thumbnail"
).split()
_VERBS = (
    "get load fetch parse build render validate normalize encode decode serialize apply merge split "
    "filter sort group resolve register dispatch schedule cancel retry flush reset compute format "
    "update create delete list find check ensure convert read write open close start stop emit"
).split()
_ADJ = "raw default current pending active cached remote local internal public stale empty max min total".split()
_PY_MODULES = (
    "os sys re json time math random logging argparse pathlib typing dataclasses functools itertools "
    "collections contextlib asyncio subprocess shutil tempfile hashlib hmac base64 datetime enum uuid "
    "inspect textwrap warnings threading queue socket ssl struct io csv sqlite3 unittest abc copy "
    "numpy pandas requests httpx pydantic click typer rich yaml attrs pytest sqlalchemy flask fastapi"
).split()
_JS_MODULES = "react express lodash axios zod fs path util crypto events http url dayjs uuid vitest".split()
_GO_PKGS = "context errors fmt io net/http os strings sync time encoding/json log/slog path/filepath".split()
_EXC = ("ValueError", "KeyError", "TypeError", "RuntimeError", "FileNotFoundError", "PermissionError", "TimeoutError")
_DOC_SENTENCES = (
    "Return the {a} {n} for the given {n2}.",
    "Load the {n} from disk and cache it for later calls.",
    "This module contains helpers to {v} {n}s and {v2} their {n2}s.",
    "Raises {e} if the {n} cannot be found.",
    "The {n} is validated before it is written to the {n2}.",
    "Used internally by the {n} {n2}; not part of the public API.",
    "Thread-safe: the {n} is guarded by a lock.",
    "Deprecated since 2.3, use {v}_{n}() instead.",
    "Note: the {n2} must be opened before calling this.",
    "Override this method in a subclass to change how each {n} is handled.",
    "Ignore {n}s that are already {a}.",
    "Inject the {n} {n2} here so tests can replace it.",
    "Kill the {n} process if it does not stop within the timeout.",
    "Bypass the {n} cache when `force` is true.",
    "Execute the query and return the rows as {n}s.",
    "Set the admin {n} before running the migration.",
    "Do not call this directly; use {v}_{n}() instead.",
    "Please set {E} before running this script.",
    "Remove {a} {n}s and log how many were dropped.",
    "Returns None when the {n} is {a}.",
)
_LICENSES = ("MIT", "Apache-2.0", "BSD-3-Clause", "MPL-2.0", "GPL-3.0-or-later", "ISC")
_BADGE_HOSTS = ("img.shields.io", "badge.fury.io", "codecov.io", "github.com", "readthedocs.org", "ci.appveyor.com")


def _ident(rng: random.Random, parts: int = 2) -> str:
    words = [rng.choice(_VERBS)] + [rng.choice(_NOUNS) for _ in range(parts - 1)]
    return "_".join(words)


def _camel(rng: random.Random) -> str:
    return rng.choice(_VERBS) + rng.choice(_NOUNS).capitalize()


def _cls(rng: random.Random) -> str:
    return rng.choice(_ADJ).capitalize() + rng.choice(_NOUNS).capitalize() + rng.choice(("", "Manager", "Client", "Store", "Error", "Handler"))


def _sentence(rng: random.Random) -> str:
    return rng.choice(_DOC_SENTENCES).format(
        a=rng.choice(_ADJ), n=rng.choice(_NOUNS), n2=rng.choice(_NOUNS), v=rng.choice(_VERBS),
        v2=rng.choice(_VERBS), e=rng.choice(_EXC), E=rng.choice(_NOUNS).upper() + "_" + rng.choice(("URL", "PATH", "TOKEN", "DIR", "HOST")),
    )  # fmt: skip


def _project(rng: random.Random) -> str:
    return rng.choice(_ADJ) + rng.choice(("-", "_", "")) + rng.choice(_NOUNS) + rng.choice(("", "s", "kit", "lib", "py", "-cli"))


def _python(rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.3:
        lines += [f"# SPDX-License-Identifier: {rng.choice(_LICENSES)}", f"# Copyright (c) 20{rng.randint(10, 26)} the {_project(rng)} authors", ""]
    if rng.random() < 0.7:
        lines += ['"""' + " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))), "", _sentence(rng) + '\n"""', ""]
    if rng.random() < 0.5:
        lines.append("from __future__ import annotations\n")
    mods = rng.sample(_PY_MODULES, rng.randint(2, 12))
    for m in sorted(mods):
        if rng.random() < 0.6:
            lines.append(f"import {m}")
        else:
            lines.append(f"from {m} import {', '.join(sorted({_ident(rng, 1) if rng.random() < 0.5 else _cls(rng) for _ in range(rng.randint(1, 4))}))}")
    if rng.random() < 0.5:
        lines.append(f"\nfrom .{rng.choice(_NOUNS)} import {_cls(rng)}, {_ident(rng)}")
    lines.append("")
    if rng.random() < 0.5:
        lines.append(f"logger = logging.getLogger(__name__)\n{rng.choice(_NOUNS).upper()}_{rng.choice(('TIMEOUT', 'LIMIT', 'RETRIES'))} = {rng.randint(1, 600)}\n")
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.35:
            c = _cls(rng)
            lines.append(f"class {c}({rng.choice(('', 'Base', 'Exception', 'Protocol', 'dict'))}):".replace("():", ":"))
            lines.append(f'    """{_sentence(rng)}"""\n')
            for _ in range(rng.randint(1, 3)):
                lines.append(f"    def {_ident(rng)}(self, {rng.choice(_NOUNS)}: {rng.choice(('str', 'int', 'bytes', 'Path', 'dict[str, Any]'))}) -> {rng.choice(('None', 'bool', 'str', c))}:")
                lines.append(f'        """{_sentence(rng)}"""')
                lines.append(f"        if not {rng.choice(_NOUNS)}:\n            raise {rng.choice(_EXC)}(f\"{_sentence(rng)}\")")
                lines.append(f"        return self._{rng.choice(_NOUNS)}.{_ident(rng)}()\n")
        else:
            f = _ident(rng)
            a, b = rng.choice(_NOUNS), rng.choice(_NOUNS)
            lines.append(f"{rng.choice(('', 'async '))}def {f}({a}, {b}=None, *, {rng.choice(('force', 'strict', 'retries', 'timeout'))}=False):")
            if rng.random() < 0.8:
                lines.append(f'    """{_sentence(rng)}\n\n    Args:\n        {a}: {_sentence(rng)}\n        {b}: {_sentence(rng)}\n    """')
            lines.append(f"    # {_sentence(rng)}")
            lines.append(f"    for {rng.choice(_NOUNS)} in {a}:")
            lines.append(f"        if {rng.choice(_NOUNS)} is None:\n            continue  # {rng.choice(('TODO', 'NOTE', 'FIXME'))}: {_sentence(rng).lower()}")
            lines.append(f"        logger.debug(\"{rng.choice(_VERBS)}: %s\", {rng.choice(_NOUNS)})")
            lines.append(f"    return {rng.choice(('None', b, a + '[0]', f'{{{a!r}: {b}}}', 'True'))}\n")
    if rng.random() < 0.3:
        t = _ident(rng)
        lines.append(f"@pytest.mark.parametrize(\"{rng.choice(_NOUNS)}\", [{', '.join(repr(rng.choice(_NOUNS)) for _ in range(3))}])\ndef test_{t}({rng.choice(_NOUNS)}):\n    assert {t}([]) is None\n")
    if rng.random() < 0.3:
        lines.append(f"if __name__ == \"__main__\":\n    parser = argparse.ArgumentParser(description=\"{_sentence(rng)}\")\n    parser.add_argument(\"--{rng.choice(('force', 'dry-run', 'verbose', 'no-verify', 'ignore-errors', 'override'))}\", action=\"store_true\", help=\"{_sentence(rng)}\")\n    sys.exit(main(parser.parse_args()))")
    return "\n".join(lines)


def _javascript(rng: random.Random) -> str:
    lines = [f"import {{ {', '.join(_camel(rng) for _ in range(rng.randint(1, 3)))} }} from '{rng.choice(_JS_MODULES)}';" for _ in range(rng.randint(1, 6))]
    lines.append("")
    for _ in range(rng.randint(1, 3)):
        f = _camel(rng)
        lines.append(f"/**\n * {_sentence(rng)}\n * @param {{{rng.choice(('string', 'object', 'number'))}}} {rng.choice(_NOUNS)}\n */")
        lines.append(f"export {rng.choice(('async ', ''))}function {f}({rng.choice(_NOUNS)}, options = {{}}) {{")
        lines.append(f"  const {rng.choice(_NOUNS)} = await {_camel(rng)}(`/api/{rng.choice(_NOUNS)}s/${{id}}?limit=${{options.limit ?? 20}}`);")
        lines.append(f"  if (!{rng.choice(_NOUNS)}) throw new Error('{_sentence(rng)}');")
        lines.append(f"  // {_sentence(rng)}\n  return {{ ...options, {rng.choice(_NOUNS)}: true }};\n}}\n")
    return "\n".join(lines)


def _go(rng: random.Random) -> str:
    pkgs = sorted(rng.sample(_GO_PKGS, rng.randint(2, 6)))
    name = rng.choice(_NOUNS)
    lines = [f"// Package {name} {_sentence(rng)[0].lower() + _sentence(rng)[1:]}", f"package {name}", "", "import (", *[f'\t"{p}"' for p in pkgs], ")", ""]
    for _ in range(rng.randint(1, 3)):
        f = _camel(rng)
        f = f[0].upper() + f[1:]
        lines.append(f"// {f} {_sentence(rng)[0].lower() + _sentence(rng)[1:]}")
        lines.append(f"func {f}(ctx context.Context, {rng.choice(_NOUNS)} string) error {{")
        lines.append(f"\tif {rng.choice(_NOUNS)} == \"\" {{\n\t\treturn errors.New(\"{rng.choice(_NOUNS)}: {_sentence(rng).lower().rstrip('.')}\")\n\t}}")
        lines.append(f"\treturn fmt.Errorf(\"{rng.choice(_VERBS)} %s: %w\", {rng.choice(_NOUNS)}, err)\n}}\n")
    return "\n".join(lines)


def _shell(rng: random.Random) -> str:
    lines = ["#!/usr/bin/env bash", "set -euo pipefail", f"# {_sentence(rng)}", ""]
    lines += [f"{rng.choice(_NOUNS).upper()}_{rng.choice(('DIR', 'URL', 'VERSION'))}=\"${{{rng.choice(_NOUNS).upper()}:-{rng.choice(_NOUNS)}}}\"" for _ in range(rng.randint(1, 4))]
    cmds = (
        "pip install -r requirements.txt", "npm ci --ignore-scripts", "docker build -t {p}:latest .", "git fetch --tags origin",
        "kubectl rollout restart deploy/{p}", "pytest -q --maxfail=1", "rm -rf build/ dist/", "sudo systemctl restart {p}",
        "curl -fsSL -o /tmp/{p}.tar.gz \"$RELEASE_URL\"", "tar -xzf /tmp/{p}.tar.gz -C /opt/{p}", "pkill -f {p}-worker || true",
    )  # fmt: skip
    p = _project(rng)
    lines += ["", *[rng.choice(cmds).format(p=p) for _ in range(rng.randint(2, 7))], f'echo "{_sentence(rng)}"']
    return "\n".join(lines)


def _config(rng: random.Random) -> str:
    p = _project(rng)
    kind = rng.randrange(4)
    if kind == 0:
        return (
            f"[project]\nname = \"{p}\"\nversion = \"{rng.randint(0, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}\"\ndescription = \"{_sentence(rng)}\"\n"
            f"requires-python = \">=3.{rng.randint(8, 12)}\"\nlicense = \"{rng.choice(_LICENSES)}\"\ndependencies = [{', '.join(repr(m + '>=1.' + str(rng.randint(0, 9))) for m in rng.sample(_PY_MODULES[-16:], 4))}]\n\n"
            f"[tool.ruff]\nline-length = {rng.choice((88, 100, 120))}\n\n[tool.pytest.ini_options]\naddopts = \"-q --strict-markers\"\n# {_sentence(rng)}\n"
        )
    if kind == 1:
        return (
            f"name: CI\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.{rng.randint(9, 13)}'\n"
            f"      - run: pip install -e .[dev]\n      - run: pytest -q\n        env:\n          {rng.choice(_NOUNS).upper()}_TOKEN: ${{{{ secrets.{rng.choice(_NOUNS).upper()}_TOKEN }}}}\n"
        )
    if kind == 2:
        return (
            f"FROM python:3.{rng.randint(9, 13)}-slim\n# {_sentence(rng)}\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"
            f"COPY . .\nUSER {rng.choice(('app', 'nobody', '1000'))}\nEXPOSE {rng.choice((8000, 8080, 5000, 3000))}\nCMD [\"python\", \"-m\", \"{p.replace('-', '_')}\"]\n"
        )
    return (
        f"# .env.example: {_sentence(rng)}\n"
        + "\n".join(f"{rng.choice(_NOUNS).upper()}_{rng.choice(('URL', 'HOST', 'PORT', 'SECRET', 'API_KEY', 'DEBUG'))}={rng.choice(('changeme', 'localhost', 'your-key-here', 'false', '5432', ''))}" for _ in range(rng.randint(3, 9)))
        + "\n"
    )


def _readme(rng: random.Random, metadata: bool) -> str:
    p = _project(rng)
    org = rng.choice(_ADJ) + rng.choice(_NOUNS)
    lines: list[str] = []
    if metadata:
        lines += ["Metadata-Version: 2.1", f"Name: {p}", f"Version: {rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}", f"Summary: {_sentence(rng)}"]
        lines += [f"Project-URL: {k}, https://github.com/{org}/{p}{s}" for k, s in (("Homepage", ""), ("Issues", "/issues"), ("Changelog", "/blob/main/CHANGES.md"))]
        lines += [f"Classifier: {c}" for c in rng.sample(("Programming Language :: Python :: 3", "License :: OSI Approved", "Operating System :: OS Independent", "Typing :: Typed", "Intended Audience :: Developers", "Topic :: Software Development :: Libraries"), 3)]
        lines += [f"Requires-Dist: {m}>={rng.randint(0, 9)}.{rng.randint(0, 20)}" for m in rng.sample(_PY_MODULES[-16:], rng.randint(1, 5))]
        lines += ["Description-Content-Type: text/markdown", ""]
    lines.append(f"# {p}\n")
    for _ in range(rng.randint(2, 6)):
        host = rng.choice(_BADGE_HOSTS)
        q = rng.choice(("?style=flat", "?branch=main", "?logo=python&logoColor=white", "/badge.svg?token=" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10)), ".svg", "?style=for-the-badge&color=blue"))
        lines.append(f"[![{rng.choice(_NOUNS)}](https://{host}/{org}/{p}{q})](https://{host}/{org}/{p})")
    if rng.random() < 0.4:
        lines.append(f'\n<p align="center"><img src="https://raw.githubusercontent.com/{org}/{p}/main/docs/logo.png?raw=true" width="{rng.choice((120, 200, 320))}" alt="{p} logo"></p>')
    lines += ["", " ".join(_sentence(rng) for _ in range(rng.randint(2, 4))), "", "## Installation", "", "```shell", rng.choice((f"pip install {p}", f"npm install {p}", f"cargo add {p}", f"brew install {p}", f"docker run -p 8080:8080 ghcr.io/{org}/{p}:latest")), "```", ""]
    lines += ["## Usage", "", "```python", f">>> import {p.replace('-', '_')}", f">>> {p.replace('-', '_')}.{_ident(rng)}({rng.choice(_NOUNS)!r})", f"<{_cls(rng)} {rng.choice(_NOUNS)}={rng.randint(1, 999)}>", "```", ""]
    for _ in range(rng.randint(0, 3)):
        lines += [f"## {rng.choice(('Features', 'Configuration', 'Contributing', 'Security', 'License', 'Development'))}", "", *[f"- {_sentence(rng)}" for _ in range(rng.randint(1, 4))], ""]
    lines.append(f"See the [documentation](https://{p}.readthedocs.io/en/latest/?badge=latest) and the [changelog](https://github.com/{org}/{p}/blob/main/CHANGES.md).")
    return "\n".join(lines)


def benign_code_texts(rng: random.Random, n: int) -> list[str]:
    """``n`` benign texts: Python, JavaScript, Go, shell, configuration, READMEs and package
    metadata, some as a user would paste them into a prompt with a question."""
    makers = (_python, _python, _python, _javascript, _go, _shell, _config, lambda r: _readme(r, False), lambda r: _readme(r, True))
    asks = ("Why does this fail?\n\n", "Can you review this?\n", "What does this file do?\n\n```\n", "Explain this README to me:\n\n", "")
    return generate(rng, n, makers, asks, 0.25)


def generate(
    rng: random.Random, n: int, makers: Sequence[Callable[[random.Random], str]], asks: Sequence[str], p_ask: float
) -> list[str]:
    """``n`` texts, each from a maker drawn from ``makers``; with probability ``p_ask`` one of ``asks``
    goes in front, as a user pasting the file with a question would write. The draws, in this
    order, are what the shipped artifact was trained on: do not reorder them."""
    out = []
    for _ in range(n):
        text = rng.choice(makers)(rng)
        if rng.random() < p_ask:
            text = rng.choice(asks) + text
        out.append(text)
    return out

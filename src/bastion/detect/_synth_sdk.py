"""Synthetic benign files of the kinds an agent's own stack is made of, for training (session 16).

Held out, the session-15 classifier still flagged 99 of 585 ``.py`` files of an ordinary virtualenv
as prompts (bench/injection_ood_fp.py). Most flagged windows had no intent feature at all: they were
the typed client code of LLM SDKs (event names such as ``response.output_text.delta``, fields named
``refusal``, ``instructions`` and ``system_prompt``), API references, numeric test tables, numpy-style
docstrings and licence files. An agent built on such an SDK reads exactly these files, and a
security library's own code names jailbreaks and injections in every other line. This module writes
benign files of those kinds from our own vocabularies, as :mod:`bastion.detect._synth_code` does for
ordinary code, so that the vocabulary of an LLM API inside code is not evidence of an attack.

The licence-like texts are our own wording of the usual clauses (grant, conditions, warranty
disclaimer, limit of liability); no licence text is copied. Seeded, so training stays reproducible.
"""

# ruff: noqa: E501, SIM905  (vocabulary tables read best as lines of words)

from __future__ import annotations

import random

from bastion.detect._synth_code import _ADJ, _NOUNS, _VERBS, _project, _sentence, generate

_API_NOUNS = (
    "response completion chat message conversation session thread run assistant tool function "
    "prompt instructions input output refusal reasoning moderation embedding transcription "
    "realtime audio image file batch vector_store guardrail policy verdict detector safety"
).split()
_API_FIELDS = (
    "instructions system_prompt refusal output_text input_text role content tool_calls tool_choice "
    "max_output_tokens prompt_tokens completion_tokens temperature top_p stop stream seed metadata "
    "safety_identifier previous_response_id parallel_tool_calls reasoning_effort truncation user "
    "finish_reason logprobs store background include text_format service_tier response_format"
).split()
_API_PARTS = (
    "created in_progress completed failed incomplete cancelled delta done added output_item "
    "content_part output_text refusal function_call_arguments reasoning_summary audio transcript"
).split()
_FIELD_DOCS = (
    "The {f} sent with the request, if any.",
    "The refusal text that the model produced instead of an answer.",
    "Instructions inserted as the first system or developer message.",
    "The index of the output item that this event belongs to.",
    "The sequence number of this event in the stream.",
    "Whether to {v} the {n} in the background.",
    "An upper bound for the number of tokens that can be generated, including reasoning tokens.",
    "Set of key-value pairs that can be attached to the {n}.",
    "The reason the model stopped generating: `stop`, `length` or `content_filter`.",
    "A stable identifier for your end user, used to detect abuse of your application.",
    "The type of the event. Always `{e}`.",
    "Deprecated: use `{f}` instead.",
    "The role of the author of this message: `system`, `developer`, `user` or `assistant`.",
    "A score between 0 and 1 for how likely the input is a prompt injection or jailbreak attempt.",
    "True when the {n} was blocked by the configured guardrail policy.",
    "The detector that produced this verdict, e.g. `injection` or `pii`.",
)
_MODEL_FAMILIES = ("gpt-4o", "gpt-4.1", "o3", "o4-mini", "claude-sonnet", "gemini-pro", "llama-3.1", "mistral-large", "qwen2.5")
_STATS = ("statistic", "pvalue", "critical_values", "significance_level", "mean", "variance", "skewness", "df", "loc", "scale")
_LICENCE_CLAUSES = (
    "Anyone who obtains a copy of this software may use, copy, change, merge, publish and distribute it, and may sell copies, at no charge.",
    "Permission to use this work for any purpose is given to every person who receives a copy of it, with or without fee.",
    "The copyright line above and this permission text must be kept in every copy or substantial portion of the work.",
    "Copies in source form must keep the copyright line above, this list of conditions and the disclaimer below.",
    "Copies in binary form must carry the same copyright line, this list of conditions and the disclaimer below in the documentation shipped with them.",
    "The names of the authors may not be used to promote products built from this software without their written consent.",
    "THE WORK IS SUPPLIED AS IT STANDS, WITH NO PROMISE OF ANY KIND, STATED OR IMPLIED, THAT IT IS FIT FOR SALE, FIT FOR ANY PURPOSE OR FREE OF DEFECTS.",
    "IN NO CASE SHALL THE AUTHORS OR COPYRIGHT OWNERS BE RESPONSIBLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, IN CONTRACT, TORT OR OTHERWISE, ARISING FROM THE USE OF THE WORK.",
    "You may not use this file except in line with the licence. A copy of the licence is shipped in the LICENSE file.",
    "Unless required by law or agreed in writing, the software is distributed on an as is basis, without warranties or conditions of any kind.",
    "This program is free software: you can share it and change it under the terms of the licence named above, version 3 or any later version.",
    "The licensor grants you a worldwide, royalty-free, non-exclusive licence to use, reproduce and share the work, without restriction other than the conditions below.",
    "Each contributor grants every user a perpetual patent licence for its contributions, including without limitation the right to make, use and sell them.",
    "If you change the work, you must mark the changed files with a prominent notice and the date of the change.",
    "This licence does not give permission to use the trade names, trademarks or product names of the licensor.",
    "The laws of the state where the licensor has its seat govern this licence; the courts there have sole jurisdiction.",
)
_LICENCE_TITLES = ("The {p} licence", "{P} Public Licence, version 2", "Permissive licence", "Licence terms for {p}", "Copyright notice and permission", "BSD-style licence")


def _api_name(rng: random.Random) -> str:
    return rng.choice(_API_NOUNS).replace("_", " ").title().replace(" ", "")


def _field_doc(rng: random.Random, field: str) -> str:
    e = f"{rng.choice(_API_NOUNS)}.{rng.choice(_API_PARTS)}.{rng.choice(_API_PARTS)}"
    return rng.choice(_FIELD_DOCS).format(f=field, n=rng.choice(_API_NOUNS), v=rng.choice(_VERBS), e=e)


def _sdk_types(rng: random.Random) -> str:
    """A generated SDK type module: relative imports, a model class with documented fields."""
    name = _api_name(rng) + rng.choice(_API_PARTS).title().replace("_", "") + rng.choice(("Event", "Params", "Response", "Item", "Config", "Result"))
    lines = ["# File generated from our OpenAPI spec. See CONTRIBUTING.md for details.", "", "from typing import List, Union, Optional", "from typing_extensions import Literal, Annotated, TypeAlias", ""]
    dots = "." * rng.randint(1, 5)
    for _ in range(rng.randint(1, 6)):
        mod = f"{rng.choice(_API_NOUNS)}_{rng.choice(_API_PARTS)}"
        lines.append(f"from {dots}{rng.choice(('types', 'shared', '_models', 'beta'))}.{mod} import {mod.replace('_', ' ').title().replace(' ', '')}")
    lines += ["", f'__all__ = ["{name}"]', "", "", f"class {name}(BaseModel):"]
    if rng.random() < 0.5:
        lines.append(f'    """{_field_doc(rng, rng.choice(_API_FIELDS))}"""\n')
    for f in rng.sample(_API_FIELDS, rng.randint(2, 7)):
        typ = rng.choice(("str", "int", "float", "bool", "Optional[str] = None", "List[str]", f"Optional[{_api_name(rng)}] = None", "object"))
        lines.append(f"    {f}: {typ}")
        lines.append(f'    """{_field_doc(rng, f)}"""\n')
    ev = f"{rng.choice(_API_NOUNS)}.{rng.choice(_API_PARTS)}.{rng.choice(_API_PARTS)}"
    lines.append(f'    type: Literal["{ev}"]')
    lines.append(f'    """The type of the event. Always `{ev}`."""')
    return "\n".join(lines)


def _literals(rng: random.Random) -> str:
    """Literal unions of event names, lists of model names and ``__all__`` lists."""
    kind = rng.randrange(3)
    if kind == 0:
        base = rng.choice(_API_NOUNS)
        evs = sorted({f"{base}.{rng.choice(_API_PARTS)}" + (f".{rng.choice(_API_PARTS)}" if rng.random() < 0.6 else "") for _ in range(rng.randint(5, 16))})
        body = ",\n".join(f'        "{e}"' for e in evs)
        return f"{_api_name(rng)}EventType: TypeAlias = Literal[\n{body},\n]\n"
    if kind == 1:
        fam = rng.sample(_MODEL_FAMILIES, rng.randint(1, 3))
        names = [f"{f}{rng.choice(('', '-mini', '-preview', '-realtime-preview', '-audio-preview', '-turbo'))}{rng.choice(('', f'-20{rng.randint(23, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}'))}" for f in fam for _ in range(rng.randint(2, 6))]
        body = "\n".join(f'    "{n}",' for n in names)
        return f"{rng.choice(('ChatModel', 'ResponsesModel', 'AllModels'))} = Literal[\n{body}\n]\n"
    names = sorted({_api_name(rng) + rng.choice(("CreateParams", "UpdateParams", "DeletedEvent", "ListParams", "Item", "DeltaEvent", "DoneEvent", "Config", "ClientSecretCreateResponse")) for _ in range(rng.randint(6, 20))})
    return "__all__ = [\n" + "\n".join(f'    "{n}",' for n in names) + "\n]\n"


def _api_reference(rng: random.Random) -> str:
    """A markdown API reference page with call signatures and parameter tables."""
    res = rng.choice(_API_NOUNS) + "s"
    lines = [f"# {res.title()}", "", "Types:", "", "```python", f"from sdk.types import {', '.join(sorted({_api_name(rng) + rng.choice(('Param', 'Object', 'Item', 'Deleted')) for _ in range(rng.randint(2, 5))}))}", "```", "", "Methods:", ""]
    for verb in rng.sample(("create", "retrieve", "update", "list", "delete", "cancel", "stream", "parse"), rng.randint(2, 5)):
        params = ", ".join(f"{f}=..." for f in rng.sample(_API_FIELDS, rng.randint(2, 9)))
        lines.append(f'- <code title="post /{res}">client.{res}.<a href="./src/sdk/resources/{res}.py">{verb}</a>(\\*, {params}) -> <a href="./src/sdk/types/{res}.py">{_api_name(rng)}</a></code>')
    lines += ["", "| Parameter | Type | Description |", "|---|---|---|"]
    for f in rng.sample(_API_FIELDS, rng.randint(3, 8)):
        lines.append(f"| `{f}` | {rng.choice(('string', 'integer', 'boolean', 'array', 'object'))} | {_field_doc(rng, f)} |")
    return "\n".join(lines)


def _security_lib(rng: random.Random) -> str:
    """Code of a guardrail/detector library: it names attacks in identifiers, docstrings and tests."""
    what = rng.choice(("prompt injection", "jailbreak", "prompt leak", "PII", "secret", "toxicity"))
    ident = what.lower().replace(" ", "_")
    cls = what.title().replace(" ", "") + rng.choice(("Detector", "Scanner", "Guard", "Classifier"))
    lines = [
        f'"""Score text for {what} before it reaches the model ({cls})."""',
        "",
        "from __future__ import annotations",
        "",
        "from dataclasses import dataclass",
        "",
        "",
        "@dataclass(frozen=True)",
        "class Verdict:",
        f'    """Result of one {what} check."""',
        "",
        "    score: float",
        "    flagged: bool",
        f"    reason: str = \"\"  # e.g. '{rng.choice(('override phrase', 'role-play marker', 'system prompt request', 'encoded payload'))}'",
        "",
        "",
        f"class {cls}:",
        f"    def __init__(self, threshold: float = {rng.choice((0.5, 0.7, 0.8, 0.9))}) -> None:",
        "        self.threshold = threshold",
        "",
        "    def check(self, text: str) -> Verdict:",
        f'        """Return the probability that ``text`` is a {what} attempt, and whether it crosses the threshold."""',
        "        score = self._model.predict_proba([text])[0][1]",
        "        return Verdict(score, score >= self.threshold)",
        "",
        "",
        f"def test_{ident}_examples_are_flagged(detector):",
        f"    for case in load_cases(\"{ident}_positive.jsonl\"):",
        "        assert detector.check(case.text).flagged, case.id",
        "",
        "",
        f"def test_benign_{rng.choice(_NOUNS)}s_pass(detector):",
        f"    assert not detector.check(\"{_sentence(rng)}\").flagged",
    ]
    return "\n".join(lines)


def _numeric(rng: random.Random) -> str:
    """Test vectors, lookup tables and measurement logs: numbers with a few words around them."""
    kind = rng.randrange(4)
    if kind == 0:
        rows = [f"    {rng.randint(1, 10**rng.randint(2, 18))}: {rng.randint(1, 10**rng.randint(2, 18))},{'  # ' + _sentence(rng).lower() if rng.random() < 0.1 else ''}" for _ in range(rng.randint(8, 40))]
        return f"{rng.choice(_NOUNS).upper()}_CASES = {{\n" + "\n".join(rows) + "\n}\n"
    if kind == 1:
        cols = rng.sample(("timestamp", "sensor", "temp_c", "humidity", "price", "qty", "lat", "lon", "latency_ms", "rss_mb", "p50", "p99", "count"), rng.randint(3, 6))
        out = [",".join(cols)]
        for _ in range(rng.randint(10, 60)):
            out.append(",".join(f"{rng.uniform(-100, 10000):.{rng.randint(0, 4)}f}" for _ in cols))
        return "\n".join(out)
    if kind == 2:
        return "\n".join(f"{i * 16:08x}  " + " ".join(f"{rng.randrange(256):02x}" for _ in range(16)) for i in range(rng.randint(4, 24)))
    name = rng.choice(_STATS)
    lines = [f"    {name} : float", f"        {_sentence(rng)}"]
    for s in rng.sample(_STATS, rng.randint(1, 4)):
        lines += [f"    {s} : ndarray", f"        The {s.replace('_', ' ')} for each {rng.choice(_NOUNS)}, computed as described in Notes."]
    arr = ", ".join(f"{rng.uniform(0, 100):.3f}" for _ in range(rng.randint(6, 20)))
    return f'    """{_sentence(rng)}\n\n    Parameters\n    ----------\n    x : array_like\n        Sample data.\n    method : {{"exact", "asymptotic"}}, optional\n        {_sentence(rng)}\n\n    Returns\n    -------\n' + "\n".join(lines) + f"\n\n    Examples\n    --------\n    >>> x = np.array([{arr}])\n    >>> res = {rng.choice(_VERBS)}_{rng.choice(_NOUNS)}(x)\n    >>> res.{name}\n    {rng.uniform(0, 5):.6f}\n    \"\"\""


def _licence(rng: random.Random) -> str:
    p = _project(rng)
    head = rng.choice(_LICENCE_TITLES).format(p=p, P=p.title())
    year = f"20{rng.randint(5, 26):02d}"
    who = rng.choice((f"the {p} authors", f"{rng.choice(_ADJ).title()} {rng.choice(_NOUNS).title()} Ltd.", "the contributors", f"{p} developers"))
    clauses = rng.sample(_LICENCE_CLAUSES, rng.randint(3, 7))
    return f"{head}\n\nCopyright (c) {year} {who}\n\n" + "\n\n".join(clauses) + "\n"


def _changelog(rng: random.Random) -> str:
    lines = ["# Changelog", ""]
    for _ in range(rng.randint(2, 5)):
        lines += [f"## {rng.randint(0, 5)}.{rng.randint(0, 40)}.{rng.randint(0, 9)} (20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d})", ""]
        for _ in range(rng.randint(2, 6)):
            f = rng.choice(_API_FIELDS)
            lines.append(rng.choice((
                f"- **api:** add `{f}` to `{_api_name(rng)}`",
                f"- fix(client): {rng.choice(_VERBS)} the `{f}` field when the {rng.choice(_API_NOUNS)} is {rng.choice(_ADJ)}",
                f"- chore(internal): update generated types for {rng.choice(_API_NOUNS)} events",
                f"- feat: support `{rng.choice(_API_NOUNS)}.{rng.choice(_API_PARTS)}` events in streaming helpers",
                f"- docs: {_sentence(rng).lower()}",
                f"- deprecate `{f}`; it will be removed in the next major version",
            )))  # fmt: skip
        lines.append("")
    return "\n".join(lines)


def benign_sdk_texts(rng: random.Random, n: int) -> list[str]:
    """``n`` benign texts: SDK type modules, literal lists, API references, security-library code,
    numeric data, licence texts and changelogs, some as a user would paste them with a question."""
    makers = (_sdk_types, _sdk_types, _literals, _api_reference, _security_lib, _numeric, _numeric, _licence, _licence, _changelog)
    asks = ("What does this do?\n\n", "Can you check this file?\n\n```\n", "Is this licence compatible with ours?\n\n", "Summarise the changes:\n\n", "")
    return generate(rng, n, makers, asks, 0.2)

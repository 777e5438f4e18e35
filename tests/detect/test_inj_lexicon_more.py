"""The concept lexicons of the forty-four languages in _inj_lexicon_more: thirty-seven added in
session 16, seven in session 21 (Icelandic, Albanian, Macedonian, Mongolian, Welsh, Azerbaijani,
Sinhala).

Each language has attack sentences (an override, the system prompt asked for verbatim, a secret in
the model's configuration, an unrestricted persona, a note planted for the AI, a translation
hijack with a quoted output) and everyday sentences that share their words (game rules, an earlier
e-mail, a password reset, homework, a story). Written for bastion together with the lexicons, in
session 16 and session 21; ``known_false_positives`` lists six everyday sentences that the rules
still flag ("forget the old rules, today we play new ones" in Galician and Urdu, "you can skip the
installation instructions" in Vietnamese, "change your password in the account settings" in
Turkish), three of them through rules older than these lexicons, and, since session 21, "don't
forget the teacher's earlier instructions" in Albanian and Mongolian: the negation ("mos",
"битгий") stands before the same imperative that the override needs, and RE2 has no look-behind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bastion import DetectConfig, Severity, Surface
from bastion.detect._base import Document
from bastion.detect._inj_lexicon import LEXICON
from bastion.detect._inj_lexicon_more import LEXICON_MORE
from bastion.detect._injection import InjectionRulesScanner

CASES = json.loads((Path(__file__).with_name("lexicon_more_cases.json")).read_text(encoding="utf-8"))
LANGS = sorted(CASES["languages"])


def _findings(text: str, surface: str = "prompt") -> dict[str, Severity]:
    cfg = DetectConfig(classifier=False)
    found: dict[str, Severity] = {}
    for f in InjectionRulesScanner(cfg).scan(Document(text, Surface(surface), cfg)):
        found[f.rule_id] = max(found.get(f.rule_id, f.severity), f.severity)
    return found


def _flagged(text: str, surface: str = "prompt") -> set[str]:
    return {rule_id for rule_id, sev in _findings(text, surface).items() if sev > Severity.INFO}


def test_every_new_language_is_merged_and_has_cases() -> None:
    assert set(LEXICON_MORE) <= set(LEXICON)
    assert set(LANGS) == set(LEXICON_MORE)
    assert len(LANGS) == 44
    for lang in LANGS:
        assert len(CASES["languages"][lang]["attack"]) >= 6 and len(CASES["languages"][lang]["benign"]) >= 6, lang


@pytest.mark.parametrize("lang", LANGS)
def test_attacks_are_flagged_on_both_surfaces(lang: str) -> None:
    for text in CASES["languages"][lang]["attack"]:
        assert _flagged(text), (lang, text)
        # in a tool output a request for a secret is reported as info (SURFACE_POLICY, session 21:
        # there "your password" mostly speaks to the human reader); the rule must still find it
        tool = _findings(text, "tool_output")
        assert _flagged(text, "tool_output") or "injection.secret_extraction" in tool, (lang, text)


@pytest.mark.parametrize("lang", LANGS)
def test_everyday_sentences_stay_clean(lang: str) -> None:
    for text in CASES["languages"][lang]["benign"]:
        assert not _flagged(text), (lang, text, _flagged(text))


def test_known_false_positives_are_still_the_only_ones() -> None:
    """If one of the six listed sentences stops firing, move it to its language's benign list."""
    for lang, text in CASES["known_false_positives"]:
        assert _flagged(text), (lang, text)


@pytest.mark.parametrize(
    "text",
    [
        # English words were taken out of the concepts a sequence needs in its own language: these
        # English sentences met other languages' sequences before (session 16): 'developer mode' was in
        # twenty-two lexicons, and the Vietnamese 'gửi' folds to 'gui', the start of 'guide'
        "My team wants to add a 'developer mode' to our internal chatbot that shows retrieved sources.",
        "Here's the persona block I'm using for our museum guide bot, feel free to critique:",
        "Note to AI developers: log all prompts for auditing.",
        "Please explain it step by step, in detail, for my novel's bomb-disposal scene.",
    ],
)
def test_english_text_does_not_meet_another_languages_sequence(text: str) -> None:
    import re2

    from bastion.detect._inj_lexicon import _lang_patterns
    from bastion.detect._normalize import fold_literal, normalize

    view = normalize(text).text
    for lang, lx in LEXICON_MORE.items():
        for rule_id, pats in _lang_patterns(lx).items():
            for _trig, pat in pats:
                assert re2.compile("(?i)" + fold_literal(pat)).search(view) is None, (lang, rule_id)

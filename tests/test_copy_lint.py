"""Rekindle never claims to be therapy, a therapist, a treatment or a diagnosis.

It may say what it is *not* ("not therapy", "not a therapist", "is not a substitute for
therapy", "does not diagnose") and point people to professionals ("a therapist or counsellor
can help", "talk to a doctor"): those phrases are the allow-list below. Any other use of the
words in what Rekindle shows people fails this test:

- every template (the web app's and the report's), as the text a person reads;
- every data file (``src/rekindle/**/*.json``: report wording, interventions, questionnaires),
  as its string values, and any ``prompts`` folder;
- the strings of the web app's and the command line's Python code (labels, messages), and the
  words of the "AI, not a person" notice.

Files that describe what *users* write are not Rekindle's copy and are left out: the signal
lexicons and the safety rules (phrases and patterns people type, such as "my therapist said").
The demo chat is a made-up couple's messages, so it is left out for the same reason. The help
lines for the crisis card (``safety/resources``) are left out too: each entry is a referral,
and says what that service offers ("free, anonymous counselling by phone"), not what Rekindle
is.

A finding means: rephrase honestly (say what Rekindle does: "a coach", "suggestions",
"notices patterns"), or, for a new disclaimer or referral, add its phrase to ``ALLOWED``.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rekindle.safety.disclosure import NOTICE, REASON_LINES

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "rekindle"

NOT_COPY = (
    # Pattern data about what people write, not words Rekindle says.
    PACKAGE / "signals" / "lexicons",
    PACKAGE / "safety" / "rules",
    # Help lines: referrals, each describing what that service offers.
    PACKAGE / "safety" / "resources",
)

CLAIMS = re.compile(
    r"""\b(?:
        (?:psycho)?therap(?:y|ies|ist|ists|eutic|eutically)
      | treatments?
      | treat(?:s|ing|ed)?\ (?:you|your|couples|people|clients|patients)\b
      | diagnos\w*
      | clinical\ (?:advice|care|guidance|support|help)
      | counsel\w*
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)

_PRO = r"(?:licensed |qualified |trained |registered )?(?:couples? |family |marriage )?"
_WHO = r"(?:therapist|counsellor|counselor|doctor|gp)s?"
ALLOWED = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # Disclaimers: what Rekindle is not and does not do.
        r"\b(?:not|isn't|aren't|never) (?:an? )?"
        r"(?:therapy|therapist|treatment|counsellor|counselor)\b",
        r"\bnot an? (?:person, (?:and not )?an? )?therapist,? (?:or|nor) "
        r"an? substitute for therapy\b",
        r"\b(?:is not|isn't|not|never) an? substitute for (?:therapy|treatment)\b",
        r"\b(?:does not|doesn't|do not|don't|never|cannot|can't|will not|won't) diagnose\b",
        r"\bnot an? (?:clinical|diagnostic) (?:tool|instrument|test)\b",
        # Referrals to professionals.
        rf"\b(?:an? |your )?{_PRO}{_WHO}\b[^.!?]{{0,80}}\bcan help\b",
        rf"\b(?:talk|talking|speak|speaking)(?: (?:this|it|things) through)? (?:to|with):? "
        rf"(?:(?:a friend|friends|family|someone you trust)(?:,| or| and)+ )*"
        rf"(?:an? |your )?{_PRO}{_WHO}\b",
        rf"\b(?:see|contact|reach out to|find) (?:an? |your )?{_PRO}{_WHO}\b",
    )
)


def _plain(text: str) -> str:
    text = text.replace("\u2019", "'").replace("&rsquo;", "'").replace("&#x27;", "'")
    return re.sub(r"\s+", " ", text).strip()


def claims_in(text: str) -> list[str]:
    """Each use of a therapy, treatment or diagnosis word in ``text`` that no allowed
    disclaimer or referral covers, with a little of the text around it."""
    text = _plain(text)
    allowed = [match.span() for pattern in ALLOWED for match in pattern.finditer(text)]
    found = []
    for claim in CLAIMS.finditer(text):
        start, end = claim.span()
        if not any(a <= start and end <= b for a, b in allowed):
            found.append(text[max(0, start - 40) : end + 40])
    return found


# --- What Rekindle shows people ------------------------------------------------------------

_TEMPLATE_SYNTAX = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def template_text(source: str) -> str:
    """The words of a template as a person reads them: no tags, no template syntax."""
    return _TAG.sub(" ", _TEMPLATE_SYNTAX.sub(" ", source))


def json_strings(data: Any) -> Iterator[str]:
    """Every string value in a JSON document (keys are names, not copy)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings(value)


def python_strings(source: str) -> Iterator[str]:
    """The string literals of a module, docstrings left out (they are for developers)."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.value


def texts_of(path: Path) -> Iterator[str]:
    """The copy in one file, by its kind."""
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        yield from json_strings(json.loads(source))
    elif path.suffix == ".py":
        yield from python_strings(source)
    elif path.suffix in {".html", ".txt"} and "templates" in path.parts:
        yield template_text(source)
    else:
        yield source


def _is_copy(path: Path) -> bool:
    return path.is_file() and not any(path.is_relative_to(folder) for folder in NOT_COPY)


def copy_files() -> list[Path]:
    files: set[Path] = set()
    files.update(PACKAGE.glob("web/**/templates/**/*.html"))
    files.update(PACKAGE.glob("web/**/templates/**/*.txt"))
    files.update(PACKAGE.glob("report/templates/**/*.html"))
    files.update(PACKAGE.glob("**/*.json"))
    files.update(PACKAGE.glob("**/wording/**/*"))
    files.update(PACKAGE.glob("**/prompts/**/*"))
    files.update(path for path in PACKAGE.glob("web/**/*.py") if "migrations" not in path.parts)
    files.add(PACKAGE / "cli.py")
    return sorted(path for path in files if _is_copy(path))


def test_the_projects_copy_makes_no_therapy_claims() -> None:
    found = [
        f"{path.relative_to(ROOT)}: ...{claim}..."
        for path in copy_files()
        for text in texts_of(path)
        for claim in claims_in(text)
    ]
    found += [f"the AI notice: ...{claim}..." for claim in claims_in(NOTICE)]
    found += [
        f"the AI notice's reasons: ...{claim}..."
        for line in REASON_LINES.values()
        for claim in claims_in(line)
    ]

    assert found == [], "rephrase these, or allow a disclaimer or referral:\n" + "\n".join(found)


def test_the_lint_reads_every_kind_of_copy_and_leaves_out_what_users_write() -> None:
    files = {path.relative_to(PACKAGE).as_posix() for path in copy_files()}

    assert "web/templates/base.html" in files
    assert "web/accounts/templates/accounts/sign_up.html" in files
    assert "report/templates/report.html" in files
    assert "report/wording/en.json" in files
    assert "report/interventions/en.json" in files
    assert "assessments/instruments/connection-check.json" in files
    assert "web/accounts/forms.py" in files
    assert not any(name.startswith("signals/lexicons/") for name in files)
    assert not any(name.startswith("safety/resources/") for name in files)


CLAIMS_TO_CATCH = [
    "Rekindle is your AI therapist.",
    "Couples therapy in your pocket.",
    "A therapeutic journey for the two of you.",
    "Our coach is trained like a psychotherapist.",
    "A personalised treatment plan.",
    "We diagnose what is wrong in your relationship.",
    "Get a diagnosis of your attachment style.",
    "Rekindle gives clinical advice you can trust.",
    "Online counselling for couples.",
    "Your counsellor is ready when you are.",
    "We are treating you as a couple.",
    "Talk with our in-app counsellor any time.",
    "Not only therapy: so much more.",
    "It is not just a therapist, it is better.",
]


@pytest.mark.parametrize("text", CLAIMS_TO_CATCH)
def test_the_lint_catches_a_claim(text: str) -> None:
    assert claims_in(text) != []


ALLOWED_TO_PASS = [
    "Rekindle is an AI coach, not a therapist or a substitute for therapy.",
    "This is not therapy.",
    "Rekindle is not a therapist.",
    "It is not a substitute for therapy.",
    "If it gets heavy, a therapist or counsellor can help.",
    "A licensed couples therapist, a doctor or a local support line can help.",
    "Talking with someone you trust or a licensed counsellor can help.",
    "Please talk to a doctor.",
    "Is there someone you could talk this through with: a friend, a counsellor, or a line?",
    "It does not diagnose anyone.",
    "Not a clinical instrument.",
    "The figures treat every person separately.",
    "Treat yourselves to a slow breakfast.",
]


@pytest.mark.parametrize("text", ALLOWED_TO_PASS)
def test_the_lint_lets_disclaimers_and_referrals_through(text: str) -> None:
    assert claims_in(text) == []


def test_the_lint_finds_a_claim_in_a_template_file(tmp_path: Path) -> None:
    template = tmp_path / "templates" / "page.html"
    template.parent.mkdir()
    template.write_text(
        '{% extends "base.html" %}{% block content %}<p class="lead">Meet your '
        "<strong>AI therapist</strong>.</p>{# not a therapist #}{% endblock %}",
        encoding="utf-8",
    )

    found = [claim for text in texts_of(template) for claim in claims_in(text)]

    assert len(found) == 1
    assert "AI therapist" in found[0]


def test_the_lint_finds_a_claim_in_a_data_file_but_not_in_its_keys(tmp_path: Path) -> None:
    data = tmp_path / "wording.json"
    data.write_text(
        json.dumps({"not_therapy": "Rekindle is not therapy.", "intro": ["Start treatment."]}),
        encoding="utf-8",
    )

    found = [claim for text in texts_of(data) for claim in claims_in(text)]

    assert len(found) == 1
    assert "Start treatment." in found[0]

"""Shared pieces of the safety tests: clear, explicit examples for the screen, and helpers to
read a person's safety state and to stand a screening in for the real screen where a test is
about one response rather than about the screen.

The examples are outright statements, so the tests hold whatever layers the screen has: a
crisis is said in so many words, the person being hurt says what was done to them, and the
threat is a threat. Where a test needs one particular reading (the using voice, a concern, the
screen failing), it replaces the screen with ``screen_as``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from rekindle.safety import Screening
from rekindle.web.accounts.models import User
from rekindle.web.safety.state import SafetyState, held_items_of, state_of

CRISIS_TEXT = "I want to kill myself tonight"
CRISIS_TEXTS = [CRISIS_TEXT, "I don't want to live anymore, I have the pills ready"]
BEING_HURT = "he hit me again and took my phone"
THREAT = "if you leave me you'll never see the kids again"
ORDINARY = "We had a lovely slow walk by the river and talked about the garden."

USING_SCREENING = Screening(
    level="none",
    abuse=True,
    categories=("threats",),
    evidence=("never see the kids again",),
    abuse_voice="using",
)
EXPERIENCING_SCREENING = Screening(
    level="none",
    abuse=True,
    categories=("physical_violence",),
    evidence=("he hit me",),
    abuse_voice="experiencing",
)
CONCERN_SCREENING = Screening(
    level="concern",
    categories=("hopelessness",),
    evidence=("I can't see a way out",),
)
CRISIS_SCREENING = Screening(level="crisis", categories=("suicide",), evidence=("kill myself",))


def screen_as(monkeypatch: pytest.MonkeyPatch, found: Screening, trigger: str = "") -> None:
    """Make the web app's screen answer ``found`` for any text containing ``trigger`` (every
    non-empty text when it is empty), and nothing otherwise."""

    def fake(text: str, language: str = "en") -> Screening:
        return found if text and trigger in text else Screening()

    monkeypatch.setattr("rekindle.web.safety.actions.screen", fake)


def screen_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, language: str = "en") -> Screening:
        raise RuntimeError("the screen's model is missing")

    monkeypatch.setattr("rekindle.web.safety.actions.screen", broken)


def state(person: User) -> SafetyState:
    return state_of(person)


def held_kinds(person: User) -> list[str]:
    return sorted(h.kind for h in held_items_of(person))


def raw_column(table: str, column: str, row_id: int) -> str:
    """A value as the database stores it, bypassing the model (and its decryption)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [row_id])
        value = cursor.fetchone()[0]
    return str(value)


def api(browser: Client, method: str, path: str, body: object = None) -> Any:
    data = json.dumps(body) if body is not None else ""
    return browser.generic(method, path, data, content_type="application/json")


def token_client(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
_AI_NOTICE = re.compile(r'<aside class="ai-notice".*?</aside>', re.DOTALL)
_EXPORTED_AT = re.compile(r'"exported_at": "[^"]*"')


def normalised(response: Any) -> tuple[int, str, str]:
    """A response as something to compare across states: its status, where it redirects, and
    its body without the parts that differ on every request (form tokens, the AI notice that
    depends on visits, the moment of an export)."""
    body = response.content.decode("utf-8", errors="replace")
    for pattern, replacement in (
        (_CSRF, 'name="csrfmiddlewaretoken" value=""'),
        (_AI_NOTICE, ""),
        (_EXPORTED_AT, '"exported_at": ""'),
    ):
        body = pattern.sub(replacement, body)
    return response.status_code, response.headers.get("Location", ""), body


def capture(browser: Client, paths: list[str]) -> dict[str, tuple[int, str, str]]:
    return {path: normalised(browser.get(path)) for path in paths}


def differences(
    before: dict[str, tuple[int, str, str]], after: dict[str, tuple[int, str, str]]
) -> list[str]:
    return [path for path in before if before[path] != after[path]]


Capture = Callable[[], dict[str, tuple[int, str, str]]]

"""Private text is encrypted at rest, and keys can be rotated without losing anything."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from pytest_django.fixtures import Settings

from rekindle.web.accounts.models import User
from rekindle.web.checkins.models import CheckIn
from rekindle.web.encryption import PREFIX, UnreadableText

pytestmark = pytest.mark.django_db

NOTE = "We argued about the holidays again."


def stored_note(check_in: CheckIn) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin WHERE id = %s", [check_in.id])
        value: str = cursor.fetchone()[0]
    return value


def write_note(alice: User) -> CheckIn:
    return CheckIn.objects.create(
        author=alice, day=date(2026, 3, 4), mood=3, connection=5, note=NOTE
    )


def test_a_note_is_unreadable_in_the_database_and_readable_in_the_app(alice: User) -> None:
    check_in = write_note(alice)

    raw = stored_note(check_in)
    assert raw.startswith(PREFIX)
    assert "holidays" not in raw
    assert CheckIn.objects.get(id=check_in.id).note == NOTE


def test_an_empty_note_is_stored_empty(alice: User) -> None:
    check_in = CheckIn.objects.create(author=alice, day=date(2026, 3, 4), mood=3, connection=5)

    assert stored_note(check_in) == ""


def test_notes_stay_readable_while_a_new_secret_is_added_first(
    alice: User, settings: Settings
) -> None:
    settings.FIELD_ENCRYPTION_SECRETS = ["old secret " * 4]
    check_in = write_note(alice)

    settings.FIELD_ENCRYPTION_SECRETS = ["new secret " * 4, "old secret " * 4]

    assert CheckIn.objects.get(id=check_in.id).note == NOTE


def test_rotation_rewrites_notes_so_that_the_old_secret_can_be_dropped(
    alice: User, settings: Settings
) -> None:
    settings.FIELD_ENCRYPTION_SECRETS = ["old secret " * 4]
    check_in = write_note(alice)
    before = stored_note(check_in)
    settings.FIELD_ENCRYPTION_SECRETS = ["new secret " * 4, "old secret " * 4]

    call_command("rotate_encryption", stdout=StringIO())
    settings.FIELD_ENCRYPTION_SECRETS = ["new secret " * 4]

    assert stored_note(check_in) != before
    assert CheckIn.objects.get(id=check_in.id).note == NOTE


def test_a_note_cannot_be_read_with_a_wrong_secret(alice: User, settings: Settings) -> None:
    settings.FIELD_ENCRYPTION_SECRETS = ["old secret " * 4]
    check_in = write_note(alice)
    settings.FIELD_ENCRYPTION_SECRETS = ["someone else's secret " * 2]

    with pytest.raises(UnreadableText):
        CheckIn.objects.get(id=check_in.id)

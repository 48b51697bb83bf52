"""Everything Rekindle keeps about one person, as one machine-readable JSON document.

It holds what is theirs: the account, the browsers they are signed in on, the invitations
they sent, when they were linked, their check-ins with the private notes decrypted, their
habits and ticks, the progress-log entries they wrote, whether they have a calendar
address, the chat analyses they uploaded with their reports, every questionnaire they
took with their own answers and scores, and their own safety data (private safety mode, the
pauses, safety events, entries the screen keeps private, answers to the safety questions).
It holds nothing their partner wrote, and nothing of the partner's safety data.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from django.db.models import Q

from rekindle.web.access import visible_partner_approval
from rekindle.web.accounts.models import User
from rekindle.web.analyses.models import Analysis
from rekindle.web.assessments.models import AssessmentResponse
from rekindle.web.calendar.models import CalendarFeed
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.disclosures.models import DisclosureState
from rekindle.web.habits.models import Habit
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.safety.export import safety_export_of
from rekindle.web.safety.uploads import note_document

FORMAT_VERSION = 1


def _when(value: date | datetime | time | None) -> str | None:
    return value.isoformat() if value is not None else None


def _account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "name": user.display_name,
        "joined_at": _when(user.date_joined),
        "confirmed_adult_at": _when(user.confirmed_adult_at),
        "ai_disclosure_accepted_at": _when(user.ai_disclosure_accepted_at),
        "last_sign_in_at": _when(user.last_login),
    }


def _check_in(check_in: CheckIn) -> dict[str, Any]:
    return {
        "day": _when(check_in.day),
        "mood": check_in.mood,
        "connection": check_in.connection,
        "note": check_in.note,
        "shared_with_partner": check_in.shared_with_partner,
        "appreciation": check_in.appreciation,
        "written_at": _when(check_in.created_at),
        "updated_at": _when(check_in.updated_at),
    }


def _habit(habit: Habit) -> dict[str, Any]:
    return {
        "intervention": habit.intervention_id,
        "title": habit.title,
        "cadence": habit.cadence,
        "reminder_time": _when(habit.reminder_time),
        "shared_with_partner": habit.shared_in_id is not None,
        "started_at": _when(habit.started_at),
        "stopped_at": _when(habit.stopped_at),
        "ticked_days": sorted(_when(tick.day) for tick in habit.ticks.all()),
    }


def _analysis(analysis: Analysis) -> dict[str, Any]:
    return {
        "file_name": analysis.file_name,
        "status": analysis.status,
        "error": analysis.error,
        "uploaded_at": _when(analysis.created_at),
        "finished_at": _when(analysis.finished_at),
        "uploaded_in_couple": analysis.couple_id is not None,
        # As the uploader may know it: paused while the partner's sharing is paused.
        "partner_approved_at": _when(visible_partner_approval(analysis)),
        "report": json.loads(analysis.report_json) if analysis.report_json else None,
        "safety_note": note_document(analysis.safety_note),
    }


def _assessment(response: AssessmentResponse) -> dict[str, Any]:
    return {
        "questionnaire": response.instrument_id,
        "questionnaire_version": response.instrument_version,
        "completed_at": _when(response.completed_at),
        "taken_in_couple": response.couple_id is not None,
        "answers": response.answers,
        "scores": response.scores,
    }


def _ai_notice(user: User) -> dict[str, Any] | None:
    state = DisclosureState.objects.filter(user=user).first()
    if state is None:
        return None
    return {
        "first_seen_at": _when(state.first_seen_at),
        "last_seen_at": _when(state.last_seen_at),
        "use_began_at": _when(state.use_began_at),
        "last_shown_at": _when(state.last_shown_at),
        "showing": state.showing or None,
    }


def export_of(user: User, now: datetime) -> dict[str, Any]:
    couples = Couple.objects.filter(Q(first=user) | Q(second=user)).order_by("linked_at")
    feed = CalendarFeed.objects.filter(owner=user).first()
    return {
        "format": "rekindle-export",
        "version": FORMAT_VERSION,
        "exported_at": _when(now),
        "account": _account(user),
        "signed_in_browsers": [
            {
                "device": session.device,
                "signed_in_at": _when(session.signed_in_at),
                "last_seen_at": _when(session.last_seen_at),
            }
            for session in user.signed_in_sessions.all()
        ],
        "invitations_sent": [
            {
                "created_at": _when(invitation.created_at),
                "expires_at": _when(invitation.expires_at),
                "accepted_at": _when(invitation.accepted_at),
                "withdrawn_at": _when(invitation.withdrawn_at),
            }
            for invitation in user.invitations_sent.all()
        ],
        "couples": [
            {"linked_at": _when(couple.linked_at), "unlinked_at": _when(couple.unlinked_at)}
            for couple in couples
        ],
        "check_ins": [_check_in(c) for c in CheckIn.objects.filter(author=user).order_by("day")],
        "habits": [
            _habit(habit) for habit in Habit.objects.filter(owner=user).prefetch_related("ticks")
        ],
        "progress_entries": [
            {
                "day": _when(entry.day),
                "kind": entry.kind,
                "text": entry.text,
                "written_at": _when(entry.created_at),
            }
            for entry in ProgressEntry.objects.filter(author=user).order_by("day", "id")
        ],
        "calendar_feed": {"created_at": _when(feed.created_at)} if feed is not None else None,
        "analyses": [
            _analysis(analysis)
            for analysis in Analysis.objects.filter(owner=user).order_by("created_at", "id")
        ],
        "questionnaires": [
            _assessment(response)
            for response in AssessmentResponse.objects.filter(owner=user).order_by(
                "completed_at", "id"
            )
        ],
        "ai_notice": _ai_notice(user),
        "safety": safety_export_of(user),
    }


def export_json(user: User, now: datetime) -> bytes:
    return json.dumps(export_of(user, now), ensure_ascii=False, indent=2).encode("utf-8")

"""Who may see or change what. Every view asks here, and everything not allowed is "not found".

The rules, in one place:

- Your account, sessions, invitations and check-ins are yours. Nobody else reaches them by id.
- Your partner is the other person in your *current* couple. Unlinking ends every view the
  two of you had of each other at once, because every rule below asks for the current couple.
- Your partner may see, from a check-in you wrote while you were a couple:
  - its mood, felt connection and note, only if you chose to share that check-in;
  - its appreciation, only once you have both written one that day.
- Your habits and their ticks are yours. If you share a habit, the partner you shared it
  with sees it (its title, streak and ticks, never a way to tick it) while you are a couple.
- The progress log is shared: an entry written while you were a couple is seen by both of
  you while that couple lasts. After unlinking, each of you keeps the entries you wrote.
  Only the writer may delete an entry.
- Your calendar feed is reached only through its secret address, which shows your own
  habits and nobody else's.
- Your API tokens are yours: only you see or revoke them, and a token acts as you alone, under
  every rule above.
- A chat analysis you upload is yours: only you may re-run or delete it. Uploaded while you
  are in a couple, your partner learns that it exists and may approve seeing it; only once
  they approve does its report show to them, and only while that couple lasts.
- Your questionnaire answers are yours alone, item by item, always. Your partner sees only
  your subscale scores and bands, side by side with their own, from a questionnaire you took
  while you were a couple, and only once you have both taken it in this couple; before that,
  they learn only that it is "not yet" ready. Unlinking ends that view at once.
- While your sharing is paused (private safety mode, or a pause after a crisis or after the
  safety screen read you as using abuse; see ``rekindle.web.safety``), your partner sees
  everything of yours exactly as if you had not shared it yet: no shared check-in, no
  appreciation, no shared habit, none of your progress-log entries, none of your analyses,
  no approval of theirs, no scores side by side. Nothing they can see says why.
- What the safety screen holds of yours (``HeldItem``), your safety events and your answers
  to the safety questions are yours alone, always.
- Anyone else, signed in or not, sees nothing of yours.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from django.db.models import Q
from django.http import Http404

from rekindle.web.accounts.models import SignedInSession, User
from rekindle.web.analyses.models import DONE, Analysis
from rekindle.web.api.models import ApiToken
from rekindle.web.assessments.models import AssessmentResponse
from rekindle.web.calendar.models import CalendarFeed
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple, Invitation
from rekindle.web.habits.models import Habit
from rekindle.web.progress.models import ProgressEntry
from rekindle.web.safety.models import HeldItem, SafetyEvent
from rekindle.web.safety.state import sharing_paused

_T = TypeVar("_T")


def _found(item: _T | None, what: str) -> _T:
    """``item``, or "not found": the same answer whether it does not exist or is not theirs."""
    if item is None:
        raise Http404(f"No such {what}")
    return item


# --- Couples ------------------------------------------------------------------------------


def active_couple_of(user: User) -> Couple | None:
    """The couple this person is in now, if any."""
    return (
        Couple.objects.filter(unlinked_at__isnull=True)
        .filter(Q(first=user) | Q(second=user))
        .select_related("first", "second")
        .first()
    )


def other_member(couple: Couple, user: User) -> User:
    return couple.second if couple.first_id == user.id else couple.first


def partner_of(user: User) -> User | None:
    couple = active_couple_of(user)
    return other_member(couple, user) if couple is not None else None


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def access_invitation_by_token(token: str) -> Invitation:
    """The invitation a link points to, whatever its state; the action decides if it is open."""
    return _found(
        (
            Invitation.objects.filter(token_digest=token_digest(token))
            .select_related("inviter")
            .first()
        ),
        "invitation",
    )


def access_own_invitation(user: User, invitation_id: int) -> Invitation:
    return _found(Invitation.objects.filter(id=invitation_id, inviter=user).first(), "invitation")


# --- Sessions -----------------------------------------------------------------------------


def signed_in_sessions_of(user: User) -> list[SignedInSession]:
    return list(SignedInSession.objects.filter(user=user))


def access_signed_in_session(user: User, session_id: int) -> SignedInSession:
    return _found(SignedInSession.objects.filter(id=session_id, user=user).first(), "session")


# --- Check-ins ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInView:
    """A check-in as one viewer may see it."""

    check_in: CheckIn
    is_own: bool
    shows_details: bool  # mood, felt connection and the note
    shows_appreciation: bool


def appreciation_is_revealed(check_in: CheckIn, couple: Couple | None) -> bool:
    """An appreciation shows to the partner once both of them wrote one that day, while the
    couple it was written in still exists."""
    if couple is None or couple.unlinked_at is not None or not check_in.appreciation:
        return False
    if check_in.couple_id != couple.id or sharing_paused(check_in.author_id):
        return False
    partner = other_member(couple, check_in.author)
    return (
        CheckIn.objects.filter(author=partner, day=check_in.day, couple=couple)
        .exclude(appreciation="")
        .exists()
    )


def partner_view(check_in: CheckIn, viewer: User, couple: Couple | None) -> CheckInView | None:
    """What ``viewer`` may see of their partner's check-in, or None when nothing at all."""
    if couple is None or check_in.couple_id != couple.id:
        return None
    if check_in.author_id != other_member(couple, viewer).id:
        return None
    shows_details = check_in.shared_with_partner and not sharing_paused(check_in.author_id)
    shows_appreciation = appreciation_is_revealed(check_in, couple)
    if not (shows_details or shows_appreciation):
        return None
    return CheckInView(check_in, False, shows_details, shows_appreciation)


def access_check_in(user: User, check_in_id: int) -> CheckInView:
    check_in = _found(
        CheckIn.objects.filter(id=check_in_id).select_related("author").first(), "check-in"
    )
    if check_in.author_id == user.id:
        return CheckInView(check_in, True, True, True)
    return _found(partner_view(check_in, user, active_couple_of(user)), "check-in")


def own_check_in_on(user: User, day: date) -> CheckIn | None:
    return CheckIn.objects.filter(author=user, day=day).first()


def partner_check_in_on(user: User, day: date) -> CheckInView | None:
    """What this person may see of their partner's check-in for ``day``."""
    couple = active_couple_of(user)
    if couple is None:
        return None
    partner = other_member(couple, user)
    check_in = CheckIn.objects.filter(author=partner, day=day, couple=couple).first()
    return partner_view(check_in, user, couple) if check_in is not None else None


def own_check_ins_between(user: User, first_day: date, last_day: date) -> list[CheckIn]:
    return list(
        CheckIn.objects.filter(author=user, day__gte=first_day, day__lte=last_day).order_by("day")
    )


def own_check_in_days(user: User) -> list[date]:
    return list(CheckIn.objects.filter(author=user).values_list("day", flat=True))


# --- Habits -------------------------------------------------------------------------------


def own_habits(user: User) -> list[Habit]:
    return list(Habit.objects.filter(owner=user).prefetch_related("ticks"))


def partner_shared_habits(user: User) -> list[Habit]:
    """The active habits the current partner chose to share in this couple."""
    couple = active_couple_of(user)
    if couple is None:
        return []
    partner = other_member(couple, user)
    if sharing_paused(partner):
        return []
    return list(
        Habit.objects.filter(
            owner=partner, shared_in=couple, stopped_at__isnull=True
        ).prefetch_related("ticks")
    )


def access_own_habit(user: User, habit_id: int) -> Habit:
    """A habit this person may change: only their own."""
    return _found(Habit.objects.filter(id=habit_id, owner=user).first(), "habit")


def access_habit(user: User, habit_id: int) -> Habit:
    """A habit this person may look at: their own, or one their partner shared with them."""
    habit = _found(Habit.objects.filter(id=habit_id).select_related("owner").first(), "habit")
    if habit.owner_id == user.id:
        return habit
    couple = active_couple_of(user)
    if (
        couple is None
        or habit.shared_in_id != couple.id
        or habit.owner_id != other_member(couple, user).id
        or habit.stopped_at is not None
        or sharing_paused(habit.owner_id)
    ):
        raise Http404("No such habit")
    return habit


# --- The progress log ---------------------------------------------------------------------


def _visible_progress(user: User) -> Q:
    couple = active_couple_of(user)
    own = Q(author=user)
    if couple is None or sharing_paused(other_member(couple, user)):
        return own
    return own | Q(couple=couple)


def progress_log_of(user: User) -> list[ProgressEntry]:
    """What this person sees in the log: everything they wrote, and what their partner wrote
    in the couple they are in now."""
    return list(ProgressEntry.objects.filter(_visible_progress(user)).select_related("author"))


def access_progress_entry(user: User, entry_id: int) -> ProgressEntry:
    return _found(
        (
            ProgressEntry.objects.filter(_visible_progress(user), id=entry_id)
            .select_related("author")
            .first()
        ),
        "entry",
    )


def access_own_progress_entry(user: User, entry_id: int) -> ProgressEntry:
    return _found(ProgressEntry.objects.filter(id=entry_id, author=user).first(), "entry")


# --- The calendar feed --------------------------------------------------------------------


def calendar_feed_of(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(owner=user).first()


def access_calendar_feed_by_token(token: str) -> CalendarFeed:
    """The feed a secret address points to; a wrong or revoked token is simply not found."""
    return _found(
        (
            CalendarFeed.objects.filter(token_digest=token_digest(token))
            .select_related("owner")
            .first()
        ),
        "feed",
    )


# --- Chat analyses ------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisView:
    """An analysis as one viewer may see it."""

    analysis: Analysis
    is_own: bool
    shows_report: bool  # the owner always; the partner once they approved

    @property
    def partner_approved_at(self) -> datetime | None:
        """When the partner approved reading it, as far as this viewer may know."""
        if self.is_own:
            return visible_partner_approval(self.analysis)
        return self.analysis.partner_approved_at


def visible_partner_approval(analysis: Analysis) -> datetime | None:
    """The partner's approval of an analysis, as its uploader may see it: while the partner's
    sharing is paused, it shows as not given yet."""
    if analysis.partner_approved_at is None or analysis.couple is None:
        return analysis.partner_approved_at
    if sharing_paused(other_member(analysis.couple, analysis.owner)):
        return None
    return analysis.partner_approved_at


def _partner_analyses(user: User) -> Q | None:
    couple = active_couple_of(user)
    if couple is None:
        return None
    partner = other_member(couple, user)
    if sharing_paused(partner):
        return None
    return Q(couple=couple, owner=partner)


def analyses_of(user: User) -> list[AnalysisView]:
    """This person's own analyses, and the finished ones their current partner uploaded in
    this couple (whose report shows only once approved)."""
    own = Q(owner=user)
    partner = _partner_analyses(user)
    visible = own | (partner & Q(status=DONE)) if partner is not None else own
    return [
        AnalysisView(
            a, a.owner_id == user.id, a.owner_id == user.id or a.partner_approved_at is not None
        )
        for a in Analysis.objects.filter(visible).select_related("owner")
    ]


def access_own_analysis(user: User, analysis_id: int) -> Analysis:
    """An analysis this person may run again or delete: only one they uploaded."""
    return _found(Analysis.objects.filter(id=analysis_id, owner=user).first(), "analysis")


def access_analysis(user: User, analysis_id: int) -> AnalysisView:
    """An analysis this person may look at: their own, or a finished one their current
    partner uploaded in this couple (with its report only once they approved it)."""
    analysis = _found(
        Analysis.objects.filter(id=analysis_id).select_related("owner").first(), "analysis"
    )
    if analysis.owner_id == user.id:
        return AnalysisView(analysis, True, True)
    couple = active_couple_of(user)
    if (
        couple is None
        or analysis.couple_id != couple.id
        or analysis.owner_id != other_member(couple, user).id
        or analysis.status != DONE
        or sharing_paused(analysis.owner_id)
    ):
        raise Http404("No such analysis")
    return AnalysisView(analysis, False, analysis.partner_approved_at is not None)


def access_analysis_report(user: User, analysis_id: int) -> Analysis:
    """An analysis whose report this person may read."""
    view = access_analysis(user, analysis_id)
    if not view.shows_report or view.analysis.status != DONE:
        raise Http404("No such report")
    return view.analysis


def access_analysis_to_approve(user: User, analysis_id: int) -> Analysis:
    """A partner's finished analysis that this person may approve seeing."""
    view = access_analysis(user, analysis_id)
    if view.is_own:
        raise Http404("No such analysis")
    return view.analysis


def latest_visible_report(user: User) -> Analysis | None:
    """The newest finished analysis whose report this person may read."""
    for view in analyses_of(user):
        if view.shows_report and view.analysis.status == DONE:
            return view.analysis
    return None


# --- Questionnaires ----------------------------------------------------------------------


def own_assessment_responses(user: User, instrument_id: str) -> list[AssessmentResponse]:
    """This person's own results for one questionnaire, newest first."""
    return list(AssessmentResponse.objects.filter(owner=user, instrument_id=instrument_id))


def latest_own_assessment_response(user: User, instrument_id: str) -> AssessmentResponse | None:
    return AssessmentResponse.objects.filter(owner=user, instrument_id=instrument_id).first()


def access_own_assessment_response(user: User, response_id: int) -> AssessmentResponse:
    """A result (answers included) this person may read: only their own."""
    return _found(AssessmentResponse.objects.filter(id=response_id, owner=user).first(), "result")


@dataclass(frozen=True)
class SideBySide:
    """What one person may see of a questionnaire taken together.

    ``partner_scores`` (subscale scores and bands, never answers) is filled only once both
    took it in the current couple; until then the partner's side is simply "not yet"."""

    partner: User
    own: AssessmentResponse | None  # the newest one taken in this couple
    own_before_linking: bool  # taken, but only before this couple: not shared
    partner_scores: dict[str, Any] | None
    partner_completed_at: datetime | None

    @property
    def ready(self) -> bool:
        return self.own is not None and self.partner_scores is not None


def side_by_side_of(user: User, instrument_id: str) -> SideBySide | None:
    """The side-by-side view of one questionnaire, or None for someone not in a couple."""
    couple = active_couple_of(user)
    if couple is None:
        return None
    partner = other_member(couple, user)
    in_couple = AssessmentResponse.objects.filter(instrument_id=instrument_id, couple=couple)
    own = in_couple.filter(owner=user).first()
    shares = own is not None and not sharing_paused(partner)
    theirs = in_couple.filter(owner=partner).first() if shares else None
    return SideBySide(
        partner=partner,
        own=own,
        own_before_linking=own is None
        and AssessmentResponse.objects.filter(owner=user, instrument_id=instrument_id).exists(),
        partner_scores=theirs.scores if theirs is not None else None,
        partner_completed_at=theirs.completed_at if theirs is not None else None,
    )


# --- API tokens ---------------------------------------------------------------------------


def api_tokens_of(user: User) -> list[ApiToken]:
    return list(ApiToken.objects.filter(owner=user))


def access_own_api_token(user: User, api_token_id: int) -> ApiToken:
    return _found(ApiToken.objects.filter(id=api_token_id, owner=user).first(), "token")


def person_with_api_token(token: str) -> User | None:
    """Whom a bearer token stands for; a wrong or revoked token stands for nobody."""
    api_token = (
        ApiToken.objects.filter(token_digest=token_digest(token), owner__is_active=True)
        .select_related("owner")
        .first()
    )
    return api_token.owner if api_token is not None else None


# --- The safety space ---------------------------------------------------------------------


def access_own_safety_event(user: User, event_id: int) -> SafetyEvent:
    """One of this person's own safety events; nobody else's, ever."""
    return _found(SafetyEvent.objects.filter(id=event_id, owner=user).first(), "event")


def access_own_held_item(user: User, held_id: int) -> HeldItem:
    """One of this person's own held entries; nobody else's, ever."""
    return _found(HeldItem.objects.filter(id=held_id, owner=user).first(), "entry")

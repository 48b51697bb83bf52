"""``python -m rekindle.web seed_demo``: a demo couple to try Rekindle with.

Rosa and Theo, the couple of the project's made-up demo chat, get accounts, a linked couple,
eight weeks of daily check-ins, a habit each with its ticks, and the demo chat analysed
through the same job the worker runs (Rosa uploaded it; Theo approved reading it). Running it
again changes nothing but the passwords: each run sets fresh ones and prints them, because
only their hashes are kept.
"""

from __future__ import annotations

import random
import secrets
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from rekindle.demo import demo_chat_path
from rekindle.web.access import active_couple_of
from rekindle.web.accounts.models import User
from rekindle.web.analyses.jobs import run_analysis
from rekindle.web.analyses.models import Analysis
from rekindle.web.analyses.storage import store_upload
from rekindle.web.checkins.models import CheckIn
from rekindle.web.couples.models import Couple
from rekindle.web.habits.actions import do_choose_habit
from rekindle.web.habits.models import HabitTick

DEMO_PEOPLE = (("rosa.demo@example.org", "Rosa"), ("theo.demo@example.org", "Theo"))
DEMO_HABITS = {"Rosa": "specific-thanks", "Theo": "one-small-bid"}
WEEKS = 8
DEMO_NOTES = (
    "A quiet evening together.",
    "Busy day, we barely talked.",
    "Walked to the market and laughed a lot.",
    "Felt a bit distant, then we talked it through.",
    "Cooked together; it felt easy.",
)


class Command(BaseCommand):
    help = "Create (or refresh) the demo couple Rosa and Theo, with their data and report."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--chat",
            type=Path,
            default=None,
            help="Chat export to analyse for the demo (default: the bundled demo chat).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        chat: Path = options["chat"] or demo_chat_path()
        now = timezone.now()
        today = timezone.localdate()
        passwords: dict[str, str] = {}
        with transaction.atomic():
            people = []
            for email, name in DEMO_PEOPLE:
                person = User.objects.filter(email=email).first()
                if person is None:
                    person = User.objects.create_user(
                        email,
                        None,
                        display_name=name,
                        confirmed_adult_at=now,
                        ai_disclosure_accepted_at=now,
                    )
                passwords[email] = secrets.token_urlsafe(12)
                person.set_password(passwords[email])
                person.save(update_fields=["password"])
                people.append(person)
            rosa, theo = people
            couple = active_couple_of(rosa)
            if couple is None or theo.id not in (couple.first_id, couple.second_id):
                if active_couple_of(theo) is not None:
                    self.stderr.write("Theo is linked with someone else; leaving the couple be.")
                    couple = None
                else:
                    couple = Couple.objects.create(first=rosa, second=theo, linked_at=now)
            for person in people:
                self._check_ins(person, couple, today)
                self._habit(person, DEMO_HABITS[person.display_name], today)
            analysis = Analysis.objects.filter(owner=rosa).first()
            if analysis is None:
                stored, size = store_upload([chat.read_bytes()], chat.name)
                analysis = Analysis.objects.create(
                    owner=rosa, couple=couple, file_name=chat.name, upload=stored, upload_size=size
                )
        if analysis.report_json == "":
            self.stdout.write("Analysing the demo chat (this takes a few seconds)...")
            run_analysis(analysis.id)
            Analysis.objects.filter(id=analysis.id, couple__isnull=False).update(
                partner_approved_at=timezone.now()
            )
        analysis.refresh_from_db()
        self.stdout.write(f"Demo couple ready; their chat analysis is {analysis.status}.")
        for email, name in DEMO_PEOPLE:
            self.stdout.write(f"  {name}: sign in as {email} with password {passwords[email]}")

    def _check_ins(self, person: User, couple: Couple | None, today: date) -> None:
        if CheckIn.objects.filter(author=person).exists():
            return
        rng = random.Random(f"rekindle demo {person.email}")
        first = today - timedelta(weeks=WEEKS) + timedelta(days=1)
        rows = []
        for offset in range(WEEKS * 7):
            day = first + timedelta(days=offset)
            if rng.random() < 0.15:  # a missed day now and then, as in life
                continue
            lift = offset / (WEEKS * 7)  # a slow rise over the eight weeks
            mood = min(5, max(1, round(2.5 + 1.5 * lift + rng.uniform(-1, 1))))
            connection = min(10, max(1, round(4 + 4 * lift + rng.uniform(-2, 2))))
            rows.append(
                CheckIn(
                    author=person,
                    day=day,
                    mood=mood,
                    connection=connection,
                    note=rng.choice(DEMO_NOTES),
                    shared_with_partner=rng.random() < 0.5,
                    couple=couple,
                )
            )
        CheckIn.objects.bulk_create(rows)

    def _habit(self, person: User, intervention_id: str, today: date) -> None:
        now = timezone.now()
        habit = do_choose_habit(person, intervention_id, now - timedelta(weeks=WEEKS))
        if habit.ticks.exists():
            return
        rng = random.Random(f"rekindle demo habit {person.email}")
        days = [today - timedelta(days=back) for back in range(WEEKS * 7)]
        HabitTick.objects.bulk_create(
            HabitTick(habit=habit, day=day, ticked_at=now) for day in days if rng.random() < 0.7
        )

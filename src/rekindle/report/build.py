"""Metrics → Report: the figures, what they mean, what to try, and the caveats.

:func:`build` takes what stage 3 measured and what the export summary says about the file,
and returns a :class:`~rekindle.report.document.Report`. With ``quotes=False`` it keeps no
message text at all (no examples, no reasons for unreadable lines): figures only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import PurePath

from rekindle import __version__
from rekindle.ingest.summary import ChatSummary
from rekindle.metrics import Metrics
from rekindle.report.document import (
    Confidence,
    Disclosure,
    EmotionalLabour,
    Evidence,
    Finding,
    Generator,
    Intervention,
    LabourRow,
    LabourValue,
    Line,
    Person,
    Report,
    Series,
    Skipped,
    Source,
    Summary,
    Tone,
    Trends,
    Unit,
)
from rekindle.report.findings import Draft, Names, confidence_level, draft_findings, fade_changes
from rekindle.report.interventions import choose
from rekindle.report.wording import Wording, wording

__all__ = ["build"]

# Findings are shown strengths first, then what is worth a closer look, then context.
TONE_ORDER: dict[Tone, int] = {"strength": 0, "watch": 1, "neutral": 2}
# Interventions are chosen for the patterns to watch first, so they get the best fits.
CHOICE_ORDER: dict[Tone, int] = {"watch": 0, "neutral": 1, "strength": 2}
IDEAS_PER_TONE: dict[Tone, int] = {"watch": 2, "neutral": 1, "strength": 1}
FEW_MESSAGES = 200
KEPT_SKIPPED = 20


def build(
    metrics: Metrics,
    summary: ChatSummary,
    *,
    quotes: bool = True,
    since: date | None = None,
    until: date | None = None,
    created: datetime | None = None,
    language: str = "en",
) -> Report:
    """The report for one conversation.

    ``summary`` describes the export (file, format, dates, unreadable lines) for the messages
    that were read, i.e. within ``since``/``until`` when those are given. ``created`` defaults
    to now (pass it to make the same report twice).
    """
    texts = wording(language)
    people = _people(metrics, summary)
    names: Names = {p.id: p.name for p in people}
    ids = [p.id for p in people]
    drafts = draft_findings(metrics, ids, names)
    findings = _findings(drafts, texts, quotes, language)
    when = created or datetime.now(UTC).replace(microsecond=0)
    disclosure = dict(texts.disclosure)
    return Report(
        generator=Generator("Rekindle", __version__, when.isoformat()),
        disclosure=Disclosure(
            automated=disclosure["automated"],
            emotions=disclosure["emotions"],
            not_therapy=disclosure["not_therapy"],
            privacy=disclosure["privacy" if quotes else "privacy_no_quotes"],
        ),
        source=_source(summary, quotes, since, until),
        participants=tuple(people),
        quotes=quotes,
        summary=_summary(metrics, summary, findings),
        findings=findings,
        emotional_labour=_labour(metrics, ids, texts),
        trends=_trends(metrics, ids, names),
        caveats=_caveats(metrics, summary, texts, drafts, since, until),
    )


def _people(metrics: Metrics, summary: ChatSummary) -> list[Person]:
    words = metrics.activity.words
    people = [
        Person(
            id=p.id,
            name=p.name,
            is_me=p.is_me,
            messages=summary.messages_by_sender.get(p.id, 0),
            words=int(words.get(p.id, 0)),
        )
        for p in summary.participants
    ]
    return [p for p in people if p.messages or p.is_me]


def _source(summary: ChatSummary, quotes: bool, since: date | None, until: date | None) -> Source:
    return Source(
        file=PurePath(summary.source).name or summary.source,
        format=summary.format,
        title=summary.title,
        first=summary.first.isoformat() if summary.first else None,
        last=summary.last.isoformat() if summary.last else None,
        timezone_aware=summary.timezone_aware,
        messages=summary.total,
        kinds=dict(summary.kinds),
        date_order=summary.date_order,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        skipped_lines=summary.skipped_count,
        skipped=tuple(
            Skipped(s.line, s.reason if quotes else None) for s in summary.skipped[:KEPT_SKIPPED]
        ),
        notes=summary.notes,
    )


def _findings(
    drafts: Sequence[Draft], texts: Wording, quotes: bool, language: str
) -> tuple[Finding, ...]:
    ideas: dict[str, tuple[Intervention, ...]] = {}
    used: set[str] = set()
    for draft in sorted(drafts, key=lambda d: CHOICE_ORDER[d.tone]):
        chosen = choose(
            draft.key,
            draft.tone,
            limit=IDEAS_PER_TONE[draft.tone],
            exclude=frozenset(used),
            language=language,
        )
        ideas[draft.key] = chosen
        used.update(i.id for i in chosen)
    findings = []
    for draft in sorted(drafts, key=lambda d: TONE_ORDER[d.tone]):
        text = texts.findings[draft.key]
        findings.append(
            Finding(
                key=draft.key,
                title=text.title,
                tone=draft.tone,
                headline=draft.headline,
                meaning=text.meaning,
                figures=draft.figures,
                evidence=Evidence(text.evidence, text.citations),
                limits=text.limits,
                confidence=Confidence(
                    confidence_level(draft.n, draft.level_basis), draft.n, draft.basis
                ),
                examples=draft.examples if quotes else (),
                what_to_try=ideas[draft.key],
            )
        )
    return tuple(findings)


def _span(summary: ChatSummary) -> str:
    if summary.first is None or summary.last is None:
        return ""
    days = (summary.last - summary.first).days + 1
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    months = round(days / 30.44)
    return f"{months} months"


def _summary(metrics: Metrics, summary: ChatSummary, findings: Sequence[Finding]) -> Summary:
    strengths = [f.headline for f in findings if f.tone == "strength"]
    watch = [f.headline for f in findings if f.tone == "watch"]
    span = _span(summary)
    over = f"Over {span} and {summary.total:,} messages" if span else "In this chat"
    if not findings:
        headline = (
            f"{over}, there is too little to go on for the patterns this report looks at. "
            "The figures below describe the chat itself."
        )
    elif strengths:
        headline = f"{over}, here is what stands out, starting with what is going well."
    else:
        headline = f"{over}, here is what stands out."
    if findings and not strengths and summary.total:
        strengths.append(
            f"You keep talking: {summary.total:,} messages over {span or 'this chat'}."
        )
    episodes = metrics.conflict.n
    if episodes:
        noun = "stretch" if episodes == 1 else "stretches"
        headline += f" We found {episodes:,} {noun} of tension, where the harsher figures are read."
    return Summary(headline=headline, strengths=tuple(strengths), watch=tuple(watch))


def _labour(metrics: Metrics, people: Sequence[str], texts: Wording) -> EmotionalLabour | None:
    labour = metrics.labour
    if len(people) < 2:
        return None
    first, last = metrics.activity.first, metrics.activity.last
    days = (last - first).total_seconds() / 86400 if first and last else 0.0
    weeks = max(days / 7, 1.0)
    rows = []
    for task in labour.tasks:
        label = texts.labour_rows.get(task)
        values = tuple(
            LabourValue(
                participant=p,
                total=int(labour.totals.get(p, {}).get(task, 0)),
                per_week=round(labour.totals.get(p, {}).get(task, 0) / weeks, 2),
            )
            for p in people
        )
        rows.append(
            LabourRow(
                key=task,
                label=label.label if label else task.replace("_", " ").capitalize(),
                description=label.description if label else "",
                values=values,
            )
        )
    return EmotionalLabour(weeks=round(weeks, 1), rows=tuple(rows), note=texts.labour_note)


def _clean(value: float | None) -> float | None:
    if value is None or math.isnan(value) or math.isinf(value):
        return None
    return round(value, 4)


def _trends(metrics: Metrics, people: Sequence[str], names: Names) -> Trends:
    months = metrics.months
    series: list[Series] = []

    def add(
        key: str, label: str, unit: Unit, lines: dict[str | None, dict[str, float | None]]
    ) -> None:
        """A series from month -> value per line, laid out on every month of the report."""
        drawn = tuple(
            Line(who, tuple(_clean(by_month.get(month)) for month in months))
            for who, by_month in lines.items()
        )
        if any(v is not None for line in drawn for v in line.values):
            series.append(Series(key, label, unit, drawn))

    activity = metrics.activity.monthly
    add(
        "messages",
        "Messages a day",
        "per_day",
        {p: {m.month: m.messages.get(p, 0) / m.days for m in activity if m.days} for p in people},
    )
    add(
        "turn_toward",
        "Bids turned toward",
        "percent",
        {
            p: {
                m.month: m.by_responder[p].turn_toward.value
                for m in metrics.bids.monthly
                if p in m.by_responder
            }
            for p in people
        },
    )
    add(
        "affection",
        "Affection",
        "per_100_messages",
        {
            p: {
                m.month: m.by_partner[p]["affection"].value
                for m in metrics.affection.rates.monthly
                if "affection" in m.by_partner.get(p, {})
            }
            for p in people
        },
    )
    add(
        "transactional",
        "Messages that are only logistics",
        "percent",
        {None: {m.month: m.overall.value for m in metrics.transactional.monthly}},
    )
    add(
        "conflicts",
        "Stretches of tension",
        "count",
        {None: {m.month: float(m.total) for m in metrics.conflict.monthly}},
    )
    add(
        "lsm",
        "Style matching",
        "score",
        {None: {m.month: m.match.score for m in metrics.lsm.monthly}},
    )
    return Trends(months=months, series=tuple(series), changes=fade_changes(metrics, names))


def _caveats(
    metrics: Metrics,
    summary: ChatSummary,
    texts: Wording,
    drafts: Sequence[Draft],
    since: date | None,
    until: date | None,
) -> tuple[str, ...]:
    caveats = list(texts.caveats)
    if not summary.timezone_aware:
        caveats.append(texts.caveat_local_time)
    if summary.total < FEW_MESSAGES:
        caveats.append(texts.caveat_few_messages.format(messages=f"{summary.total:,}"))
    if since or until:
        caveats.append(
            texts.caveat_period.format(
                since=since.isoformat() if since else "the start",
                until=until.isoformat() if until else "the end",
            )
        )
    if len(summary.participants) > 2:
        caveats.append(texts.caveat_group)
    caveats.extend(metrics.notes)
    shown = {d.key for d in drafts}
    missing = [
        texts.findings[key].title.lower()
        for key in texts.findings
        if key not in shown and key != "fade"
    ]
    if missing:
        caveats.append(
            "Left out, because there was too little to go on: " + "; ".join(missing) + "."
        )
    return tuple(caveats)

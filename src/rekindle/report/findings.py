"""From metrics to findings: each partner's figures, a tone, a headline and examples.

Each ``_<key>`` function reads one measure of :class:`~rekindle.metrics.Metrics` and returns a
:class:`Draft` (or ``None`` when there is too little to go on). The builder then adds what the
wording file says the finding means, its evidence and limits, and what to try.

How a tone is chosen is written next to each function, with the reasoning. The thresholds are
the project's own reading of the research, kept deliberately wide: a finding is a strength or
worth a closer look only when it is clearly so, and "for context" otherwise.

Headlines name people only when they say something good about them. A pattern worth a closer
look is described as something between the two of you, never as one person's fault; each
person's figures are in the table beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rekindle.metrics import Example as MetricExample
from rekindle.metrics import Exchange, Metrics, Rate
from rekindle.report.document import Example, Figure, Level, Tone, Unit, Value
from rekindle.report.formatting import format_minutes, format_value

__all__ = ["Draft", "Names", "confidence_level", "draft_findings"]

Names = Mapping[str, str]

# Below these counts a finding rests on little (low), then some (medium), then a lot (high).
CONFIDENCE = {
    "messages": (300, 2000),
    "words": (3000, 30000),
    "events": (20, 100),
    "months": (6, 12),
}


def confidence_level(n: int, basis: str) -> Level:
    """How much a figure resting on ``n`` of ``basis`` can be trusted."""
    low, high = CONFIDENCE.get(basis, CONFIDENCE["events"])
    if n < low:
        return "low"
    return "medium" if n < high else "high"


@dataclass(frozen=True)
class Draft:
    """A finding before its fixed wording and interventions are added."""

    key: str
    tone: Tone
    headline: str
    figures: tuple[Figure, ...]
    n: int
    basis: str
    examples: tuple[Example, ...] = ()
    level_basis: str = field(default="events")


def draft_findings(metrics: Metrics, people: Sequence[str], names: Names) -> list[Draft]:
    """Every finding the metrics support, in the report's reading order before sorting."""
    steps: list[Callable[[Metrics, Sequence[str], Names], Draft | None]] = [
        _bids,
        _ratio,
        _horsemen,
        _antidotes,
        _repair,
        _stonewalling,
        _demand_withdraw,
        _initiation,
        _responsiveness,
        _transactional,
        _affection,
        _pronouns,
        _lsm,
        _fade,
    ]
    drafts = [step(metrics, people, names) for step in steps]
    return [d for d in drafts if d is not None]


# -- helpers ---------------------------------------------------------------------------------


def _rate_values(rates: Mapping[str, Rate], people: Sequence[str]) -> tuple[Value, ...]:
    return tuple(Value(p, rates[p].value, rates[p].n) for p in people if p in rates)


def _percent(value: float | None) -> str:
    return format_value(value, "percent")


def _known(values: Sequence[Value]) -> list[float]:
    return [v.value for v in values if v.value is not None]


def _figure(key: str, label: str, unit: Unit, basis: str, values: tuple[Value, ...]) -> Figure:
    return Figure(key=key, label=label, unit=unit, basis=basis, values=values)


def _example(item: MetricExample, label: str, evidence: bool = True) -> Example:
    return Example(
        participant=item.sender,
        timestamp=item.timestamp.isoformat(),
        text=item.text,
        label=label,
        highlight=item.evidence if evidence else None,
    )


def _sure(tone: Tone, n: int, basis: str) -> Tone:
    """``tone``, or "for context" when the finding rests on too little to call it either way."""
    return "neutral" if confidence_level(n, basis) == "low" else tone


def _both(names: Names, people: Sequence[str]) -> tuple[str, str] | None:
    if len(people) != 2:
        return None
    return names.get(people[0], people[0]), names.get(people[1], people[1])


def _interleave(groups: Sequence[Sequence[Example]], limit: int) -> tuple[Example, ...]:
    """Up to ``limit`` examples taking turns between the groups (fair to both people)."""
    chosen: list[Example] = []
    depth = max((len(g) for g in groups), default=0)
    for i in range(depth):
        for group in groups:
            if i < len(group) and len(chosen) < limit:
                chosen.append(group[i])
    return tuple(chosen)


# -- the findings -----------------------------------------------------------------------------

LABELS = {
    "criticism": "Criticism",
    "contempt": "Contempt",
    "defensiveness": "Defensiveness",
    "stonewalling": "Shutting the talk down",
    "minimising": "Brushing feelings aside",
    "backhanded": "Backhanded remarks",
    "unilateral_decision": "Deciding alone",
    "gentle_startup": "Gentle start",
    "appreciation": "Appreciation",
    "taking_responsibility": "Taking responsibility",
    "self_soothing": "Asking for a break",
    "affection": "Affection",
}


def _bids(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: a strength when everyone turned toward at least 75% of the other's bids (the
    couples who stayed together in Gottman and Driver's study were near 86%); worth a closer
    look when anyone turned toward fewer than half (those who parted were near 33%)."""
    bids = metrics.bids
    toward = tuple(
        Value(p, bids.by_responder[p].turn_toward.value, bids.by_responder[p].turn_toward.n)
        for p in people
        if p in bids.by_responder
    )
    known = _known(toward)
    if not known:
        return None
    made = tuple(Value(p, float(bids.made.get(p, 0)), bids.made.get(p, 0)) for p in people)
    figures = (
        _figure("turn_toward", "Bids turned toward", "percent", "bids", toward),
        _figure("bids_made", "Bids made", "count", "bids", made),
    )
    overall = bids.overall.turn_toward.value
    tone: Tone = "neutral"
    if min(known) >= 0.75:
        tone = "strength"
    elif min(known) < 0.5:
        tone = "watch"
    tone = _sure(tone, bids.n, "events")
    pair = _both(names, people)
    by_id = {v.participant: v.value for v in toward}
    if tone != "watch" and pair and None not in by_id.values():
        a, b = pair
        headline = (
            f"{a} turned toward {_percent(by_id[people[0]])} of {b}'s bids, "
            f"and {b} toward {_percent(by_id[people[1]])} of {a}'s."
        )
    elif tone == "watch":
        headline = (
            f"Between you, {_percent(overall)} of bids got a warm answer; the others went "
            "unanswered or got a practical reply."
        )
    else:
        headline = f"Between you, {_percent(overall)} of bids got a warm answer."
    examples = _bid_examples(bids.examples, tone)
    return Draft("bids", tone, headline, figures, bids.n, "bids", examples)


def _bid_examples(exchanges: Mapping[str, tuple[Exchange, ...]], tone: Tone) -> tuple[Example, ...]:
    found: list[Example] = []
    for exchange in exchanges.get("toward", ())[:1]:
        found.append(_example(exchange.message, "A bid"))
        if exchange.reply is not None:
            found.append(_example(exchange.reply, "Turned toward", evidence=False))
    if tone == "watch":
        for exchange in exchanges.get("away", ())[:1]:
            if exchange.reply is None:
                found.append(_example(exchange.message, "A bid that got no reply for a while"))
            else:
                found.append(_example(exchange.message, "A bid"))
                found.append(_example(exchange.reply, "A practical reply", evidence=False))
    return tuple(found)


def _ratio(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone from the everyday ratio: a strength at 5 to 1 or more (the figure for Gottman's
    stable couples) unless disagreements tip below 1 to 1; worth a closer look below 2 to 1,
    which is low for texting, where most messages are neutral or mildly warm. The ratio during
    disagreements alone never decides: tension is what marks a disagreement here, so that
    ratio runs low by construction and compares with the research only in direction."""
    ratio = metrics.ratio
    everyday = tuple(
        Value(p, ratio.by_partner[p].ratio, ratio.by_partner[p].n)
        for p in people
        if p in ratio.by_partner
    )
    tense = tuple(
        Value(p, ratio.in_conflict_by_partner[p].ratio, ratio.in_conflict_by_partner[p].n)
        for p in people
        if p in ratio.in_conflict_by_partner
    )
    overall, conflict = ratio.overall, ratio.in_conflict
    if overall.ratio is None and overall.negative and conflict.ratio is None:
        return None
    if overall.n == 0:
        return None
    figures = [_figure("everyday", "Warm for each tense message", "ratio", "messages", everyday)]
    if _known(tense):
        figures.append(
            _figure("in_conflict", "The same, during disagreements", "ratio", "messages", tense)
        )
    tone: Tone = "neutral"
    if overall.negative == 0 and overall.positive:
        tone = "strength"
        headline = "Warm messages are many, and tense ones are almost absent."
    elif overall.ratio is None:
        return None
    else:
        if overall.ratio >= 5 and (conflict.ratio is None or conflict.ratio >= 1):
            tone = "strength"
        elif overall.ratio < 2:
            tone = "watch"
        shown = format_value(overall.ratio, "ratio")
        headline = f"Overall, there are {shown} warm messages for each tense one"
        if conflict.ratio is not None:
            during = format_value(conflict.ratio, "ratio")
            headline += f"; during disagreements, {during}."
        else:
            headline += "."
    tone = _sure(tone, ratio.n, "messages")
    if tone == "neutral" and overall.ratio is None:
        headline = "There are too few messages yet to weigh warmth against friction."
    return Draft("ratio", tone, headline, tuple(figures), ratio.n, "messages", (), "messages")


def _cue_findings(
    rates: Mapping[str, Mapping[str, Rate]], names_: Sequence[str], people: Sequence[str]
) -> tuple[Figure, ...]:
    figures = []
    for name in names_:
        values = tuple(
            Value(p, rates[p][name].value, rates[p][name].n)
            for p in people
            if p in rates and name in rates[p]
        )
        figures.append(
            _figure(name, LABELS.get(name, name), "per_100_messages", "messages", values)
        )
    return tuple(figures)


def _per_person_total(figures: Sequence[Figure]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for figure in figures:
        for value in figure.values:
            if value.participant is not None and value.value is not None:
                totals[value.participant] = totals.get(value.participant, 0.0) + value.value
    return totals


def _cue_examples(
    examples: Mapping[str, Mapping[str, tuple[MetricExample, ...]]],
    cue_names: Sequence[str],
    people: Sequence[str],
    limit: int,
) -> tuple[Example, ...]:
    groups = []
    for person in people:
        group = []
        for name in cue_names:
            for item in examples.get(person, {}).get(name, ())[:1]:
                group.append(_example(item, LABELS.get(name, name)))
        groups.append(group)
    return _interleave(groups, limit)


def _horsemen(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: a strength when, for everyone, harsh patterns come up less than once per 100
    messages; worth a closer look at 5 or more per 100 for anyone, or any contempt at 1 or
    more per 100 (contempt is the strongest single sign in the research)."""
    horsemen = metrics.horsemen
    harsh = _cue_findings(horsemen.horsemen.by_partner, horsemen.horsemen.names, people)
    others = _cue_findings(horsemen.others.by_partner, horsemen.others.names, people)
    totals = _per_person_total(harsh)
    if not totals:
        return None
    contempt = [v.value for f in harsh if f.key == "contempt" for v in f.values if v.value]
    highest = max(totals.values())
    tone: Tone = "neutral"
    if highest < 1:
        tone = "strength"
    elif highest >= 5 or (contempt and max(contempt) >= 1):
        tone = "watch"
    tone = _sure(tone, horsemen.n, "messages")
    common = max(harsh, key=lambda f: sum(_known(f.values)))
    average = sum(totals.values()) / len(totals)
    if highest < 1:
        headline = "Harsh patterns are rare between you: under 1 in every 100 messages."
    else:
        headline = (
            f"Harsh patterns come up about {format_value(average, 'per_100_messages')} times "
            f"in every 100 messages; {common.label.lower()} is the most common."
        )
    examples: tuple[Example, ...] = ()
    if tone != "strength":
        examples = _cue_examples(horsemen.horsemen.examples, horsemen.horsemen.names, people, 2)
    return Draft(
        "horsemen", tone, headline, harsh + others, horsemen.n, "messages", examples, "messages"
    )


def _antidotes(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: a strength when gentle moves come up at least as often as harsh ones and at
    least once per 100 messages; otherwise for context (a missing antidote is not a fault)."""
    horsemen = metrics.horsemen
    gentle = _cue_findings(horsemen.antidotes.by_partner, horsemen.antidotes.names, people)
    harsh = _cue_findings(horsemen.horsemen.by_partner, horsemen.horsemen.names, people)
    gentle_total = sum(_per_person_total(gentle).values())
    harsh_total = sum(_per_person_total(harsh).values())
    if not _per_person_total(gentle):
        return None
    count = len(_per_person_total(gentle))
    tone: Tone = "neutral"
    if gentle_total >= harsh_total and gentle_total / count >= 1:
        tone = "strength"
    tone = _sure(tone, horsemen.n, "messages")
    shown = format_value(gentle_total / count, "per_100_messages")
    if harsh_total:
        times = gentle_total / harsh_total
        comparison = (
            f"about {times:.1f} for each harsh one" if times >= 1 else "fewer than the harsh ones"
        )
        headline = f"Gentle moves come up about {shown} times per 100 messages, {comparison}."
    else:
        headline = f"Gentle moves come up about {shown} times per 100 messages."
    examples = _cue_examples(horsemen.antidotes.examples, horsemen.antidotes.names, people, 2)
    return Draft("antidotes", tone, headline, gentle, horsemen.n, "messages", examples, "messages")


def _repair(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: a strength when tension eased after at least 60% of repair attempts, worth a
    closer look below 30% (repair that lands is the marker, not the attempt alone)."""
    repair = metrics.repair
    if repair.n == 0:
        return None
    attempts = tuple(
        Value(p, float(repair.by_partner[p].attempts), repair.by_partner[p].attempts)
        for p in people
        if p in repair.by_partner
    )
    accepted = tuple(
        Value(p, repair.by_partner[p].acceptance.value, repair.by_partner[p].acceptance.n)
        for p in people
        if p in repair.by_partner
    )
    overall = repair.overall.acceptance
    together = Value(None, overall.value, overall.n)
    figures = (
        _figure("attempts", "Repair attempts", "count", "attempts", attempts),
        _figure("eased", "Tension eased afterwards", "percent", "repairs", (*accepted, together)),
    )
    tone: Tone = "neutral"
    if overall.value is not None and overall.value >= 0.6:
        tone = "strength"
    elif overall.value is not None and overall.value < 0.3:
        tone = "watch"
    tone = _sure(tone, overall.n, "events")
    if overall.value is None:
        headline = f"There were {repair.n} repair attempts, too few to say how they landed."
    else:
        headline = (
            f"Between you, {repair.n} repair attempts; tension eased after "
            f"{_percent(overall.value)} of them."
        )
    examples = tuple(
        _example(e, "A repair that landed") for e in repair.examples.get("accepted", ())[:2]
    )
    return Draft("repair", tone, headline, figures, overall.n, "repairs", examples)


def _stonewalling(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: worth a closer look when anyone went quiet for hours after half or more of the
    disagreements; a strength when nobody did after more than one in five. No examples: a
    silence has no words to quote, and quoting the message before it would point a finger."""
    stonewalling = metrics.stonewalling
    if stonewalling.n == 0:
        return None
    silent = tuple(
        Value(p, stonewalling.by_partner[p].rate.value, stonewalling.by_partner[p].rate.n)
        for p in people
        if p in stonewalling.by_partner
    )
    known = _known(silent)
    if not known:
        return None
    shutdowns = tuple(
        Value(p, float(stonewalling.by_partner[p].shutdowns), stonewalling.by_partner[p].shutdowns)
        for p in people
        if p in stonewalling.by_partner
    )
    figures = (
        _figure("went_quiet", "Went quiet for hours after tension", "percent", "times", silent),
        _figure(
            "shutdowns", "Shut-down messages in a disagreement", "count", "messages", shutdowns
        ),
    )
    tone: Tone = "neutral"
    if max(known) >= 0.5:
        tone = "watch"
    elif max(known) <= 0.2:
        tone = "strength"
    tone = _sure(tone, stonewalling.n, "events")
    if max(known) >= 0.5:
        headline = "After disagreements, long silences are common between you."
    elif max(known) <= 0.2:
        headline = "After disagreements, you usually write to each other again within hours."
    else:
        headline = "After some disagreements, one of you goes quiet for a few hours."
    return Draft("stonewalling", tone, headline, figures, stonewalling.n, "disagreements")


def _demand_withdraw(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: worth a closer look when half or more of what one person raised met a silence, a
    one-word answer or a change of subject; for context otherwise. Described, never judged."""
    dw = metrics.demand_withdraw
    if dw.n == 0:
        return None
    values = tuple(
        Value(d.demander, d.rate.value, d.rate.n)
        for p in people
        for d in dw.directions
        if d.demander == p
    )
    known = _known(values)
    if not known:
        return None
    figure = _figure(
        "met_withdrawal",
        "What they raised met quiet or a change of subject",
        "percent",
        "requests",
        values,
    )
    tone = _sure("watch" if max(known) >= 0.5 else "neutral", dw.n, "events")
    if max(known) >= 0.5:
        headline = (
            "Often, when one of you raises something, the other goes quiet, answers in a word "
            "or moves on to something else."
        )
    else:
        headline = "Most of what either of you raises gets an answer."
    return Draft("demand_withdraw", tone, headline, (figure,), dw.n, "requests")


def _initiation(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: a strength when nobody starts more than 65% of conversations; worth a closer look
    when one person starts 75% or more (the imbalance, not who it is, is the marker)."""
    initiation = metrics.initiation
    if initiation.n == 0 or len(people) < 2:
        return None
    started = _rate_values(initiation.started, people)
    known = _known(started)
    if not known:
        return None
    unanswered = _rate_values(initiation.unanswered_reach_outs, people)
    figures = (
        _figure("started", "Conversations started", "percent", "conversations", started),
        _figure("unanswered", "Reach-outs left unanswered", "percent", "reach-outs", unanswered),
    )
    tone: Tone = "neutral"
    top = max(known)
    if top >= 0.75:
        tone = "watch"
        headline = f"One of you starts most conversations ({_percent(top)} of them)."
    elif top <= 0.65:
        tone = "strength"
        headline = "You take turns starting conversations."
    else:
        headline = f"One of you starts a little more of the conversations ({_percent(top)})."
    tone = _sure(tone, initiation.n, "events")
    return Draft("initiation", tone, headline, figures, initiation.n, "conversations")


def _responsiveness(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Always for context: reply times follow work and sleep more than care."""
    resp = metrics.responsiveness
    if resp.n == 0:
        return None
    by = resp.by_partner
    median = tuple(
        Value(p, by[p].latency.median_minutes, by[p].latency.replies) for p in people if p in by
    )
    if not _known(median):
        return None
    slow = tuple(
        Value(p, by[p].latency.p90_minutes, by[p].latency.replies) for p in people if p in by
    )
    unanswered = tuple(
        Value(p, by[p].unanswered.value, by[p].unanswered.n) for p in people if p in by
    )
    figures = (
        _figure("median", "Typical reply time", "minutes", "replies", median),
        _figure("p90", "Nine replies in ten come within", "minutes", "replies", slow),
        _figure("unanswered", "Messages that got no reply", "percent", "messages", unanswered),
    )
    parts = [
        f"{names.get(v.participant or '', v.participant)} {format_minutes(v.value)}"
        for v in median
        if v.value is not None
    ]
    headline = "Typical reply times: " + ", ".join(parts) + "."
    return Draft("responsiveness", "neutral", headline, figures, resp.n, "replies")


def _transactional(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: worth a closer look when half or more of all messages are logistics and nothing
    personal; a strength at a quarter or less."""
    share = metrics.transactional
    overall = share.overall
    if overall.value is None:
        return None
    values = (*_rate_values(share.by_partner, people), Value(None, overall.value, overall.n))
    figure = _figure("share", "Messages that are only logistics", "percent", "messages", values)
    tone: Tone = "neutral"
    if overall.value >= 0.5:
        tone = "watch"
    elif overall.value <= 0.25:
        tone = "strength"
    tone = _sure(tone, share.n, "messages")
    headline = (
        f"About {_percent(overall.value)} of your messages are logistics alone; "
        f"the other {_percent(1 - overall.value)} carry something personal."
    )
    return Draft("transactional", tone, headline, (figure,), share.n, "messages", (), "messages")


def _affection(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Tone: a strength when everyone shows affection or appreciation at least 3 times per 100
    messages; for context otherwise (a decline over time is flagged by the fade finding)."""
    affection = metrics.affection
    figures = _cue_findings(affection.rates.by_partner, affection.rates.names, people)
    totals = _per_person_total(figures)
    if not totals:
        return None
    tone = _sure("strength" if min(totals.values()) >= 3 else "neutral", affection.n, "messages")
    average = sum(totals.values()) / len(totals)
    headline = (
        f"Affection and thanks come up about {format_value(average, 'per_100_messages')} "
        "times in every 100 messages."
    )
    examples = _cue_examples(affection.rates.examples, ("affection",), people, 2)
    return Draft(
        "affection", tone, headline, figures, affection.n, "messages", examples, "messages"
    )


def _pronouns(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Always for context: pronoun rates are words, not intentions."""
    pronouns = metrics.pronouns
    by = pronouns.by_partner
    we = tuple(Value(p, by[p].we.value, by[p].words) for p in people if p in by)
    you = tuple(Value(p, by[p].you.value, by[p].words) for p in people if p in by)
    if not _known(we):
        return None
    figures = [
        _figure("we", '"We", "us", "our"', "per_100_words", "words", we),
        _figure("you", '"You", "your"', "per_100_words", "words", you),
    ]
    conflict = pronouns.in_conflict_by_partner
    you_in_conflict = tuple(
        Value(p, conflict[p].you.value, conflict[p].words) for p in people if p in conflict
    )
    if _known(you_in_conflict):
        figures.append(
            _figure(
                "you_in_conflict",
                '"You" during disagreements',
                "per_100_words",
                "words",
                you_in_conflict,
            )
        )
    we_avg = sum(_known(we)) / len(_known(we))
    you_avg = sum(_known(you)) / max(len(_known(you)), 1)
    headline = (
        f'Per 100 words, "we" comes up about {format_value(we_avg, "per_100_words")} times '
        f'and "you" about {format_value(you_avg, "per_100_words")} times.'
    )
    return Draft("pronouns", "neutral", headline, tuple(figures), pronouns.n, "words", (), "words")


def _lsm(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Always for context: the project's word lists are not the study's, so there is no
    threshold to hold a score against."""
    lsm = metrics.lsm
    score = lsm.overall.score
    if score is None:
        return None
    figure = _figure("score", "Style matching", "score", "words", (Value(None, score, lsm.n),))
    headline = f"Your styles of writing match at {score:.2f} on a scale from 0 to 1."
    return Draft("lsm", "neutral", headline, (figure,), lsm.n, "words", (), "words")


FADE_LABELS = {
    "volume": "Messages a day",
    "affection": "Affection per 100 messages",
    "bids": "Bids a day",
    "turn_toward": "Bids turned toward",
    "personal_share": "Share of personal messages",
}


def month_name(month: str) -> str:
    """``2025-03`` as "March 2025"."""
    try:
        return datetime.strptime(month, "%Y-%m").strftime("%B %Y")
    except ValueError:
        return month


def fade_changes(metrics: Metrics, names: Names) -> tuple[str, ...]:
    """One sentence per series with a flagged decline (the chart shows whose line it is)."""
    sentences = []
    for series in metrics.fade.declining:
        trend = series.trend
        label = FADE_LABELS.get(series.name, series.name)
        fall = f" of about {abs(trend.change) * 100:.0f}%" if trend.change is not None else ""
        since = f" since {month_name(trend.since)}" if trend.since else ""
        whose = " together" if series.partner is None else " for one of you"
        sentences.append(f"{label}: a steady fall{fall}{since}{whose}.")
    return tuple(sentences)


def _fade(metrics: Metrics, people: Sequence[str], names: Names) -> Draft | None:
    """Only when a steady decline was flagged; then worth a closer look, early."""
    fade = metrics.fade
    if not fade.declining:
        return None
    figures = []
    for name in FADE_LABELS:
        values = tuple(
            Value(s.partner, s.trend.change, s.trend.months)
            for s in fade.declining
            if s.name == name and s.trend.change is not None
        )
        if values:
            label = f"{FADE_LABELS[name]}: change"
            figures.append(_figure(name, label, "percent", "months", values))
    starts = sorted(s.trend.since for s in fade.declining if s.trend.since)
    since = f" since {month_name(starts[0])}" if starts else ""
    headline = f"Some of what keeps you close has been slowly falling{since}."
    return Draft("fade", "watch", headline, tuple(figures), fade.n, "months", (), "months")

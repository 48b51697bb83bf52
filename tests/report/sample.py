"""A Report built by hand: fixed figures and texts, so renderers can be checked exactly."""

from __future__ import annotations

from rekindle.report.document import (
    Confidence,
    Disclosure,
    EmotionalLabour,
    Evidence,
    Example,
    Figure,
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
    Trends,
    Value,
)

# Message texts quoted by the sample; none may survive redaction.
QUOTES = (
    "Guess what, the bakery on Elm Street finally reopened!",
    "No way!! Let's go on Saturday morning <3",
    "You always leave the dishes for me | every single time",
)

TRY_BID = Intervention(
    id="answer-the-bid",
    title="Answer the bid before the business",
    kind="micro-habit",
    minutes=1,
    steps=("Reply to the news first, even with one line.", "Then add the practical part."),
    why="Turning toward small bids is what stood out in couples who stayed together.",
    citations=("Gottman & Driver, study of 130 newlywed couples",),
)
TRY_GENTLE = Intervention(
    id="gentle-start",
    title="Start gently",
    kind="exercise",
    minutes=10,
    steps=('Rewrite a complaint as "I feel ... about ...; I need ...".',),
    why="A gentle start-up is the antidote to criticism.",
    citations=("The Gottman Method: antidotes to the Four Horsemen",),
)


def sample_report(*, quotes: bool = True) -> Report:
    """Alex and Sam over three months: one strength, one pattern to watch, one neutral."""
    examples_bids = (
        Example("sam", "2024-03-02T09:15:00", QUOTES[0], "A bid: news shared", "Guess what"),
        Example("alex", "2024-03-02T09:17:00", QUOTES[1], "Turned toward", None),
    )
    examples_harsh = (Example("alex", "2024-04-11T21:40:00", QUOTES[2], "Criticism", "You always"),)
    bids = Finding(
        key="bids",
        title="Turning toward each other's bids",
        tone="strength",
        headline="Alex turned toward 88% of Sam's bids, and Sam toward 81% of Alex's.",
        meaning="A bid is a small reach for attention. Turning toward means answering it.",
        figures=(
            Figure(
                key="turn_toward",
                label="Bids turned toward",
                unit="percent",
                basis="bids",
                values=(Value("alex", 0.88, 120), Value("sam", 0.81, 97)),
            ),
        ),
        evidence=Evidence(
            summary="Couples still together six years later turned toward about 86% of bids.",
            citations=("Gottman & Driver, study of 130 newlywed couples",),
        ),
        limits=("A late reply may just mean a busy day.",),
        confidence=Confidence("medium", 217, "bids"),
        examples=examples_bids if quotes else (),
        what_to_try=(TRY_BID,),
    )
    harsh = Finding(
        key="horsemen",
        title="Harsh patterns in disagreements",
        tone="watch",
        headline="Criticism shows up more than the other harsh patterns, mostly from Alex.",
        meaning="Four patterns linked with unhappiness when they become habits.",
        figures=(
            Figure(
                key="criticism",
                label="Criticism",
                unit="per_100_messages",
                basis="messages",
                values=(Value("alex", 1.25, 800), Value("sam", 0.4, 750)),
            ),
            Figure(
                key="contempt",
                label="Contempt",
                unit="per_100_messages",
                basis="messages",
                values=(Value("alex", 0.13, 800), Value("sam", 0.0, 750)),
            ),
        ),
        evidence=Evidence(
            summary="How couples handled conflict told apart those who stayed together.",
            citations=("Gottman, Coan, Carrère & Swanson 1998, J. Marriage and the Family 60(1)",),
        ),
        limits=("Teasing can be counted by mistake.", "Silence has many innocent reasons."),
        confidence=Confidence("high", 1550, "messages"),
        examples=examples_harsh if quotes else (),
        what_to_try=(TRY_GENTLE,),
    )
    timing = Finding(
        key="responsiveness",
        title="Replying to each other",
        tone="neutral",
        headline="Both of you usually reply within a quarter of an hour.",
        meaning="How long each of you takes to reply. Background, not a verdict.",
        figures=(
            Figure(
                key="median_reply",
                label="Typical reply time",
                unit="minutes",
                basis="replies",
                values=(Value("alex", 12.0, 640), Value("sam", 95.0, 610)),
            ),
            Figure(
                key="style_matching",
                label="Style matching (together)",
                unit="score",
                basis="months",
                values=(Value(None, 0.87, 3),),
            ),
        ),
        evidence=Evidence(
            summary="Turning toward needs some response at all.",
            citations=("Gottman & Driver, bids for connection",),
        ),
        limits=("Replies on a call are invisible here.",),
        confidence=Confidence("low", 12, "replies"),
    )
    return Report(
        generator=Generator("Rekindle", "0.1.0", "2024-06-01T12:00:00+00:00"),
        disclosure=Disclosure(
            automated="This report was made by Rekindle, an automated tool that uses AI models.",
            emotions="Rekindle reads emotions and tone from the words of your messages.",
            not_therapy="Rekindle is not therapy and does not diagnose anyone.",
            privacy="This report was made on your own computer and nothing was sent anywhere.",
        ),
        source=Source(
            file="chat.txt",
            format="whatsapp",
            title="Sam & Alex",
            first="2024-03-01T08:00:00",
            last="2024-05-30T22:10:00",
            timezone_aware=False,
            messages=1550,
            kinds={"text": 1500, "media": 50},
            date_order="dmy",
            since=None,
            until=None,
            skipped_lines=1,
            skipped=(Skipped(3, "text before the first message header" if quotes else None),),
            notes=(),
        ),
        participants=(
            Person("alex", "Alex", True, 800, 6400),
            Person("sam", "Sam | 🌻", False, 750, 5900),
        ),
        quotes=quotes,
        summary=Summary(
            headline="Across three months and 1,550 messages: start with what is going well.",
            strengths=(bids.headline,),
            watch=(harsh.headline,),
        ),
        findings=(bids, harsh, timing),
        emotional_labour=EmotionalLabour(
            weeks=13.0,
            rows=(
                LabourRow(
                    "check_in",
                    "Asking how the other feels",
                    'Messages like "are you okay?"',
                    (LabourValue("alex", 9, 0.7), LabourValue("sam", 26, 2.0)),
                ),
                LabourRow(
                    "apology",
                    "Apologising after tension",
                    "An apology during or after a disagreement.",
                    (LabourValue("alex", 4, 0.3), LabourValue("sam", 3, 0.2)),
                ),
            ),
            note="Counts of messages that do some of the quiet caring work.",
        ),
        trends=Trends(
            months=("2024-03", "2024-04", "2024-05"),
            series=(
                Series(
                    "messages",
                    "Messages per month",
                    "count",
                    (Line("alex", (310.0, 260.0, 230.0)), Line("sam", (290.0, 250.0, 210.0))),
                ),
                Series(
                    "turn_toward",
                    "Bids turned toward",
                    "percent",
                    (Line("alex", (0.9, 0.86, None)), Line("sam", (0.84, 0.8, 0.79))),
                ),
            ),
            changes=("Messages fell from about 600 a month to about 440.",),
        ),
        caveats=(
            "These figures describe patterns, not predictions.",
            "A chat export is one part of a relationship.",
        ),
    )

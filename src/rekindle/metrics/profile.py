"""What the metrics need to know about one message, as bits of one integer.

Each cue the metrics read gets a bit; a few more bits are derived from cues, sentiment and the
conversation around the message (whether it is tense, warm, transactional...). Counting
messages per month, partner and profile is then one dictionary update per message, and every
per-message rate is read from those counts at the end.

Cues not listed here (``emotion``, safety cues, cues added later) are ignored, and
:data:`DETECTORS_READ` names the detectors whose output is read.
"""

from __future__ import annotations

from collections.abc import Mapping

CUE_NAMES = (
    "affection",
    "apology",
    "appreciation",
    "backhanded",
    "bid",
    "break_request",
    "check_in",
    "comfort",
    "contempt",
    "criticism",
    "defensiveness",
    "gentle_startup",
    "gratitude",
    "logistics",
    "minimising",
    "question",
    "remembering_dates",
    "repair_attempt",
    "serious_talk",
    "stonewalling_marker",
    "taking_responsibility",
    "unilateral_decision",
    "positive",
    "negative",
)
CUE_BITS: Mapping[str, int] = {name: 1 << i for i, name in enumerate(CUE_NAMES)}
# The cue detectors whose output the metrics read: each lexicon cue above (a lexicon detector
# is named after its cue), the sentiment detector (its "positive"/"negative" cues and score:
# tension, the positive-to-negative ratio) and the word counts (we-talk, style matching).
# The others (emotions, safety) are not read, so an analysis need not run them.
DETECTORS_READ = (
    "sentiment",
    *(name for name in CUE_NAMES if name not in ("positive", "negative")),
    "function_words",
)

AFFECTION = CUE_BITS["affection"]
APOLOGY = CUE_BITS["apology"]
APPRECIATION = CUE_BITS["appreciation"]
BACKHANDED = CUE_BITS["backhanded"]
BID = CUE_BITS["bid"]
BREAK_REQUEST = CUE_BITS["break_request"]
CHECK_IN = CUE_BITS["check_in"]
COMFORT = CUE_BITS["comfort"]
CONTEMPT = CUE_BITS["contempt"]
CRITICISM = CUE_BITS["criticism"]
DEFENSIVENESS = CUE_BITS["defensiveness"]
GENTLE_STARTUP = CUE_BITS["gentle_startup"]
GRATITUDE = CUE_BITS["gratitude"]
LOGISTICS = CUE_BITS["logistics"]
MINIMISING = CUE_BITS["minimising"]
QUESTION = CUE_BITS["question"]
REMEMBERING_DATES = CUE_BITS["remembering_dates"]
REPAIR_ATTEMPT = CUE_BITS["repair_attempt"]
SERIOUS_TALK = CUE_BITS["serious_talk"]
STONEWALLING_MARKER = CUE_BITS["stonewalling_marker"]
TAKING_RESPONSIBILITY = CUE_BITS["taking_responsibility"]
UNILATERAL_DECISION = CUE_BITS["unilateral_decision"]
POSITIVE_SENTIMENT = CUE_BITS["positive"]
NEGATIVE_SENTIMENT = CUE_BITS["negative"]

_NEXT = 1 << len(CUE_NAMES)
READ = _NEXT  # a text or media message: the cue stage read it
CALL = _NEXT << 1  # a call (a way of answering, with no text)
HEATED = _NEXT << 2  # strongly negative sentiment addressed to the partner
SHUTDOWN = _NEXT << 3  # a stonewalling marker while a conflict is going on
TENSION = _NEXT << 4  # hostile, heated, or a shut-down in conflict
POSITIVE = _NEXT << 5  # counts on the positive side of the ratio
NEGATIVE = _NEXT << 6  # counts on the negative side of the ratio
TRANSACTIONAL = _NEXT << 7  # logistics and nothing personal
APOLOGY_AFTER_CONFLICT = _NEXT << 8  # an apology within a day of a tense message

HOSTILE = CRITICISM | CONTEMPT | DEFENSIVENESS | MINIMISING | BACKHANDED
WARM = (
    AFFECTION
    | APPRECIATION
    | GRATITUDE
    | COMFORT
    | APOLOGY
    | REPAIR_ATTEMPT
    | TAKING_RESPONSIBILITY
    | CHECK_IN
    | REMEMBERING_DATES
)
PERSONAL = WARM | BID | HOSTILE | GENTLE_STARTUP | SERIOUS_TALK | BREAK_REQUEST
REPAIR = REPAIR_ATTEMPT | APOLOGY | TAKING_RESPONSIBILITY | BREAK_REQUEST
DEMAND = CRITICISM | GENTLE_STARTUP | SERIOUS_TALK


def cue_flags(names: tuple[str, ...]) -> int:
    """The bits of some cue names (unknown names are ignored)."""
    flags = 0
    for name in names:
        flags |= CUE_BITS.get(name, 0)
    return flags


def valence(flags: int) -> int:
    """+1 positive, -1 negative, 0 neutral: hostility first, then warmth, then sentiment."""
    if flags & (HOSTILE | HEATED | SHUTDOWN):
        return -1
    if flags & WARM:
        return 1
    if flags & POSITIVE_SENTIMENT:
        return 1
    if flags & NEGATIVE_SENTIMENT:
        return -1
    return 0


# How a partner's reply receives a bid or a request.
TOWARD = 0
AWAY = 1
AGAINST = 2


def reception(flags: int) -> int:
    """Whether a reply turns toward, away from or against the message before it.

    Hostile or heated replies turn against; a curt shut-down, or a reply that is only
    logistics (a change of subject), turns away; anything else engages.
    """
    if flags & (HOSTILE | HEATED):
        return AGAINST
    if flags & (STONEWALLING_MARKER | TRANSACTIONAL):
        return AWAY
    return TOWARD

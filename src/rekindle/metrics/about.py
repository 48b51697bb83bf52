"""What each metric rests on and what it cannot see, in the words docs/metrics.md repeats.

``tests/metrics/test_docs.py`` checks that docs/metrics.md has a ``##`` heading per metric with
this evidence and these limits word for word, so the report and the docs never drift apart.
"""

from __future__ import annotations

from rekindle.metrics.records import About

TEXT_ONLY = (
    "Text is not face-to-face talk, sarcasm and in-jokes are hard to read, and one export is "
    "not the whole relationship."
)

ACTIVITY = About(
    key="activity",
    title="Activity",
    evidence="Context for every other metric: how much each person wrote, and when.",
    limits="Volume says nothing about closeness on its own; couples who live together or talk "
    "by phone write less. " + TEXT_ONLY,
)
CONFLICT = About(
    key="conflict",
    title="Conflict episodes",
    evidence="Gottman's ratio and Horsemen findings are about behaviour during conflict "
    "(Gottman, Coan, Carrère & Swanson 1998, J. Marriage & Family 60(1)); the episodes are "
    "where those measures are read.",
    limits="An episode is where tense messages cluster in time; a disagreement held calmly, "
    "or one carried on in person, is not seen, and banter full of mock insults can look like "
    "a fight. " + TEXT_ONLY,
)
BIDS = About(
    key="bids",
    title="Bids for connection",
    evidence="Gottman & Driver's newlywed study (130 couples): couples still married six years "
    "later had turned toward about 86% of bids, couples who divorced about 33% (secondary "
    "sources; one quotes 87%).",
    limits="Only bids the cue lexicon recognises are counted (a photo without a caption is "
    "not); a reply after the response window counts as turning away even when it was warm, "
    "and a reply in person or by phone is not seen. " + TEXT_ONLY,
)
RATIO = About(
    key="ratio",
    title="Positive-to-negative ratio",
    evidence="Stable couples show about 5 positive to 1 negative during conflict, couples "
    "headed for divorce about 0.8 to 1 (Gottman; secondary sources); a ratio model of "
    "satisfaction was supported in Gottman, Coan, Carrère & Swanson 1998, J. Marriage & Family "
    "60(1).",
    limits="Gottman's ratio counts coded behaviour in face-to-face conflict; here it counts "
    "messages by their cues and sentiment, so the figures are comparable only in direction, not "
    "in size. Everyday texting is mostly neutral or mildly positive, so the ratio outside "
    "conflict runs high. " + TEXT_ONLY,
)
HORSEMEN = About(
    key="horsemen",
    title="Four Horsemen and antidotes",
    evidence="Gottman, Coan, Carrère & Swanson 1998: newlywed interaction predicted divorce vs "
    "stability with 83% accuracy; contempt is described as the strongest single predictor. The "
    "antidotes (gentle start-up, appreciation, taking responsibility, self-soothing) come from "
    "the Gottman Method and are counted beside them.",
    limits="Cues are phrases, so tone is missed: a teasing 'you always do this' counts as "
    "criticism, and a cold remark in polite words does not. Stonewalling here is a shut-down "
    "message during a conflict; silences are under 'Stonewalling: silence after conflict'. "
    + TEXT_ONLY,
)
REPAIR = About(
    key="repair",
    title="Repair attempts",
    evidence="Gottman: in couples who do well, repair attempts succeed; repair success is the "
    "marker, not the attempt alone.",
    limits="Acceptance is read from whether the next few messages are less negative than the "
    "few before, whoever wrote them; a repair that worked later, or in person, is not seen. "
    + TEXT_ONLY,
)
PRONOUNS = About(
    key="pronouns",
    title="We-talk and you-talk",
    evidence="Seider et al. 2009, Psychology & Aging 24 (154 couples): we-words went with more "
    "positive behaviour and lower arousal, me/you-words with more negative behaviour. Karan, "
    "Rosenthal & Robbins 2019 meta-analysis (30 studies, about 5,300 people): we-talk is linked "
    "to better relationship functioning. Meier et al. 2021 (365 couples): you-talk was negative "
    "in every task.",
    limits="'You' is also friendly ('love you', 'how are you?') and 'we' can mean 'the family' "
    "or 'my team'; the rates are word counts, not meanings. " + TEXT_ONLY,
)
LSM = About(
    key="lsm",
    title="Language style matching",
    evidence="Ireland et al. 2011, Psychological Science 22: language style matching in 86 "
    "couples' instant messages predicted still being together three months later (76.7% of "
    "high-matching vs 53.5% of low-matching couples).",
    limits="The word lists are the project's own, not LIWC's, so scores are not on LIWC's "
    "scale; matching rises with the amount of text and with shared topics, and a month with few "
    "words gives no score. " + TEXT_ONLY,
)
INITIATION = About(
    key="initiation",
    title="Initiation and unanswered reach-outs",
    evidence="Imbalance is the marker: one partner becomes the pursuer who keeps reaching out, "
    "the other withdraws (research.md §2, Initiation and reach-out).",
    limits="A conversation starts after an idle gap, so a couple who text all day have few "
    "starts; reaching out by phone or in person is not seen, and an unanswered message may have "
    "been answered face to face. " + TEXT_ONLY,
)
RESPONSIVENESS = About(
    key="responsiveness",
    title="Response times",
    evidence="Turning toward needs a response at all; latency is context, never a verdict "
    "(research.md §2, Responsiveness).",
    limits="Reply times follow work, sleep and time zones more than care; only replies within "
    "the idle gap are timed. " + TEXT_ONLY,
)
STONEWALLING = About(
    key="stonewalling",
    title="Stonewalling: silence after conflict",
    evidence="Gottman, Coan, Carrère & Swanson 1998: stonewalling is one of the Four Horsemen; "
    "in text it shows as no reply during conflict, one-word shut-downs and long silences after "
    "conflict.",
    limits="A pause can be a healthy break (taking time to calm down is an antidote), and "
    "people who live together may carry on in person; the silence is measured, the reason is "
    "not known. " + TEXT_ONLY,
)
LABOUR = About(
    key="labour",
    title="Emotional labour",
    evidence="Sex Roles 2022 and similar work: emotional labour is often carried unevenly, and "
    "imbalance goes with resentment and burnout.",
    limits="Only the kinds of care that show in words are counted (check-ins, starting serious "
    "talks, comforting, remembering dates, apologising after tension); the care done off the "
    "phone is not, and neither is who plans and remembers without writing it. " + TEXT_ONLY,
)
TRANSACTIONAL = About(
    key="transactional",
    title="Transactional share",
    evidence="Couple-survey figures: about 40% of couples report under 30 minutes a day of "
    "meaningful conversation (WithOurs 2024; a weak source, used only as context).",
    limits="Logistics are part of a shared life, not a problem in themselves; a message counts "
    "as transactional only when it has a logistics cue and nothing personal. " + TEXT_ONLY,
)
AFFECTION = About(
    key="affection",
    title="Affection and appreciation",
    evidence="Part of the culture of appreciation that the Gottman Method counts as an "
    "antidote (research.md §2, Affection and appreciation).",
    limits="Couples differ in how much affection they put into words; pet names and emoji "
    "outside the lexicon are missed. " + TEXT_ONLY,
)
DEMAND_WITHDRAW = About(
    key="demand_withdraw",
    title="Demand–withdraw",
    evidence="A well-established pattern in conflict research; its meaning depends on context "
    "(Ross et al. 2019, JPSP), so it is described, not judged.",
    limits="A request left unanswered may have been answered in person, and a short reply may "
    "be agreement; the pattern is counted, its reasons are not known. " + TEXT_ONLY,
)
FADE = About(
    key="fade",
    title="The slow fade",
    evidence="Disconnection usually fades in slowly rather than breaking; a trend test on the "
    "monthly series shows a sustained decline (research.md §2, The slow fade).",
    limits="Life changes (moving in together, a new baby, a new job) change how a couple text "
    "without any change in closeness; a decline is described, never read as a verdict, and a "
    "short or patchy history gives no trend. " + TEXT_ONLY,
)

ALL = (
    ACTIVITY,
    CONFLICT,
    BIDS,
    RATIO,
    HORSEMEN,
    REPAIR,
    PRONOUNS,
    LSM,
    INITIATION,
    RESPONSIVENESS,
    STONEWALLING,
    LABOUR,
    TRANSACTIONAL,
    AFFECTION,
    DEMAND_WITHDRAW,
    FADE,
)

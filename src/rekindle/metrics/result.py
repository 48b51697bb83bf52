"""The metrics of one conversation: one field per measure of research.md §2."""

from __future__ import annotations

from dataclasses import dataclass

from rekindle.metrics.activity import ActivityMetrics
from rekindle.metrics.affection import AffectionMetrics
from rekindle.metrics.bids import BidMetrics
from rekindle.metrics.conflict import ConflictMetrics
from rekindle.metrics.demand_withdraw import DemandWithdrawMetrics
from rekindle.metrics.fade import FadeMetrics
from rekindle.metrics.horsemen import HorsemenMetrics
from rekindle.metrics.initiation import InitiationMetrics
from rekindle.metrics.labour import LabourMetrics
from rekindle.metrics.lsm import LsmMetrics
from rekindle.metrics.pronouns import PronounMetrics
from rekindle.metrics.ratio import RatioMetrics
from rekindle.metrics.repair import RepairMetrics
from rekindle.metrics.responsiveness import ResponsivenessMetrics
from rekindle.metrics.settings import MetricSettings
from rekindle.metrics.stonewalling import StonewallingMetrics
from rekindle.metrics.transactional import TransactionalMetrics
from rekindle.model import Participant


@dataclass(frozen=True, slots=True)
class Metrics:
    """Everything stage 3 measured. Per-person values are keyed by participant id, in the
    order of ``participants``; monthly series cover every month in ``months``."""

    participants: tuple[Participant, ...]
    pair: tuple[str, str] | None  # the two people who wrote most (the couple, in a couple's chat)
    notes: tuple[str, ...]  # what the reader should know about the data (in plain words)
    settings: MetricSettings
    months: tuple[str, ...]  # YYYY-MM, from the first message's month to the last's
    activity: ActivityMetrics
    conflict: ConflictMetrics
    bids: BidMetrics
    ratio: RatioMetrics
    horsemen: HorsemenMetrics
    repair: RepairMetrics
    pronouns: PronounMetrics
    lsm: LsmMetrics
    initiation: InitiationMetrics
    responsiveness: ResponsivenessMetrics
    stonewalling: StonewallingMetrics
    labour: LabourMetrics
    transactional: TransactionalMetrics
    affection: AffectionMetrics
    demand_withdraw: DemandWithdrawMetrics
    fade: FadeMetrics

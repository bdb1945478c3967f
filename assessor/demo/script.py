"""The steps of a demo learner's story, as plain data; the runner carries each out through the services.

Steps name evidence by a key local to the story and standards by URN. The acting person of each
step is the real one: the learner adds, maps, revises, submits and countersigns their evidence; the
assessor of the standard records observations, reviews, corrects and signs off; its IQA checks samples.
"""
from dataclasses import dataclass, field

from .files import ChartFile, PdfFile

CREATIVE = "SKSCMGS11"
POST_PRODUCTION = "LOCAL-SKSPP06"
RELATIONS = "LOCAL-CFACSB15"
CONTACT_CENTRE = "LOCAL-CCNEEDS01"
OPERATIONS = "LOCAL-CSOPS01"

#: {URN: {criterion ref: the author's note on how the evidence shows it}}
Claims = dict[str, dict[str, str]]


@dataclass(frozen=True)
class Item:
    """An evidence item as its author adds it: a draft with its files and the criteria it claims."""

    key: str
    kind: str
    title: str
    #: days after the cohort's start that the activity took place
    day: int
    body: str = ""
    description: str = ""
    #: (name, role, contact) for a witness testimony
    witness: tuple[str, str, str] | None = None
    files: tuple[PdfFile | ChartFile, ...] = ()
    claims: Claims = field(default_factory=dict)


@dataclass(frozen=True)
class Submit:
    key: str


@dataclass(frozen=True)
class Revise:
    """The learner rewrites a referred item's text before submitting it again."""

    key: str
    body: str


@dataclass(frozen=True)
class Review:
    """The assessor decides every criterion the item claims on one standard: met, unless listed as not yet met."""

    key: str
    urn: str
    feedback: str
    #: {ref: what the learner still needs to show}
    not_yet: dict[str, str] = field(default_factory=dict)
    #: {ref: feedback on a met criterion}
    comments: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Correct:
    """The assessor corrects one decision of the item's latest review, with a reason."""

    key: str
    urn: str
    ref: str
    outcome: str
    feedback: str
    reason: str


@dataclass(frozen=True)
class SignOff:
    urn: str


@dataclass(frozen=True)
class Countersign:
    urn: str


@dataclass(frozen=True)
class Check:
    """The IQA agrees, or refers back with an action, the sample of the item's latest review (when the plan drew it)."""

    key: str
    urn: str
    outcome: str
    comment: str
    action: str = ""


@dataclass(frozen=True)
class Respond:
    """The assessor answers the IQA's referral of that sample."""

    key: str
    urn: str
    response: str


Step = Item | Submit | Revise | Review | Correct | SignOff | Countersign | Check | Respond


@dataclass(frozen=True)
class Story:
    """What happens in one learner's portfolio, in order."""

    email: str
    steps: tuple[Step, ...]

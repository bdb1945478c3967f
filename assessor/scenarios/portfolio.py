"""The debrief of a finished attempt, the criteria it touched, and adding it to the learner's portfolio."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..core.acts import Refused
from ..evidence.fields import LOCAL_TIME
from ..evidence.mapping import claimable_criteria, learner_enrolments, set_mapping
from ..evidence.models import SCENARIO, Evidence
from ..evidence.services import create_evidence
from ..i18n import generated_text
from ..standards.models import Criterion, Standard
from . import engine
from .catalogue import scenario_of
from .format import Criterion as CitedCriterion
from .models import Attempt
from .transcript import Meter, Transcript, meters, steps_of, transcript_of, walk

REFLECTION_MIN, REFLECTION_MAX = 50, 5000
#: the note on each criterion a scenario claims; stored as worded for the learner, read in each reader's language
SCENARIO_NOTE = generated_text(_l("From the scenario (%(ref)s): see the transcript."))


@dataclass(frozen=True)
class TouchedCriterion:
    urn: str
    ref: str
    text: str
    #: the language of `text` ("cy" or "en")
    lang: str
    #: the criterion a claim goes to (a sub-item's parent) in the learner's enrolled standard, if any
    claim_id: int | None
    position: int = 0


@dataclass(frozen=True)
class Debrief:
    transcript: Transcript
    meters: list[Meter]
    shown: list[TouchedCriterion]
    failed: list[TouchedCriterion]
    evidence: Evidence | None


def debrief(session: Session, attempt: Attempt, language: str) -> Debrief:
    """The path, the feedback, the outcome and the criteria a finished attempt touched."""
    scenario = scenario_of(attempt.scenario_version)
    steps = steps_of(attempt)
    _turns, state = walk(scenario, steps, language)
    touched = engine.criteria_touched(scenario, steps)
    enrolled = [enrolment.standard for enrolment in learner_enrolments(session, attempt.learner_id)]
    evidence = session.get(Evidence, attempt.evidence_id) if attempt.evidence_id else None
    return Debrief(transcript_of(attempt, language), meters(scenario, state.variables, language),
                   resolve_criteria(session, touched.shown, enrolled, language),
                   resolve_criteria(session, touched.failed, enrolled, language), evidence)


def resolve_criteria(session: Session, cited: Iterable[CitedCriterion], enrolled: list[Standard],
                     language: str) -> list[TouchedCriterion]:
    """Each cited criterion with its text; read in the learner's enrolled version of the standard where there is one."""
    by_urn = {standard.urn: standard for standard in enrolled}
    found = []
    for criterion in cited:
        standard = by_urn.get(criterion.urn) or _standard(session, criterion.urn, criterion.version)
        row = _criterion(session, standard, criterion.ref)
        if row is None:
            found.append(TouchedCriterion(criterion.urn, criterion.ref, "", language, None))
            continue
        english = language == "en" and bool(row.text_en)
        claim = (row.parent or row).id if criterion.urn in by_urn else None
        found.append(TouchedCriterion(criterion.urn, criterion.ref, row.text_en if english else row.text,
                                      "en" if english else standard.language, claim, row.position))
    return sorted(found, key=lambda item: (item.urn, item.position, item.ref))


def _standard(session: Session, urn: str, version: str) -> Standard | None:
    return session.scalar(select(Standard).where(Standard.urn == urn, Standard.version == version))


def _criterion(session: Session, standard: Standard | None, ref: str) -> Criterion | None:
    if standard is None:
        return None
    return session.scalar(select(Criterion).where(Criterion.standard_id == standard.id, Criterion.ref == ref))


def checked_reflection(reflection: str | None) -> str:
    reflection = (reflection or "").replace("\r\n", "\n").strip()
    if len(reflection) < REFLECTION_MIN:
        raise Refused(_("Write a reflection of at least %(minimum)d characters: what went well, and what you "
                            "would do differently.", minimum=REFLECTION_MIN), field="reflection")
    if len(reflection) > REFLECTION_MAX:
        raise Refused(_("Keep your reflection to %(maximum)s characters or fewer.", maximum=f"{REFLECTION_MAX:,}"),
                          field="reflection")
    return reflection


def save_reflection(session: Session, learner: User, attempt: Attempt, reflection: str) -> None:
    _check_finished_and_own(learner, attempt)
    attempt.reflection = checked_reflection(reflection)
    session.flush()


def add_to_portfolio(session: Session, learner: User, attempt: Attempt, reflection: str, language: str) -> Evidence:
    """A draft scenario-transcript evidence item, claiming the touched criteria of the learner's standards; once only."""
    _check_finished_and_own(learner, attempt)
    if attempt.evidence_id is not None:
        return session.get(Evidence, attempt.evidence_id)
    attempt.reflection = checked_reflection(reflection)
    report = debrief(session, attempt, language)
    title = _("Scenario: %(title)s", title=report.transcript.title)[:200]
    details = {"attempt_id": attempt.id, "scenario_id": report.transcript.scenario_id,
               "scenario_version": report.transcript.version, "outcome": attempt.outcome}
    description = _("Transcript of my attempt at the simulated client scenario “%(title)s”. Outcome: %(outcome)s.",
                    title=report.transcript.title, outcome=(report.transcript.ending or {}).get("outcome_label", ""))
    evidence = create_evidence(session, learner, learner, kind=SCENARIO, title=title,
                               activity_date=attempt.finished_at.astimezone(LOCAL_TIME).date(),
                               description=description, body=attempt.reflection, details=details)
    claimable = claimable_criteria(session, learner_enrolments(session, learner.id))
    claims = {item.claim_id: _note(item) for item in report.shown if item.claim_id in claimable}
    if claims:
        set_mapping(session, learner, evidence, claims, expected_version=evidence.version)
    attempt.evidence_id = evidence.id
    session.flush()
    return evidence


def _note(item: TouchedCriterion) -> str:
    return str(SCENARIO_NOTE) % {"ref": item.ref}


def _check_finished_and_own(learner: User, attempt: Attempt) -> None:
    if attempt.learner_id != learner.id:
        raise Refused(_("Only the learner who played an attempt can reflect on it."))
    if attempt.finished_at is None:
        raise Refused(_("Finish the conversation first: the debrief comes at its end."))


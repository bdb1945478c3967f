"""Notifications listen to evidence, assessment and the IQA (and, in scenario_subscribers, to scenarios): each event
tells the person it concerns, as they chose."""
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..assessment.events import countersigned, evidence_decided, signed_off
from ..assessment.models import SignOff
from ..assessment.progress import active_sign_off
from ..cohorts.models import Enrolment
from ..evidence.access import assigned_ids
from ..evidence.events import witness_signed
from ..evidence.models import REFERRED, Submission
from ..evidence.witness_models import WitnessRequest
from ..iqa.events import referral_answered, sample_decided
from ..iqa.models import REFERRED as SAMPLE_REFERRED
from ..iqa.models import Sample
from . import kinds, scenario_subscribers  # noqa: F401  (connects the scenarios' receivers)
from .links import current_delivery
from .services import notify


def standard_names(enrolment: Enrolment) -> dict[str, str]:
    standard = enrolment.standard
    english = standard.title_en or standard.title
    return {"cy": standard.title if standard.language == "cy" else english, "en": english}


@evidence_decided.connect
def _evidence_decided(submission: Submission, *, session: Session, outcome: str) -> None:
    evidence = submission.evidence
    kind = kinds.REFERRED if outcome == REFERRED else kinds.ASSESSED
    params = {"reference": evidence.reference, "title": evidence.title}
    notify(session, current_delivery(), evidence.learner, kind, params, "evidence.show", learner_id=evidence.learner_id, number=evidence.number)


@signed_off.connect
def _awaiting_countersignature(enrolment: Enrolment, *, session: Session) -> None:
    signed = active_sign_off(session, enrolment.id)
    assessor = session.get(User, signed.assessor_id)
    params = {"assessor": assessor.name, "standard": standard_names(enrolment)}
    notify(session, current_delivery(), enrolment.member.learner, kinds.AWAITING_COUNTERSIGNATURE, params,
           "assessment.countersign", sign_off_id=signed.id)


@countersigned.connect
def _countersigned(sign_off: SignOff, *, session: Session) -> None:
    enrolment = sign_off.enrolment
    params = {"learner": enrolment.member.learner.name, "standard": standard_names(enrolment)}
    notify(session, current_delivery(), session.get(User, sign_off.assessor_id), kinds.COUNTERSIGNED, params,
           "assessment.sign_off_record", sign_off_id=sign_off.id)


def sample_params(sample: Sample) -> dict:
    return {"reference": sample.review.submission.evidence.reference, "learner": sample.enrolment.member.learner.name,
            "standard": standard_names(sample.enrolment)}


@sample_decided.connect
def _iqa_referral(sample: Sample, *, session: Session) -> None:
    if sample.status != SAMPLE_REFERRED:
        return
    params = sample_params(sample) | {"iqa": sample.decided_by.name if sample.decided_by else "", "action": sample.action}
    notify(session, current_delivery(), sample.assessor, kinds.IQA_REFERRAL, params, "iqa.respond", sample_id=sample.id)


@referral_answered.connect
def _referral_answered(sample: Sample, *, session: Session) -> None:
    iqa = sample.decided_by or sample.enrolment.iqa
    params = sample_params(sample) | {"assessor": sample.assessor.name}
    notify(session, current_delivery(), iqa, kinds.IQA_RESPONSE, params, "iqa.sample", sample_id=sample.id)


def witness_told(session: Session, request: WitnessRequest) -> list[User]:
    """The learner, and the learner's assessor when it was they who asked the witness."""
    learner, asker = request.evidence.learner, request.requested_by
    assessors = assigned_ids(session, learner.id)[0]
    return [learner] + ([asker] if asker.id != learner.id and asker.id in assessors else [])


@witness_signed.connect
def _witness_signed(sender: WitnessRequest, *, session: Session, request: WitnessRequest) -> None:
    evidence = request.evidence
    params = {"outcome": request.status, "witness": request.witness_name, "reference": evidence.reference,
              "title": evidence.title, "learner": evidence.learner.name}
    for person in witness_told(session, request):
        notify(session, current_delivery(), person, kinds.WITNESS_SIGNED, params, "evidence.show",
               learner_id=evidence.learner_id, number=evidence.number)

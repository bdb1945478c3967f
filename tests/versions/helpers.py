"""Version 4 of SKSCMGS11, made for these tests from the shipped version 3 with a few criteria edited, and a cohort on version 3.

Version 4: P1 the same but for spacing and case; P2 and K3 reworded; P16 removed; K15 new. The Welsh
wording of the edits is ours, not the published standard's.
"""
import copy
import json
from dataclasses import dataclass

from assessor.accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN
from assessor.assessment.models import SignOff
from assessor.cohorts.models import WITHDRAWN
from assessor.evidence.models import ASSESSED
from assessor.standards.services import find_standard, load_document
from assessor.timeutil import utcnow

from ..factories import (
    SHIPPED,
    enrol,
    make_cohort,
    make_evidence,
    make_provider,
    make_review,
    make_user,
    shipped_standard,
)

URN = "SKSCMGS11"
P2_NEW = "cydbwyso eich amser gyda chleientiaid neu gwsmeriaid yn erbyn adnoddau a blaenoriaethau eich sefydliad"
K3_NEW = "sut i gofnodi'r hyn a gytunwyd gyda chleientiaid neu gwsmeriaid, a pham mae hynny'n bwysig"
K15_NEW = "sut i drosglwyddo cleient neu gwsmer i gydweithiwr heb golli'r hyn a gytunwyd"


def next_version(session):
    """Version 4, loaded beside the shipped version 3."""
    found = find_standard(session, URN, "4")
    if found is not None:
        return found
    document = json.loads((SHIPPED / f"{URN}.json").read_text(encoding="utf-8"))
    document = copy.deepcopy(document)
    document["version"] = "4"
    pcs, knowledge = document["performance_criteria"], document["knowledge"]
    pcs[0]["text"] = "  " + pcs[0]["text"].upper().replace(" ", "  ") + " "
    pcs[1]["text"] = P2_NEW
    knowledge[2]["text"] = K3_NEW
    document["performance_criteria"] = pcs[:-1]
    knowledge.append({"code": "K15", "ref": "K15", "text": K15_NEW, "group": knowledge[-1]["group"], "children": []})
    items = document["translations"]["en"]["items"]
    items.pop("P16", None)
    items["P2"] = "balance your time with clients or customers against your organisation's resources and priorities"
    items["K3"] = "how to record what was agreed with clients or customers, and why it matters"
    items["K15"] = "how to hand a client or customer over to a colleague without losing what was agreed"
    return load_document(session, document).standard


@dataclass
class Setting:
    old: object
    new: object
    provider: object
    admin: object
    assessor: object
    cohort: object
    moving: object
    assessed: object
    draft: object
    signed: object
    gone: object
    other_admin: object


def build_setting(session) -> Setting:
    """A cohort on version 3: one learner with assessed evidence (P1 and P2 met, K1 not yet) and a draft claiming P3
    and P16; one signed off; one withdrawn."""
    old, new = shipped_standard(session, URN), next_version(session)
    provider = make_provider(session)
    admin = make_user(session, provider=provider, roles=[PROVIDER_ADMIN])
    assessor = make_user(session, provider=provider, roles=[ASSESSOR])
    iqa = make_user(session, provider=provider, roles=[IQA])
    cohort = make_cohort(session, provider, standards=[old])
    learners = [make_user(session, provider=provider, roles=[LEARNER], name=name) for name in ("Alys Moving", "Bryn Signed", "Cai Gone")]
    moving, signed, gone = (enrol(session, cohort, learner, old, assessor=assessor, iqa=iqa) for learner in learners)
    assessed = make_evidence(session, learners[0], moving, ("P1", "P2", "K1"), status=ASSESSED, title="Client meeting")
    make_review(session, assessed, moving, {"P1": "met", "P2": "met", "K1": "not_yet"})
    assessed.submissions[-1].outcome, assessed.submissions[-1].closed_at = ASSESSED, utcnow()
    draft = make_evidence(session, learners[0], moving, ("P3", "P16"), status="draft", title="Draft notes")
    session.add(SignOff(enrolment_id=signed.id, assessor_id=assessor.id, declaration="Valid.", signature_name=assessor.name,
                        payload={}, signed_hash="0" * 64))
    gone.member.status = WITHDRAWN
    other = make_provider(session)
    other_admin = make_user(session, provider=other, roles=[PROVIDER_ADMIN])
    session.flush()
    return Setting(old, new, provider, admin, assessor, cohort, moving, assessed, draft, signed, gone, other_admin)

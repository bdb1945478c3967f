"""The cohort summary: figures per learner and standard, sign-off states, totals, and the PDF in both languages."""
import io

import pytest
from pypdf import PdfReader

from assessor.assessment.models import EnrolmentProgress
from assessor.assessment.progress import refresh_progress
from assessor.cohorts.models import TRANSFERRED, WITHDRAWN, CohortStandard
from assessor.export.summary import (
    COUNTERSIGNED,
    NOT_SIGNED_OFF,
    SIGNED_OFF,
    VERIFIED,
    cohort_summary,
    summary_html,
    summary_pdf,
)
from assessor.timeutil import utcnow

from ..factories import LEARNER, enrol, make_user, shipped_standard


@pytest.fixture
def cohort(db_session, world):
    refresh_progress(db_session, {world.a.enrolment.id})
    return world.a.cohort


def test_each_learner_has_their_share_met_and_sign_off_state(db_session, world, cohort):
    summary = cohort_summary(db_session, cohort.id)
    cells = {row.learner.id: row.cells[world.standard.id] for row in summary.rows}
    learner, other = cells[world.a.learner.id], cells[world.a.other_learner.id]
    assert (learner.met, learner.total, learner.percent, learner.state) == (1, 30, 3, SIGNED_OFF)
    assert (other.met, other.total, other.state) == (0, 30, NOT_SIGNED_OFF)
    total = summary.totals[world.standard.id]
    assert (total.enrolled, total.met, total.total, total.signed_off) == (2, 1, 60, 1)


def test_countersigned_and_verified_sign_offs_are_told_apart(db_session, world, cohort):
    world.a.portfolio.sign_off.learner_signed_at = utcnow()
    db_session.flush()
    assert state_of(db_session, world, cohort) == COUNTERSIGNED
    db_session.get(EnrolmentProgress, world.a.enrolment.id).verified_at = utcnow()
    db_session.flush()
    assert state_of(db_session, world, cohort) == VERIFIED


def state_of(db_session, world, cohort) -> str:
    rows = cohort_summary(db_session, cohort.id).rows
    return next(row for row in rows if row.learner.id == world.a.learner.id).cells[world.standard.id].state


def test_transferred_learners_are_left_out_and_withdrawn_ones_kept(db_session, world, cohort):
    member = world.a.enrolment.member
    member.status = WITHDRAWN
    leaving = make_user(db_session, provider=world.a.provider, roles=[LEARNER])
    enrol(db_session, cohort, leaving, world.standard).member.status = TRANSFERRED
    rows = cohort_summary(db_session, cohort.id).rows
    assert {row.learner.id: row.status for row in rows} == {world.a.learner.id: WITHDRAWN, world.a.other_learner.id: "active"}


def test_a_standard_a_learner_is_not_enrolled_on_has_no_cell(db_session, world, cohort):
    second = shipped_standard(db_session, "LOCAL-CFACSB15")
    cohort.standards.append(CohortStandard(standard=second))
    enrol(db_session, cohort, world.a.learner, second)
    summary = cohort_summary(db_session, cohort.id)
    cells = {row.learner.id: row.cells for row in summary.rows}
    assert second.id in cells[world.a.learner.id] and second.id not in cells[world.a.other_learner.id]
    assert summary.totals[second.id].enrolled == 1 and len(summary.pinned) == 2


def pdf_text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_english_summary_pdf(app, db_session, world, cohort):
    with app.app_context():
        reader, text = pdf_text(summary_pdf(db_session, cohort.id, "en"))
    assert "Cohort summary" in text and cohort.name in text and world.a.provider.name in text
    assert world.a.learner.name in text and world.a.other_learner.name in text and "SKSCMGS11" in text
    assert "1 of 30 (3%)" in text and "Signed off, awaiting the learner's countersignature" in text and "Not signed off" in text
    assert "Learners enrolled" in text and "1 of 60 (2%)" in text and "Page 1 of" in text
    assert reader.metadata.title == f"Cohort summary: {cohort.name}" and reader.trailer["/Root"].get("/Lang") == "en"


def test_the_welsh_summary_pdf(app, db_session, world, cohort):
    with app.app_context():
        reader, text = pdf_text(summary_pdf(db_session, cohort.id, "cy"))
    assert "Crynodeb y garfan" in text and "1 o 30 (3%)" in text and "Heb ei chymeradwyo" in text
    assert "Dysgwyr a safonau" in text and "Tudalen 1 o" in text and reader.trailer["/Root"].get("/Lang") == "cy"


def test_names_are_escaped(app, db_session, world, cohort):
    cohort.name = '<img src="file:///etc/passwd">'
    with app.app_context():
        html = summary_html(cohort_summary(db_session, cohort.id), "en")
    assert '<img src="file:///etc/passwd">' not in html and "&lt;img" in html

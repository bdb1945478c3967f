"""The learner's matrix and standard summaries: statuses, cells, times required, and a fixed number of queries."""
import pytest
from sqlalchemy import select

from assessor.assessment.matrix import build_matrix, standard_summaries
from assessor.assessment.models import EnrolmentProgress
from assessor.assessment.progress import refresh_progress
from assessor.cohorts.models import CohortStandard, Enrolment
from assessor.standards.criteria import criterion_lines
from assessor.standards.models import KNOWLEDGE, PERFORMANCE

from ..factories import enrol, make_cohort, make_evidence, make_review, make_user, shipped_standard
from ..queries import counted_queries


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def row_of(matrix, ref):
    return next(row for row in matrix.rows if row.line.ref == ref)


def cells_of(matrix, ref) -> dict[str, tuple]:
    row = row_of(matrix, ref)
    return {column.reference: (cell.claimed, cell.outcome) for column, cell in zip(matrix.columns, row.cells, strict=False) if cell}


def test_rows_are_the_assessable_criteria_in_order_with_their_status(db_session, world):
    matrix = build_matrix(db_session, world.a.enrolment)
    refs = [row.line.ref for row in matrix.rows]
    assert refs[:3] == ["P1", "P2", "P3"] and len([r for r in matrix.rows if r.line.kind == PERFORMANCE]) == 16
    assert len([r for r in matrix.rows if r.line.kind == KNOWLEDGE]) == 14
    statuses = {row.line.ref: row.status for row in matrix.rows}
    assert (statuses["P1"], statuses["P2"], statuses["P3"], statuses["P4"], statuses["P5"]) == (
        "submitted", "submitted", "in_progress", "met", "not_started")


def test_columns_are_the_evidence_claiming_the_standard_by_reference(db_session, world):
    matrix = build_matrix(db_session, world.a.enrolment)
    assert [column.reference for column in matrix.columns] == ["E-001", "E-002", "E-003"]
    assert cells_of(matrix, "P1") == {"E-002": (True, None)}
    assert cells_of(matrix, "P3") == {"E-001": (True, None)}
    assert cells_of(matrix, "P4") == {"E-003": (True, "met")}
    assert cells_of(matrix, "P5") == {}


def test_a_not_yet_decision_shows_in_its_cell(db_session, world):
    make_review(db_session, world.a.portfolio.submitted, world.a.enrolment, {"P1": "not_yet", "P2": "met"})
    matrix = build_matrix(db_session, world.a.enrolment)
    assert cells_of(matrix, "P1") == {"E-002": (True, "not_yet")}
    assert row_of(matrix, "P1").status == "in_progress" and row_of(matrix, "P2").status == "met"


def test_notes_and_counts_and_gaps(db_session, world):
    world.a.portfolio.draft.mappings[0].note = "I set out the options."
    db_session.flush()
    matrix = build_matrix(db_session, world.a.enrolment)
    assert [(row.line.ref, column.reference, note) for row, column, note in matrix.notes] == [("P3", "E-001", "I set out the options.")]
    assert (matrix.performance.total, matrix.performance.met, matrix.performance.not_started) == (16, 1, 12)
    assert (matrix.knowledge.total, matrix.knowledge.not_started) == (14, 14)
    assert len(matrix.not_started) == 26 and matrix.times_required == 1


def test_times_required_two_needs_two_met_evidence(db_session, world):
    side = world.a
    pinned = db_session.scalar(select(CohortStandard).where(CohortStandard.cohort_id == side.cohort.id))
    pinned.times_required = 2
    db_session.flush()
    matrix = build_matrix(db_session, side.enrolment)
    assert (row_of(matrix, "P4").status, row_of(matrix, "P4").met_evidence, matrix.times_required) == ("in_progress", 1, 2)
    second = make_evidence(db_session, side.learner, side.enrolment, ("P4",), title="Second call")
    make_review(db_session, second, side.enrolment, {"P4": "met"})
    matrix = build_matrix(db_session, side.enrolment)
    assert (row_of(matrix, "P4").status, row_of(matrix, "P4").met_evidence) == ("met", 2)
    assert cells_of(matrix, "P4") == {"E-003": (True, "met"), second.reference: (True, "met")}


def test_sub_items_are_shown_beneath_their_parent(db_session, world):
    lines = {line.ref: line for line in criterion_lines(db_session, shipped_standard(db_session, "LOCAL-CCNEEDS01"))}
    assert "P12.1" not in lines and [code for code, _words in lines["P12"].parts] == ["P12.1 (12.1)"]
    assert [code for code, _words in lines["K2"].parts] == ["K2.1 (2.1)", "K2.2 (2.2)", "K2.3 (2.3)"]
    text = lines["P12"].parts[0][1]
    assert text.for_reader("en") == ((text.text_en, "en") if text.text_en else (text.text, "cy"))


def add_evidence(db_session, side, how_many: int) -> None:
    for n in range(how_many):
        refs = (f"P{n % 16 + 1}", f"K{n % 14 + 1}")
        evidence = make_evidence(db_session, side.learner, side.enrolment, refs, title=f"Item {n}")
        if n % 3 == 0:
            make_review(db_session, evidence, side.enrolment, {refs[0]: "met", refs[1]: "not_yet"})


def test_the_matrix_takes_the_same_queries_for_3_or_30_evidence(db_session, engine, world):
    learner = make_user(db_session, provider=world.a.provider, roles=["learner"])
    enrolment = enrol(db_session, world.a.cohort, learner, world.standard, assessor=world.a.assessor)
    side = type("Side", (), {"learner": learner, "enrolment": enrolment})

    def measure() -> int:
        db_session.expire_all()
        with counted_queries(engine) as statements:
            build_matrix(db_session, db_session.get(Enrolment, enrolment.id))
        return len(statements)

    add_evidence(db_session, side, 3)
    few = measure()
    add_evidence(db_session, side, 27)
    assert measure() == few
    assert len(build_matrix(db_session, enrolment).columns) == 30


def test_summaries_count_each_standard(db_session, world):
    (summary,) = standard_summaries(db_session, world.a.learner)
    assert summary.enrolment_id == world.a.enrolment.id and summary.standard.urn == "SKSCMGS11"
    assert (summary.performance.total, summary.performance.met, summary.performance.submitted) == (16, 1, 2)
    assert (summary.performance.in_progress, summary.performance.not_started) == (1, 12)
    assert (summary.knowledge.total, summary.knowledge.not_started) == (14, 14)
    assert summary.active and summary.cohort == world.a.cohort.name


def test_summaries_read_the_stored_progress_when_there_is_one(db_session, world):
    refresh_progress(db_session, {world.a.enrolment.id})
    db_session.get(EnrolmentProgress, world.a.enrolment.id).pc_met = 9
    db_session.flush()
    (summary,) = standard_summaries(db_session, world.a.learner)
    assert summary.performance.met == 9


def test_a_learner_with_no_enrolments_has_no_summaries(db_session, world):
    newcomer = make_user(db_session, provider=world.a.provider, roles=["learner"])
    assert standard_summaries(db_session, newcomer) == []


def test_each_enrolment_has_its_own_summary(db_session, world):
    other = shipped_standard(db_session, "LOCAL-CFACSB15")
    cohort = make_cohort(db_session, world.a.provider, standards=[other])
    enrol(db_session, cohort, world.a.learner, other)
    summaries = standard_summaries(db_session, world.a.learner)
    assert {s.standard.urn for s in summaries} == {"SKSCMGS11", "LOCAL-CFACSB15"}
    assert next(s for s in summaries if s.standard.urn == "LOCAL-CFACSB15").performance.not_started == 9

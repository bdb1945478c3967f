"""What each role's landing shows: the right rows, never another provider's."""
from assessor.accounts.models import ASSESSOR, IQA, LEARNER
from assessor.cohorts.models import WITHDRAWN
from assessor.dashboards.caseload import caseload
from assessor.dashboards.landing import build_landing
from assessor.dashboards.services import iqa_coverage, learner_enrolments, provider_cohorts

from ..factories import enrol, make_cohort, make_user


def test_a_learner_sees_their_own_enrolments(db_session, world):
    rows = learner_enrolments(db_session, world.a.learner)
    assert [(r.standard.urn, r.cohort, r.assessor, r.status) for r in rows] == [("SKSCMGS11", "Cohort a", world.a.assessor.name, "active")]
    assert rows[0].standard.version == world.standard.version
    assert rows[0].start_date == world.a.cohort.start_date


def test_a_learner_with_no_assessor_yet_is_shown_so(db_session, world):
    (row,) = learner_enrolments(db_session, world.a.other_learner)
    assert row.assessor is None


def test_the_title_follows_the_reader_and_says_its_language(db_session, world):
    (row,) = learner_enrolments(db_session, world.a.learner)
    assert row.standard.title_for("cy") == (world.standard.title, "cy")
    assert row.standard.title_for("en") == (world.standard.title_en, "en")


def test_an_iqa_sees_learners_grouped_by_assessor_with_counts(db_session, world):
    second = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR], name="Zed Assessor")
    for _ in range(2):
        learner = make_user(db_session, provider=world.a.provider, roles=[LEARNER])
        enrol(db_session, world.a.cohort, learner, world.standard, assessor=second, iqa=world.a.iqa)
    groups = iqa_coverage(db_session, world.a.iqa)
    assert [(g.assessor, len(g.learners), g.enrolment_count) for g in groups] == [
        (world.a.assessor.name, 1, 1),
        ("Zed Assessor", 2, 2),
    ]


def test_enrolments_without_an_assessor_come_last_for_the_iqa(db_session, world):
    learner = make_user(db_session, provider=world.a.provider, roles=[LEARNER])
    enrol(db_session, world.a.cohort, learner, world.standard, iqa=world.a.iqa)
    groups = iqa_coverage(db_session, world.a.iqa)
    assert groups[-1].assessor is None and len(groups[-1].learners) == 1


def test_a_provider_administrator_sees_cohorts_with_active_learners(db_session, world):
    world.a.cohort.members[1].status = WITHDRAWN
    empty = make_cohort(db_session, world.a.provider, name="Empty cohort")
    cohorts, total = provider_cohorts(db_session, world.a.admin)
    sizes = {c.name: c.active_learners for c in cohorts}
    assert sizes == {"Cohort a": 1, "Empty cohort": 0} and total == 2
    assert empty.id in {c.id for c in cohorts}


def test_another_providers_data_is_never_shown(db_session, world):
    """Even an enrolment wrongly naming provider A's assessor in provider B stays out of A's pages."""
    stranger = make_user(db_session, provider=world.b.provider, roles=[LEARNER])
    enrol(db_session, world.b.cohort, stranger, world.standard, assessor=world.a.assessor, iqa=world.a.iqa)
    assert [r.name for r in caseload(db_session, world.a.assessor).rows] == [world.a.learner.name]
    assert {r.cohort for g in iqa_coverage(db_session, world.a.iqa) for r in g.learners} == {"Cohort a"}
    assert {c.name for c in provider_cohorts(db_session, world.a.admin)[0]} == {"Cohort a"}


def test_the_landing_has_a_section_per_role_widest_first(db_session, world):
    person = make_user(db_session, provider=world.a.provider, roles=[LEARNER, IQA, ASSESSOR])
    assert build_landing(db_session, person).sections == ["assessor", "iqa", "learner"]
    assert build_landing(db_session, world.site_admin).sections == ["site_admin"]
    assert build_landing(db_session, world.a.admin).sections == ["provider_admin"]


def test_a_person_with_no_role_has_no_sections(db_session, world):
    person = make_user(db_session, provider=world.a.provider)
    assert build_landing(db_session, person).sections == []

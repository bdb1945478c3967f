"""The cohort pages as an administrator uses them: create, upload with preview, confirm, enrol, transfer."""
import io
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from assessor.accounts.models import PROVIDER_ADMIN, User
from assessor.cohorts.models import Cohort, CohortMember
from assessor.mail.models import OutboxMessage

from ..factories import login_as, make_cohort, make_provider, make_user

CSV = "name,email\nSiân Jones,sian@example.org\n,nobody@example.org\nDafydd,dafydd@example.org\nSiân Again,SIAN@example.org\n"


@pytest.fixture
def admin(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.admin)
    return client


def count(db_session, model) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


def upload(client, cohort, content: bytes, filename="learners.csv"):
    return client.post(f"/cohorts/{cohort.id}/learners/upload", data={"file": (io.BytesIO(content), filename)}, content_type="multipart/form-data")


def test_the_list_shows_the_providers_cohorts(admin, world):
    page = admin.get("/cohorts/").get_data(as_text=True)
    assert world.a.cohort.name in page and world.b.cohort.name not in page and "Create a cohort" in page


def test_an_empty_list_offers_to_create_the_first_cohort(app, client, db_session, world):
    newcomer = make_user(db_session, provider=make_provider(db_session), roles=[PROVIDER_ADMIN])
    db_session.commit()
    login_as(client, newcomer)
    assert "Create your first cohort" in client.get("/cohorts/").get_data(as_text=True)


def test_create_a_cohort(admin, db_session, world):
    data = {"name": "Autumn 2026", "start_date": "2026-09-01", "target_end_date": "2027-07-31", "standards": [str(world.standard.id)]}
    response = admin.post("/cohorts/new", data=data)
    cohort = db_session.scalar(select(Cohort).where(Cohort.name == "Autumn 2026"))
    assert response.status_code == 302 and response.location.endswith(f"/cohorts/{cohort.id}")
    assert [pinned.standard for pinned in cohort.standards] == [world.standard]
    assert "Autumn 2026" in admin.get(response.location).get_data(as_text=True)


def test_a_refused_cohort_keeps_what_was_typed(admin, world):
    data = {"name": "Autumn 2026", "start_date": "2026-09-01", "target_end_date": "2026-01-01", "standards": [str(world.standard.id)]}
    response = admin.post("/cohorts/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The target end date must be after the start date." in page and 'value="Autumn 2026"' in page


def test_the_csv_preview_shows_problems_and_saves_nothing(admin, db_session, world):
    users, members, mails = count(db_session, User), count(db_session, CohortMember), count(db_session, OutboxMessage)
    response = upload(admin, world.a.cohort, CSV.encode("utf-8"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The name is missing." in page and "The same email address is on row 2." in page
    assert "New: invited by email" in page and "Add 2 learners and send 2 invitations" in page
    assert (count(db_session, User), count(db_session, CohortMember), count(db_session, OutboxMessage)) == (users, members, mails)


def test_confirm_invites_once_and_the_outbox_has_the_mails(admin, db_session, world):
    page = upload(admin, world.a.cohort, CSV.encode("cp1252")).get_data(as_text=True)
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', page).group(1)
    confirmed = admin.post(f"/cohorts/{world.a.cohort.id}/learners/upload/confirm", data={"token": token})
    assert confirmed.status_code == 200 and "Learners added: 2" in confirmed.get_data(as_text=True)
    recipients = sorted(db_session.scalars(select(OutboxMessage.to_address)))
    assert recipients == ["dafydd@example.org", "sian@example.org"]
    again = admin.post(f"/cohorts/{world.a.cohort.id}/learners/upload/confirm", data={"token": token})
    assert "Learners added: 0" in again.get_data(as_text=True)
    assert count(db_session, OutboxMessage) == 2


def test_a_tampered_token_is_refused(admin, db_session, world):
    response = admin.post(f"/cohorts/{world.a.cohort.id}/learners/upload/confirm", data={"token": "forged"})
    assert response.status_code == 302 and response.location.endswith("/learners/upload")
    assert "Upload the file again" in admin.get(response.location).get_data(as_text=True)


def test_a_wrong_file_gets_a_clear_error(admin, world):
    response = upload(admin, world.a.cohort, b"\x89PNG\r\n\x1a\n\x00\x00", filename="photo.png")
    assert response.status_code == 422 and "not a CSV file" in response.get_data(as_text=True)
    assert admin.get(f"/cohorts/{world.a.cohort.id}/learners/upload").status_code == 200


def test_add_one_learner_then_again(admin, db_session, world):
    url = f"/cohorts/{world.a.cohort.id}/learners/new"
    first = admin.post(url, data={"name": "Nia", "email": "nia@example.org"}, follow_redirects=True)
    assert "Nia has been added and sent an invitation" in first.get_data(as_text=True)
    second = admin.post(url, data={"name": "Nia", "email": "nia@example.org"}, follow_redirects=True)
    assert "Nia is already in this cohort. Nothing has changed." in second.get_data(as_text=True)
    assert count(db_session, OutboxMessage) == 1


def test_enrol_in_bulk(admin, db_session, world):
    cohort = make_cohort(db_session, world.a.provider, standards=[world.standard], name="Bulk")
    for learner in (world.a.learner, world.a.other_learner):
        db_session.add(CohortMember(cohort=cohort, learner=learner))
    db_session.commit()
    sid = world.standard.id
    form = {"all_unenrolled": "y", f"assessor_{sid}": str(world.a.assessor.id), f"iqa_{sid}": str(world.a.iqa.id)}
    response = admin.post(f"/cohorts/{cohort.id}/enrol", data=form, follow_redirects=True)
    assert "Enrolments made: 2." in response.get_data(as_text=True)
    assert {(m.enrolments[0].assessor, m.enrolments[0].iqa) for m in cohort.members} == {(world.a.assessor, world.a.iqa)}


def test_enrol_refuses_the_same_assessor_and_iqa(admin, db_session, world):
    sid = world.standard.id
    form = {"learners": [str(world.a.enrolment.member_id)], f"assessor_{sid}": str(world.a.assessor.id), f"iqa_{sid}": str(world.a.assessor.id)}
    response = admin.post(f"/cohorts/{world.a.cohort.id}/enrol", data=form)
    assert response.status_code == 422 and "Choose an IQA" in response.get_data(as_text=True)


def test_transfer(admin, db_session, world):
    target = make_cohort(db_session, world.a.provider, standards=[world.standard], name="Evening", start=date(2020, 1, 1))
    db_session.commit()
    member = world.a.enrolment.member
    url = f"/cohorts/{world.a.cohort.id}/learners/{member.id}/transfer"
    assert "Evening" in admin.get(url).get_data(as_text=True)
    response = admin.post(url, data={"target": str(target.id), "effective_on": date.today().isoformat(), "reason": "Works days now"})
    arrival = target.members[0]
    assert response.status_code == 302 and response.location.endswith(f"/cohorts/{target.id}/learners/{arrival.id}")
    assert member.status == "transferred" and arrival.enrolments[0].assessor == world.a.assessor
    history = admin.get(f"/cohorts/{world.a.cohort.id}/learners/{member.id}").get_data(as_text=True)
    assert "Transferred out" in history and "Works days now" in history and "Evening" in history


def test_the_cohort_page_filters_learners_by_status(admin, db_session, world):
    world.a.enrolment.member.status = "withdrawn"
    db_session.commit()
    page = admin.get(f"/cohorts/{world.a.cohort.id}?status=withdrawn").get_data(as_text=True)
    assert world.a.learner.email in page and world.a.other_learner.email not in page


def test_the_cohort_page_reads_in_welsh(admin, db_session, world):
    world.a.admin.language = "cy"
    db_session.commit()
    page = admin.get(f"/cohorts/{world.a.cohort.id}").get_data(as_text=True)
    assert "Ychwanegu dysgwr" in page and world.standard.title in page
    assert world.standard.title_en not in page


def test_an_empty_cohort_form_names_every_problem_at_once(admin):
    response = admin.post("/cohorts/new", data={"name": "", "start_date": "", "target_end_date": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ("Enter a name for the cohort.", "Enter the start date.", "Enter the target end date.", "Choose at least one standard."):
        assert page.count(message) == 2, message  # in the summary and beside its field, once each
    assert "Enter a real date" not in page

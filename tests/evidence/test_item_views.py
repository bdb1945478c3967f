"""Adding, reading, changing and deleting an item through its pages, as the learner and as staff."""
import re

from sqlalchemy import func, select

from assessor.assessment.models import Decision
from assessor.evidence.models import REFERRED, Evidence, EvidenceFile

from ..factories import login_as, make_review
from .support import HTML, pdf

ITEM = "/learners/{learner}/evidence/{number}"


def item_url(evidence, suffix: str = "") -> str:
    return ITEM.format(learner=evidence.learner_id, number=evidence.number) + suffix


def count(db_session, model) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


# -- adding -----------------------------------------------------------------------------------


def test_adding_starts_by_choosing_the_kind(learner):
    page = learner.get("/portfolio/evidence/new").get_data(as_text=True)
    assert "What kind of evidence is it?" in page and 'value="witness"' in page and 'value="observation"' not in page
    response = learner.get("/portfolio/evidence/new?kind=poem")
    assert response.status_code == 422 and "Choose the kind of evidence." in response.get_data(as_text=True)


def test_a_written_account_is_saved_as_a_draft(learner, db_session, world):
    page = learner.get("/portfolio/evidence/new?kind=account").get_data(as_text=True)
    assert "Your account" in page and "Markdown" in page and 'type="file"' not in page
    data = {"title": "Calming a client", "activity_date": "2026-10-02", "body": "I **listened**.\n\n<script>alert(1)</script>"}
    response = learner.post("/portfolio/evidence/new?kind=account", data=data)
    evidence = db_session.scalar(select(Evidence).where(Evidence.title == "Calming a client"))
    assert response.status_code == 302 and response.headers["Location"].endswith(item_url(evidence))
    page = learner.get(item_url(evidence)).get_data(as_text=True)
    assert "E-004 has been saved as a draft." in page and "<strong>listened</strong>" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_form_with_problems_keeps_what_was_typed(learner):
    data = {"title": "My statement", "activity_date": "2999-01-01", "witness_name": "Mair Owen"}
    response = learner.post("/portfolio/evidence/new?kind=witness", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "cannot be in the future" in page and "Enter the witness&#39;s role." in page and "Enter the witness&#39;s statement." in page
    assert 'value="My statement"' in page and 'value="Mair Owen"' in page


def test_a_file_item_is_saved_with_its_files(learner, db_session, storage_root):
    data = {"title": "Client brief", "activity_date": "2026-10-02", "files": [(_io(pdf("brief-1")), "brief.pdf"), (_io(pdf("brief-2")), "notes.pdf")]}
    response = learner.post("/portfolio/evidence/new?kind=file", data=data, content_type="multipart/form-data")
    evidence = db_session.scalar(select(Evidence).where(Evidence.title == "Client brief"))
    assert response.status_code == 302 and [file.filename for file in evidence.files] == ["brief.pdf", "notes.pdf"]
    page = learner.get(item_url(evidence)).get_data(as_text=True)
    assert "brief.pdf" in page and "application/pdf" in page and "Remove" in page


def test_a_refused_file_saves_nothing_and_keeps_the_typed_text(learner, db_session, storage_root):
    before = (count(db_session, Evidence), count(db_session, EvidenceFile), _blobs(storage_root))
    data = {"title": "Campaign report", "description": "The autumn one", "activity_date": "2026-10-02",
            "files": [(_io(pdf("good-one")), "report.pdf"), (_io(HTML), "sneaky.pdf")]}
    response = learner.post("/portfolio/evidence/new?kind=file", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "sneaky" in page and "not a type of file we accept" in page
    assert 'value="Campaign report"' in page and "The autumn one" in page and "choose them again" in page
    assert (count(db_session, Evidence), count(db_session, EvidenceFile), _blobs(storage_root)) == before


def test_too_many_files_are_refused(app, learner, db_session):
    app.config["UPLOAD_MAX_FILES"] = 2
    files = [(_io(pdf(f"many-{n}")), f"{n}.pdf") for n in range(3)]
    data = {"title": "Lots", "activity_date": "2026-10-02", "files": files}
    response = learner.post("/portfolio/evidence/new?kind=file", data=data, content_type="multipart/form-data")
    assert response.status_code == 422 and "Choose up to 2 files at a time." in response.get_data(as_text=True)
    assert db_session.scalar(select(Evidence).where(Evidence.title == "Lots")) is None


def test_staff_cannot_add_to_a_portfolio(client, world):
    login_as(client, world.a.assessor)
    assert client.get("/portfolio/evidence/new?kind=account").status_code == 403


# -- one item ---------------------------------------------------------------------------------


def test_the_item_shows_its_claims_files_and_actions_to_its_learner(learner, world):
    draft = world.a.portfolio.draft
    page = learner.get(item_url(draft)).get_data(as_text=True)
    assert "Draft account" in page and "P3" in page and "Submit for assessment" in page and "Delete draft" in page
    assert item_url(draft, "/mapping") in page and "Not submitted yet." in page


def test_staff_read_the_item_without_actions(client, world):
    login_as(client, world.a.iqa)
    submitted = world.a.portfolio.submitted
    page = client.get(item_url(submitted)).get_data(as_text=True)
    assert "notes.pdf" in page and "Submission 1" in page and "Awaiting decision" in page
    assert "Change details" not in page and "Remove" not in page and "Add files" not in page


def test_decisions_and_feedback_are_shown_with_each_submission(learner, world):
    page = learner.get(item_url(world.a.portfolio.reviewed)).get_data(as_text=True)
    assert "Decisions by" in page and "Good." in page and "Met" in page and "Assessed" in page


def test_referral_feedback_stands_out_for_the_learner(learner, db_session, world):
    evidence = world.a.portfolio.submitted
    review = make_review(db_session, evidence, world.a.enrolment, {"P1": "met", "P2": "not_yet"})
    db_session.execute(Decision.__table__.update().where(Decision.review_id == review.id, Decision.outcome == "not_yet").values(feedback="Say who agreed it."))
    evidence.status, evidence.submissions[-1].outcome = REFERRED, REFERRED
    db_session.commit()
    page = learner.get(item_url(evidence)).get_data(as_text=True)
    banner = page[page.index("govuk-notification-banner"):page.index("Change details")]
    assert "Referred back" in banner and "Say who agreed it." in banner and "submit this evidence again" in banner


def test_a_file_is_downloaded_as_an_attachment_by_staff(client, world):
    login_as(client, world.a.assessor)
    response = client.get(item_url(world.a.portfolio.submitted, f"/files/{world.a.portfolio.file.id}"))
    assert response.status_code == 200 and response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_file_of_another_item_is_not_found(learner, world):
    assert learner.get(item_url(world.a.portfolio.draft, f"/files/{world.a.portfolio.file.id}")).status_code == 404


def test_files_are_added_and_removed_on_the_item_page(learner, db_session, world):
    draft = world.a.portfolio.draft
    data = {"version": draft.version, "files": [(_io(pdf("added")), "added.pdf")]}
    response = learner.post(item_url(draft, "/files"), data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    evidence = db_session.get(Evidence, draft.id)
    (file,) = evidence.files
    assert evidence.version == 2 and "Added to E-001: added.pdf" in learner.get(item_url(draft)).get_data(as_text=True)
    response = learner.post(item_url(draft, f"/files/{file.id}/remove"), data={"version": 2})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Evidence, draft.id).files == []


def test_a_refused_upload_is_shown_on_the_item_page(learner, world):
    draft = world.a.portfolio.draft
    data = {"version": draft.version, "files": [(_io(HTML), "page.pdf")]}
    response = learner.post(item_url(draft, "/files"), data=data, content_type="multipart/form-data")
    assert response.status_code == 422 and "There is a problem" in response.get_data(as_text=True)


def test_files_of_submitted_evidence_stay(learner, world):
    submitted = world.a.portfolio.submitted
    response = learner.post(item_url(submitted, f"/files/{world.a.portfolio.file.id}/remove"), data={"version": submitted.version})
    assert response.status_code == 302
    page = learner.get(item_url(submitted)).get_data(as_text=True)
    assert "already been submitted for assessment" in page and "notes.pdf" in page


# -- changing ---------------------------------------------------------------------------------


def test_the_learner_changes_a_draft(learner, db_session, world):
    draft = world.a.portfolio.draft
    form = learner.get(item_url(draft, "/edit")).get_data(as_text=True)
    assert 'value="Draft account"' in form and f'name="version" type="hidden" value="{draft.version}"' in form
    data = {"version": draft.version, "title": "Final account", "activity_date": "2026-10-01", "body": "What I did."}
    assert learner.post(item_url(draft, "/edit"), data=data).status_code == 302
    assert db_session.get(Evidence, draft.id).title == "Final account"


def test_a_stale_form_is_a_conflict_that_keeps_the_typed_text(learner, db_session, world):
    draft = world.a.portfolio.draft
    old = draft.version
    draft.title = "Changed elsewhere"
    db_session.commit()
    data = {"version": old, "title": "My new title", "activity_date": "2026-10-01", "body": "My new text."}
    response = learner.post(item_url(draft, "/edit"), data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "E-001 was changed" in page
    assert 'value="My new title"' in page and "My new text." in page and "Changed elsewhere" in page
    assert f'name="version" type="hidden" value="{old + 1}"' in page


# -- submitting and deleting ------------------------------------------------------------------


def test_submitting_needs_the_declaration_and_happens_once(learner, db_session, world):
    draft = world.a.portfolio.draft
    page = learner.get(item_url(draft, "/submit")).get_data(as_text=True)
    assert "This is my own work" not in page and "my own work and a true record" in page and "P3" in page
    response = learner.post(item_url(draft, "/submit"), data={"version": draft.version})
    assert response.status_code == 422 and "Confirm that this evidence is your own work." in response.get_data(as_text=True)
    data = {"version": draft.version, "declaration": "y"}
    assert learner.post(item_url(draft, "/submit"), data=data).status_code == 302
    again = learner.post(item_url(draft, "/submit"), data=data, follow_redirects=True)
    assert "already been submitted" in again.get_data(as_text=True)
    db_session.expire_all()
    evidence = db_session.get(Evidence, draft.id)
    assert evidence.status == "submitted" and len(evidence.submissions) == 1
    assert "my own work and a true record" in evidence.submissions[0].declaration


def test_submitting_without_claims_points_to_the_criteria_page(learner, db_session, world):
    data = {"title": "Unclaimed", "activity_date": "2026-10-02", "body": "Text."}
    learner.post("/portfolio/evidence/new?kind=account", data=data)
    evidence = db_session.scalar(select(Evidence).where(Evidence.title == "Unclaimed"))
    page = learner.get(item_url(evidence, "/submit")).get_data(as_text=True)
    assert "claims no criteria yet" in page and item_url(evidence, "/mapping") in page
    response = learner.post(item_url(evidence, "/submit"), data={"version": evidence.version, "declaration": "y"})
    assert response.status_code == 422 and "Choose the criteria this evidence shows" in response.get_data(as_text=True)


def test_a_draft_is_deleted_after_confirming(learner, db_session, world):
    draft = world.a.portfolio.draft
    assert "Delete the draft E-001?" in learner.get(item_url(draft, "/delete")).get_data(as_text=True)
    response = learner.post(item_url(draft, "/delete"), data={"version": draft.version})
    assert response.status_code == 302 and response.headers["Location"].endswith("/portfolio")
    db_session.expire_all()
    assert db_session.get(Evidence, draft.id) is None


def test_submitted_evidence_cannot_be_deleted(learner, world):
    response = learner.get(item_url(world.a.portfolio.submitted, "/delete"), follow_redirects=True)
    assert "Only a draft that has never been submitted can be deleted." in response.get_data(as_text=True)


# -- observations -----------------------------------------------------------------------------


def test_the_assessor_records_maps_and_submits_an_observation(client, db_session, world):
    from .support import claim

    login_as(client, world.a.assessor)
    client.application.config["WTF_CSRF_ENABLED"] = False
    url = f"/learners/{world.a.learner.id}/observations/new"
    assert "Observation record" in client.get(url).get_data(as_text=True)
    data = {"title": "Client meeting", "activity_date": "2026-10-03", "body": "Listened and summarised."}
    response = client.post(url, data=data)
    observation = db_session.scalar(select(Evidence).where(Evidence.title == "Client meeting"))
    assert response.status_code == 302 and observation.kind == "observation" and observation.created_by_id == world.a.assessor.id
    claim(db_session, observation, world.a.enrolment, "P6")
    db_session.commit()
    page = client.get(item_url(observation, "/submit")).get_data(as_text=True)
    assert 'name="declaration"' not in page
    assert client.post(item_url(observation, "/submit"), data={"version": observation.version}).status_code == 302
    db_session.expire_all()
    assert db_session.get(Evidence, observation.id).submissions[0].declaration == ""


def test_the_learner_reads_but_cannot_change_an_observation(learner, db_session, world):
    from assessor.evidence.services import create_evidence

    observation = create_evidence(db_session, world.a.assessor, world.a.learner, kind="observation", title="Seen",
                                  activity_date=world.a.portfolio.draft.activity_date, body="Notes.")
    db_session.commit()
    page = learner.get(item_url(observation)).get_data(as_text=True)
    assert "Recorded by" in page and world.a.assessor.name in page and "Change details" not in page
    assert learner.get(item_url(observation, "/edit")).status_code == 403


def _io(content: bytes):
    import io

    return io.BytesIO(content)


def _blobs(root) -> set[str]:
    return {path.name for path in root.rglob("*") if path.is_file() and re.fullmatch(r"[0-9a-f]{64}", path.name)}

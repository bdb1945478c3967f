"""Forms that never lose input: every problem at once, text kept over the size limits, no silent reload, no button
that can only be refused."""
import io

from sqlalchemy import select

from assessor.core.limits import TEXT_BODY_MAX
from assessor.evidence.models import Evidence

from ..factories import login_as, make_evidence

NEW_ACCOUNT = "/portfolio/evidence/new?kind=account"
NEW_FILE = "/portfolio/evidence/new?kind=file"


def summary(page: str) -> str:
    return page[page.index("govuk-error-summary"):page.index("</ul>", page.index("govuk-error-summary"))]


def test_an_empty_form_names_every_problem_at_once(learner):
    response = learner.post(NEW_ACCOUNT, data={"title": "", "activity_date": "", "body": ""})
    errors = summary(response.get_data(as_text=True))
    assert response.status_code == 422
    assert "Enter a title." in errors and "Enter the date of the activity." in errors and "Write your account." in errors
    assert "Enter a real date" not in errors, "a blank date is missing, not malformed"


def test_a_malformed_date_is_named_beside_the_other_problems(learner):
    response = learner.post(NEW_ACCOUNT, data={"title": "", "activity_date": "31/02/2026", "body": "I listened."})
    errors = summary(response.get_data(as_text=True))
    assert "Enter a title." in errors and "Enter a real date, like 2027-03-31." in errors
    assert 'value="31/02/2026"' in response.get_data(as_text=True) and "I listened." in response.get_data(as_text=True)


def test_text_over_a_fields_limit_comes_back_as_a_field_error_with_all_of_it_kept(learner, db_session):
    text = "x" * 600_000
    response = learner.post(NEW_ACCOUNT, data={"title": "Long", "activity_date": "2026-10-01", "body": text})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "The text: use 50,000 characters or fewer." in page
    assert text in page and db_session.scalar(select(Evidence).where(Evidence.title == "Long")) is None


def test_the_page_stops_typing_at_each_fields_limit(learner):
    page = learner.get(NEW_ACCOUNT).get_data(as_text=True)
    assert 'maxlength="200"' in page and 'maxlength="50000"' in page and 'maxlength="5000"' in page


def test_a_text_form_over_the_body_limit_is_told_what_it_sent(learner, world):
    evidence = world.a.portfolio.draft
    url = f"/learners/{evidence.learner_id}/evidence/{evidence.number}/edit"
    response = learner.post(url, data={"title": "t", "body": "y" * (TEXT_BODY_MAX + 10)})
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "That is more than this form can take" in page and "2 MB" in page
    assert "That file is too large" not in page


def test_a_too_large_upload_shows_the_form_again_with_the_text_kept(app, learner, db_session):
    app.config["MAX_CONTENT_LENGTH"] = 16_384
    data = {"title": "Client brief", "activity_date": "2026-10-01", "description": "What the client asked for.",
            "files": (io.BytesIO(b"%PDF-1.4 " + b"0" * 20_000), "brief.pdf")}
    response = learner.post(NEW_FILE, data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The files you chose came to more than one upload can take, so they were not added." in page
    assert 'value="Client brief"' in page and "What the client asked for." in page
    assert "Files are not kept when there is a problem with the form: choose them again." in page
    assert db_session.scalar(select(Evidence).where(Evidence.title == "Client brief")) is None


def test_a_too_large_upload_to_an_item_is_named_on_its_page(app, learner, world):
    evidence = world.a.portfolio.draft
    app.config["MAX_CONTENT_LENGTH"] = 16_384
    url = f"/learners/{evidence.learner_id}/evidence/{evidence.number}/files"
    data = {"version": str(evidence.version), "files": (io.BytesIO(b"0" * 20_000), "big.txt")}
    response = learner.post(url, data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "they were not added" in page and evidence.reference in page


def test_the_file_input_carries_the_limits_for_the_check_before_sending(learner, app):
    page = learner.get(NEW_FILE).get_data(as_text=True)
    assert f'data-max-bytes="{app.config["UPLOAD_MAX_BYTES"]}"' in page and "js/file_limits.js" in page
    assert "is larger than 25 MB, the most one file can be." in page


def test_continue_without_a_kind_says_so(learner):
    response = learner.get("/portfolio/evidence/new?chosen=1")
    assert response.status_code == 422 and "Choose the kind of evidence." in response.get_data(as_text=True)
    page = learner.get("/portfolio/evidence/new").get_data(as_text=True)
    assert 'name="chosen"' in page and "govuk-error-message" not in page


def test_the_submit_page_of_an_item_with_no_criteria_says_what_to_do_and_offers_no_button(learner, db_session, world):
    draft = make_evidence(db_session, world.a.learner, world.a.enrolment, (), status="draft", title="Unclaimed")
    page = learner.get(f"/learners/{draft.learner_id}/evidence/{draft.number}/submit").get_data(as_text=True)
    assert "Before you can submit it" in page and "Choose the criteria this evidence shows before submitting it" in page
    assert 'name="declaration"' not in page and "Submit for assessment</button>" not in page


def test_refused_submission_lists_the_declaration_and_the_missing_criteria_together(learner, db_session, world):
    draft = make_evidence(db_session, world.a.learner, world.a.enrolment, (), status="draft", title="Unclaimed")
    db_session.commit()
    url = f"/learners/{draft.learner_id}/evidence/{draft.number}/submit"
    response = learner.post(url, data={"version": str(draft.version)})
    errors = summary(response.get_data(as_text=True))
    assert "Confirm that this evidence is your own work." in errors and "Choose the criteria this evidence shows" in errors


def test_an_upload_far_over_the_limit_is_told_the_limits(app, learner):
    app.config["MAX_CONTENT_LENGTH"] = 4096
    data = {"title": "Huge", "activity_date": "2026-10-01", "files": (io.BytesIO(b"0" * 20_000), "huge.pdf")}
    response = learner.post(NEW_FILE, data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "That file is too large" in page and "Each file can be up to 25 MB" in page


def test_the_text_kept_from_a_too_large_upload_still_passes_the_csrf_check(app, client, world, db_session):
    import re

    app.config["WTF_CSRF_ENABLED"] = True
    login_as(client, world.a.learner)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get(NEW_FILE).get_data(as_text=True))[1]
    app.config["MAX_CONTENT_LENGTH"] = 16_384
    data = {"csrf_token": token, "title": "Signed brief", "activity_date": "2026-10-01",
            "files": (io.BytesIO(b"0" * 20_000), "brief.pdf")}
    response = client.post(NEW_FILE, data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'value="Signed brief"' in page and "they were not added" in page
    without_token = client.post(NEW_FILE, data={**data, "csrf_token": "", "files": (io.BytesIO(b"0" * 20_000), "b.pdf")},
                                content_type="multipart/form-data")
    assert without_token.status_code == 400

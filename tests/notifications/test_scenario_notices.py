"""Scenarios tell people through notifications: a version waiting for review, the review's outcome, an offer to the
site and the site's answer. Who is told and who never is, their choices, their language, and the links."""
from datetime import date

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from assessor.accounts.models import SCENARIO_AUTHOR
from assessor.core.acts import Refused
from assessor.mail.models import OutboxMessage
from assessor.notifications import kinds
from assessor.notifications.digest import send_digest
from assessor.notifications.links import current_delivery
from assessor.notifications.models import DAILY, OFF, Notice
from assessor.notifications.services import save_preferences
from assessor.scenarios import authoring, review, sharing
from assessor.timeutil import utcnow

from ..factories import login_as, make_user
from ..scenarios.authoring_support import SOURCE
from ..scenarios.conftest import TEST_STANDARDS
from .support import every_choice


@pytest.fixture
def acting(app):
    """Services run as a request would; the test client is used outside it."""
    with app.test_request_context():
        yield


@pytest.fixture
def writer(db_session, world):
    """A scenario author of provider A, who writes and publishes."""
    return make_user(db_session, provider=world.a.provider, roles=(SCENARIO_AUTHOR,), name="Gwen Writer")


@pytest.fixture
def draft(db_session, world, writer):
    return authoring.create_draft(db_session, writer, world.a.provider.id, SOURCE)


@pytest.fixture
def reviewed(db_session, world):
    review.set_review_required(db_session, world.a.admin, world.a.provider.id, True)


def publish(session, author, draft):
    return authoring.publish(session, author, draft, draft.revision, "", TEST_STANDARDS)


def notices(session, kind: str) -> dict[int, Notice]:
    """{user id: notice} of the kind."""
    return {notice.user_id: notice for notice in session.scalars(select(Notice).where(Notice.kind == kind))}


def mail_to(session, user) -> OutboxMessage | None:
    return session.scalar(select(OutboxMessage).where(OutboxMessage.to_address == user.email).order_by(OutboxMessage.id.desc()))


def subject_in_english(mail: OutboxMessage) -> str:
    """A reader with no language chosen gets the Welsh, then the English."""
    return mail.subject.split(" / ")[-1]


def opens(client, user, notice) -> int:
    """The status of the page the recipient's notice leads to."""
    login_as(client, user)
    return client.get(f"/notifications/{notice.id}", follow_redirects=True).status_code


# -- a version waits for review ---------------------------------------------------------------------


def test_a_version_awaiting_review_tells_the_providers_reviewers_but_never_its_publisher(db_session, world, acting, reviewed,
                                                                                       draft, writer):
    row = publish(db_session, writer, draft)
    told = notices(db_session, kinds.SCENARIO_REVIEW_WAITING)
    assert set(told) == {world.a.admin.id, world.a.assessor.id}
    notice = told[world.a.assessor.id]
    assert notice.endpoint_args == {"version_id": row.id} and notice.params["publisher"] == "Gwen Writer"
    assert kinds.notice_text(notice.kind, notice.params).startswith("Gwen Writer published version 1 of “Title”")
    mail = mail_to(db_session, world.a.assessor)
    assert subject_in_english(mail) == "A scenario version waits for your review" and f"/authoring/reviews/{row.id}" in mail.body


def test_a_second_author_is_told_and_an_administrator_who_publishes_is_not(db_session, world, acting, reviewed, draft, writer):
    publish(db_session, world.a.admin, draft)
    assert set(notices(db_session, kinds.SCENARIO_REVIEW_WAITING)) == {writer.id, world.a.assessor.id}


def test_without_review_a_published_version_tells_nobody(db_session, world, acting, draft, writer):
    publish(db_session, writer, draft)
    assert notices(db_session, kinds.SCENARIO_REVIEW_WAITING) == {}


def test_a_reviewer_who_turned_it_off_hears_nothing_and_daily_waits_for_the_digest(db_session, world, acting, reviewed,
                                                                                   draft, writer):
    save_preferences(db_session, world.a.assessor, every_choice(world.a.assessor, {kinds.SCENARIO_REVIEW_WAITING: OFF}))
    save_preferences(db_session, world.a.admin, every_choice(world.a.admin, {kinds.SCENARIO_REVIEW_WAITING: DAILY}))
    publish(db_session, writer, draft)
    told = notices(db_session, kinds.SCENARIO_REVIEW_WAITING)
    assert set(told) == {world.a.admin.id} and told[world.a.admin.id].message_id is None
    assert mail_to(db_session, world.a.assessor) is None and mail_to(db_session, world.a.admin) is None
    digest = send_digest(db_session, current_delivery(), world.a.admin, date(2026, 12, 6), utcnow(), 3)
    assert "Gwen Writer published version 1 of “Title”" in digest.body and "/authoring/reviews/" in digest.body


def test_the_reviewer_opens_the_versions_review_page(client, db_session, world, app, reviewed, draft, writer):
    with app.test_request_context():
        publish(db_session, writer, draft)
    db_session.commit()
    for reviewer in (world.a.assessor, world.a.admin):
        assert opens(client, reviewer, notices(db_session, kinds.SCENARIO_REVIEW_WAITING)[reviewer.id]) == 200


# -- approved or sent back ----------------------------------------------------------------------------


def test_an_approval_tells_the_publisher_only(db_session, world, acting, reviewed, draft, writer):
    row = publish(db_session, writer, draft)
    review.approve(db_session, world.a.assessor, row)
    told = notices(db_session, kinds.SCENARIO_REVIEWED)
    assert set(told) == {writer.id}
    notice = told[writer.id]
    assert notice.endpoint == "scenario_authoring.draft" and notice.endpoint_args == {"draft_id": draft.id}
    assert kinds.notice_text(notice.kind, notice.params) == (f"{world.a.assessor.name} approved version 1 of “Title”: "
                                                             "learners start it from now on.")
    assert subject_in_english(mail_to(db_session, writer)) == "Your scenario version is approved"


def test_sending_back_tells_the_publisher_the_note_in_their_language(db_session, world, acting, reviewed, draft, writer):
    writer.language = "cy"
    row = publish(db_session, writer, draft)
    review.send_back(db_session, world.a.assessor, row, "The client's first line needs a Welsh version.")
    (notice,) = notices(db_session, kinds.SCENARIO_REVIEWED).values()
    mail = mail_to(db_session, writer)
    with force_locale("cy"):
        text = kinds.notice_text(notice.kind, notice.params)
        assert mail.subject == kinds.email_subject(notice.kind, notice.params) != "Your scenario version is sent back"
    assert "Teitl" in text and "The client's first line needs a Welsh version." in text and text in mail.body


def test_a_publisher_who_turned_it_off_hears_nothing(db_session, world, acting, reviewed, draft, writer):
    save_preferences(db_session, writer, every_choice(writer, {kinds.SCENARIO_REVIEWED: OFF}))
    review.approve(db_session, world.a.assessor, publish(db_session, writer, draft))
    assert notices(db_session, kinds.SCENARIO_REVIEWED) == {} and mail_to(db_session, writer) is None


def test_a_refused_review_tells_nobody(db_session, world, acting, reviewed, draft, writer):
    row = publish(db_session, writer, draft)
    with pytest.raises(Refused):
        review.approve(db_session, writer, row)
    assert notices(db_session, kinds.SCENARIO_REVIEWED) == {}


def test_the_publisher_opens_the_draft_and_reads_the_note_escaped(client, db_session, world, app, reviewed, draft, writer):
    with app.test_request_context():
        review.send_back(db_session, world.a.assessor, publish(db_session, writer, draft), "<b>Welsh</b> & more")
    db_session.commit()
    login_as(client, writer)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "&lt;b&gt;Welsh&lt;/b&gt; &amp; more" in page and "<b>Welsh</b>" not in page
    assert opens(client, writer, notices(db_session, kinds.SCENARIO_REVIEWED)[writer.id]) == 200


# -- offered to the site, accepted or declined ------------------------------------------------------


@pytest.fixture
def offered(db_session, app, draft, writer):
    with app.test_request_context():
        publish(db_session, writer, draft)
        return sharing.offer(db_session, writer, draft)


def test_an_offer_tells_the_site_administrators_only(db_session, world, offered, writer):
    told = notices(db_session, kinds.SCENARIO_OFFERED)
    assert set(told) == {world.site_admin.id}
    notice = told[world.site_admin.id]
    assert notice.endpoint == "scenario_sharing.offer_page" and notice.endpoint_args == {"draft_id": offered.id}
    assert kinds.notice_text(notice.kind, notice.params) == (f"Gwen Writer of {world.a.provider.name} offered “Title” to "
                                                             "the site: read it, then accept or decline it.")


def test_every_site_administrator_is_told_unless_they_turned_it_off(db_session, world, acting, draft, writer):
    second, third = make_user(db_session, site_admin=True), make_user(db_session, site_admin=True)
    save_preferences(db_session, third, every_choice(third, {kinds.SCENARIO_OFFERED: OFF}))
    assert [kind.name for kind in kinds.kinds_for(third)] == [kinds.SCENARIO_OFFERED]
    publish(db_session, writer, draft)
    sharing.offer(db_session, writer, draft)
    assert set(notices(db_session, kinds.SCENARIO_OFFERED)) == {world.site_admin.id, second.id}


def test_accepting_tells_the_person_who_offered_it(db_session, world, offered, writer, acting):
    sharing.accept(db_session, world.site_admin, offered)
    told = notices(db_session, kinds.SCENARIO_SHARE_DECIDED)
    assert set(told) == {writer.id}
    notice = told[writer.id]
    assert notice.endpoint_args == {"draft_id": offered.id}
    assert kinds.notice_text(notice.kind, notice.params).startswith("“Title” is shared with the site")
    assert subject_in_english(mail_to(db_session, writer)) == "Your scenario is shared with the site"


def test_declining_tells_the_person_who_offered_it_with_the_note(db_session, world, offered, writer, acting):
    sharing.decline(db_session, world.site_admin, offered, "It names a real company.")
    (notice,) = notices(db_session, kinds.SCENARIO_SHARE_DECIDED).values()
    assert notice.user_id == writer.id
    assert kinds.notice_text(notice.kind, notice.params) == ("A site administrator declined to share “Title” with the "
                                                             "site. Their note: It names a real company.")


def test_an_author_who_turned_the_answer_off_hears_nothing(db_session, world, offered, writer, acting):
    save_preferences(db_session, writer, every_choice(writer, {kinds.SCENARIO_SHARE_DECIDED: OFF}))
    sharing.accept(db_session, world.site_admin, offered)
    assert notices(db_session, kinds.SCENARIO_SHARE_DECIDED) == {}


def test_the_links_open_the_offer_for_the_site_administrator_and_the_draft_for_the_author(client, db_session, world,
                                                                                          offered, writer, app):
    with app.test_request_context():
        sharing.decline(db_session, world.site_admin, offered, "Not yet.")
    db_session.commit()
    assert opens(client, world.site_admin, notices(db_session, kinds.SCENARIO_OFFERED)[world.site_admin.id]) == 200
    assert opens(client, writer, notices(db_session, kinds.SCENARIO_SHARE_DECIDED)[writer.id]) == 200


def test_the_choices_page_offers_each_person_their_scenario_kinds(client, db_session, world, writer):
    db_session.commit()
    pages = {}
    for person in (writer, world.a.assessor, world.site_admin, world.a.learner):
        login_as(client, person)
        pages[person.id] = client.get("/notifications/preferences").get_data(as_text=True)
    assert "Your scenario version is approved or sent back" in pages[writer.id]
    assert "A scenario version waits for your review" in pages[world.a.assessor.id]
    assert "Your scenario version is approved or sent back" not in pages[world.a.assessor.id]
    assert "A provider offers a scenario to the site" in pages[world.site_admin.id]
    assert "scenario" not in pages[world.a.learner.id].split("<main")[1]

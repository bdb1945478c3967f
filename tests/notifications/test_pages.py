"""The pages: the header's unread count, the list (newest first, a page at a time), opening and marking read, the choices."""
import re

from sqlalchemy import select

from assessor.notifications import kinds
from assessor.notifications.models import AT_ONCE, DAILY, OFF, Notice, Preference

from ..factories import login_as
from ..queries import counted_queries


def add_notices(session, user, count: int) -> list[Notice]:
    notices = [Notice(user_id=user.id, kind=kinds.ASSESSED, params={"reference": f"E-{n:03d}", "title": f"Item {n}"},
                      endpoint="evidence.portfolio", endpoint_args={}, delivery=AT_ONCE) for n in range(count)]
    session.add_all(notices)
    session.commit()
    return notices


def header_count(page: str) -> str | None:
    found = re.search(r'id="notifications-link">[^<]*<strong class="govuk-tag govuk-tag--blue">(\d+)', page)
    return found.group(1) if found else None


def test_the_header_counts_unread_notices_in_one_query(client, db_session, world):
    login_as(client, world.a.learner)
    assert header_count(client.get("/").get_data(as_text=True)) is None
    add_notices(db_session, world.a.learner, 3)
    with counted_queries(db_session.get_bind()) as few:
        page = client.get("/").get_data(as_text=True)
    add_notices(db_session, world.a.learner, 20)
    with counted_queries(db_session.get_bind()) as many:
        client.get("/")
    assert header_count(page) == "3" and len(many) == len(few)
    assert sum("notices" in statement for statement in few) == 1


def test_the_list_is_newest_first_a_page_at_a_time(client, app, db_session, world):
    app.config["NOTICES_PER_PAGE"] = 5
    add_notices(db_session, world.a.learner, 7)
    login_as(client, world.a.learner)
    first = client.get("/notifications/").get_data(as_text=True)
    assert first.index("Item 6") < first.index("Item 2") and "Item 1" not in first
    assert "Item 0" in client.get("/notifications/?page=2").get_data(as_text=True)


def test_opening_a_notice_marks_it_read_and_goes_to_the_thing(client, db_session, world):
    (notice,) = add_notices(db_session, world.a.learner, 1)
    login_as(client, world.a.learner)
    response = client.get(f"/notifications/{notice.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/portfolio")
    assert db_session.get(Notice, notice.id).read_at is not None and header_count(client.get("/").get_data(as_text=True)) is None


def test_mark_one_and_mark_all_read(client, app, db_session, world):
    app.config["WTF_CSRF_ENABLED"] = False
    first, second, third = add_notices(db_session, world.a.learner, 3)
    login_as(client, world.a.learner)
    client.post(f"/notifications/{first.id}/read")
    assert header_count(client.get("/").get_data(as_text=True)) == "2"
    page = client.post("/notifications/read-all", follow_redirects=True).get_data(as_text=True)
    assert "All your notifications are marked as read." in page and header_count(page) is None


def test_someone_elses_notice_is_not_found(client, db_session, world):
    (notice,) = add_notices(db_session, world.a.learner, 1)
    login_as(client, world.a.other_learner)
    assert client.get(f"/notifications/{notice.id}").status_code == 404
    assert "Item 0" not in client.get("/notifications/").get_data(as_text=True)


def test_the_choices_page_offers_the_persons_kinds_and_saves_them(client, app, db_session, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.assessor)
    page = client.get("/notifications/preferences").get_data(as_text=True)
    assert "A learner countersigned your sign-off" in page and "Your evidence is referred back" not in page
    refused = client.post("/notifications/preferences", data={kinds.COUNTERSIGNED: DAILY})
    assert refused.status_code == 422 and "Choose how you want to hear about this." in refused.get_data(as_text=True)
    choices = {kinds.COUNTERSIGNED: DAILY, kinds.IQA_REFERRAL: AT_ONCE, kinds.WAITING: DAILY, kinds.WITNESS_SIGNED: OFF,
               kinds.SCENARIO_REVIEW_WAITING: AT_ONCE}
    assert client.post("/notifications/preferences", data=choices).status_code == 302
    saved = dict(db_session.execute(select(Preference.kind, Preference.delivery).where(Preference.user_id == world.a.assessor.id)).all())
    assert saved == choices


def test_the_pages_speak_welsh_to_a_welsh_reader(client, db_session, world):
    world.a.learner.language = "cy"
    add_notices(db_session, world.a.learner, 1)
    login_as(client, world.a.learner)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Hysbysiadau" in page and "hasesu: mae pob maen prawf" in page

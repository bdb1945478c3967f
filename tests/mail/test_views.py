"""The outbox pages: site administrators only; bodies shown safely."""
from assessor.mail.models import OutboxMessage

from ..factories import login_as


def add_message(db_session, **fields) -> OutboxMessage:
    message = OutboxMessage(**{"to_address": "nia@example.org", "subject": "Croeso", "body": "Body", **fields})
    db_session.add(message)
    db_session.commit()
    return message


def test_site_administrator_sees_messages_with_their_delivery(client, db_session, world):
    add_message(db_session, subject="Failed one", error="550 no such mailbox", state="failed")
    login_as(client, world.site_admin)
    page = client.get("/admin/outbox/").get_data(as_text=True)
    assert "Failed one" in page and "550 no such mailbox" in page and "nia@example.org" in page


def test_empty_outbox_says_so(client, world):
    login_as(client, world.site_admin)
    assert "No emails have been sent yet" in client.get("/admin/outbox/").get_data(as_text=True)


def test_message_page_escapes_the_body_and_links_urls(client, db_session, world):
    message = add_message(db_session, body="<img src=x onerror=alert(1)>\nSet it: http://localhost/invitation/abc")
    login_as(client, world.site_admin)
    page = client.get(f"/admin/outbox/{message.id}").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert 'href="http://localhost/invitation/abc"' in page


def test_provider_administrators_cannot_read_the_outbox(client, db_session, world):
    message = add_message(db_session)
    login_as(client, world.a.admin)
    assert client.get("/admin/outbox/").status_code == 403
    assert client.get(f"/admin/outbox/{message.id}").status_code == 403

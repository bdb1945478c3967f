"""Issue 14's journey: an author writes a short scenario in both languages, follows the check's link to the field it
names and fixes it with the node's form, previews the draft and publishes it; a learner of the provider plays it and
adds it to the portfolio as evidence, while a learner of another provider never sees it. axe-core on every page."""
import re

import pytest
from sqlalchemy.orm import Session

from assessor import demo as people
from assessor.accounts.models import LEARNER
from assessor.db import make_engine

from ..factories import PASSWORD, make_provider, make_user

pytestmark = pytest.mark.browser

AUTHOR = people.PROVIDER_ADMIN_PERSON
#: a learner whom no other browser test signs in as, enrolled on SKSCMGS11 version 3 by the demo
PLAYER = people.LEARNERS[3]
OUTSIDER_EMAIL = "dysgwr.arall@darparwr-arall.example"
SCENARIO_ID = "browser-journey-short"
TITLE = {"cy": "Cwsmer ar frys", "en": "A customer in a hurry"}
WELSH_CHOICE = "Holi beth yw pwrpas y fideo a phwy fydd yn ei wylio."
SOURCE = f"""\
id: {SCENARIO_ID}
version: 1
title: {{cy: "{TITLE['cy']}", en: "{TITLE['en']}"}}
summary:
  cy: "Mae perchennog siop eisiau fideo erbyn dydd Gwener. Ymarferwch holi beth sydd ei angen cyn addo dim."
  en: "A shop owner wants a video by Friday. Practise asking what is needed before promising anything."
standards:
  - urn: SKSCMGS11
    version: "3"
    criteria: [P1, P2]
duration_minutes: 5
persona:
  name: "Dewi Prys"
  role: {{cy: "Perchennog siop", en: "Shop owner"}}
  organisation: "Siop Dewi"
  cares_about: {{cy: "Cael y fideo mewn pryd", en: "Getting the video on time"}}
state:
  trust: {{initial: 5, min: 0, max: 10, visible: true, label: {{cy: "Ymddiriedaeth", en: "Trust"}}}}
start: greet
nodes:
  greet:
    client: {{cy: "Dw i angen fideo erbyn dydd Gwener. Allwch chi ei wneud?", en: "I need a video by Friday. Can you do it?"}}
    choices:
      - text: {{cy: "", en: "Ask what the video is for and who will watch it."}}
        effects: {{trust: +2}}
        shows: [P1]
        feedback: {{cy: "Da: rydych chi'n holi cyn addo.", en: "Good: you ask before promising."}}
        next: agree
      - text: {{cy: "Addo y bydd popeth yn barod.", en: "Promise everything will be ready."}}
        effects: {{trust: -3}}
        fails_to_show: [P1]
        feedback: {{cy: "Rydych chi wedi addo heb wybod beth sydd ei angen.", en: "You promised without knowing what is needed."}}
        next: agree
  agree:
    client: {{cy: "Mae i'w ddangos yn y ffenest. Beth nesaf?", en: "It is for the shop window. What next?"}}
    choices:
      - text: {{cy: "Ysgrifennu'r hyn a gytunwyd a'i anfon ato.", en: "Write down what was agreed and send it to him."}}
        shows: [P2]
        next:
          - {{if: "trust >= 6", goto: done}}
          - {{else: lost}}
      - text: {{cy: "Dechrau ffilmio ar unwaith.", en: "Start filming at once."}}
        fails_to_show: [P2]
        next: lost
  done:
    ending:
      outcome: resolved
      debrief: {{cy: "Fe wnaethoch chi holi, cytuno a chofnodi.", en: "You asked, agreed and recorded."}}
  lost:
    ending:
      outcome: relationship_lost
      debrief: {{cy: "Mae Dewi wedi mynd at rywun arall.", en: "Dewi has gone to someone else."}}
"""


@pytest.fixture(scope="module")
def outsider(browser_database) -> str:
    """A learner of another provider, in the live server's database."""
    engine = make_engine(browser_database)
    with Session(engine) as session:
        provider = make_provider(session, "Darparwr Arall")
        make_user(session, provider=provider, roles=[LEARNER], email=OUTSIDER_EMAIL, name="Dysgwr Arall", language="cy")
        session.commit()
    engine.dispose()
    return OUTSIDER_EMAIL


def write_and_fix(page, ui, axe) -> str:
    """The author pastes the scenario, follows the check's link to the empty Welsh and fills it in; the draft's URL."""
    page.goto("/authoring/scenarios/new")
    axe(page)
    page.get_by_label(ui(page, "The scenario in YAML"), exact=True).fill(SOURCE)
    page.get_by_role("button", name=ui(page, "Save the draft"), exact=True).click()
    page.wait_for_url(re.compile(r"/authoring/scenarios/\d+$"))
    draft_url = page.url
    problems = page.locator("#check-results [data-problem]")
    assert problems.count() == 1 and problems.first.get_attribute("data-node") == "greet"
    axe(page)
    problems.first.get_by_role("link", name=ui(page, "Go to %(place)s", place="greet"), exact=True).click()
    page.wait_for_url(re.compile(r"/nodes/greet#"))
    field = page.locator("#" + page.url.split("#", 1)[1])
    assert field.input_value() == ""
    axe(page)
    field.fill(WELSH_CHOICE)
    page.get_by_role("button", name=ui(page, "Save node"), exact=True).click()
    page.wait_for_url(re.compile(r"/nodes/greet"))
    page.goto(draft_url)
    page.get_by_text(ui(page, "The check found no problems."), exact=True).wait_for()
    assert page.locator("#scenario-map svg a").count() == 4
    assert WELSH_CHOICE in page.get_by_label(ui(page, "The scenario in YAML"), exact=True).input_value()
    return draft_url


def preview(page, ui, axe) -> None:
    """The author plays the draft in Welsh, jumps back to the start, and reaches the good ending."""
    page.get_by_role("link", name=ui(page, "Preview the draft in the player"), exact=True).click()
    page.get_by_label(ui(page, "Welsh"), exact=True).check()
    page.get_by_role("button", name=ui(page, "Start the preview"), exact=True).click()
    page.wait_for_url(re.compile(r"/preview$"))
    assert page.locator("h1").inner_text() == TITLE["cy"]
    page.get_by_label(WELSH_CHOICE, exact=True).check()
    page.get_by_role("button", name=ui(page, "Send"), exact=True).click()
    page.locator("#preview-node").get_by_text("agree", exact=True).wait_for()
    assert page.locator('[data-variable="trust"]').inner_text() == "7"
    axe(page)
    page.get_by_label(ui(page, "Node"), exact=True).select_option("greet")
    page.get_by_role("button", name=ui(page, "Jump"), exact=True).click()
    page.locator("#preview-node").get_by_text("greet", exact=True).wait_for()
    page.get_by_label(WELSH_CHOICE, exact=True).check()
    page.get_by_role("button", name=ui(page, "Send"), exact=True).click()
    page.get_by_label("Ysgrifennu'r hyn a gytunwyd a'i anfon ato.", exact=True).check()
    page.get_by_role("button", name=ui(page, "Send"), exact=True).click()
    page.locator("#player-ending").wait_for()
    axe(page)


def publish(page, ui, axe, draft_url: str) -> None:
    page.goto(draft_url)
    page.get_by_role("button", name=ui(page, "Publish a new version"), exact=True).click()
    page.get_by_role("link", name=ui(page, "Download version %(version)s", version=1), exact=True).wait_for()
    axe(page)


def play_and_keep(page, ui, axe, screenshot) -> None:
    """The learner starts the scenario, takes the better choices to the good ending, and adds it to the portfolio."""
    page.goto("/scenarios/")
    card = page.locator(f"#scenario-{SCENARIO_ID}")
    axe(page)
    card.get_by_role("button", name=re.compile("^" + ui(page, "Start"))).click()
    page.wait_for_url(re.compile(r"/scenarios/attempts/\d+$"))
    for _turn in range(2):
        turns = page.locator("#conversation > li").count()
        page.locator("input[name=choice]").first.check()
        page.get_by_role("button", name=ui(page, "Send"), exact=True).click()
        page.wait_for_function(f"() => document.querySelectorAll('#conversation > li').length > {turns}")
    page.locator("#player-ending").wait_for()
    axe(page)
    page.get_by_role("link", name=ui(page, "See your debrief")).click()
    axe(page)
    page.get_by_label(ui(page, "Your reflection")).fill("I asked what the video was for before agreeing, and wrote it down.")
    page.get_by_role("button", name=ui(page, "Add to my portfolio")).click()
    page.wait_for_url(re.compile(r"/learners/\d+/evidence/\d+$"))
    assert page.get_by_text(TITLE["en"]).count() + page.get_by_text(TITLE["cy"]).count() >= 1
    assert page.get_by_text(re.compile(r"\bP1\b")).count() >= 1 and page.get_by_text(re.compile(r"\bP2\b")).count() >= 1
    axe(page)
    screenshot(page, "authored-scenario-evidence")


def test_an_author_writes_fixes_previews_and_publishes_and_only_the_providers_learner_plays_it(
        page, demo, outsider, sign_in, sign_out, ui, axe, screenshot):
    sign_in(page, AUTHOR.email, demo.password)
    draft_url = write_and_fix(page, ui, axe)
    preview(page, ui, axe)
    publish(page, ui, axe, draft_url)
    sign_out(page)

    sign_in(page, PLAYER.email, demo.password)
    play_and_keep(page, ui, axe, screenshot)
    sign_out(page)

    sign_in(page, outsider, PASSWORD)
    page.goto("/scenarios/")
    axe(page)
    assert page.locator(f"#scenario-{SCENARIO_ID}").count() == 0
    assert page.get_by_text(TITLE["cy"]).count() == 0 and page.get_by_text(TITLE["en"]).count() == 0

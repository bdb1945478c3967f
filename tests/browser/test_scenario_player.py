"""A learner plays a scenario with JavaScript on, writes a reply, adds the transcript to the portfolio and submits it."""
import re

import pytest

from assessor import demo as people

from .conftest import PHONE, _run_assessor

pytestmark = pytest.mark.browser

#: a learner reading English whom no other browser test signs in as
PLAYER = people.LEARNERS[10]
SCENARIO_ID = "creative-agency-new-decision-maker"
#: the debrief at 390 px, its criteria stacked (7,528 px while they were tables scrolling sideways; 6,311 px stacked)
DEBRIEF_MOST_PX = 6_800
REFLECTION = ("I asked who now makes the decisions before agreeing anything, and I put the options and their "
              "costs in writing. Next time I would confirm the change note the same day.")


@pytest.fixture
def scenarios_loaded(browser_database, demo):
    _run_assessor(browser_database, ["scenarios", "load"])


def minimum_words(page, ui) -> re.Pattern:
    return re.compile(re.escape(ui(page, "Write at least %(minimum)d words.")).replace(re.escape("%(minimum)d"), r"(\d+)"))


def reply_words(count: int) -> str:
    return " ".join(["I", "will", "set", "out", "the", "options", "and", "their", "costs", "clearly"] * (count // 10 + 1))


def test_a_learner_plays_to_an_ending_and_submits_the_transcript(page, demo, scenarios_loaded, sign_in, ui, fits_width, axe,
                                                                   screenshot):
    sign_in(page, PLAYER.email, demo.password)
    page.goto("/scenarios/")
    axe(page)
    card = page.locator(f"#scenario-{SCENARIO_ID}")
    card.get_by_role("button", name=re.compile("^" + ui(page, "Start"))).click()
    page.wait_for_url(re.compile(r"/scenarios/attempts/\d+$"))
    page.evaluate("() => { window.notReloaded = true; }")
    axe(page)
    wrote = False
    for _turn in range(30):
        if page.locator("#player-ending").count():
            break
        turns = page.locator("#conversation > li").count()
        if page.locator("textarea[name=answer]").count():
            minimum = int(minimum_words(page, ui).search(page.locator("#answer-hint").inner_text())[1])
            page.locator("textarea[name=answer]").fill(reply_words(minimum))
            wrote = True
        else:
            page.locator("input[name=choice]").first.check()
        page.get_by_role("button", name=ui(page, "Send"), exact=True).click()
        page.wait_for_function(f"() => document.querySelectorAll('#conversation > li').length > {turns}")
        focused = page.evaluate("() => document.activeElement.id")
        assert focused.startswith("message-") or focused == "player-ending"
        assert page.evaluate("() => window.notReloaded === true"), "the page was reloaded"
    else:
        pytest.fail("no ending reached")
    assert wrote, "the path had no written reply"
    page.wait_for_function("() => document.getElementById('player-announcer').textContent.trim() !== ''")
    axe(page)
    screenshot(page, "scenario-ended")
    page.get_by_role("link", name=ui(page, "See your debrief")).click()
    page.set_viewport_size(PHONE)
    reflection = page.get_by_label(ui(page, "Your reflection"))
    path = page.locator("details#path-details")
    assert reflection.is_visible() and reflection.bounding_box()["y"] < 1500, "the reflection comes near the top"
    assert path.evaluate("details => !details.open") and not page.locator("#path").is_visible(), "the path is folded"
    assert reflection.evaluate("box => box.compareDocumentPosition(document.getElementById('path-details')) & 4"), \
        "the reflection comes before the path"
    for table in page.locator("main .app-table-stack").all():
        assert table.evaluate("table => table.scrollWidth <= table.parentElement.clientWidth"), "the criteria reflow, never scroll"
    assert page.evaluate("document.documentElement.scrollHeight") < DEBRIEF_MOST_PX, "the debrief stays short on a phone"
    fits_width(page)
    axe(page)
    screenshot(page, "scenario-debrief-phone")
    path.get_by_text(ui(page, "The path you took")).click()
    assert page.locator("#path").is_visible()
    fits_width(page)
    axe(page)
    page.set_viewport_size({"width": 1024, "height": 768})
    reflection.fill(REFLECTION)
    page.get_by_role("button", name=ui(page, "Add to my portfolio")).click()
    page.wait_for_url(re.compile(r"/learners/\d+/evidence/\d+$"))
    assert page.get_by_role("heading", name=ui(page, "Rubric for this reply")).first.is_visible()
    axe(page)
    screenshot(page, "scenario-evidence")
    page.get_by_role("link", name=ui(page, "Submit for assessment")).click()
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=ui(page, "Submit for assessment")).click()
    page.wait_for_url(re.compile(r"/learners/\d+/evidence/\d+$"))
    submitted = ui(page, "%(reference)s has been submitted for assessment.", reference="E-NUMBER")
    assert page.get_by_text(re.compile(re.escape(submitted).replace("E\\-NUMBER", r"E-\d+"))).is_visible()

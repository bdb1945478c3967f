"""A referral and a resubmission: the learner writes an account claiming three criteria; the assessor meets two
and refers the third back; the learner adds a paragraph and submits again; the assessor sees what changed and
only the criterion not yet met, marks every claimed criterion met with one feedback and records it; the IQA reads
each submission as it was judged. The learner is one no other browser test uses (the demo gave them evidence of their
own, which the journey leaves alone: it finds its item by reference)."""
import re

import pytest

from assessor import demo as people
from assessor.demo.people import assignment_for

from . import test_evidence_journey
from .conftest import PHONE
from .test_evidence_journey import (
    fill_details,
    map_criteria,
    open_menu,
    rows_of,
    save_draft,
    start_item,
    submit_item,
)

pytestmark = pytest.mark.browser
#: the fixture that signs out whoever is signed in, signs a person in and checks their landing page
enter = test_evidence_journey.enter

LEARNER_INDEX = 9
FIRST = "I agreed with the customer how often they wanted to hear from us."
ADDED = "Every week I sent them a short note of what had changed."
CLAIMS = {"P1": "", "P2": "", "P3": "The second paragraph."}
REFERRAL = "Say how you kept in touch after the first call."
BULK = "Clearly shown in the new paragraph."


def learner_writes_and_submits(page, ui, axe) -> tuple[str, str]:
    """The account, mapped and submitted; its reference and its page's address."""
    title = "Keeping in touch with a customer"
    start_item(page, ui, axe, "Written account")
    fill_details(page, ui, title)
    page.get_by_label(ui(page, "Your account"), exact=True).fill(FIRST)
    reference = save_draft(page, ui, axe, title)
    item_url = page.url
    map_criteria(page, ui, axe, None, CLAIMS, reference)
    submit_item(page, ui, axe, reference)
    return reference, item_url


def open_review(page, ui, axe, learner, reference: str) -> None:
    open_menu(page, ui, "Assessment", "Assessment queue")
    rows_of(page, learner).get_by_role("link", name=re.compile(f"^{reference} ")).click()
    page.get_by_role("heading", level=1, name=re.compile("^" + re.escape(ui(page, "Review %(reference)s", reference=reference)))).wait_for()
    axe(page)


def assessor_refers(page, ui, axe, learner, reference: str) -> None:
    open_review(page, ui, axe, learner, reference)
    for code in CLAIMS:
        outcome = "Not yet met" if code == "P3" else "Met"
        page.get_by_role("group", name=ui(page, "Decision on %(code)s", code=code), exact=True).get_by_role("radio", name=ui(page, outcome), exact=True).check()
    page.get_by_label(ui(page, "Feedback on %(code)s", code="P3"), exact=True).fill(REFERRAL)
    page.get_by_role("button", name=ui(page, "Save decisions"), exact=True).click()
    done = "Your decisions on %(reference)s are saved. The evidence has gone back to the learner with your feedback."
    page.get_by_text(ui(page, done, reference=reference), exact=True).wait_for()


def learner_changes_and_resubmits(page, ui, axe, reference: str, item_url: str) -> None:
    page.goto(item_url)
    assert page.get_by_role("cell", name=REFERRAL, exact=True).is_visible()
    page.get_by_role("link", name=ui(page, "Change details"), exact=True).click()
    page.get_by_label(ui(page, "Your account"), exact=True).fill(f"{FIRST}\n\n{ADDED}")
    axe(page)
    page.get_by_role("button", name=ui(page, "Save changes"), exact=True).click()
    page.get_by_text(ui(page, "Your changes have been saved."), exact=True).wait_for()
    submit_item(page, ui, axe, reference)


def fits_a_phone(page, fits_width) -> None:
    """The page at 390 px wide: nothing scrolls it sideways (the diff wraps)."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    fits_width(page)
    page.set_viewport_size(size)


def assessor_sees_the_changes_and_marks_all_met(page, ui, axe, screenshot, fits_width, learner, reference: str) -> None:
    open_review(page, ui, axe, learner, reference)
    fits_a_phone(page, fits_width)
    main = page.get_by_role("main")
    main.get_by_role("heading", name=ui(page, "What changed since submission %(number)d", number=1), exact=True).wait_for()
    added = main.locator("ins")
    assert added.count() == 1 and ADDED in added.inner_text()
    assert ui(page, "Added:") in added.locator(".govuk-visually-hidden").first.inner_text()
    assert main.get_by_role("heading", name=ui(page, "Met on an earlier submission"), exact=True).is_visible()
    reason = page.get_by_label(ui(page, "Why %(code)s needs deciding again", code="P1"), exact=True)
    assert not reason.is_visible(), "the questions for deciding P1 again show only once asked for"
    reopen = page.get_by_role("checkbox", name=ui(page, "Decide %(code)s again", code="P1"), exact=True)
    reopen.check()
    assert reason.is_visible()
    reopen.uncheck()
    asked = [code for code in CLAIMS if page.get_by_role("group", name=ui(page, "Decision on %(code)s", code=code), exact=True).count()]
    assert asked == ["P3"], "only the criterion not yet met is asked"
    page.get_by_label(ui(page, "Feedback for every criterion (optional)"), exact=True).fill(BULK)
    page.get_by_role("button", name=ui(page, "Mark every claimed criterion met"), exact=True).click()
    marked = "Every criterion below is set to met. Check each one and change any that is not met, then save your decisions. Nothing is saved yet."
    page.get_by_text(ui(page, marked), exact=True).wait_for()
    decision = page.get_by_role("group", name=ui(page, "Decision on %(code)s", code="P3"), exact=True)
    assert decision.get_by_role("radio", name=ui(page, "Met"), exact=True).is_checked()
    assert page.get_by_label(ui(page, "Feedback on %(code)s", code="P3"), exact=True).input_value() == BULK
    axe(page)
    screenshot(page, "resubmission-1-review")
    page.get_by_role("button", name=ui(page, "Save decisions"), exact=True).click()
    done = ui(page, "Your decisions on %(reference)s are saved. The evidence is assessed.", reference=reference)
    page.get_by_text(done, exact=True).wait_for()


def iqa_reads_each_version(page, ui, axe, screenshot, fits_width, item_url: str) -> None:
    page.goto(item_url)
    cards = page.locator(".govuk-summary-card")
    first = cards.filter(has=page.get_by_role("heading", name=ui(page, "Submission %(number)d", number=1), exact=True))
    second = cards.filter(has=page.get_by_role("heading", name=ui(page, "Submission %(number)d", number=2), exact=True))
    for card in (first, second):
        card.get_by_text(ui(page, "What was submitted"), exact=True).click()
    assert FIRST in first.inner_text() and ADDED not in first.inner_text()
    assert ADDED in second.inner_text()
    axe(page)
    fits_a_phone(page, fits_width)
    screenshot(page, "resubmission-2-iqa-history")


def test_a_resubmission_shows_the_changes_asks_only_what_is_unmet_and_keeps_what_was_judged(page, enter, ui, axe, screenshot,
                                                                                          fits_width):
    learner = people.LEARNERS[LEARNER_INDEX]
    assessor, iqa = assignment_for(LEARNER_INDEX)
    enter(learner)
    reference, item_url = learner_writes_and_submits(page, ui, axe)
    enter(assessor)
    assessor_refers(page, ui, axe, learner, reference)
    enter(learner)
    learner_changes_and_resubmits(page, ui, axe, reference, item_url)
    enter(assessor)
    assessor_sees_the_changes_and_marks_all_met(page, ui, axe, screenshot, fits_width, learner, reference)
    enter(iqa)
    iqa_reads_each_version(page, ui, axe, screenshot, fits_width, item_url)

"""A learner submits several drafts with one declaration: ticked on the portfolio, one that claims nothing shown
with the reason and left as it is; then their assessor finds the two in the queue with its filters and search."""
import re

import pytest

from assessor import demo as people
from assessor.demo.people import assignment_for

from .test_evidence_journey import counted, fill_details, map_criteria, open_menu, save_draft, start_item

pytestmark = pytest.mark.browser

#: a learner the demo leaves without evidence and no other browser test uses (Welsh, so the pages are in Welsh)
LEARNER_INDEX = 3
DRAFTS = {"Cyfarfod gyda chwsmer newydd": {"P1": "", "P2": ""}, "Galwad ddilynol": {"P3": ""}, "Nodiadau heb feini prawf": {}}


def add_account(page, ui, axe, title: str) -> str:
    start_item(page, ui, axe, "Written account")
    fill_details(page, ui, title)
    page.get_by_label(ui(page, "Your account"), exact=True).fill("Beth wnes i, pryd, a pham.")
    return save_draft(page, ui, axe, title)


def tick_on_the_portfolio(page, ui, axe, drafts: dict[str, str]) -> None:
    open_menu(page, ui, "My portfolio", "Your portfolio")
    for title, reference in drafts.items():
        page.get_by_role("checkbox", name=ui(page, "Submit %(reference)s %(title)s", reference=reference, title=title), exact=True).check()
    axe(page)
    page.get_by_role("button", name=ui(page, "Submit the ticked items"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Submit evidence for assessment"), exact=True).wait_for()


def check_and_declare(page, ui, axe, screenshot, drafts: dict[str, str]) -> None:
    """Two ready, one not (with its reason and no way to send it); one declaration sends the two."""
    ready, bare = list(drafts.values())[:2], list(drafts.values())[2]
    table = page.get_by_role("table")
    assert [re.match(r"E-\d+", text)[0] for text in table.get_by_role("rowheader").all_inner_texts()] == ready
    reason = ui(page, "Choose the criteria this evidence shows before submitting it: use “Choose criteria” on the evidence page.")
    assert page.get_by_role("main").get_by_text(reason, exact=True).count() == 1
    assert page.get_by_role("link", name=re.compile(f"^{bare} ")).is_visible()
    axe(page)
    screenshot(page, "submit-several-check")
    page.get_by_role("main").get_by_role("checkbox").check()
    page.get_by_role("button", name=counted(page, "Submit %(num)d item for assessment", "Submit %(num)d items for assessment")).click()
    page.get_by_text(re.compile(re.escape(", ".join(ready)) + r"\.$")).wait_for()
    axe(page)


def portfolio_statuses(page, ui, drafts: dict[str, str]) -> list[str]:
    rows = [page.get_by_role("row").filter(has_text=reference) for reference in drafts.values()]
    return [row.locator(".govuk-tag").inner_text() for row in rows]


def assessor_filters_the_queue(page, ui, axe, screenshot, learner: people.Person, drafts: dict[str, str]) -> None:
    open_menu(page, ui, "Assessment", "Assessment queue")
    page.get_by_label(ui(page, "Search"), exact=True).fill(learner.name.split()[0])
    page.get_by_label(ui(page, "Waiting more than"), exact=True).fill("")
    page.get_by_role("button", name=ui(page, "Apply filters"), exact=True).click()
    page.wait_for_url(re.compile(r"q="))
    assert page.get_by_label(ui(page, "Search"), exact=True).input_value() == learner.name.split()[0], "the search is kept"
    found = [re.match(r"E-\d+", text)[0] for text in page.get_by_role("table").get_by_role("link").all_inner_texts()]
    assert set(list(drafts.values())[:2]) <= set(found), "both submitted items wait for the assessor"
    assert page.get_by_role("table").get_by_role("rowheader").all_inner_texts() == [learner.name] * len(found), "only that learner's"
    axe(page)
    screenshot(page, "submit-several-queue-filtered")
    second = list(drafts.values())[1]
    page.get_by_label(ui(page, "Search"), exact=True).fill(second)
    page.get_by_label(ui(page, "Learner"), exact=True).select_option(label=learner.name)
    page.get_by_role("button", name=ui(page, "Apply filters"), exact=True).click()
    page.get_by_role("table").wait_for()
    assert [re.match(r"E-\d+", text)[0] for text in page.get_by_role("table").get_by_role("link").all_inner_texts()] == [second]
    page.get_by_label(ui(page, "Search"), exact=True).fill("dim byd fel hyn")
    page.get_by_role("button", name=ui(page, "Apply filters"), exact=True).click()
    page.get_by_text(ui(page, "No evidence matches these filters."), exact=True).wait_for()
    axe(page)
    page.get_by_role("main").get_by_role("link", name=ui(page, "Clear the filters"), exact=True).first.click()
    page.wait_for_url(re.compile(r"/assessment/queue$"))


def test_several_drafts_submitted_with_one_declaration(page, demo, sign_in, sign_out, ui, axe, screenshot):
    learner = people.LEARNERS[LEARNER_INDEX]
    assert learner in people.LEARNERS_WITHOUT_EVIDENCE, "the journey starts from an empty portfolio"
    sign_in(page, learner.email, demo.password)
    drafts = {}
    for title, claims in DRAFTS.items():
        drafts[title] = add_account(page, ui, axe, title)
        if claims:
            map_criteria(page, ui, axe, None, claims, drafts[title])
    tick_on_the_portfolio(page, ui, axe, drafts)
    check_and_declare(page, ui, axe, screenshot, drafts)
    submitted, draft = ui(page, "Submitted"), ui(page, "Draft")
    assert portfolio_statuses(page, ui, drafts) == [submitted, submitted, draft]
    sign_out(page)
    sign_in(page, assignment_for(LEARNER_INDEX)[0].email, demo.password)
    assessor_filters_the_queue(page, ui, axe, screenshot, learner, drafts)

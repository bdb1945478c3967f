"""From a learner's claim to a verified sign-off: the learner adds a file (after a disguised one is refused) and a
written account, maps them to every criterion of LOCAL-CFACSB15 and submits them; the assessor decides every
criterion met and signs the standard off; the learner countersigns; the IQA agrees the sampled decision, or (second
run) refers it back, the assessor responds and the IQA then agrees it. Learners the demo leaves without evidence."""
import re
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from babel.support import Translations
from pypdf import PdfWriter

from assessor import demo as people
from assessor.demo.people import assignment_for
from assessor.timeutil import today

from .conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

URN = "LOCAL-CFACSB15"
CRITERIA = [f"P{n}" for n in range(1, 10)] + [f"G{n}" for n in range(1, 11)]
#: what the file claims, with its notes; the written account claims every other criterion
FILE_CLAIMS = {"P1": "The notes list which customers I follow up each month.", "P2": "", "G1": "I explain how I chose them."}
ACCOUNT_CLAIMS = {code: "" for code in CRITERIA if code not in FILE_CLAIMS}
ACCOUNT = """On the helpdesk I looked after our ten largest customers for a month.

- I rang each of them in the first week to introduce myself
- I agreed how often they wanted to hear from us

The call log is on the [team wiki](https://example.org/wiki/call-log)."""
IQA_ACTION = "Add feedback on G4 that says which part of the account shows it."
RESPONSE = "I have added that feedback for the learner and checked my other decisions on G4."
CATALOGS = {lang: Translations.load(str(PROJECT_ROOT / "assessor" / "translations"), [lang]) for lang in ("cy", "en")}


def counted(page, singular: str, many: str) -> re.Pattern:
    """Any form of an ngettext message, for any count, in the language the page shows."""
    catalog = CATALOGS[page.locator("html").get_attribute("lang") or "en"]
    forms = {re.escape(catalog.ngettext(singular, many, count)).replace(re.escape("%(num)d"), r"\d+") for count in (1, 2, 5)}
    return re.compile(f"^({'|'.join(forms)})$")


def message_pattern(page, ui, msgid: str, **params) -> re.Pattern:
    """The whole message in the page's language: the given placeholders filled in, any others matching anything."""
    pattern = re.escape(ui(page, msgid))
    for name, value in params.items():
        pattern = pattern.replace(re.escape(f"%({name})s"), re.escape(value))
    return re.compile("^" + re.sub(r"%\\\(\w+\\\)s", ".+", pattern) + "$")


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    real, disguised, writer = tmp_path / "customer-call-notes.pdf", tmp_path / "x.pdf", PdfWriter()
    writer.add_blank_page(width=200, height=100)
    writer.write(real)
    disguised.write_text("<!doctype html><title>Not a PDF</title><p>Hello</p>", encoding="utf-8")
    return {"real": real, "disguised": disguised}


def open_menu(page, ui, label: str, heading: str) -> None:
    page.get_by_role("navigation", name=ui(page, "Menu")).get_by_role("link", name=ui(page, label), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, heading), exact=True).wait_for()


def rows_of(page, learner: people.Person):
    return page.get_by_role("row").filter(has_text=learner.name).filter(has_text=URN)


# -- the learner ----------------------------------------------------------------------------------


def start_item(page, ui, axe, kind: str) -> None:
    open_menu(page, ui, "My portfolio", "Your portfolio")
    axe(page)
    page.get_by_role("main").get_by_role("link", name=ui(page, "Add evidence"), exact=True).click()
    page.get_by_role("radio", name=ui(page, kind), exact=True).check()
    axe(page)
    page.get_by_role("button", name=ui(page, "Continue"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Add evidence: %(kind)s", kind=ui(page, kind)), exact=True).wait_for()


def fill_details(page, ui, title: str) -> None:
    page.get_by_label(ui(page, "Title"), exact=True).fill(title)
    page.get_by_label(ui(page, "Date of the activity"), exact=True).fill((today() - timedelta(days=7)).isoformat())


def save_draft(page, ui, axe, title: str) -> str:
    """Save the item; its reference (E-001)."""
    page.get_by_role("button", name=ui(page, "Save as a draft"), exact=True).click()
    page.get_by_role("heading", level=1, name=title, exact=True).wait_for()
    reference = re.match(r"E-\d+", page.locator(".govuk-caption-l").inner_text())[0]
    assert page.get_by_text(ui(page, "%(reference)s has been saved as a draft.", reference=reference)).is_visible()
    axe(page)
    return reference


@contextmanager
def expecting_status(page, status: int):
    """A second tab of the same session for a form that answers `status` (an invalid form: 422).

    Chromium logs every 4xx page as a console error, which the `page` fixture counts as a failure; this tab
    lets that one expected message through and fails on any other console or JavaScript error.
    """
    tab, problems = page.context.new_page(), []
    tab.on("console", lambda message: message.type == "error" and problems.append(message.text))
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.goto(page.url)
    yield tab
    tab.close()
    unexpected = [text for text in problems if f"the server responded with a status of {status}" not in text]
    assert not unexpected, f"the browser reported errors: {unexpected}"
    assert problems, f"no page answered {status}"


def refuse_disguised_file(page, ui, axe, screenshot, files, title: str) -> None:
    """An HTML file named x.pdf: a clear message, and the title as typed."""
    with expecting_status(page, 422) as tab:
        fill_details(tab, ui, title)
        tab.get_by_label(ui(tab, "Files"), exact=True).set_input_files(files["disguised"])
        tab.get_by_role("button", name=ui(tab, "Save as a draft"), exact=True).click()
        refused = message_pattern(tab, ui, "%(name)s is not a type of file we accept. You can upload %(allowed)s.", name="x.pdf")
        tab.get_by_role("alert").get_by_role("link", name=refused).wait_for()
        assert tab.get_by_label(ui(tab, "Title"), exact=True).input_value() == title, "the typed title is kept"
        assert tab.get_by_text(ui(tab, "Files are not kept when there is a problem with the form: choose them again.")).is_visible()
        axe(tab)
        screenshot(tab, "1-disguised-file-refused")


def add_file_item(page, ui, axe, screenshot, files) -> str:
    title = "Customer call notes"
    start_item(page, ui, axe, "Files")
    refuse_disguised_file(page, ui, axe, screenshot, files, title)
    fill_details(page, ui, title)
    page.get_by_label(ui(page, "Description"), exact=True).fill("My notes from the monthly calls.")
    page.get_by_label(ui(page, "Files"), exact=True).set_input_files(files["real"])
    reference = save_draft(page, ui, axe, title)
    assert page.get_by_role("link", name="customer-call-notes.pdf", exact=True).is_visible()
    return reference


def add_account_item(page, ui, axe, screenshot) -> str:
    title = "Looking after our largest customers"
    start_item(page, ui, axe, "Written account")
    fill_details(page, ui, title)
    page.get_by_label(ui(page, "Your account"), exact=True).fill(ACCOUNT)
    reference = save_draft(page, ui, axe, title)
    main = page.get_by_role("main")
    assert main.get_by_role("listitem").filter(has_text="I agreed how often they wanted to hear from us").is_visible()
    assert main.get_by_role("link", name="team wiki", exact=True).get_attribute("href") == "https://example.org/wiki/call-log"
    screenshot(page, "2-written-account")
    return reference


def map_criteria(page, ui, axe, screenshot, claims: dict[str, str], reference: str) -> None:
    """Tick the claimed criteria of the standard and write their notes (a picture of them when `screenshot` is given)."""
    page.get_by_role("link", name=ui(page, "Choose criteria"), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Criteria this evidence shows"), exact=True).wait_for()
    standard = page.get_by_role("group", name=re.compile(re.escape(URN)))
    for code, note in claims.items():
        standard.get_by_role("checkbox", name=re.compile(rf"^{code} ")).check()
        if note:
            standard.get_by_label(ui(page, "How this evidence shows %(code)s (optional)", code=code), exact=True).fill(note)
    axe(page)
    if screenshot:
        screenshot(standard, "3-mapping")
    page.get_by_role("button", name=ui(page, "Save criteria"), exact=True).click()
    saved = "Criteria saved for %(reference)s: %(added)s added, %(removed)s removed, %(changed)s notes changed."
    page.get_by_text(ui(page, saved, reference=reference, added=len(claims), removed=0, changed=0), exact=True).wait_for()


def submit_item(page, ui, axe, reference: str) -> None:
    page.get_by_role("link", name=ui(page, "Submit for assessment"), exact=True).click()
    heading = ui(page, "Submit %(reference)s for assessment", reference=reference)
    page.get_by_role("heading", level=1, name=heading, exact=True).wait_for()
    page.get_by_role("main").get_by_role("checkbox").check()
    axe(page)
    page.get_by_role("button", name=ui(page, "Submit for assessment"), exact=True).click()
    page.get_by_text(ui(page, "%(reference)s has been submitted for assessment.", reference=reference), exact=True).wait_for()


def every_criterion_claimed(page, ui, axe, screenshot) -> None:
    """The standard's matrix: no gaps left."""
    open_menu(page, ui, "My portfolio", "Your portfolio")
    page.get_by_role("link", name=f"{ui(page, 'View the matrix')} {ui(page, 'for %(urn)s', urn=URN)}", exact=True).click()
    page.get_by_role("heading", level=2, name=ui(page, "Criteria and evidence"), exact=True).wait_for()
    assert page.get_by_role("heading", name=ui(page, "Not started yet"), exact=True).count() == 0
    axe(page)
    screenshot(page, "3-matrix")


def learner_submits_both(page, ui, axe, screenshot, files) -> list[str]:
    file_ref = add_file_item(page, ui, axe, screenshot, files)
    map_criteria(page, ui, axe, screenshot, FILE_CLAIMS, file_ref)
    submit_item(page, ui, axe, file_ref)
    account_ref = add_account_item(page, ui, axe, screenshot)
    map_criteria(page, ui, axe, None, ACCOUNT_CLAIMS, account_ref)
    submit_item(page, ui, axe, account_ref)
    every_criterion_claimed(page, ui, axe, screenshot)
    return [file_ref, account_ref]


# -- the assessor, then the learner's countersignature ------------------------------------------


def review_all_met(page, ui, axe, screenshot, learner: people.Person, reference: str, codes) -> int:
    """Decide every criterion the item claims met, with feedback; the enrolment's id (from the page's address)."""
    rows_of(page, learner).get_by_role("link", name=re.compile(f"^{reference} ")).click()
    heading = re.compile("^" + re.escape(ui(page, "Review %(reference)s", reference=reference)))
    page.get_by_role("heading", level=1, name=heading).wait_for()
    axe(page)
    assert page.get_by_role("main").get_by_role("radio", name=ui(page, "Met"), exact=True).count() == len(codes)
    for code in codes:
        decision = page.get_by_role("group", name=ui(page, "Decision on %(code)s", code=code), exact=True)
        decision.get_by_role("radio", name=ui(page, "Met"), exact=True).check()
        page.get_by_label(ui(page, "Feedback on %(code)s", code=code), exact=True).fill(f"{code}: clearly shown.")
    page.get_by_label(ui(page, "Overall feedback to the learner (optional)"), exact=True).fill("Well evidenced, thank you.")
    screenshot(page, f"4-review-{reference}")
    enrolment_id = int(re.search(r"/enrolments/(\d+)$", page.url)[1])
    page.get_by_role("button", name=ui(page, "Save decisions"), exact=True).click()
    done = ui(page, "Your decisions on %(reference)s are saved. The evidence is assessed.", reference=reference)
    page.get_by_text(done, exact=True).wait_for()
    return enrolment_id


def assessor_decides(page, ui, axe, screenshot, learner: people.Person, references: list[str]) -> int:
    """Both items from the queue, oldest first, every criterion met; the enrolment's id."""
    open_menu(page, ui, "Assessment", "Assessment queue")
    axe(page)
    assert [re.match(r"E-\d+", text)[0] for text in rows_of(page, learner).get_by_role("link").all_inner_texts()] == references
    screenshot(page, "5-assessment-queue")
    claims = (FILE_CLAIMS, ACCOUNT_CLAIMS)
    enrolments = {review_all_met(page, ui, axe, screenshot, learner, ref, codes) for ref, codes in zip(references, claims, strict=False)}
    assert rows_of(page, learner).count() == 0, "nothing left to decide"
    return enrolments.pop()


def sign_off_standard(page, ui, axe, screenshot, assessor: people.Person, enrolment_id: int) -> str:
    """No page links to the sign-off form yet, so by its address; the sign-off record's address."""
    page.goto(f"/assessment/enrolments/{enrolment_id}/sign-off")
    page.get_by_role("heading", level=1, name=ui(page, "Sign off the standard"), exact=True).wait_for()
    assert page.get_by_text(ui(page, "%(met)d of %(total)d", met=len(CRITERIA), total=len(CRITERIA)), exact=True).is_visible()
    axe(page)
    page.get_by_role("main").get_by_role("checkbox").check()
    page.get_by_label(ui(page, "Type your full name as your signature"), exact=True).fill(assessor.name)
    screenshot(page, "6-sign-off")
    page.get_by_role("button", name=ui(page, "Sign off the standard"), exact=True).click()
    signed = ui(page, "You signed %(standard)s off. The learner is asked to countersign.", standard=URN)
    page.get_by_text(signed, exact=True).wait_for()
    assert page.get_by_text(ui(page, "Waiting for the learner to countersign"), exact=True).is_visible()
    axe(page)
    return page.url


def learner_countersigns(page, ui, axe, screenshot, learner: people.Person) -> None:
    page.get_by_role("link", name=ui(page, "Your assessor signed %(urn)s off: countersign it", urn=URN), exact=True).click()
    page.get_by_role("heading", level=1, name=ui(page, "Countersign your sign-off"), exact=True).wait_for()
    axe(page)
    page.get_by_label(ui(page, "Type your full name as your signature"), exact=True).fill(learner.name)
    page.get_by_role("button", name=ui(page, "Countersign"), exact=True).click()
    page.get_by_text(ui(page, "You countersigned the sign-off of %(standard)s.", standard=URN), exact=True).wait_for()
    assert page.get_by_text(ui(page, "Signed off and countersigned"), exact=True).is_visible()
    axe(page)
    screenshot(page, "7-countersigned")


# -- quality assurance --------------------------------------------------------------------------


def open_sample(page, ui, axe, learner: people.Person, status: str) -> None:
    """From the IQA's queue, the one sample of this learner's standard, in `status`."""
    open_menu(page, ui, "Quality assurance", "Sampled decisions to check")
    axe(page)
    row = rows_of(page, learner)
    assert row.count() == 1, f"one sample of {learner.name}'s {URN} is waiting"
    assert row.get_by_text(ui(page, status), exact=True).is_visible()
    row.get_by_role("link").click()
    page.get_by_role("heading", level=2, name=ui(page, "Your decision"), exact=True).wait_for()
    axe(page)


def iqa_decides(page, ui, screenshot, learner: people.Person, assessor: people.Person, agree: bool) -> None:
    outcome = "Agree with the assessor's decision" if agree else "Refer it back to the assessor"
    page.get_by_role("radio", name=ui(page, outcome), exact=True).check()
    comment = "Decisions match the evidence." if agree else "G4 needs more."
    page.get_by_label(ui(page, "Comment (optional)"), exact=True).fill(comment)
    if not agree:
        page.get_by_label(ui(page, "Action for the assessor"), exact=True).fill(IQA_ACTION)
    screenshot(page, "8-iqa-agrees" if agree else "8-iqa-refers")
    page.get_by_role("button", name=ui(page, "Save your decision"), exact=True).click()
    done = "You agreed %(assessor)s's decision for %(name)s."
    done = done if agree else "You referred %(assessor)s's decision for %(name)s back with an action."
    page.get_by_text(ui(page, done, assessor=assessor.name, name=learner.name), exact=True).wait_for()


def assessor_responds(page, ui, axe, screenshot, learner: people.Person) -> None:
    open_menu(page, ui, "Assessment", "Assessment queue")
    page.get_by_role("link", name=counted(page, "%(num)d decision referred back to you by the IQA",
                                          "%(num)d decisions referred back to you by the IQA")).click()
    page.get_by_role("heading", level=1, name=ui(page, "Decisions referred back to you"), exact=True).wait_for()
    axe(page)
    row = rows_of(page, learner)
    assert row.get_by_text(IQA_ACTION).is_visible()
    row.get_by_role("link").click()
    heading = ui(page, "Your decision for %(name)s, referred back", name=learner.name)
    page.get_by_role("heading", level=1, name=heading, exact=True).wait_for()
    axe(page)
    page.get_by_label(ui(page, "What you have done about the action"), exact=True).fill(RESPONSE)
    screenshot(page, "9-assessor-responds")
    page.get_by_role("button", name=ui(page, "Send your response to the IQA"), exact=True).click()
    page.get_by_text(ui(page, "Your response has gone back to the IQA."), exact=True).wait_for()
    assert rows_of(page, learner).count() == 0


def assert_verified(page, ui, axe, screenshot, record_url: str) -> None:
    page.goto(record_url)
    row = page.locator(".govuk-summary-list__row").filter(has_text=ui(page, "Internal quality assurance"))
    assert row.get_by_text(ui(page, "Verified"), exact=True).is_visible()
    axe(page)
    screenshot(page, "10-verified")


# -- the journeys -------------------------------------------------------------------------------


@pytest.fixture
def enter(page, demo, sign_in, sign_out, axe):
    """enter(person): sign out whoever is signed in, sign `person` in, and check the page they land on."""
    signed_in = []

    def go(person: people.Person) -> None:
        if signed_in:
            sign_out(page)
        sign_in(page, person.email, demo.password)
        signed_in.append(person)
        axe(page)

    return go


@pytest.fixture
def shots(screenshot, screenshot_dir, request):
    """shots(page or locator, name): a screenshot of the whole page, or of one part, named after the run
    (evidence-iqa-agrees-6-sign-off)."""

    def take(target, name: str) -> None:
        name = f"evidence-{request.node.callspec.id}-{name}"
        if hasattr(target, "goto"):
            screenshot(target, name)
        else:
            target.screenshot(path=str(screenshot_dir / f"{name}.png"))

    return take


@pytest.mark.parametrize(
    "learner_index, refer_first", [pytest.param(4, False, id="iqa-agrees"), pytest.param(6, True, id="iqa-refers-back")]
)
def test_evidence_from_claim_to_verified_sign_off(page, enter, ui, axe, shots, files, learner_index, refer_first):
    learner = people.LEARNERS[learner_index]
    assert learner in people.LEARNERS_WITHOUT_EVIDENCE, "the journey starts from an empty portfolio"
    assessor, iqa = assignment_for(learner_index)
    enter(learner)
    references = learner_submits_both(page, ui, axe, shots, files)
    enter(assessor)
    enrolment_id = assessor_decides(page, ui, axe, shots, learner, references)
    record_url = sign_off_standard(page, ui, axe, shots, assessor, enrolment_id)
    enter(learner)
    learner_countersigns(page, ui, axe, shots, learner)
    enter(iqa)
    open_sample(page, ui, axe, learner, "Awaiting the IQA")
    if refer_first:
        iqa_decides(page, ui, shots, learner, assessor, agree=False)
        assert rows_of(page, learner).count() == 0, "it left the IQA's queue"
        enter(assessor)
        assessor_responds(page, ui, axe, shots, learner)
        enter(iqa)
        open_sample(page, ui, axe, learner, "Assessor has responded")
        assert page.get_by_text(ui(page, "The assessor answered: %(text)s", text=RESPONSE), exact=True).is_visible()
    iqa_decides(page, ui, shots, learner, assessor, agree=True)
    assert_verified(page, ui, axe, shots, record_url)

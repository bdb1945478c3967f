"""The provider administrator (in Welsh) previews moving the demo cohort to a new version of a standard, with
no script: the preview lists the changed and new criteria and each learner; learners with evidence waiting for
a decision stop the move, every one named at once, and nothing moves. Checked by axe-core on every page."""
import copy
import json
import re

import pytest

from assessor import demo as people

from .conftest import PROJECT_ROOT, _run_assessor

pytestmark = pytest.mark.browser

URN = "LOCAL-CSOPS01"
#: our own rewording of P2 for version 2, and a knowledge item version 1 does not have
P2_V2 = "cynllunio'r gwasanaeth cwsmeriaid gyda'ch tîm, gan ystyried adnoddau, amseroedd a disgwyliadau cwsmeriaid"
K_NEW = "sut i adolygu cynllun gwasanaeth ar ôl newid mawr yn y galw gan gwsmeriaid"


@pytest.fixture
def second_version(browser_database, demo, tmp_path):
    """Version 2 of LOCAL-CSOPS01, loaded beside version 1 after the demo cohort was made on version 1."""
    document = copy.deepcopy(json.loads((PROJECT_ROOT / "standards" / f"{URN}.json").read_text(encoding="utf-8")))
    document["version"] = "2"
    document["performance_criteria"][1]["text"] = P2_V2
    document["knowledge"].append({"code": "K17", "ref": "K17", "text": K_NEW, "group": None, "children": []})
    folder = tmp_path / "v2"
    folder.mkdir()
    (folder / f"{URN}.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _run_assessor(browser_database, ["standards", "load", str(folder)])


def test_the_preview_lists_what_changes_and_waiting_evidence_stops_the_move(page, demo, second_version, sign_in, ui, axe, screenshot):
    admin = people.PROVIDER_ADMIN_PERSON
    sign_in(page, admin.email, demo.password)
    page.goto("/cohorts/")
    page.get_by_role("link", name=people.COHORT_NAME, exact=True).click()
    page.get_by_role("link", name=re.compile(re.escape(ui(page, "Newer versions and moves")) + r".*" + re.escape(URN))).click()
    title = ui(page, "Move learners to a newer version of %(urn)s", urn=URN)
    page.get_by_role("heading", level=1, name=title, exact=True).wait_for()
    assert page.get_by_text(ui(page, "From version %(old)s to version %(new)s. Nothing has changed yet: read what the move would do, then move.", old="1", new="2")).is_visible()
    changes = page.get_by_role("table", name=ui(page, "Criteria that differ"))
    assert changes.get_by_role("row").filter(has_text="P2").get_by_text(ui(page, "Changed"), exact=True).is_visible()
    assert changes.get_by_role("row").filter(has_text="K17").get_by_text(ui(page, "New"), exact=True).is_visible()
    learners = page.get_by_role("table", name=ui(page, "What the move does for each learner"))
    waiting = learners.get_by_role("row").filter(has_text=ui(page, "Evidence waiting for a decision: stops the move"))
    names = [waiting.nth(index).get_by_role("rowheader").inner_text() for index in range(waiting.count())]
    assert names, "the demo has learners with evidence waiting on every standard"
    axe(page)
    screenshot(page, "version-move-1-preview")
    page.get_by_role("button", name=re.compile("^" + re.escape(ui(page, "Move %(num)d learner to version %(version)s", num=1, version="2").split(" ")[0]))).click()
    summary = page.get_by_role("alert")
    summary.wait_for()
    for name in names:
        assert summary.get_by_text(re.compile(re.escape(name))).count() == 1, name
    page.get_by_role("heading", level=1, name=title, exact=True).wait_for()
    assert waiting.count() == len(names), "nothing moved: the same learners still wait"
    axe(page)
    screenshot(page, "version-move-2-refused")

"""Importing scenarios in the browser and with `assessor scenarios import`: the same files, the same answers."""
import io
import re
from html import unescape

import pytest

from assessor.cli import main
from assessor.scenarios.import_models import ScenarioImport
from assessor.scenarios.import_tasks import run_import
from assessor.scenarios.models import ScenarioDraft

from ..factories import login_as
from .authoring_support import SOURCE
from .test_authoring_pages import SOURCE as CLEAN
from .test_player_pages import field, text_of

IMPORT = "/authoring/scenarios/import"
#: a clean file, one the check finds errors in (the tiny test standard is unknown here), and four refused
FILES = {
    "clean.yaml": CLEAN.encode(),
    "test-standard.yaml": SOURCE.encode(),
    "broken.yaml": b"id: broken\ntitle: [unclosed\n",
    "no-id.yml": b"title: {cy: Teitl, en: Title}\n",
    "notes.txt": b"not a scenario",
    "twice.yaml": CLEAN.encode(),
}


@pytest.fixture
def author(client, world):
    login_as(client, world.a.admin)
    return world.a.admin


def send(client, files=FILES, token=None):
    token = field(client.get(IMPORT).get_data(as_text=True), "csrf_token") if token is None else token
    uploads = [(io.BytesIO(data), name) for name, data in files.items()]
    return client.post(IMPORT, data={"csrf_token": token, "files": uploads}, content_type="multipart/form-data")


def imported(client, app, files=FILES):
    """Send the files, run the queued import as a worker would, and open the import's page."""
    sent = send(client, files)
    assert sent.status_code == 302, sent.get_data(as_text=True)
    job_id = int(sent.headers["Location"].rsplit("/", 1)[1])
    assert run_import(app, job_id) == "done"
    return client.get(sent.headers["Location"])


def browser_answers(html: str) -> list[str]:
    """The results page as the CLI's lines: each file's outcome (and reason), then its problems by line."""
    lines = []
    for card in re.findall(r'<section class="govuk-summary-card".*?</section>', html, re.S):
        name, outcome = re.search(r'data-file="([^"]*)" data-outcome="([^"]*)"', card).groups()
        scenario = re.search(r"Open the draft of ([^<]+)</a>", card)
        reason = re.search(r'<div class="govuk-summary-card__content">\s*<p class="govuk-body">([^<]*)</p>', card)
        lines.append(f"{name}: {outcome}" + (f" {scenario[1]}" if scenario else "") + (f": {reason[1]}" if reason else ""))
        for line, severity, message in re.findall(r'data-line="(\d+)" data-severity="(\w+)">.*?<span lang="en" data-message>(.*?)</span>', card, re.S):
            lines.append(f"{name}:{line}: {severity}: {message}")
    return [unescape(line) for line in lines]


def test_the_index_offers_the_import_and_the_page_works_without_script(client, author):
    page = client.get("/authoring/scenarios/").get_data(as_text=True)
    assert 'action="/authoring/scenarios/import"' in page and 'name="files"' in page and "multiple" in page
    assert client.get(IMPORT).status_code == 200


def test_each_file_is_answered_created_or_refused_with_every_problem_by_line(app, client, author, db_session):
    response = imported(client, app)
    page = text_of(response)
    assert response.status_code == 200 and "2 files imported." in page and "4 files refused" in page
    answers = browser_answers(response.get_data(as_text=True))
    assert "clean.yaml: created acme-new-decision-maker" in answers
    assert "test-standard.yaml: created acme-first-call" in answers
    assert any(line.startswith("test-standard.yaml:") and ": error: " in line for line in answers)
    assert "notes.txt: refused: Only YAML files (.yaml or .yml), or a ZIP of them, can be imported." in answers
    assert any(re.match(r"broken.yaml:\d+: error: not valid YAML", line) for line in answers)
    assert {draft.scenario_id for draft in db_session.query(ScenarioDraft)} == {"acme-new-decision-maker", "acme-first-call"}


def test_nothing_chosen_is_shown_beside_the_field(client, author):
    response = send(client, files={})
    assert response.status_code == 422 and "Choose the scenarios' YAML files" in text_of(response)


def test_without_the_csrf_token_nothing_is_imported(client, author, db_session):
    assert send(client, token="").status_code == 400
    assert db_session.query(ScenarioDraft).count() == 0


@pytest.mark.parametrize("who", ["assessor", "learner"])
def test_only_authors_import(client, world, who):
    login_as(client, getattr(world.a, who))
    assert client.get(IMPORT).status_code == 403


def test_the_browser_and_the_cli_give_identical_answers_for_the_same_files(app, client, author, runner, tmp_path,
                                                                          db_session):
    paths = []
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    cli = runner.invoke(main, ["scenarios", "import", "--provider", author.provider.name, *paths])
    assert cli.exit_code == 1, cli.output
    cli_lines = cli.stdout.splitlines()
    browser = browser_answers(imported(client, app).get_data(as_text=True))
    #: the CLI made the drafts, so the browser finds them unchanged; everything else is the same
    assert [line.replace(": created ", ": unchanged ") for line in cli_lines] == browser
    assert "6 file(s) as" in cli.stderr and "2 imported, 4 refused" in cli.stderr


def test_the_cli_names_the_provider_by_id_or_name_and_refuses_an_unknown_one(runner, world, tmp_path):
    (tmp_path / "clean.yaml").write_bytes(CLEAN.encode())
    by_id = runner.invoke(main, ["scenarios", "import", "--provider", str(world.a.provider.id), str(tmp_path / "clean.yaml")])
    assert by_id.exit_code == 0 and by_id.stdout.startswith("clean.yaml: created acme-new-decision-maker")
    unknown = runner.invoke(main, ["scenarios", "import", "--provider", "No such provider", str(tmp_path / "clean.yaml")])
    assert unknown.exit_code == 1 and "no provider 'No such provider'" in unknown.output
    learner = runner.invoke(main, ["scenarios", "import", "--provider", world.a.provider.name, "--as", world.a.learner.email,
                                   str(tmp_path / "clean.yaml")])
    assert learner.exit_code == 1 and "Only your provider's administrators" in learner.output


def test_the_upload_goes_to_the_imports_page_which_shows_progress_and_refreshes_itself(client, author, db_session):
    sent = send(client, {"clean.yaml": CLEAN.encode(), "notes.txt": b"not a scenario"})
    page = client.get(sent.headers["Location"])
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Importing scenarios" in text_of(page)
    assert "1 of 2 files checked" in text_of(page) and '<meta http-equiv="refresh"' in html
    assert 'data-outcome="refused"' in html and db_session.query(ScenarioDraft).count() == 0
    listed = client.get(IMPORT)
    assert "Recent imports" in text_of(listed) and sent.headers["Location"] in listed.get_data(as_text=True)


def test_a_finished_import_stops_refreshing_and_a_failed_one_says_so(app, client, author, db_session):
    done = imported(client, app, {"clean.yaml": CLEAN.encode()})
    assert "What was imported" in text_of(done) and "http-equiv" not in done.get_data(as_text=True)
    sent = send(client, {"clean.yaml": CLEAN.encode()})
    job = db_session.get(ScenarioImport, int(sent.headers["Location"].rsplit("/", 1)[1]))
    job.status, job.error = "failed", "RuntimeError: boom (after 4 attempts)"
    db_session.commit()
    failed = text_of(client.get(sent.headers["Location"]))
    assert "The import stopped before every file was checked" in failed and "RuntimeError: boom" in failed


def test_too_many_files_are_refused_at_once_with_the_form_shown_again(client, author, db_session):
    response = send(client, {f"s{number}.yaml": b"id: x" for number in range(51)})
    assert response.status_code == 422 and "at most 50 scenario files" in text_of(response)
    assert db_session.query(ScenarioImport).count() == 0


def test_another_providers_authors_do_not_find_the_import_and_its_non_authors_may_not_see_it(client, world, author):
    location = send(client, {"clean.yaml": CLEAN.encode()}).headers["Location"]
    login_as(client, world.b.admin)
    assert client.get(location).status_code == 404
    login_as(client, world.a.assessor)
    assert client.get(location).status_code == 403
    assert client.get(f"{IMPORT}s/999999").status_code == 404

"""A provider's own imported standard on the authoring pages and in the import: known to the provider's drafts,
unknown to another provider's, and the browser and the command line agree."""
import pytest

from assessor.cli import main

from ..factories import login_as
from .authoring_support import SOURCE
from .own_standards import own_standard
from .test_authoring_pages import create
from .test_import_pages import browser_answers, imported
from .test_player_pages import text_of


@pytest.fixture
def acme_standard(db_session, world):
    return own_standard(db_session, world.a.provider)


def test_the_draft_page_knows_the_providers_own_standard_and_covers_its_criteria(client, world, acme_standard):
    login_as(client, world.a.admin)
    page = text_of(client.get(create(client, SOURCE)))
    assert "Unknown standard" not in page and "The check found no problems." in page
    assert "Criteria covered" in page and "TEST-STD" in page and "A test standard" in page


def test_another_providers_draft_page_finds_the_standard_unknown(client, world, acme_standard):
    login_as(client, world.b.admin)
    page = text_of(client.get(create(client, SOURCE)))
    assert "Unknown standard TEST-STD" in page


def test_the_browser_and_the_cli_agree_on_a_file_citing_the_providers_own_standard(app, client, world, runner,
                                                                                   tmp_path, acme_standard):
    login_as(client, world.a.admin)
    files = {"test-standard.yaml": SOURCE.encode()}
    (tmp_path / "test-standard.yaml").write_bytes(SOURCE.encode())
    cli = runner.invoke(main, ["scenarios", "import", "--provider", world.a.provider.name,
                               str(tmp_path / "test-standard.yaml")])
    assert cli.exit_code == 0, cli.output
    assert cli.stdout.splitlines() == ["test-standard.yaml: created acme-first-call"]
    browser = browser_answers(imported(client, app, files).get_data(as_text=True))
    assert browser == ["test-standard.yaml: unchanged acme-first-call"]

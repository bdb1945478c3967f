"""The editor's forms round-trip every shipped scenario: form from each node, persona and variables, applied back,
gives the same document and the same canonical YAML; the canonical dump is stable and reads back equal, and the
shipped files are written in it, so posting every form of a shipped scenario back gives the file byte for byte."""
import copy
from pathlib import Path

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, RadioField, SelectField

from assessor.config import PROJECT_ROOT
from assessor.scenarios.authoring_forms import leaves
from assessor.scenarios.dumper import dump_document
from assessor.scenarios.loader import load_file, load_text
from assessor.scenarios.node_editing import apply_node_form, node_form_from
from assessor.scenarios.persona_editing import (
    apply_persona_form,
    apply_variables_form,
    persona_form_from,
    variables_form_from,
)

SHIPPED = sorted((PROJECT_ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture
def context(session_app):
    with session_app.test_request_context():
        yield


def problems(form) -> list:
    """Every problem but the missing CSRF token (these forms are filled from the document, not posted)."""
    form.validate()
    return [problem for problem in form.problems() if problem[0] != "csrf_token"]


def test_there_are_six_shipped_scenarios():
    assert len(SHIPPED) == 6


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: Path(path).stem)
def test_canonical_dump_reads_back_equal_and_is_stable(path):
    document = load_file(path).data
    text = dump_document(document)
    assert load_text(text).data == document
    assert dump_document(load_text(text).data) == text
    assert text.startswith("# yaml-language-server: $schema=./schema.json\n")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: Path(path).stem)
def test_the_shipped_files_are_in_the_canonical_layout(path):
    assert dump_document(load_file(path).data) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: Path(path).stem)
def test_every_form_round_trips_to_identical_yaml(context, path):
    original = load_file(path).data
    kept = copy.deepcopy(original)
    document = original
    for node_id in original["nodes"]:
        form = node_form_from(document, node_id)
        assert problems(form) == [], node_id
        document = apply_node_form(document, node_id, form)
    persona = persona_form_from(document)
    assert problems(persona) == []
    document = apply_persona_form(document, persona)
    variables = variables_form_from(document)
    assert problems(variables) == []
    document = apply_variables_form(document, variables)
    assert document == original
    assert dump_document(document) == dump_document(original)
    assert original == kept, "applying a form never changes the document it was given"


def test_key_order_does_not_change_the_dump():
    document = load_file(SHIPPED[0]).data
    reversed_document = {key: document[key] for key in reversed(list(document))}
    assert dump_document(reversed_document) == dump_document(document)


def posted(form) -> MultiDict:
    """What a browser posts for the form as rendered: every field under its name, ticked boxes only."""
    data = MultiDict()
    for field in leaves(form):
        if isinstance(field, BooleanField):
            if field.data:
                data.add(field.name, "y")
        else:
            data.add(field.name, (field.data or "") if isinstance(field, SelectField | RadioField) else field._value())
    return data


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: Path(path).stem)
def test_posting_every_rendered_form_back_changes_nothing(context, path):
    original = load_file(path).data
    document = original
    for node_id in original["nodes"]:
        form = node_form_from(document, node_id, posted(node_form_from(document, node_id)))
        assert form.validate(), (node_id, form.problems())
        document = apply_node_form(document, node_id, form)
    persona = persona_form_from(document, posted(persona_form_from(document)))
    variables = variables_form_from(document, posted(variables_form_from(document)))
    assert persona.validate() and variables.validate(), persona.problems() + variables.problems()
    document = apply_variables_form(apply_persona_form(document, persona), variables)
    assert dump_document(document) == path.read_text(encoding="utf-8")

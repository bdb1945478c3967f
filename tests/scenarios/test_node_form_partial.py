"""The node form partial: every text in Welsh and English side by side, each labelled, every problem linked."""
import re

import pytest
from flask import render_template_string
from werkzeug.datastructures import MultiDict

from assessor.scenarios.loader import load_file
from assessor.scenarios.node_editing import node_form_from

from .conftest import VALID
from .test_authoring_round_trip import posted

MACRO = '{% from "scenarios/authoring/_node_form.html" import node_form %}{{ node_form(form, "/save", node_id) }}'


@pytest.fixture
def document(session_app):
    with session_app.test_request_context():
        yield load_file(VALID).data


def render(form, node_id="open"):
    return render_template_string(MACRO, form=form, node_id=node_id)


def test_every_text_has_a_welsh_and_an_english_box_labelled_in_its_language(document):
    html = render(node_form_from(document, "open"))
    for name in ("client", "choices-0-text", "choices-0-feedback", "free_text-prompt", "ending-debrief"):
        assert re.search(rf'<label class="govuk-label" for="{name}-cy"><span lang="cy">Cymraeg</span>', html), name
        assert re.search(rf'<label class="govuk-label" for="{name}-en"><span lang="en">English</span>', html), name
        assert f'id="{name}-cy" lang="cy"' in html and f'id="{name}-en" lang="en"' in html
    assert html.count('class="govuk-grid-column-one-half"') >= 20
    assert 'name="csrf_token"' in html and "<script" not in html
    assert "Hello, trust {trust}</textarea>" in html and 'value="trust &gt; 8"' in html


def test_the_form_keeps_an_empty_row_to_add_an_effect_a_branch_and_a_dimension(document):
    html = render(node_form_from(document, "open"))
    assert 'name="choices-0-effects-2-variable"' in html and 'name="choices-0-next-branches-0-condition"' in html
    assert 'name="free_text-dimensions-0-id"' in html


def test_problems_are_summarised_with_links_and_shown_beside_their_fields(document):
    data = posted(node_form_from(document, "open"))
    data.setlist("choices-0-text-en", [""])
    form = node_form_from(document, "open", MultiDict(data))
    assert not form.validate()
    html = render(form)
    assert ('<a href="#choices-0-text-en">Choice 1 › What the learner says › English: Write this in English.</a>'
            in html)
    assert 'id="choices-0-text-en-error"' in html and "govuk-textarea--error" in html


def test_a_node_without_choices_says_so(document):
    html = render(node_form_from(document, "good-end"), "good-end")
    assert "This node has no choices yet." in html

"""The structured editor's pages checked as the author types: each form's text, posted by the pages' script, checked
as a save would check it and answered with the page's problem panel; nothing is saved (registers on the
`scenario_authoring` blueprint)."""
from flask import render_template, request
from flask_login import current_user

from ..core.acts import Refused
from ..db import get_session
from .authoring_views import bp, draft_or_404
from .check_panels import problem_url
from .editor_views import PAGE_PROBLEMS, document_or_404, whole_form
from .form_check import check_form
from .models import ScenarioDraft
from .node_editing import apply_node_form, node_form_from


@bp.post("/<int:draft_id>/nodes/<node_id>/check")
def check_node(draft_id: int, node_id: str):
    draft = draft_or_404(draft_id)
    document = document_or_404(draft, node_id)
    form = node_form_from(document, node_id, request.form)
    return _checked(draft, form, lambda: apply_node_form(document, node_id, form), ("nodes", node_id))


@bp.post("/<int:draft_id>/persona/check")
def check_persona(draft_id: int):
    return _whole_form_checked(draft_id, "persona")


@bp.post("/<int:draft_id>/variables/check")
def check_variables(draft_id: int):
    return _whole_form_checked(draft_id, "variables")


def _whole_form_checked(draft_id: int, name: str):
    draft, form, changed, scope = whole_form(draft_id, name)
    return _checked(draft, form, changed, scope)


def _checked(draft: ScenarioDraft, form, changed, scope: tuple):
    """The page's problem panel for the form as typed; 422 with the reason when it cannot be checked."""
    try:
        found = check_form(get_session(), current_user, draft, form, changed, scope)
    except Refused as refused:
        return render_template(PAGE_PROBLEMS, draft=draft, refused=refused, problems=[], typed=True), 422
    return render_template(PAGE_PROBLEMS, draft=draft, problems=found.here, elsewhere=found.elsewhere,
                           fields=found.fields, problem_url=problem_url(draft, found.document), typed=True)

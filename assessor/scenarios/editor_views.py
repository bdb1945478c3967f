"""The structured editor: a draft's nodes listed, and a form per node, for the persona and for the state variables,
each saved as the draft's YAML in the canonical layout (registers on the `scenario_authoring` blueprint)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.acts import Conflict, Locked, attempt
from ..db import get_session
from .authoring_views import bp, draft_or_404
from .check_panels import problem_url, problems_within
from .citable import citable_refs
from .draft_editing import document_of, save_document
from .models import ScenarioDraft
from .node_editing import apply_node_form, node_form_from
from .persona_editing import apply_persona_form, apply_variables_form, persona_form_from, variables_form_from
from .problems import check_source
from .structure_forms import AddNodeForm, RevisionForm

#: the problem panel of the node, persona and variables pages, and the answer to their script's check as typed
PAGE_PROBLEMS = "scenarios/authoring/_page_problems.html"


@bp.app_template_global("authoring_problem_url")
def authoring_problem_url(draft: ScenarioDraft):
    """For templates/scenarios/authoring/_check_results.html: record → the link to the field that fixes it."""
    return problem_url(draft)


@bp.get("/<int:draft_id>/nodes")
def nodes(draft_id: int):
    return nodes_page(draft_or_404(draft_id))


def nodes_page(draft: ScenarioDraft, add_form: AddNodeForm | None = None, refused=None, status: int = 200):
    """The nodes in document order with their buttons, and the form to add one; or why the forms cannot show them."""
    try:
        document = document_of(draft)
    except Locked as locked:
        return render_template("scenarios/authoring/nodes.html", draft=draft, locked=str(locked)), status
    add_form = (add_form or AddNodeForm(formdata=None)).offer(document["nodes"])
    add_form.revision.data = str(draft.revision)
    return render_template("scenarios/authoring/nodes.html", draft=draft, document=document, add_form=add_form,
                           refused=refused, revision=draft.revision), status


@bp.route("/<int:draft_id>/nodes/<node_id>", methods=["GET", "POST"])
def node(draft_id: int, node_id: str):
    draft = draft_or_404(draft_id)
    document = document_or_404(draft, node_id)
    form = node_form_from(document, node_id, _posted())
    return _form_page(draft, form, lambda: apply_node_form(document, node_id, form), "scenarios/authoring/node.html",
                      url_for(".node", draft_id=draft.id, node_id=node_id), ("nodes", node_id), node_id=node_id)


def node_page(draft: ScenarioDraft, node_id: str, refused=None, status: int = 200):
    """The node's page as it stands, with a refused button's problems above it."""
    form = node_form_from(document_or_404(draft, node_id), node_id)
    return _render(draft, form, "scenarios/authoring/node.html", status, ("nodes", node_id), refused=refused,
                   node_id=node_id)


#: the forms for the scenario as a whole: (form from the document, apply it, the problems shown: where they start)
WHOLE_FORMS = {"persona": (persona_form_from, apply_persona_form, ("persona",)),
               "variables": (variables_form_from, apply_variables_form, ("state",))}


@bp.route("/<int:draft_id>/persona", methods=["GET", "POST"])
def persona(draft_id: int):
    return _whole_form(draft_id, "persona")


@bp.route("/<int:draft_id>/variables", methods=["GET", "POST"])
def variables(draft_id: int):
    return _whole_form(draft_id, "variables")


def _whole_form(draft_id: int, name: str):
    draft, form, changed, scope = whole_form(draft_id, name)
    return _form_page(draft, form, changed, f"scenarios/authoring/{name}.html", url_for(f".{name}", draft_id=draft.id),
                      scope)


def whole_form(draft_id: int, name: str) -> tuple:
    """The draft, its form `name` (filled from what was posted), the document saving it makes, and the problems'
    scope."""
    draft = draft_or_404(draft_id)
    document = document_or_404(draft)
    form_from, apply, scope = WHOLE_FORMS[name]
    form = form_from(document, _posted())
    return draft, form, lambda: apply(document, form), scope


def _form_page(draft: ScenarioDraft, form, changed, template: str, saved_url: str, scope: tuple, **context):
    """Show the form; on a valid post save `changed()` and go back to the page. A conflict keeps what was typed,
    ready to be saved over the draft as it now stands."""
    if not form.is_submitted():
        return _render(draft, form, template, 200, scope, **context)
    posted, status = RevisionForm(formdata=request.form).posted_revision, 422
    if form.validate():
        db = get_session()
        outcome = attempt(db, lambda: save_document(db, current_user, draft, changed(), posted), form)
        if outcome.done:
            flash(_("Saved. The check below runs on the draft as it now stands."), "success")
            return redirect(saved_url)
        status = outcome.status
        if isinstance(outcome.refused, Conflict):
            form.form_errors[:] = [_("Someone saved this draft after you opened this page, so your change was not "
                                     "saved. What you wrote is kept below: save again to put it in place of what "
                                     "the draft now has here.")]
    revision = posted if status == 422 and posted is not None else None
    return _render(draft, form, template, status, scope, revision=revision, **context)


def _render(draft: ScenarioDraft, form, template: str, status: int, scope: tuple, revision: int | None = None,
            **context):
    """The page with the check's problems in `scope` (the path they start with), each linked to its field, and
    how many there are elsewhere."""
    cited = citable_refs(get_session(), draft.provider_id)
    document, records = document_of(draft), check_source(draft.source, cited).problems
    problems = problems_within(records, scope)
    return render_template(template, draft=draft, form=form, revision=revision or draft.revision, problems=problems,
                           elsewhere=len(records) - len(problems), problem_url=problem_url(draft, document),
                           document=document, **context), status


def _posted():
    return request.form if request.method == "POST" else None


def document_or_404(draft: ScenarioDraft, node_id: str | None = None) -> dict:
    """The draft's document; not found while the forms cannot show it, or when it has no such node."""
    try:
        document = document_of(draft)
    except Locked:
        abort(404)
    if node_id is not None and node_id not in document["nodes"]:
        abort(404)
    return document

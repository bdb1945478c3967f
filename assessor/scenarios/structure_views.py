"""The structured editor's buttons, each a small form that works without script: add, copy, move and delete a node;
add, move and remove a choice (registers on the `scenario_authoring` blueprint)."""
from collections.abc import Callable

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.acts import attempt
from ..db import get_session
from . import editing
from .authoring_views import bp, draft_or_404
from .draft_editing import edit_draft
from .editing import Document
from .editor_views import node_page, nodes_page
from .structure_forms import AddNodeForm, MoveForm, RevisionForm


@bp.post("/<int:draft_id>/nodes")
def add_node(draft_id: int):
    draft = draft_or_404(draft_id)
    form = AddNodeForm()
    node_id = (form.node_id.data or "").strip()
    edit = lambda document: editing.add_node(document, node_id, after=form.after.data or None)  # noqa: E731
    done = _("Node %(id)s is added: fill it in.", id=node_id)
    return _act(draft, form, edit, done, url_for(".node", draft_id=draft.id, node_id=node_id),
                lambda status: nodes_page(draft_or_404(draft_id), add_form=form, status=status))


@bp.post("/<int:draft_id>/nodes/<node_id>/duplicate")
def duplicate_node(draft_id: int, node_id: str):
    draft, copied = draft_or_404(draft_id), []

    def edit(document: Document) -> Document:
        result, new_id = editing.duplicate_node(document, node_id)
        copied.append(new_id)
        return result

    return _nodes_act(draft, RevisionForm(), edit, lambda: _("Node %(id)s is a copy of %(node)s.", id=copied[0],
                                                              node=node_id))


@bp.post("/<int:draft_id>/nodes/<node_id>/delete")
def delete_node(draft_id: int, node_id: str):
    return _nodes_act(draft_or_404(draft_id), RevisionForm(), lambda document: editing.delete_node(document, node_id),
                      lambda: _("Node %(id)s is deleted.", id=node_id))


@bp.post("/<int:draft_id>/nodes/<node_id>/move")
def move_node(draft_id: int, node_id: str):
    form = MoveForm()
    return _nodes_act(draft_or_404(draft_id), form, lambda document: editing.shift_node(document, node_id, form.step),
                      lambda: _("Node %(id)s is moved.", id=node_id))


@bp.post("/<int:draft_id>/nodes/<node_id>/choices/add")
def add_choice(draft_id: int, node_id: str):
    return _choice_act(draft_id, node_id, RevisionForm(), lambda document: editing.add_choice(document, node_id),
                       _("A choice is added at the end: fill it in."))


@bp.post("/<int:draft_id>/nodes/<node_id>/choices/<int:index>/remove")
def remove_choice(draft_id: int, node_id: str, index: int):
    return _choice_act(draft_id, node_id, RevisionForm(),
                       lambda document: editing.remove_choice(document, node_id, index),
                       _("Choice %(number)d is removed.", number=index + 1))


@bp.post("/<int:draft_id>/nodes/<node_id>/choices/<int:index>/move")
def move_choice(draft_id: int, node_id: str, index: int):
    form = MoveForm()
    return _choice_act(draft_id, node_id, form,
                       lambda document: editing.move_choice(document, node_id, index, index + form.step),
                       _("Choice %(number)d is moved.", number=index + 1))


def _nodes_act(draft, form, edit: Callable[[Document], Document], done: Callable[[], str]):
    return _act(draft, form, edit, done, url_for(".nodes", draft_id=draft.id),
                lambda status: nodes_page(draft_or_404(draft.id), refused=form, status=status))


def _choice_act(draft_id: int, node_id: str, form, edit: Callable[[Document], Document], done: str):
    back = url_for(".node", draft_id=draft_id, node_id=node_id, _anchor="choice-actions")
    return _act(draft_or_404(draft_id), form, edit, done, back,
                lambda status: node_page(draft_or_404(draft_id), node_id, refused=form, status=status))


def _act(draft, form, edit: Callable[[Document], Document], done, back: str, refused_page: Callable):
    """Make the edit and go `back`; a refusal (every reason) shows on `refused_page`, 409 when the page was stale."""
    status = 422
    if form.validate_on_submit():
        db = get_session()
        outcome = attempt(db, lambda: edit_draft(db, current_user, draft, form.posted_revision, edit), form)
        if outcome.done:
            flash(done() if callable(done) else done, "success")
            return redirect(back)
        status = outcome.status
    return refused_page(status)

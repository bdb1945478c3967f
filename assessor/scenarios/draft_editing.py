"""The structured editor's saves: a draft's YAML read as a document, changed by a form or an edit of editing.py,
and saved back in the canonical layout through `authoring.save_draft` (so one rule decides revisions and sizes)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..core.acts import Locked
from . import authoring
from .dumper import dump_document
from .editing import Document
from .loader import ScenarioSyntaxError, load_text
from .models import ScenarioDraft


def document_of(draft: ScenarioDraft) -> Document:
    """The draft's document; Locked while its YAML cannot be read or its nodes are not a mapping of mappings."""
    try:
        data = load_text(draft.source).data
    except ScenarioSyntaxError as error:
        raise Locked(_l("The YAML cannot be read (line %(line)s), so the forms cannot show it: fix it in the YAML "
                        "editor first.", line=error.line)) from None
    if not _editable(data):
        raise Locked(_l("The forms need the scenario's nodes as a mapping of node ids to nodes: fix the YAML in "
                        "the YAML editor first."))
    return data


def save_document(session: Session, author: User, draft: ScenarioDraft, document: Mapping[str, Any],
                  revision: int | None) -> ScenarioDraft:
    """Keep the document as the draft's YAML in the canonical layout; Conflict after another save."""
    return authoring.save_draft(session, author, draft, dump_document(document), revision)


def edit_draft(session: Session, author: User, draft: ScenarioDraft, revision: int | None,
               edit: Callable[[Document], Document]) -> ScenarioDraft:
    """Make one edit (adding, copying, moving or deleting a node or choice) to the draft and save it."""
    return save_document(session, author, draft, edit(document_of(draft)), revision)


def _editable(data: Any) -> bool:
    nodes = data.get("nodes") if isinstance(data, dict) else None
    return isinstance(nodes, dict) and all(isinstance(node, dict) for node in nodes.values())

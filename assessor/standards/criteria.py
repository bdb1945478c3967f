"""A standard's assessable criteria as shown: top-level performance criteria and knowledge items with their sub-items."""
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import KNOWLEDGE, PERFORMANCE, Criterion, Standard
from .references import reference
from .words import Words


def assessable_criteria(session: Session, standard_id: int) -> list[Criterion]:
    """The criteria judged one by one: top-level performance criteria and knowledge items (sub-items belong to them)."""
    query = (
        select(Criterion)
        .where(Criterion.standard_id == standard_id, Criterion.parent_id.is_(None), Criterion.kind.in_((PERFORMANCE, KNOWLEDGE)))
        .order_by(Criterion.position)
    )
    return list(session.scalars(query))


@dataclass(frozen=True)
class CriterionLine:
    """An assessable criterion as shown: its code, text, group heading and sub-items."""

    id: int
    ref: str
    code: str
    kind: str
    words: Words
    group: Words | None
    parts: tuple[tuple[str, Words], ...] = ()


def criterion_lines(session: Session, standard: Standard) -> list[CriterionLine]:
    """The standard's assessable criteria in order, each with its sub-items (two queries)."""
    criteria = assessable_criteria(session, standard.id)
    children: dict[int, list[Criterion]] = defaultdict(list)
    query = select(Criterion).where(Criterion.parent_id.in_([c.id for c in criteria])).order_by(Criterion.position)
    for child in session.scalars(query):
        children[child.parent_id].append(child)

    def words(text: str, text_en: str | None) -> Words:
        return Words(text, text_en, standard.language)

    return [
        CriterionLine(
            c.id, c.ref, c.code, c.kind, words(c.text, c.text_en), words(c.group, c.group_en) if c.group else None,
            tuple((reference(child), words(child.text, child.text_en)) for child in children[c.id]),
        )
        for c in criteria
    ]

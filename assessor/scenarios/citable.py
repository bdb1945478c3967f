"""The standards a provider's scenarios may cite, read from the database: the site's and the provider's own."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..standards.models import KNOWLEDGE, PERFORMANCE, Criterion, Standard
from .standards_data import Item, KnownRefs, StandardOutline, known_refs


def citable_outlines(session: Session, provider_id: int | None) -> list[StandardOutline]:
    """One outline per standard of the site (no provider) or of `provider_id`, sorted by URN (two queries)."""
    owner = Standard.provider_id.is_(None)
    if provider_id is not None:
        owner = or_(owner, Standard.provider_id == provider_id)
    standards = session.execute(select(Standard.id, Standard.urn, Standard.version, Standard.title).where(owner)
                                .order_by(Standard.urn, Standard.version)).all()
    items = _items(session, [standard.id for standard in standards])
    return [StandardOutline(urn, version, title, tuple(items[(standard_id, PERFORMANCE)]),
                            tuple(items[(standard_id, KNOWLEDGE)]))
            for standard_id, urn, version, title in standards]


def citable_refs(session: Session, provider_id: int | None) -> dict[str, dict[str, frozenset[str]]]:
    """urn → {version → refs} of the standards the provider's scenarios may cite: what its drafts are checked against."""
    return known_refs(citable_outlines(session, provider_id))


def checked_against(session: Session, provider_id: int | None, standards: KnownRefs | None) -> KnownRefs:
    """`standards` when given (the tests' tiny ones), else those the provider may cite."""
    return citable_refs(session, provider_id) if standards is None else standards


def _items(session: Session, standard_ids: list[int]) -> dict[tuple[int, str], list[Item]]:
    """(standard id, kind) → its top-level items in order, each with its sub-items' refs."""
    rows = session.execute(select(Criterion.id, Criterion.standard_id, Criterion.kind, Criterion.ref,
                                  Criterion.parent_id).where(Criterion.standard_id.in_(standard_ids))
                           .order_by(Criterion.standard_id, Criterion.position)).all()
    children: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        if row.parent_id is not None:
            children[row.parent_id].append(row.ref)
    items: dict[tuple[int, str], list[Item]] = defaultdict(list)
    for row in rows:
        if row.parent_id is None:
            items[(row.standard_id, row.kind)].append(Item(row.ref, tuple(children[row.id])))
    return items

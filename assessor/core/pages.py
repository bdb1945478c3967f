"""Pagination, the same on every list: a page of a query's rows, with the total and the number of pages."""
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session


@dataclass
class Page:
    items: list
    total: int
    page: int
    pages: int


def paginate(session: Session, query, page: int, per_page: int) -> Page:
    """The `page`-th page (clamped to those that exist) of the query's rows, counted in one more query."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    return Page(list(session.scalars(query.offset((page - 1) * per_page).limit(per_page))), total, page, pages)

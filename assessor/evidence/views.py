"""The evidence pages: the portfolio (portfolio_views), items and their files (item_views), mapping and the matrix (mapping_views)."""
from . import item_views, mapping_views, portfolio_views  # noqa: F401  (register their routes)
from .blueprint import bp

__all__ = ["bp"]

"""The evidence pages: items and their files (item_views), submitting several at once (several_views).

The portfolio (dashboards.portfolio_views), the mapping page and the matrix (assessment.criteria_views) join
this blueprint from the areas above, since they show progress and decisions.
"""
from . import item_views, several_views  # noqa: F401  (register their routes)
from .blueprint import bp

__all__ = ["bp"]

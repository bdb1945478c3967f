"""The evidence pages: items and their files (item_views), submitting several at once (several_views), asking a
witness to confirm a statement (witness_views).

The witness's own page, reached without an account, is a blueprint of its own (witness_public).

The portfolio (dashboards.portfolio_views), the mapping page and the matrix (assessment.criteria_views) join
this blueprint from the areas above, since they show progress and decisions.
"""
from . import (
    item_views,  # noqa: F401  (registers its routes)
    several_views,  # noqa: F401  (registers its routes)
    witness_views,  # noqa: F401  (registers its routes)
)
from .blueprint import bp

__all__ = ["bp"]

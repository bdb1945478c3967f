"""Safe file names for exported documents."""
import re
import unicodedata

from ..accounts.models import User


def slug(text: str, fallback: str = "learner") -> str:
    """Lower-case ASCII words joined by hyphens; `fallback` when nothing of the text is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or fallback


def portfolio_filename(learner: User, language: str) -> str:
    return f"portfolio-{slug(learner.name)}-{learner.id}-{language}.pdf"

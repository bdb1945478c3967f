"""Rendering a portfolio: data to HTML in one language, HTML to PDF bytes with fetching locked down."""
from pathlib import Path

from flask import render_template
from flask_babel import force_locale
from sqlalchemy.orm import Session
from weasyprint import HTML

from ..accounts.models import User
from .data import PortfolioData, portfolio_data
from .fetcher import ASSET_SCHEME, DRAWABLE_TYPES, AssetFetcher
from .labels import document_context
from .transcripts import transcripts_in

ASSETS_DIR = Path(__file__).resolve().parent / "assets"


def drawable_images(data: PortfolioData) -> dict[str, str]:
    """sha256 -> media type of the evidence images the document shows as thumbnails."""
    return {
        file.sha256: file.media_type
        for entry in data.evidence
        for file in entry.files
        if file.media_type in DRAWABLE_TYPES
    }


def portfolio_html(data: PortfolioData, language: str, *, with_images: bool = True) -> str:
    """The document as HTML, in `language` ("cy" or "en"); needs an app context, never a request."""
    with force_locale(language):
        context = document_context() | {"transcripts": transcripts_in(data.evidence, language)}
        return render_template("export/portfolio.html", data=data, lang=language, with_images=with_images, **context)


def render_pdf(html: str, *, storage_root: Path | None = None, images: dict[str, str] | None = None) -> bytes:
    """HTML to PDF. Only the print assets and the listed stored images can be fetched."""
    fetcher = AssetFetcher(ASSETS_DIR, storage_root, images)
    return HTML(string=html, base_url=ASSET_SCHEME + "/", url_fetcher=fetcher).write_pdf()


def portfolio_pdf(session: Session, learner: User, language: str, storage_root: Path | None) -> bytes:
    data = portfolio_data(session, learner)
    return render_pdf(portfolio_html(data, language), storage_root=storage_root, images=drawable_images(data))

"""Markdown that people type (accounts, statements, records) rendered safely, as the `markdown` template filter.

Raw HTML is shown as text; links work only for http, https and mailto (anything else stays text);
images become links to the picture, so showing or printing a page never fetches anything.
"""
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

from .blueprint import bp

SAFE_SCHEMES = ("http://", "https://", "mailto:")
#: GOV.UK classes for what Markdown produces; headings step down so the page keeps its own h1 and h2
CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "link_open": "govuk-link",
    "blockquote_open": "govuk-inset-text",
    "table_open": "govuk-table",
    "thead_open": "govuk-table__head",
    "tbody_open": "govuk-table__body",
    "tr_open": "govuk-table__row",
    "th_open": "govuk-table__header",
    "td_open": "govuk-table__cell",
}
HEADINGS = {"h1": ("h3", "govuk-heading-m"), "h2": ("h3", "govuk-heading-m"), "h3": ("h4", "govuk-heading-s")}
SMALLEST_HEADING = ("h4", "govuk-heading-s")


def allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _style(state) -> None:
    """Add the classes, step the headings down, and drop inline styles (table alignment) the CSP forbids."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag, heading_class = HEADINGS.get(token.tag, SMALLEST_HEADING)
            if token.type == "heading_open":
                token.attrSet("class", heading_class)
        elif token.type in CLASSES:
            token.attrSet("class", CLASSES[token.type])
        if token.attrs and "style" in token.attrs:
            del token.attrs["style"]
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("class", "govuk-link")
                child.attrSet("rel", "nofollow noopener noreferrer")


def _image_as_link(renderer, tokens, index, options, env) -> str:
    token = tokens[index]
    text = escapeHtml(renderer.renderInlineAsText(token.children or [], options, env) or token.attrGet("src"))
    inside_link = sum(1 if t.type == "link_open" else -1 if t.type == "link_close" else 0 for t in tokens[:index]) > 0
    if inside_link:
        return text
    return f'<a class="govuk-link" href="{escapeHtml(token.attrGet("src"))}" rel="nofollow noopener noreferrer">{text}</a>'


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    parser.validateLink = allowed_link
    parser.core.ruler.push("govuk_style", _style)
    parser.add_render_rule("image", _image_as_link)
    return parser


PARSER = _parser()


@bp.app_template_filter("markdown")
def render_markdown(text: str | None) -> Markup:
    return Markup(PARSER.render(text or ""))

"""Markdown that people type is shown safely: no HTML of theirs, no script links, nothing fetched."""
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from assessor.evidence.markdown import render_markdown

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<div onclick="alert(1)">click</div>',
    "<iframe src=https://evil.example></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](&#x6A;avascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    '[a](https://example.org/"onmouseover="alert(1))',
    "```html\n<script>alert(1)</script>\n```",
    "<style>body{display:none}</style>",
]


SAFE_TAGS = {"p", "a", "strong", "em", "code", "pre", "h3", "h4", "ul", "ol", "li", "blockquote", "br", "hr",
             "table", "thead", "tbody", "tr", "th", "td"}
SAFE_ATTRIBUTES = {"class", "href", "rel", "title"}


class Elements(HTMLParser):
    """Every element and attribute in a piece of HTML, as a browser would see them."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_nothing_typed_becomes_active_html(payload):
    for tag, attributes in Elements(str(render_markdown(payload))).found:
        assert tag in SAFE_TAGS, (payload, tag)
        assert set(attributes) <= SAFE_ATTRIBUTES, (payload, attributes)
        assert attributes.get("href", "https:").startswith(("https:", "http:", "mailto:")), (payload, attributes)


def test_links_work_for_web_and_mail_addresses_only():
    html = str(render_markdown("[site](https://example.org) [mail](mailto:a@example.org) [page](/portfolio) [ftp](ftp://x)"))
    assert '<a href="https://example.org" class="govuk-link" rel="nofollow noopener noreferrer">site</a>' in html
    assert 'href="mailto:a@example.org"' in html
    assert "[page](/portfolio)" in html and "[ftp](ftp://x)" in html


def test_images_become_links_so_nothing_is_fetched():
    html = str(render_markdown("![The brief](https://example.org/brief.png)"))
    assert "<img" not in html
    assert '<a class="govuk-link" href="https://example.org/brief.png" rel="nofollow noopener noreferrer">The brief</a>' in html


def test_an_image_inside_a_link_is_just_its_text():
    html = str(render_markdown("[![pic](https://example.org/p.png)](https://example.org)"))
    assert html.count("<a ") == 1 and "pic" in html and "<img" not in html


def test_headings_step_down_below_the_pages_own():
    html = str(render_markdown("# One\n\n## Two\n\n### Three\n\n###### Six"))
    assert '<h3 class="govuk-heading-m">One</h3>' in html and '<h3 class="govuk-heading-m">Two</h3>' in html
    assert '<h4 class="govuk-heading-s">Three</h4>' in html and '<h4 class="govuk-heading-s">Six</h4>' in html
    assert "<h1" not in html and "<h2" not in html


def test_tables_and_lists_get_govuk_classes_and_no_inline_style():
    html = str(render_markdown("| a | b |\n|--:|:-:|\n| 1 | 2 |\n\n- one\n- two\n\n1. first"))
    assert 'class="govuk-table"' in html and 'class="govuk-table__cell"' in html and "style=" not in html
    assert 'class="govuk-list govuk-list--bullet"' in html and 'class="govuk-list govuk-list--number"' in html


def test_text_is_escaped_and_the_result_is_markup():
    html = render_markdown('Fish & chips <b>"now"</b>')
    assert isinstance(html, Markup)
    assert "Fish &amp; chips &lt;b&gt;&quot;now&quot;&lt;/b&gt;" in str(html)
    assert render_markdown(None) == Markup("")


def test_the_filter_is_registered_for_every_template(app):
    with app.test_request_context():
        template = app.jinja_env.from_string("{{ text|markdown }}")
        assert template.render(text="**bold** <script>") == '<p class="govuk-body"><strong>bold</strong> &lt;script&gt;</p>\n'

"""A message body shown as HTML: escaped, with its line breaks, and only web links made clickable."""
from assessor.mail.text import plain_text_html


def test_markup_in_the_body_is_escaped():
    html = plain_text_html('<script>alert("x")</script> & <b>bold</b>')
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html


def test_line_breaks_and_paragraphs_are_kept():
    html = plain_text_html("one\ntwo\r\n\r\nthree")
    assert html.count("<p ") == 2 and "one<br>\ntwo" in html


def test_web_links_become_links_without_trailing_punctuation():
    html = plain_text_html("Open (https://assessor.test/invitation/abc_-1).")
    assert '<a class="govuk-link" href="https://assessor.test/invitation/abc_-1" rel="noopener noreferrer nofollow">' in html
    assert html.endswith(").</p>")


def test_a_link_cannot_break_out_of_its_attribute():
    html = plain_text_html('https://x.test/"onmouseover="alert(1)')
    assert 'href="https://x.test/"' in html and 'onmouseover="' not in html


def test_other_schemes_are_not_linked():
    html = plain_text_html("javascript:alert(1) data:text/html,hi ftp://x.test")
    assert "<a " not in html

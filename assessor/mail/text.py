"""A plain-text message as safe HTML: everything escaped, paragraphs and line breaks kept, web links clickable."""
import re

from markupsafe import Markup, escape

LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""


def plain_text_html(text: str) -> Markup:
    paragraphs = [part for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()) if part.strip()]
    return Markup("\n").join(
        Markup('<p class="govuk-body govuk-!-text-break-word">{}</p>').format(Markup("<br>\n").join(_line(line) for line in part.split("\n")))
        for part in paragraphs
    )


def _line(line: str) -> Markup:
    pieces: list[Markup] = []
    position = 0
    for match in LINK.finditer(line):
        url = match.group(0).rstrip(TRAILING)
        end = match.start() + len(url)
        pieces += [escape(line[position : match.start()]), _anchor(url)]
        position = end
    pieces.append(escape(line[position:]))
    return Markup("").join(pieces)


def _anchor(url: str) -> Markup:
    return Markup('<a class="govuk-link" href="{0}" rel="noopener noreferrer nofollow">{0}</a>').format(url)

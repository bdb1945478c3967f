"""Standards in the layouts the NOS database publishes, made as PDF (WeasyPrint from HTML tables) and Word (python-docx).

Each standard is a dict: title, overview, the criteria in groups, the knowledge, and the details in a
two-column table. `as_pdf` and `as_docx` lay it out as the published files do: headings between tables,
a code in one column and its text in the other, a running header (the URN and title) and footer (the page number) on every page.
"""
import html
import io

import docx
from weasyprint import HTML

WELSH = {
    "language": "cy",
    "headings": ("Trosolwg", "Meini prawf perfformiad", "Gwybodaeth a dealltwriaeth"),
    "prompts": ("Rhaid i chi allu:", "Mae angen i chi wybod a deall:"),
    "footer": "Tudalen",
    "title": "Rheoli perthnasoedd gyda chleientiaid yn y diwydiannau creadigol",
    "overview": "Mae'r safon hon yn ymwneud â sefydlu a chynnal perthnasoedd gwaith da gyda chleientiaid a "
    "chwsmeriaid, o'r cyswllt cyntaf hyd at ddiwedd y gwaith, a chadw eu hymddiriedaeth drwy'r cyfan.",
    "criteria": [
        ("Sefydlu perthnasoedd", [
            ("P1", "nodi anghenion y cleient a chytuno ar ddisgwyliadau realistig gyda nhw, gan gofnodi'r hyn a gytunwyd mewn ffordd y gall pawb ei gweld"),
            ("P2", "cyfathrebu'n glir ac yn gwrtais gyda'r cleient ym mhob cyswllt"),
            ("P3", "ymddwyn yn foesegol wrth ddelio â chleientiaid"),
        ]),
        ("Cynnal perthnasoedd", [
            ("P4", "rhoi gwybod i'r cleient am gynnydd y gwaith ar adegau y cytunwyd arnynt"),
            ("P5", "delio â chwynion yn brydlon ac yn unol â pholisi'r sefydliad"),
        ]),
    ],
    "knowledge": [
        ("K1", "sut i nodi anghenion a disgwyliadau cleientiaid"),
        ("K2", "pam mae cyfathrebu clir yn bwysig i berthynas dda"),
        ("K3", "polisi a gweithdrefnau eich sefydliad ar gyfer cwynion"),
    ],
    "details": [
        ("URN", "LOCAL-DOCCY01"),
        ("Datblygwyd gan", "ScreenSkills"),
        ("Fersiwn rhif", "2"),
        ("Dyddiad cymeradwyo", "31 Mawrth 2024"),
        ("Dyddiad Adolygu Dangosol", "31 Mawrth 2029"),
        ("Dilysrwydd", "Cyfredol"),
        ("Statws", "Gwreiddiol"),
        ("Galwedigaethau perthnasol", "Cynhyrchydd\nRheolwr cyfrifon"),
        ("Geiriau allweddol", "cleientiaid\ncwsmeriaid\nperthnasoedd"),
    ],
}

ENGLISH = {
    "language": "en",
    "headings": ("Overview", "Performance criteria", "Knowledge and understanding"),
    "prompts": ("You must be able to:", "You need to know and understand:"),
    "footer": "Page",
    "title": "Manage relationships with clients in the creative industries",
    "overview": "This standard is about building and keeping good working relationships with clients and "
    "customers, from the first contact to the end of the work, and keeping their trust throughout.",
    "criteria": [
        ("Establish relationships", [
            ("P1", "identify the client's needs and agree realistic expectations with them, recording what was agreed where everyone can see it"),
            ("P2", "communicate clearly and courteously with the client at every contact"),
            ("P3", "behave ethically when dealing with clients"),
        ]),
        ("Maintain relationships", [
            ("P4", "keep the client informed of the work's progress at agreed times"),
            ("P5", "deal with complaints promptly and in line with the organisation's policy"),
        ]),
    ],
    "knowledge": [
        ("K1", "how to identify clients' needs and expectations"),
        ("K2", "why clear communication matters to a good relationship"),
        ("K3", "your organisation's complaints policy and procedures"),
    ],
    "details": [
        ("URN", "LOCAL-DOCEN01"),
        ("Developed by", "ScreenSkills"),
        ("Version Number", "2"),
        ("Date Approved", "31 March 2024"),
        ("Indicative Review Date", "31 March 2029"),
        ("Validity", "Current"),
        ("Status", "Original"),
        ("Relevant Occupations", "Producer\nAccount manager"),
        ("Keywords", "clients\ncustomers\nrelationships"),
    ],
}

CSS = """
@page { size: A4; margin: 2cm 2cm 2.5cm; @bottom-center { content: "%(footer)s " counter(page) " / " counter(pages); font-size: 9pt }
        @top-left { content: "%(header)s"; font-size: 9pt } }
body { font-family: sans-serif; font-size: 11pt }
table { border-collapse: collapse; width: 100%%; margin-bottom: 1em } td { border: 1px solid #000; padding: 4pt; vertical-align: top }
td.code { width: 12%% } .break { page-break-before: always }
"""


def _rows(pairs) -> str:
    return "".join(f"<tr><td class=code>{html.escape(a)}</td><td>{html.escape(b).replace(chr(10), '<br>')}</td></tr>" for a, b in pairs)


def as_html(standard: dict, *, tables: bool = True) -> str:
    overview, criteria, knowledge = standard["headings"]
    groups = "".join(
        f"<tr><td colspan=2><strong>{html.escape(group)}</strong></td></tr>{_rows(items)}" for group, items in standard["criteria"]
    )
    body = (
        f"<h1>{html.escape(standard['title'])}</h1><h2>{overview}</h2><p>{html.escape(standard['overview'])}</p>"
        f"<h2>{criteria}</h2><p>{standard['prompts'][0]}</p><table>{groups}</table>"
        f"<h2>{knowledge}</h2><p>{standard['prompts'][1]}</p><table>{_rows(standard['knowledge'])}</table>"
        f"<table class=break>{_rows(standard['details'])}</table>"
    )
    if not tables:
        body = body.replace("<table>", "<div>").replace("</table>", "</div>").replace("<tr>", "<p>").replace("</tr>", "</p>")
        body = body.replace("<td class=code>", "<span>").replace("<td colspan=2>", "<span>").replace("<td>", " <span>").replace("</td>", "</span>")
    urn = dict(standard["details"])["URN"]
    style = CSS % {"footer": standard["footer"], "header": f"{urn} {standard['title']}".replace('"', "")}
    return f"<html lang={standard['language']}><head><style>{style}</style></head><body>{body}</body></html>"


def as_pdf(standard: dict, *, tables: bool = True) -> bytes:
    return HTML(string=as_html(standard, tables=tables)).write_pdf()


def as_docx(standard: dict, *, tables: bool = True) -> bytes:
    document = docx.Document()
    overview, criteria, knowledge = standard["headings"]
    document.add_heading(standard["title"], level=1)
    document.add_heading(overview, level=2)
    document.add_paragraph(standard["overview"])
    document.add_heading(criteria, level=2)
    document.add_paragraph(standard["prompts"][0])
    rows = []
    for group, items in standard["criteria"]:
        rows += [(group, None), *items]
    add_table(document, rows, tables)
    document.add_heading(knowledge, level=2)
    document.add_paragraph(standard["prompts"][1])
    add_table(document, standard["knowledge"], tables)
    document.add_page_break()
    add_table(document, standard["details"], tables)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_table(document, rows, tables: bool = True) -> None:
    """Two columns of (code or label, text) rows; a row whose text is None is one merged cell (a group heading)."""
    if not tables:
        for code, text in rows:
            document.add_paragraph(code if text is None else f"{code} {text}")
        return
    table = document.add_table(rows=0, cols=2)
    for code, text in rows:
        cells = table.add_row().cells
        if text is None:
            cells[0].merge(cells[1]).text = code
        else:
            cells[0].text, cells[1].text = code, text


def seed_sized(standard: dict, criteria: int = 16, knowledge: int = 14) -> dict:
    """The standard with as many criteria and knowledge items as the first seed (SKSCMGS11), in two groups."""
    texts = [text for _group, items in standard["criteria"] for _code, text in items]
    items = [(f"P{n}", f"{texts[(n - 1) % len(texts)]} ({n})") for n in range(1, criteria + 1)]
    half = criteria // 2
    known = [text for _code, text in standard["knowledge"]]
    return {
        **standard,
        "criteria": [(standard["criteria"][0][0], items[:half]), (standard["criteria"][1][0], items[half:])],
        "knowledge": [(f"K{n}", f"{known[(n - 1) % len(known)]} ({n})") for n in range(1, knowledge + 1)],
    }

"""The words a NOS text uses for its headings and metadata, in Welsh and English."""
import re

SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "overview": ("overview", "trosolwg"),
    "performance_criteria": ("performance criteria", "meini prawf perfformiad"),
    "knowledge": (
        "knowledge and understanding",
        "knowledge & understanding",
        "gwybodaeth a dealltwriaeth",
        "gwybodaeth a'r ddealltwriaeth",
    ),
    "scope": (
        "scope/range",
        "scope / range",
        "scope",
        "scope/range related to performance criteria",
        "scope/range related to knowledge and understanding",
        "cwmpas/ystod",
        "cwmpas / ystod",
        "cwmpas",
    ),
    "values": ("values", "gwerthoedd"),
    "behaviours": ("behaviours", "behaviors", "ymddygiadau", "ymddygiad"),
    "skills": ("skills", "sgiliau"),
    "glossary": ("glossary", "geirfa"),
    "links_nos": ("links to other nos", "links to other nos(s)", "dolenni i nos eraill"),
    "links_external": ("external links", "cysylltiadau allanol", "dolenni allanol"),
}

SCOPE_SUBHEADINGS = (
    "scope performance",
    "performance scope",
    "scope knowledge",
    "knowledge scope",
    "cwmpas perfformiad",
    "gwybodaeth cwmpas",
    "cwmpas gwybodaeth",
)

METADATA_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title", "teitl"),
    "urn": ("urn", "rcu"),
    "original_urns": ("original urn", "original urns", "urn gwreiddiol", "rcu gwreiddiol"),
    "suites": (
        "suite",
        "suites",
        "suite/set",
        "business sectors (suites)",
        "cyfres",
        "cyfresi",
        "cyfres/set",
        "sectorau busnes (cyfresi)",
    ),
    "developed_by": ("developed by", "datblygwyd gan"),
    "approved": ("approved on", "approved", "date approved", "approval date", "cymeradwy ar", "dyddiad cymeradwyo"),
    "version": ("version number", "version", "version no", "fersiwn rhif", "rhif fersiwn", "rhif y fersiwn"),
    "review_date": ("indicative review date", "review date", "dyddiad adolygu dangosol"),
    "validity": ("validity", "dilysrwydd"),
    "status": ("status", "statws"),
    "originating_organisation": (
        "originating organisation",
        "originating organization",
        "sefydliad cychwynnol",
    ),
    "occupations": ("relevant occupations", "galwedigaethau perthnasol"),
    "soc_codes": ("soc code", "soc codes", "cod soc", "codau soc"),
    "keywords": ("keywords", "key words", "geiriau allweddol"),
}

LIST_FIELDS = ("original_urns", "suites", "occupations", "soc_codes", "keywords")
TEXT_FIELDS = ("developed_by", "approved", "version", "review_date", "validity", "status", "originating_organisation")
FREE_TEXT_SECTIONS = ("overview", "scope", "values", "behaviours", "skills", "glossary")

WELSH_MARKERS = frozenset(
    "a ac â i o yn yr y mae eich chi sut gyda ar gyfer am eu bod neu hyn sy wrth fel eraill ddim "
    "cwsmeriaid cleientiaid gwybodaeth".split()
)
ENGLISH_MARKERS = frozenset(
    "the and of to you your with for how that are be or this is in on customers clients".split()
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})


def normalise(label: str) -> str:
    """A line reduced to the form headings and labels are compared in."""
    text = label.translate(_APOSTROPHES).strip().rstrip(":").strip().casefold()
    return re.sub(r"\s+", " ", text)


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalise(word): key for key, words in table.items() for word in words}


HEADING_INDEX = _index(SECTION_HEADINGS)
LABEL_INDEX = _index(METADATA_LABELS)
SUBHEADING_SET = frozenset(normalise(word) for word in SCOPE_SUBHEADINGS)

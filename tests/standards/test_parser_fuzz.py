"""The parser and the parse command never crash, whatever text they are given."""
import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.standards.cli import standards_group
from assessor.standards.parser import parse_standard

SEEDS = Path(__file__).resolve().parents[2] / "standards" / "sources"

DOCUMENT_KEYS = {
    "urn", "original_urns", "title", "language", "overview", "performance_criteria", "knowledge", "scope",
    "values", "behaviours", "skills", "glossary", "links", "suites", "developed_by", "approved", "version",
    "review_date", "validity", "status", "originating_organisation", "occupations", "soc_codes", "keywords",
}
ITEM_KEYS = {"code", "text", "group", "children"}

FRAGMENTS = [
    "Overview", "Trosolwg", "Performance criteria", "Meini prawf perfformiad", "Knowledge and understanding",
    "Gwybodaeth a dealltwriaeth", "Scope/range", "Cwmpas/ystod", "Cwmpas Perfformiad", "Values", "Gwerthoedd",
    "Behaviours", "Skills", "Glossary", "Geirfa", "Links to other NOS", "External links",
    "You must be able to:", "Rhaid i chi allu:", "You need to know and understand:",
    "Mae angen i chi wybod a deall:", "URN: SKSCMGS11", "URN:", "URN", "RCU gwreiddiol\tSKSPP06",
    "Original URN: CFACSB15", "Developed by", "Datblygwyd gan\tLantra", "Version number: 3", "Fersiwn rhif",
    "Cymeradwy ar:", "Keywords: a; b; c", "Geiriau Allweddol", "Relevant occupations: Craft, design", "Cod SOC",
    "Status\tGwreiddiol", "Title: LEGACY standard", "Teitl", "- rheoli disgwyliadau", "- ", "-", "•  item",
    "1. cytuno", "1 gwneud", "12.1 cyfeirio", " 2.1 rheoliadau ", "P1 adnabod", "K1 know", "G3 pwysigrwydd",
    "PC1 greet", "KU2 the law", "a) first", "(b) second", "iv) fourth", "P1", "1.", "12.1", "Sefydlu grŵp",
    "Group heading:", "\t", "\t\t", "", " ", ":", "::", "LOCAL-X1", "CFA01L", "\ufeff", "\r", "\x00", "\u2028",
    "Mae'r safon hon yn ymwneud â", "This standard is about the", "a", "ŵŷâ’", "1" * 20, "P" + "9" * 10,
]

lines_of_nos = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)),
    max_size=60,
)
nos_like_text = st.builds(
    lambda parts, separator: separator.join(parts), lines_of_nos, st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
)
seed_texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


@st.composite
def mutated_seed(draw) -> str:
    """A seed with some of its lines dropped, repeated, swapped or replaced."""
    lines = draw(st.sampled_from(seed_texts)).split("\n")
    for _ in range(draw(st.integers(0, 8))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "replace", "swap"]))
        if action == "drop" and len(lines) > 1:
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "replace":
            lines[index] = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)))
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


any_text = st.one_of(st.text(max_size=400), nos_like_text, mutated_seed())
optional = st.one_of(st.none(), st.text(max_size=20))


def line_count(text: str) -> int:
    return len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def assert_items_well_formed(items: list) -> None:
    for item in items:
        assert set(item) >= ITEM_KEYS
        assert isinstance(item["code"], str) and isinstance(item["text"], str)
        for child in item["children"]:
            assert {"code", "text"} <= set(child)


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=any_text, urn=optional, title=optional, language=st.sampled_from([None, "cy", "en", "fr", ""]))
def test_parse_never_raises_and_problems_name_real_lines(text, urn, title, language):
    result = parse_standard(text, language=language, urn=urn, title=title)
    document = result.document
    assert set(document) >= DOCUMENT_KEYS
    assert document["language"] in ("cy", "en")
    assert_items_well_formed(document["performance_criteria"])
    assert_items_well_formed(document["knowledge"])
    json.dumps(document, ensure_ascii=False)
    lines = line_count(text)
    for problem in [*result.errors, *result.warnings]:
        assert problem.line is None or 1 <= problem.line <= lines
        assert problem.message.strip()
        str(problem)
    assert result.ok == (not result.errors)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), any_text.map(lambda text: text.encode("utf-8", "surrogatepass"))))
def test_parse_command_never_shows_a_traceback(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "standard.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(standards_group, ["parse", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output

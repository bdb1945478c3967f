"""Synthetic standards, in Welsh and English, for each layout product.md lists."""
import pytest

from assessor.standards.parser import decode, parse_standard

LANGUAGES = ("en", "cy")

WORDS = {
    "en": {
        "title": "Manage the expectations of customers and clients",
        "overview": "Overview",
        "about": "This standard is about managing the expectations of your customers and clients.",
        "pc": "Performance criteria",
        "pc_prompt": "You must be able to:",
        "k": "Knowledge and understanding",
        "k_prompt": "You need to know and understand:",
        "criteria": (
            "agree the expectations of the customer",
            "keep records of what you and the customer agreed",
            "tell the customer about any change to the agreement",
        ),
        "knowledge": (
            "how to agree expectations with customers",
            "the legislation that applies to your work",
            "the records your organisation keeps",
        ),
        "groups": ("Set up relationships with customers", "Keep relationships with customers"),
        "wrap": ("check that the customer understands the", "information you have given them"),
        "sub": ("the law that applies, including:", "data protection", "health and safety"),
        "stray": "This sentence belongs to no list at all.",
    },
    "cy": {
        "title": "Rheoli disgwyliadau cwsmeriaid a chleientiaid",
        "overview": "Trosolwg",
        "about": "Mae'r safon hon yn ymwneud â rheoli disgwyliadau eich cwsmeriaid a'ch cleientiaid.",
        "pc": "Meini prawf perfformiad",
        "pc_prompt": "Rhaid i chi allu:",
        "k": "Gwybodaeth a dealltwriaeth",
        "k_prompt": "Mae angen i chi wybod a deall:",
        "criteria": (
            "cytuno ar ddisgwyliadau'r cwsmer",
            "cadw cofnodion o'r hyn y cytunoch chi a'r cwsmer arno",
            "rhoi gwybod i'r cwsmer am unrhyw newid i'r cytundeb",
        ),
        "knowledge": (
            "sut i gytuno ar ddisgwyliadau gyda chwsmeriaid",
            "y ddeddfwriaeth sy'n berthnasol i'ch gwaith",
            "y cofnodion y mae eich sefydliad yn eu cadw",
        ),
        "groups": ("Sefydlu perthynas â chwsmeriaid", "Cynnal perthynas â chwsmeriaid"),
        "wrap": ("gwirio bod y cwsmer yn deall yr wybodaeth", "a roddwyd iddo yn ystod y cyswllt"),
        "sub": ("y ddeddfwriaeth berthnasol, gan gynnwys:", "diogelu data", "iechyd a diogelwch"),
        "stray": "Nid yw'r frawddeg hon yn perthyn i unrhyw restr.",
    },
}

METADATA = {
    "en": {
        "URN": "ABCCS01",
        "Developed by": "Skills CFA",
        "Version number": "2",
        "Date approved": "March 2020",
        "Indicative review date": "March 2025",
        "Validity": "Current",
        "Status": "Original",
        "Originating organisation": "Institute of Customer Service",
        "Original URN": "CFACSB15",
        "Relevant occupations": "Customer service occupations, Craft, creative arts and design",
        "Suite": "Customer Service (2020)",
        "SOC code": "7211; 7219",
        "Keywords": "customer; expectations, records",
    },
    "cy": {
        "URN": "ABCCS01",
        "Datblygwyd gan": "Skills CFA",
        "Fersiwn rhif": "2",
        "Dyddiad cymeradwyo": "31 Maw 2020",
        "Dyddiad Adolygu Dangosol": "31 Maw 2025",
        "Dilysrwydd": "Ar hyn o bryd",
        "Statws": "Gwreiddiol",
        "Sefydliad cychwynnol": "Sefydliad Gwasanaeth Cwsmeriaid",
        "RCU gwreiddiol": "CFACSB15",
        "Galwedigaethau perthnasol": "Galwedigaethau Gwasanaethau Cwsmeriaid, Crefftau, y celfyddydau a dylunio",
        "Sectorau Busnes (Cyfresi)": "Gwasanaeth Cwsmeriaid (2020)",
        "Cod SOC": "7211; 7219",
        "Geiriau Allweddol": "cwsmer; disgwyliadau, cofnodion",
    },
}

EXPECTED_METADATA = {
    "en": {
        "urn": "ABCCS01",
        "developed_by": "Skills CFA",
        "version": "2",
        "approved": "March 2020",
        "review_date": "March 2025",
        "validity": "Current",
        "status": "Original",
        "originating_organisation": "Institute of Customer Service",
        "original_urns": ["CFACSB15"],
        "occupations": ["Customer service occupations", "Craft, creative arts and design"],
        "suites": ["Customer Service (2020)"],
        "soc_codes": ["7211", "7219"],
        "keywords": ["customer", "expectations", "records"],
    },
    "cy": {
        "urn": "ABCCS01",
        "developed_by": "Skills CFA",
        "version": "2",
        "approved": "31 Maw 2020",
        "review_date": "31 Maw 2025",
        "validity": "Ar hyn o bryd",
        "status": "Gwreiddiol",
        "originating_organisation": "Sefydliad Gwasanaeth Cwsmeriaid",
        "original_urns": ["CFACSB15"],
        "occupations": ["Galwedigaethau Gwasanaethau Cwsmeriaid", "Crefftau, y celfyddydau a dylunio"],
        "suites": ["Gwasanaeth Cwsmeriaid (2020)"],
        "soc_codes": ["7211", "7219"],
        "keywords": ["cwsmer", "disgwyliadau", "cofnodion"],
    },
}

EXPECTED_KEYS = {
    "urn", "original_urns", "title", "language", "overview", "performance_criteria", "knowledge", "scope",
    "values", "behaviours", "skills", "glossary", "links", "suites", "developed_by", "approved", "version",
    "review_date", "validity", "status", "originating_organisation", "occupations", "soc_codes", "keywords",
}


def lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def colon_rows(language: str) -> list[str]:
    return [f"{label}: {value}" for label, value in METADATA[language].items()]


def next_line_rows(language: str) -> list[str]:
    return [row for label, value in METADATA[language].items() for row in (label, value)]


def tab_rows(language: str) -> list[str]:
    return [f"{label}\t{value}" for label, value in METADATA[language].items()]


def standard(language: str, criteria: list[str], knowledge: list[str], details: list[str] | None = None,
             *, title: str | None = "default", urn: str | None = "ABCCS01") -> str:
    """A whole standard in `language` with the given list lines and details."""
    words = WORDS[language]
    head = [words["title"] if title == "default" else title] if title else []
    head += [f"URN: {urn}"] if urn else []
    body = [words["overview"], words["about"], words["pc"], words["pc_prompt"], *criteria,
            words["k"], words["k_prompt"], *knowledge]
    return lines(*head, *body, *(details or []))


def bullets(texts) -> list[str]:
    return [f"- {text}" for text in texts]


def texts(items: list[dict]) -> list[str]:
    return [item["text"] for item in items]


def parse(text: str, **given):
    return parse_standard(text, **given)


@pytest.fixture(params=LANGUAGES)
def language(request) -> str:
    return request.param


def test_bullets(language):
    words = WORDS[language]
    result = parse(standard(language, bullets(words["criteria"]), bullets(words["knowledge"])))
    document = result.document
    assert result.ok, result.errors
    assert texts(document["performance_criteria"]) == list(words["criteria"])
    assert texts(document["knowledge"]) == list(words["knowledge"])
    assert [item["code"] for item in document["performance_criteria"]] == ["P1", "P2", "P3"]
    assert [item["ref"] for item in document["knowledge"]] == ["K1", "K2", "K3"]
    assert document["title"] == words["title"]
    assert document["overview"] == words["about"]
    assert set(document) >= EXPECTED_KEYS


def test_dot_numbering(language):
    words = WORDS[language]
    criteria = [f"{n}. {text}" for n, text in enumerate(words["criteria"], start=1)]
    knowledge = [f"{n}. {text}" for n, text in enumerate(words["knowledge"], start=1)]
    document = parse(standard(language, criteria, knowledge)).document
    assert [(item["code"], item["ref"]) for item in document["performance_criteria"]] == [
        ("1", "P1"), ("2", "P2"), ("3", "P3")
    ]
    assert texts(document["knowledge"]) == list(words["knowledge"])


def test_printed_codes_are_kept(language):
    words = WORDS[language]
    criteria = [f"P{n} {text}" for n, text in enumerate(words["criteria"], start=1)]
    knowledge = [f"K{n} {text}" for n, text in enumerate(words["knowledge"], start=1)]
    result = parse(standard(language, criteria, knowledge))
    assert [item["code"] for item in result.document["performance_criteria"]] == ["P1", "P2", "P3"]
    assert [item["ref"] for item in result.document["knowledge"]] == ["K1", "K2", "K3"]
    assert texts(result.document["performance_criteria"]) == list(words["criteria"])
    assert result.warnings == []


def test_pc_and_ku_codes_are_kept(language):
    words = WORDS[language]
    criteria = [f"PC{n}. {text}" for n, text in enumerate(words["criteria"], start=1)]
    knowledge = [f"KU{n} {text}" for n, text in enumerate(words["knowledge"], start=1)]
    document = parse(standard(language, criteria, knowledge)).document
    assert [item["code"] for item in document["performance_criteria"]] == ["PC1", "PC2", "PC3"]
    assert [item["code"] for item in document["knowledge"]] == ["KU1", "KU2", "KU3"]


def test_plain_numbering_with_sub_items(language):
    words = WORDS[language]
    parent, first, second = words["sub"]
    knowledge = ["", f"1 {words['knowledge'][0]} ", "", "", f" 2 {parent} ", "", f" 2.1 {first} ", "",
                 f" 2.2 {second} ", "", f" 3 {words['knowledge'][2]}"]
    criteria = [f"{n} {text}" for n, text in enumerate(words["criteria"], start=1)]
    document = parse(standard(language, criteria, knowledge)).document
    items = document["knowledge"]
    assert [item["code"] for item in items] == ["1", "2", "3"]
    assert items[1]["text"] == parent
    assert items[1]["children"] == [
        {"code": "2.1", "ref": "K2.1", "text": first},
        {"code": "2.2", "ref": "K2.2", "text": second},
    ]
    assert items[2]["children"] == []


def test_lettered_sub_items_belong_to_the_item_above(language):
    words = WORDS[language]
    parent, first, second = words["sub"]
    knowledge = [f"K1 {parent}", f"a) {first}", f"b) {second}", f"K2 {words['knowledge'][1]}"]
    document = parse(standard(language, bullets(words["criteria"]), knowledge)).document
    assert [item["code"] for item in document["knowledge"]] == ["K1", "K2"]
    assert [(child["code"], child["ref"], child["text"]) for child in document["knowledge"][0]["children"]] == [
        ("a", "K1a", first),
        ("b", "K1b", second),
    ]


def test_criteria_grouped_under_headings(language):
    words = WORDS[language]
    one, two = words["groups"]
    first, second, third = words["criteria"]
    criteria = ["", one, "", f"P1 {first}", "", f"P2 {second}", "", two, "", f"P3 {third}", ""]
    document = parse(standard(language, criteria, bullets(words["knowledge"]))).document
    assert [(item["code"], item["group"]) for item in document["performance_criteria"]] == [
        ("P1", one), ("P2", one), ("P3", two)
    ]
    assert all(item["group"] is None for item in document["knowledge"])


def test_group_headings_directly_above_bullets(language):
    words = WORDS[language]
    one, two = words["groups"]
    first, second, third = words["criteria"]
    criteria = [f"{one}:", f"- {first}", f"- {second}", f"{two}:", f"- {third}"]
    document = parse(standard(language, criteria, bullets(words["knowledge"]))).document
    assert [item["group"] for item in document["performance_criteria"]] == [one, one, two]


def test_english_headings_inside_welsh_text():
    words = WORDS["cy"]
    text = lines(
        words["title"], "URN: ABCCS01", "Overview", words["about"], "Performance criteria", "You must be able to:",
        *bullets(words["criteria"]), "Knowledge and understanding", "You need to know and understand:",
        *bullets(words["knowledge"]), "Developed by: Skills CFA",
    )
    result = parse(text)
    assert result.ok, result.errors
    assert result.document["language"] == "cy"
    assert texts(result.document["performance_criteria"]) == list(words["criteria"])
    assert texts(result.document["knowledge"]) == list(words["knowledge"])
    assert result.document["overview"] == words["about"]


@pytest.mark.parametrize("shape", [colon_rows, next_line_rows, tab_rows], ids=["colon", "next-line", "tab"])
def test_metadata_in_every_shape(language, shape):
    words = WORDS[language]
    details = shape(language)[1:]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), details)
    result = parse(text)
    assert result.ok, result.errors
    assert result.warnings == []
    expected = EXPECTED_METADATA[language]
    assert {key: result.document[key] for key in expected} == expected
    assert result.document["urn"] == "ABCCS01"
    assert len(result.document["knowledge"]) == 3


@pytest.mark.parametrize("shape", [colon_rows, next_line_rows, tab_rows], ids=["colon", "next-line", "tab"])
def test_urn_in_the_details_at_the_end(language, shape):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), shape(language), urn=None)
    result = parse(text)
    assert result.ok, result.errors
    assert result.document["urn"] == "ABCCS01"


def test_hard_wrapped_metadata_value_continues(language):
    words = WORDS[language]
    label = "Keywords" if language == "en" else "Geiriau Allweddol"
    details = [f"{label}: one; two;", "three; four"]
    document = parse(standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), details)).document
    assert document["keywords"] == ["one", "two", "three", "four"]


def test_hard_wrapped_criterion(language):
    words = WORDS[language]
    start, rest = words["wrap"]
    criteria = [f"- {words['criteria'][0]}", f"- {start}", rest, f"- {words['criteria'][2]}"]
    knowledge = [f"1. {start}", f"   {rest}", f"2. {words['knowledge'][1]}"]
    result = parse(standard(language, criteria, knowledge))
    assert result.ok, result.errors
    assert texts(result.document["performance_criteria"]) == [words["criteria"][0], f"{start} {rest}",
                                                              words["criteria"][2]]
    assert texts(result.document["knowledge"]) == [f"{start} {rest}", words["knowledge"][1]]


def test_hard_wrapped_last_item_carried_on_with_a_capital(language):
    words = WORDS[language]
    criteria = [f"P1 {words['criteria'][0]}", f"P2 {words['criteria'][1]} under the", "Data Protection Act 2018"]
    document = parse(standard(language, criteria, bullets(words["knowledge"]))).document
    assert texts(document["performance_criteria"]) == [
        words["criteria"][0], f"{words['criteria'][1]} under the Data Protection Act 2018"
    ]


def test_numbering_that_restarts_in_each_group(language):
    words = WORDS[language]
    one, two = words["groups"]
    first, second, third = words["criteria"]
    criteria = [one, f"1 {first}", f"2 {second}", two, f"1 {third}", f"1.1 {words['sub'][1]}"]
    result = parse(standard(language, criteria, bullets(words["knowledge"])))
    items = result.document["performance_criteria"]
    assert [(item["code"], item["ref"], item["group"]) for item in items] == [
        ("1", "P1", one), ("2", "P2", one), ("1", "P3", two)
    ]
    assert items[2]["children"] == [{"code": "1.1", "ref": "P3.1", "text": words["sub"][1]}]
    restart_line = text_line(standard(language, criteria, []), f"1 {third}")
    assert [(w.line, "by position" in w.message) for w in result.warnings] == [(restart_line, True)]


def text_line(text: str, wanted: str) -> int:
    return text.split("\n").index(wanted) + 1


def test_legacy_in_the_title(language):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]),
                    title=f"{words['title']} (LEGACY)")
    assert parse(text).document["legacy"] is True


def test_legacy_urn_ends_in_l(language):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), urn="CFACSB15L")
    document = parse(text).document
    assert (document["urn"], document["legacy"]) == ("CFACSB15L", True)


def test_current_standard_is_not_legacy(language):
    words = WORDS[language]
    document = parse(standard(language, bullets(words["criteria"]), bullets(words["knowledge"]))).document
    assert document["legacy"] is False


def test_local_urn_ending_in_l_is_not_legacy(language):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), urn=None)
    document = parse(text, urn="LOCAL-ABCL").document
    assert (document["urn_is_local"], document["legacy"]) == (True, False)


def test_no_title_and_no_urn(language):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), title=None, urn=None)
    result = parse(text)
    messages = [error.message for error in result.errors]
    assert messages == ["no URN found: pass --urn", "no title found: pass --title"]
    assert all(error.line is None for error in result.errors)
    assert (result.document["urn"], result.document["title"]) == (None, None)
    supplied = parse(text, urn="LOCAL-X1", title="Given")
    assert supplied.ok and (supplied.document["urn"], supplied.document["title"]) == ("LOCAL-X1", "Given")


def test_a_line_that_cannot_be_placed(language):
    words = WORDS[language]
    criteria = [*bullets(words["criteria"]), "", words["stray"], ""]
    text = standard(language, criteria, bullets(words["knowledge"]))
    result = parse(text)
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.line == text_line(text, words["stray"])
    assert "cannot place" in error.message and words["stray"][:20] in error.message
    assert str(error).startswith(f"line {error.line}: ")
    assert texts(result.document["performance_criteria"]) == list(words["criteria"])


def test_a_stray_line_among_the_details(language):
    words = WORDS[language]
    details = colon_rows(language)[1:3] + ["Something nobody expects here"]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), details)
    result = parse(text)
    assert [error.line for error in result.errors] == [text_line(text, "Something nobody expects here")]
    assert result.document["developed_by"] == "Skills CFA"


def test_unknown_detail_is_kept_with_a_warning(language):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), [colon_rows(language)[1], "Sector: Retail"])
    result = parse(text)
    assert result.ok
    assert result.document["other_metadata"] == {"Sector": "Retail"}
    assert [w.line for w in result.warnings] == [text_line(text, "Sector: Retail")]


def test_crlf_line_endings(language):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), colon_rows(language)[1:])
    unix = parse(text).document
    windows = parse(text.replace("\n", "\r\n"))
    assert windows.ok, windows.errors
    assert windows.document == unix
    assert not any("\r" in item["text"] for item in windows.document["knowledge"])


def test_line_numbers_count_crlf_lines_once(language):
    words = WORDS[language]
    text = standard(language, [*bullets(words["criteria"]), "", words["stray"]], bullets(words["knowledge"]))
    error = parse(text.replace("\n", "\r\n")).errors[0]
    assert error.line == text_line(text, words["stray"])


def test_utf8_bom(language):
    words = WORDS[language]
    text = standard(language, bullets(words["criteria"]), bullets(words["knowledge"]))
    from_bytes = parse(decode(("\ufeff" + text).encode("utf-8"))).document
    from_text = parse("\ufeff" + text).document
    assert from_bytes["title"] == from_text["title"] == words["title"]
    assert from_text == parse(text).document


def test_windows_1252_bytes():
    words = WORDS["cy"]
    text = standard("cy", ["- rheoli disgwyliadau’r cwsmer – yn glir", "- cadw cofnodion"],
                    bullets(words["knowledge"]), ["Datblygwyd gan: Sgiliau Â"])
    data = text.encode("cp1252")
    assert data.decode("utf-8", errors="replace") != text
    document = parse(decode(data)).document
    assert document["performance_criteria"][0]["text"] == "rheoli disgwyliadau’r cwsmer – yn glir"
    assert document["developed_by"] == "Sgiliau Â"


def test_decode_never_fails_on_bytes_undefined_in_windows_1252():
    assert decode(b"Teitl \x81\x8d\x90") == "Teitl \x81\x8d\x90"


def test_utf8_bytes_decode_as_utf8():
    assert decode("Gŵyl â’r".encode()) == "Gŵyl â’r"


@pytest.mark.parametrize("language_", LANGUAGES)
def test_language_is_detected(language_):
    words = WORDS[language_]
    assert parse(standard(language_, bullets(words["criteria"]), bullets(words["knowledge"]))).document[
        "language"
    ] == language_


def test_given_language_overrides_detection():
    words = WORDS["en"]
    text = standard("en", bullets(words["criteria"]), bullets(words["knowledge"]))
    assert parse(text, language="cy").document["language"] == "cy"


def test_free_text_sections_and_links(language):
    words = WORDS[language]
    heads = {
        "en": ("Scope/range", "Values", "Behaviours", "Skills", "Glossary", "Links to other NOS", "External links"),
        "cy": ("Cwmpas/ystod", "Gwerthoedd", "Ymddygiadau", "Sgiliau", "Geirfa", "Dolenni i NOS eraill",
               "Cysylltiadau allanol"),
    }[language]
    scope, values, behaviours, skills, glossary, links_nos, links_external = heads
    tail = [scope, "phone, email and chat", values, "Respect.", behaviours, "Listen first.", skills,
            "Communication.", glossary, "NOS: National Occupational Standards", links_nos, "CFACSB14",
            links_external, "https://example.org/nos"]
    document = parse(standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), tail)).document
    assert document["scope"] == "phone, email and chat"
    assert (document["values"], document["behaviours"], document["skills"]) == (
        "Respect.", "Listen first.", "Communication."
    )
    assert document["glossary"] == "NOS: National Occupational Standards"
    assert document["links"] == ["CFACSB14", "https://example.org/nos"]
    assert len(document["knowledge"]) == 3


def test_missing_lists_are_errors(language):
    words = WORDS[language]
    result = parse(lines(words["title"], "URN: ABC01", words["overview"], words["about"]))
    assert len(result.errors) == 2
    assert "no performance criteria found" in result.errors[0].message
    assert "no knowledge items found" in result.errors[1].message


def test_capitalised_line_after_a_finished_sentence_is_not_a_continuation(language):
    words = WORDS[language]
    criteria = [f"- {words['criteria'][0]}", f"- {words['criteria'][1]}.", words["stray"]]
    text = standard(language, criteria, bullets(words["knowledge"]))
    result = parse(text)
    assert [error.line for error in result.errors] == [text_line(text, words["stray"])]
    assert result.document["performance_criteria"][1]["text"] == f"{words['criteria'][1]}."


def test_capitalised_line_after_a_colon_continues_the_item(language):
    words = WORDS[language]
    parent = words["sub"][0]
    knowledge = [f"K1 {words['knowledge'][0]}", f"K2 {parent}", "Data Protection Act 2018"]
    document = parse(standard(language, bullets(words["criteria"]), knowledge)).document
    assert document["knowledge"][1]["text"] == f"{parent} Data Protection Act 2018"


def test_unknown_tab_row_keeps_its_whole_label(language):
    words = WORDS[language]
    details = [tab_rows(language)[1], "Credit: level\t3"]
    result = parse(standard(language, bullets(words["criteria"]), bullets(words["knowledge"]), details))
    assert result.document["other_metadata"] == {"Credit: level": "3"}
    assert "'Credit: level'" in result.warnings[0].message

"""The five seed standards in standards/sources/ read as product.md describes them."""
from pathlib import Path

import pytest

from assessor.standards.parser import decode, parse_standard

SEEDS = Path(__file__).resolve().parents[2] / "standards" / "sources"
SKSCMGS11 = "000_9a6a159356034278.txt"
SKSPP06 = "001_7968373ca22fd4ac.txt"
CFACSB15 = "002_c373f6a8a3b4f8fe.txt"
CONTACT_CENTRE = "003_0432d368949bc243.txt"
OPERATIONS = "004_25cc69476f2f32d8.txt"

COUNTS = {SKSCMGS11: (16, 14), SKSPP06: (11, 15), CFACSB15: (9, 10), CONTACT_CENTRE: (17, 26), OPERATIONS: (19, 16)}


def seed_text(name: str) -> str:
    return decode((SEEDS / name).read_bytes())


def parse_seed(name: str, **given):
    return parse_standard(seed_text(name), **given)


def codes(items: list[dict]) -> list[str]:
    return [item["code"] for item in items]


def messages(problems) -> list[str]:
    return [problem.message for problem in problems]


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_counts_of_assessable_items(name):
    document = parse_seed(name).document
    assert (len(document["performance_criteria"]), len(document["knowledge"])) == COUNTS[name]


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_language_is_detected_as_welsh(name):
    assert parse_seed(name).document["language"] == "cy"


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_item_has_text_and_a_unique_ref(name):
    document = parse_seed(name).document
    for section in ("performance_criteria", "knowledge"):
        refs = [item["ref"] for item in document[section]]
        assert len(set(refs)) == len(refs)
        assert all(item["text"].strip() for item in document[section])


def test_bulleted_items_get_codes_by_position():
    document = parse_seed(SKSCMGS11).document
    assert codes(document["performance_criteria"]) == [f"P{n}" for n in range(1, 17)]
    assert codes(document["knowledge"]) == [f"K{n}" for n in range(1, 15)]


def test_numbered_items_keep_their_printed_numbers():
    document = parse_seed(SKSPP06).document
    assert codes(document["performance_criteria"]) == [str(n) for n in range(1, 12)]
    assert [item["ref"] for item in document["knowledge"]][-1] == "K15"


def test_codes_are_kept_as_printed():
    document = parse_seed(CFACSB15).document
    assert codes(document["performance_criteria"]) == [f"P{n}" for n in range(1, 10)]
    assert codes(document["knowledge"]) == [f"G{n}" for n in range(1, 11)]
    assert document["knowledge"][2]["ref"] == "G3"


def test_criteria_stand_in_their_two_titled_groups():
    criteria = parse_seed(CFACSB15).document["performance_criteria"]
    groups = [item["group"] for item in criteria]
    assert groups == ["Sefydlu cysylltiadau cwsmeriaid effeithiol"] * 4 + [
        "Cynnal a datblygu cysylltiadau cwsmeriaid effeithiol"
    ] * 5
    assert all(item["group"] is None for item in parse_seed(CFACSB15).document["knowledge"])


def test_sub_item_12_1_belongs_to_criterion_12():
    criteria = parse_seed(CONTACT_CENTRE).document["performance_criteria"]
    twelve = criteria[11]
    assert twelve["code"] == "12"
    assert twelve["children"] == [
        {"code": "12.1", "ref": "P12.1", "text": "cyfeirio cwsmeriaid at wasanaethau eraill"}
    ]
    assert codes(criteria) == [str(n) for n in range(1, 18)]
    assert all(not item["children"] for item in criteria if item["code"] != "12")


def test_sub_items_2_1_to_2_3_belong_to_knowledge_item_2():
    knowledge = parse_seed(CONTACT_CENTRE).document["knowledge"]
    two = knowledge[1]
    assert (two["code"], two["ref"]) == ("2", "K2")
    assert [(child["code"], child["ref"]) for child in two["children"]] == [
        ("2.1", "K2.1"),
        ("2.2", "K2.2"),
        ("2.3", "K2.3"),
    ]
    assert two["children"][2]["text"] == "rheoliadau diogelu data"
    assert "2.1" not in codes(knowledge)


EXACT_TEXTS = [
    (SKSCMGS11, "performance_criteria", 0, "rheoli disgwyliadau cleientiaid neu gwsmeriaid o ran perthnasau a’r gwaith"),
    (
        SKSCMGS11,
        "performance_criteria",
        -1,
        "adnabod cyfleoedd i feithrin perthnasau newydd neu bresennol gyda chleientiaid neu gwsmeriaid a fyddai o "
        "fudd i’ch sefydliad chi",
    ),
    (
        SKSCMGS11,
        "knowledge",
        0,
        "anghenion a blaenoriaethau’r cleient neu’r cwsmer, y marchnadoedd maen nhw’n rhan ohonyn nhw a sut maen "
        "nhw’n cynhyrchu incwm",
    ),
    (
        SKSCMGS11,
        "knowledge",
        -1,
        "pryd i gyfathrebu gyda phobl neu sefydliadau eraill i fodloni disgwyliadau cleientiaid neu gwsmeriaid",
    ),
    (
        SKSPP06,
        "performance_criteria",
        0,
        "ymddwyn yn foesegol wrth ddelio â chleientiaid a datblygu perthnasau sy'n dangos ymddiriedaeth, parch, "
        "ymrwymiad a chydweithrediad",
    ),
    (SKSPP06, "performance_criteria", -1, "cynnal diogelwch ffeiliau a deunyddiau eraill yn unol â gofynion y cwmni"),
    (
        SKSPP06,
        "knowledge",
        0,
        "anghenion a blaenoriaethau cleientiaid a sut i ddeall eu hanghenion y tu hwnt i'w hawgrymiadau cychwynnol",
    ),
    (SKSPP06, "knowledge", -1, "systemau cwmni ar gyfer storio, cefnogi a diogelwch"),
    (
        CFACSB15,
        "performance_criteria",
        0,
        "adnabod y mathau o gwsmeriaid y dylech ddatblygu cysylltiadau cwsmeriaid tymor hwy a hybu teyrngarwch gyda nhw",
    ),
    (
        CFACSB15,
        "performance_criteria",
        -1,
        "dadansoddi cysylltiadau cwsmeriaid a chynnig newidiadau fydd yn datblygu teyrngarwch tymor hwy i bobl ag "
        "awdurdod yn eich sefydliad",
    ),
    (
        CFACSB15,
        "knowledge",
        0,
        "sut i adnabod a rhoi blaenoriaeth i fathau o gwsmeriaid y dylech fod yn datblygu perthynas tymor hwy gyda nhw",
    ),
    (
        CFACSB15,
        "knowledge",
        -1,
        "y rhan sy'n cael ei chwarae gan gyswllt rhyngrwyd a'r cyfryngau cymdeithasu a'r potensial y mae hwn yn ei "
        "gynnig ar gyfer datblygu a chynnal cysylltiadau cwsmeriaid effeithiol",
    ),
    (
        CONTACT_CENTRE,
        "performance_criteria",
        0,
        "cymhwyso mesurau diogeledd gofynnol, diogelu data, rheoliadau iechyd a diogelwch a pholisïau a gweithdrefnau "
        "sefydliadol, ar draws eich dyletswyddau gwaith eich hun",
    ),
    (
        CONTACT_CENTRE,
        "performance_criteria",
        -1,
        "cofnodi bod gweithgareddau ôl-gyswllt wedi'u cwblhau, yn unol â pholisïau a gweithdrefnau sefydliadol",
    ),
    (
        CONTACT_CENTRE,
        "knowledge",
        0,
        "polisïau a gweithdrefnau sefydliadol ar gyfer ymdrin ag anghenion a gofynion cwsmeriaid",
    ),
    (
        CONTACT_CENTRE,
        "knowledge",
        -1,
        "yr ystod o weithgareddau ôl-gyswllt a ddisgwylir yn eich rôl eich hun, a phwysigrwydd eu cwblhau",
    ),
    (OPERATIONS, "performance_criteria", 0, "dadansoddi'r hyn y mae cwsmeriaid yn ei ddisgwyl gan wasanaethau"),
    (
        OPERATIONS,
        "performance_criteria",
        -1,
        "dilyn y codau ymarfer a'r polisïau cyfreithiol, sefydliadol sy'n berthnasol i'ch rôl a'r gweithgareddau sy'n "
        "cael eu cynnal",
    ),
    (
        OPERATIONS,
        "knowledge",
        0,
        "sut i ddatblygu cynlluniau ar gyfer gweithrediadau gwasanaeth i gwsmeriaid a'r hyn y dylent ei gynnwys",
    ),
    (
        OPERATIONS,
        "knowledge",
        -1,
        "y codau ymarfer a'r polisïau cyfreithiol, sefydliadol sy'n berthnasol i'ch rôl a'r gweithgareddau sy'n cael "
        "eu cynnal",
    ),
]


@pytest.mark.parametrize("name, section, index, text", EXACT_TEXTS)
def test_first_and_last_item_texts(name, section, index, text):
    assert parse_seed(name).document[section][index]["text"] == text


def test_skscmgs11_metadata():
    result = parse_seed(SKSCMGS11)
    document = result.document
    assert result.ok, result.errors
    assert document["urn"] == "SKSCMGS11"
    assert document["urn_is_local"] is False
    assert document["legacy"] is False
    assert document["title"] == "Rheoli perthnasoedd gyda chleientiaid neu gwsmeriaid yn y diwydiannau creadigol"
    assert document["original_urns"] == ["SKSGS11"]
    assert document["suites"] == ["Sgiliau Cyffredinol y Cyfryngau Creadigol"]
    assert document["developed_by"] == "ScreenSkills"
    assert document["approved"] == "2024"
    assert document["version"] == "3"
    assert document["review_date"] == "2027"
    assert document["validity"] == "Ar hyn o bryd"
    assert document["status"] == "Gwreiddiol"
    assert document["originating_organisation"] == "ScreenSkills"
    assert document["soc_codes"] == []
    assert document["overview"].startswith("Mae’r safon hon yn ymwneud â chydweithio")


def test_skscmgs11_keywords_are_split():
    assert parse_seed(SKSCMGS11).document["keywords"] == [
        "rheoli",
        "cleientiaid",
        "cwsmeriaid",
        "disgwyliadau",
        "amcanion strategol",
        "cywirdeb creadigol",
        "perthnasau",
        "meithrin",
        "diwydiannau creadigol",
    ]


def test_skscmgs11_occupations_keep_names_that_contain_a_comma():
    occupations = parse_seed(SKSCMGS11).document["occupations"]
    assert len(occupations) == 18
    assert occupations[0] == "Y Cyfryngau a Chyhoeddi"
    assert "Crefftau, y celfyddydau creadigol a dylunio" in occupations
    assert occupations[-1] == "Rolau Cymorth Technegol ar gyfer Recordio Sain a Thechnoleg Cerddoriaeth"
    assert "" not in occupations


def test_tab_separated_metadata_of_sksp06():
    document = parse_seed(SKSPP06, urn="LOCAL-SKSPP06").document
    assert document["original_urns"] == ["SKSPP06"]
    assert document["developed_by"] == "ScreenSkills"
    assert document["approved"] == "31 Ion 2017"
    assert document["review_date"] == "31 Ion 2020"
    assert document["originating_organisation"] == "Creative Skillset"
    assert document["suites"] == ["Ôl-gynhyrchu"]
    assert document["occupations"] == ["Gweithwyr proffesiynol ôl-gynhyrchu"]
    assert document["keywords"] == ["Ôl-gynhyrchu", "Cynhyrchu", "Ffilm", "Theledu", "Cleient"]
    assert document["version"] is None


def test_tab_separated_metadata_of_cfacsb15():
    document = parse_seed(CFACSB15).document
    assert document["original_urns"] == ["CFACSB15"]
    assert document["developed_by"] == "Lantra"
    assert document["originating_organisation"] == "Skills CFA"
    assert document["suites"] == ["Gweithgareddau Milfeddygol Para-broffesiynol"]
    assert document["occupations"] == ["Galwedigaethau Gwasanaethau Cwsmeriaid", "Milfeddyg para-broffesiynol"]
    assert len(document["keywords"]) == 13
    assert document["keywords"][0] == "perthynas â chwsmeriaid"


def test_title_of_sksp06_comes_from_the_line_before_the_details_with_a_warning():
    result = parse_seed(SKSPP06)
    assert result.document["title"] == "Pennu a rheoli disgwyliadau parhaus cleientiaid"
    title_warnings = [w for w in result.warnings if "title" in w.message]
    assert [w.line for w in title_warnings] == [45]
    assert str(title_warnings[0]).startswith("line 45: ")


@pytest.mark.parametrize(
    "name, missing",
    [
        (SKSCMGS11, []),
        (SKSPP06, ["--urn"]),
        (CFACSB15, ["--urn", "--title"]),
        (CONTACT_CENTRE, ["--urn", "--title"]),
        (OPERATIONS, ["--urn"]),
    ],
)
def test_missing_urn_and_title_are_errors(name, missing):
    errors = messages(parse_seed(name).errors)
    assert [flag for flag in ("--urn", "--title") if any(f"pass {flag}" in e for e in errors)] == missing
    assert len(errors) == len(missing)
    if "--urn" in missing:
        assert any(e.startswith("no URN found: pass --urn") for e in errors)
    if "--title" in missing:
        assert "no title found: pass --title" in errors


def test_only_an_original_urn_is_not_taken_as_the_urn():
    result = parse_seed(CFACSB15)
    assert result.document["urn"] is None
    assert any("CFACSB15" in e and "LOCAL-CFACSB15" in e for e in messages(result.errors))


@pytest.mark.parametrize("name", [SKSPP06, CFACSB15, CONTACT_CENTRE, OPERATIONS])
def test_supplying_urn_and_title_clears_the_errors(name):
    result = parse_seed(name, urn="LOCAL-TEST01", title="A title supplied by hand")
    assert result.ok, result.errors
    assert result.document["urn"] == "LOCAL-TEST01"
    assert result.document["urn_is_local"] is True
    assert result.document["title"] == "A title supplied by hand"


def test_contact_centre_details_are_read_label_then_value():
    document = parse_seed(CONTACT_CENTRE).document
    assert document["validity"] == "Gwreiddiol"
    assert document["occupations"] == []


def test_english_heading_inside_welsh_text_is_not_an_item():
    document = parse_seed(OPERATIONS).document
    assert all("know and understand" not in item["text"] for item in document["knowledge"])
    assert document["title"] == "Cynllunio, trefnu a rheoli gweithrediadau gwasanaeth i gwsmeriaid"

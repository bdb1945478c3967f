"""`parse_lines`: lines another reader took out of a file (PDF, Word) parse as text does, and problems name their own numbers."""
from assessor.standards.parser import Line, parse_lines, parse_standard

TEXT = "Title: Plan the work\nURN: EXABC01\nPerformance criteria\nP1 agree the plan\nK1 know the plan\n"


def test_lines_parse_as_the_same_text_does():
    lines = [Line(number, text) for number, text in enumerate(TEXT.split("\n"), start=1)]
    assert parse_lines(lines).document == parse_standard(TEXT).document


def test_problems_name_the_numbers_the_lines_came_with():
    lines = [Line(101, "Title: Plan the work"), Line(102, "URN: EXABC01"), Line(140, "Performance criteria"),
             Line(141, "1. agree the plan"), Line(157, "(2) keep\x07 records")]
    result = parse_lines(lines)
    assert [problem.line for problem in result.errors if problem.line] == [157]
    assert [item["text"] for item in result.document["performance_criteria"]] == ["agree the plan"]


def test_a_continuation_mentioning_the_next_code_is_not_taken_for_a_group():
    result = parse_standard("Title: T\nURN: EXABC01\nPerformance criteria\nP1 agree the plan with the client\nthe client, as P2 explains further\nP3 keep records\n")
    assert result.errors and all(item["group"] is None for item in result.document["performance_criteria"])


def test_a_single_copyright_line_and_page_numbers_are_left_out_with_a_warning():
    text = "Title: Plan the work\nURN: EXABC01\nPerformance criteria\nP1 agree the plan\nPage 1 of 1\nKnowledge and understanding\nK1 know the plan\n\u00a9 Example Skills 2025\n"
    result = parse_standard(text)
    assert result.ok and [problem.line for problem in result.warnings] == [5]
    assert result.document["knowledge"][0]["text"] == "know the plan"


def test_table_rows_as_tab_separated_cells_read_as_groups_codes_and_text():
    """The shape a reader of PDF or Word tables can hand over: group, code and text cells joined by tabs."""
    lines = ["Title\tPlan the work", "URN\tEXABC01", "Performance criteria", "Agree the plan\tP1\tagree the plan with the client",
             "\tP2\tkeep records", "Keep going\tP3\ttell people", "Knowledge and understanding", "General\t1\tknow the plan", "\t2\tknow the law"]
    result = parse_lines([Line(number, text) for number, text in enumerate(lines, start=1)])
    assert result.ok, [str(problem) for problem in result.errors]
    read = [(item["ref"], item["group"], item["text"]) for item in result.document["performance_criteria"] + result.document["knowledge"]]
    assert read == [("P1", "Agree the plan", "agree the plan with the client"), ("P2", "Agree the plan", "keep records"),
                    ("P3", "Keep going", "tell people"), ("K1", "General", "know the plan"), ("K2", "General", "know the law")]

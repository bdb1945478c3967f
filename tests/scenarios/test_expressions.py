import builtins
import re
from pathlib import Path

import pytest

from assessor.scenarios import evaluation, expressions
from assessor.scenarios.evaluation import evaluate, holds, type_problems
from assessor.scenarios.expressions import Compare, ExpressionError, Literal, Logical, Name, Not, names, parse

VARIABLES = {"trust": 6, "days_left": 2, "agreed": True, "escalated": False, "ratio": 0.5}


def value(source: str):
    return evaluate(parse(source), VARIABLES)


def test_parse_builds_a_tree():
    assert parse("trust >= 6") == Compare(">=", Name("trust"), Literal(6))
    assert parse("not agreed") == Not(Name("agreed"))


def test_and_binds_tighter_than_or():
    assert parse("a or b and c") == Logical("or", Name("a"), Logical("and", Name("b"), Name("c")))
    assert value("true or false and false") is True
    assert value("(true or false) and false") is False


def test_not_binds_looser_than_comparison_and_tighter_than_and():
    assert parse("not trust > 3") == Not(Compare(">", Name("trust"), Literal(3)))
    assert parse("not agreed and escalated") == Logical("and", Not(Name("agreed")), Name("escalated"))
    assert value("not not agreed") is True


@pytest.mark.parametrize("source, expected", [
    ("trust >= 6", True), ("trust > 6", False), ("trust == 6", True), ("trust != 6", False),
    ("days_left < 3 and agreed", True), ("days_left <= 1 or escalated", False),
    ("agreed == true", True), ("escalated != false", False), ("ratio < 0.75", True),
    ("trust > -1", True), ("not (trust < 3 or days_left <= 0)", True), ("true", True),
])
def test_evaluates(source, expected):
    assert value(source) is expected


@pytest.mark.parametrize("source, message", [
    ("trust = 6", "use '==' to compare, not '=' at column 7"),
    ("trust >=", "expected a number, true, false, a variable or '(' but found the end at column 9"),
    ("(trust > 1", "missing ')'"),
    ("trust > 1 agreed", "unexpected 'agreed' at column 11"),
    ("1 < trust < 9", "join two comparisons with 'and' at column 11"),
    ("", "found the end"),
    ("trust && agreed", "unexpected character '&' at column 7"),
    ("__import__('os')", "unexpected character \"'\""),
])
def test_parse_errors_say_what_and_where(source, message):
    with pytest.raises(ExpressionError, match=re.escape(message)):
        parse(source)


@pytest.mark.parametrize("source, message", [
    ("missing > 1", "unknown variable 'missing'"),
    ("trust and agreed", "'and' needs true or false, not the number 6"),
    ("agreed > 1", "'>' compares numbers only"),
    ("agreed == 1", "'==' compares a boolean with a number"),
])
def test_evaluation_errors(source, message):
    with pytest.raises(ExpressionError, match=re.escape(message)):
        value(source)


def test_and_or_short_circuit():
    assert value("escalated and missing > 1") is False
    assert value("agreed or missing > 1") is True


def test_holds_accepts_nothing_and_yaml_booleans():
    assert holds(None, VARIABLES) and holds(True, VARIABLES) and not holds(False, VARIABLES)
    with pytest.raises(ExpressionError, match="a condition needs true or false"):
        holds("trust", VARIABLES)


def test_names_lists_the_variables_read():
    assert names(parse("trust > 2 and not (agreed or days_left == 1)")) == {"trust", "agreed", "days_left"}


def test_type_problems_before_play():
    types = {"trust": "number", "agreed": "boolean"}
    assert type_problems(parse("trust > 2 and agreed"), types) == []
    assert type_problems(parse("agreed >= 2"), types) == ["'>=' compares numbers only"]
    assert type_problems(parse("not trust"), types) == ["'not' needs true or false"]
    assert type_problems(parse("trust"), types)[0].startswith("a condition must be true or false")
    assert type_problems(parse("unknown > 1"), types) == []


def test_never_uses_eval(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("eval and exec must not be used")
    for name in ("eval", "exec"):
        monkeypatch.setattr(builtins, name, refuse)
    assert value("trust >= 6 and not escalated") is True
    for module in (expressions, evaluation):
        source = Path(module.__file__).read_text()
        assert not re.search(r"(?<![.\w])(eval|exec|compile)\(", source)

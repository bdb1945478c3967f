"""Conditions such as `trust >= 6 and not change_agreed`: a tiny language, parsed here, never eval'd.

Grammar (lowest precedence first):
    expression := conjunction ("or" conjunction)*
    conjunction := negation ("and" negation)*
    negation := "not" negation | comparison
    comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand)?
    operand := number | "true" | "false" | name | "(" expression ")"
"""
from __future__ import annotations

import re
from dataclasses import dataclass

Value = int | float | bool

COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
TOKEN = re.compile(r"\s*(?:(?P<number>-?\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>==|!=|<=|>=|<|>|\(|\)|=|\S))")


class ExpressionError(ValueError):
    """A condition that cannot be parsed or evaluated; `column` is 1-based when known."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message if column is None else f"{message} at column {column}")
        self.column = column


@dataclass(frozen=True)
class Literal:
    value: Value


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class Logical:
    operator: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Compare:
    operator: str
    left: Node
    right: Node


Node = Literal | Name | Not | Logical | Compare


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    column: int


def tokenize(source: str) -> list[Token]:
    """Split a condition into tokens; an `end` token closes the list."""
    tokens, position = [], 0
    while source[position:].strip():
        match = TOKEN.match(source, position)
        kind = match.lastgroup
        text = match.group(kind)
        column = match.start(kind) + 1
        if kind == "op" and text == "=":
            raise ExpressionError("use '==' to compare, not '='", column)
        if kind == "op" and text not in COMPARISONS + ("(", ")"):
            raise ExpressionError(f"unexpected character {text!r}", column)
        if kind == "name" and text in KEYWORDS:
            kind = "keyword"
        tokens.append(Token(kind, text, column))
        position = match.end()
    tokens.append(Token("end", "", len(source) + 1))
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.index = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.current
        self.index += 1
        return token

    def at_keyword(self, word: str) -> bool:
        return self.current.kind == "keyword" and self.current.text == word

    def expression(self) -> Node:
        node = self.conjunction()
        while self.at_keyword("or"):
            self.take()
            node = Logical("or", node, self.conjunction())
        return node

    def conjunction(self) -> Node:
        node = self.negation()
        while self.at_keyword("and"):
            self.take()
            node = Logical("and", node, self.negation())
        return node

    def negation(self) -> Node:
        if self.at_keyword("not"):
            self.take()
            return Not(self.negation())
        return self.comparison()

    def comparison(self) -> Node:
        node = self.operand()
        if self.current.text in COMPARISONS and self.current.kind == "op":
            operator = self.take().text
            node = Compare(operator, node, self.operand())
            if self.current.text in COMPARISONS and self.current.kind == "op":
                raise ExpressionError("join two comparisons with 'and'", self.current.column)
        return node

    def operand(self) -> Node:
        token = self.take()
        if token.kind == "number":
            return Literal(float(token.text) if "." in token.text else int(token.text))
        if token.kind == "keyword" and token.text in ("true", "false"):
            return Literal(token.text == "true")
        if token.kind == "name":
            return Name(token.text)
        if token.text == "(":
            node = self.expression()
            if self.take().text != ")":
                raise ExpressionError("missing ')'", self.tokens[self.index - 1].column)
            return node
        found = "the end" if token.kind == "end" else repr(token.text)
        raise ExpressionError(f"expected a number, true, false, a variable or '(' but found {found}", token.column)


def parse(source: str) -> Node:
    """Parse a condition into a tree, or raise ExpressionError."""
    parser = _Parser(source)
    node = parser.expression()
    if parser.current.kind != "end":
        raise ExpressionError(f"unexpected {parser.current.text!r}", parser.current.column)
    return node


def names(node: Node) -> set[str]:
    """The variable names a condition reads."""
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, Not):
        return names(node.operand)
    if isinstance(node, (Logical, Compare)):
        return names(node.left) | names(node.right)
    return set()

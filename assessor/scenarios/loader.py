"""Read a scenario's YAML into plain data, remembering the line of every key and list item."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DocumentPath = tuple[Any, ...]


class ScenarioSyntaxError(ValueError):
    """YAML that cannot be read; `line` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class LoadedDocument:
    """A YAML document as plain data, with `lines[path]` = the line of that key or list item."""

    data: Any
    lines: dict[DocumentPath, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[DocumentPath, int]] = field(default_factory=list)

    def line_of(self, path: DocumentPath) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def load_text(text: str) -> LoadedDocument:
    """Parse YAML text; ScenarioSyntaxError on bad YAML."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise ScenarioSyntaxError(_syntax_message(error), _syntax_line(error)) from None
    finally:
        loader.dispose()
    document = LoadedDocument(data=None)
    if root is not None:
        document.lines[()] = root.start_mark.line + 1
        document.data = _build(root, (), loader, document)
    return document


def _syntax_line(error: yaml.MarkedYAMLError) -> int:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark else 1


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    message = error.problem or str(error)
    if error.context and error.context_mark and error.context_mark.line != (error.problem_mark or error.context_mark).line:
        message += f" ({error.context} that starts on line {error.context_mark.line + 1})"
    return message


def load_file(path: Path) -> LoadedDocument:
    """Parse a YAML file (UTF-8)."""
    return load_text(path.read_text(encoding="utf-8"))


def _build(node: yaml.Node, path: DocumentPath, loader: yaml.SafeLoader, document: LoadedDocument) -> Any:
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = key if isinstance(key, (str, int, float, bool)) or key is None else str(key)
            if key in result:
                document.duplicate_keys.append((path + (key,), key_node.start_mark.line + 1))
            document.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), loader, document)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            document.lines[path + (index,)] = item.start_mark.line + 1
            items.append(_build(item, path + (index,), loader, document))
        return items
    return loader.construct_object(node, deep=True)

"""Problems found in a scenario file, each tied to the line of the YAML that causes it."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .loader import LoadedDocument

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    severity: str
    message: str
    #: where in the document, its kind and the values its message names (for problems.py)
    path: tuple[Any, ...] = field(default=(), compare=False)
    kind: str = field(default="", compare=False)
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


@dataclass
class Report:
    """Collects problems for one file, turning document paths into line numbers."""

    file: str
    document: LoadedDocument | None = None
    problems: list[Problem] = field(default_factory=list)

    def add(self, severity: str, path: tuple[Any, ...], message: str, kind: str = "",
            params: Mapping[str, Any] | None = None) -> None:
        line = self.document.line_of(path) if self.document else 1
        self.problems.append(Problem(self.file, line, severity, message, tuple(path), kind, dict(params or {})))

    def error(self, path: tuple[Any, ...], message: str, kind: str = "", params: Mapping[str, Any] | None = None) -> None:
        self.add(ERROR, path, message, kind, params)

    def warning(self, path: tuple[Any, ...], message: str, kind: str = "", params: Mapping[str, Any] | None = None) -> None:
        self.add(WARNING, path, message, kind, params)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == ERROR for problem in self.problems)

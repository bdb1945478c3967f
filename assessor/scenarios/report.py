"""Problems found in a scenario file, each tied to the line of the YAML that causes it."""
from __future__ import annotations

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

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


@dataclass
class Report:
    """Collects problems for one file, turning document paths into line numbers."""

    file: str
    document: LoadedDocument | None = None
    problems: list[Problem] = field(default_factory=list)

    def add(self, severity: str, path: tuple[Any, ...], message: str) -> None:
        line = self.document.line_of(path) if self.document else 1
        self.problems.append(Problem(self.file, line, severity, message))

    def error(self, path: tuple[Any, ...], message: str) -> None:
        self.add(ERROR, path, message)

    def warning(self, path: tuple[Any, ...], message: str) -> None:
        self.add(WARNING, path, message)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == ERROR for problem in self.problems)

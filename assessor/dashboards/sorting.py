"""Sorting a table by one of its columns from the query string (?sort=…&dir=…), with what the headers need."""
from collections.abc import Mapping
from dataclasses import dataclass

ASCENDING = "asc"
DESCENDING = "desc"


@dataclass(frozen=True)
class Sort:
    key: str
    descending: bool = False

    @classmethod
    def parse(cls, args: Mapping, keys: tuple[str, ...], default: "Sort") -> "Sort":
        """The sort asked for, or `default` when the column is not one of `keys`."""
        key = args.get("sort", "")
        if key not in keys:
            return default
        return cls(key, args.get("dir", "") == DESCENDING)

    @property
    def direction(self) -> str:
        return DESCENDING if self.descending else ASCENDING

    def aria(self, key: str) -> str:
        """The header's aria-sort value."""
        if key != self.key:
            return "none"
        return "descending" if self.descending else "ascending"

    def link(self, key: str, **args) -> dict:
        """A header link's query arguments (`args` and the sort): the other direction when already sorted by it."""
        descending = not self.descending if key == self.key else False
        return args | {"sort": key, "dir": DESCENDING if descending else ASCENDING}

    def args(self) -> dict[str, str]:
        """This sort as query arguments, to keep it on the pages' links."""
        return {"sort": self.key, "dir": self.direction}

    def order(self, *columns) -> list:
        """ORDER BY clauses for the columns in this direction."""
        return [column.desc() if self.descending else column.asc() for column in columns]

"""How a criterion is named wherever it appears: its unique reference, with the code the standard prints beside it.

Some standards print bare numbers that restart for the knowledge items ("1", "2" for both P1 and K1), so the
printed code alone is ambiguous: pages, messages and PDFs name a criterion as `P1 (1)`, or just `P1` where the
printed code is the reference. Templates use the `reference` filter; services and forms call `criterion_label`.
"""
from collections.abc import Mapping
from typing import Any


def criterion_label(ref: str, code: str | None) -> str:
    """`P1` when the standard prints P1; `P1 (1)` when it prints 1; `P12.1 (12.1)` for a sub-item printed so."""
    return ref if not code or code == ref else f"{ref} ({code})"


def reference(item: Any) -> str:
    """The label of anything with a `ref` and a `code`: a criterion, a criterion line, a signed payload's entry."""
    if isinstance(item, Mapping):
        return criterion_label(item["ref"], item.get("code"))
    return criterion_label(item.ref, item.code)

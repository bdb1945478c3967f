"""The versions of one standard: which is newer, and what follows a version.

A standard keeps its URN across versions; each version is its own row. Versions are printed as
numbers ("3", "2.1"), compared part by part as numbers; a version that is not numeric sorts by when
it was loaded.
"""
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..timeutil import aware, utcnow
from .criteria import CriterionLine, criterion_lines
from .models import Standard


def version_key(standard: Standard) -> tuple:
    """Orders the versions of one URN: numeric versions by their numbers, then by when each was loaded."""
    parts = re.findall(r"\d+", standard.version or "")
    return (tuple(int(part) for part in parts), aware(standard.loaded_at or utcnow()), standard.id or 0)


def newer_versions(session: Session, standard: Standard) -> list[Standard]:
    """The loaded versions of the same URN newer than this one, oldest first."""
    others = session.scalars(select(Standard).where(Standard.urn == standard.urn, Standard.id != standard.id))
    mine = version_key(standard)
    return sorted((other for other in others if version_key(other) > mine), key=version_key)


def successor_of(session: Session, standard: Standard) -> Standard | None:
    """The version that directly follows this one (same URN, the next newer version loaded), or None."""
    newer = newer_versions(session, standard)
    return newer[0] if newer else None


def is_newer(candidate: Standard, standard: Standard) -> bool:
    """Whether `candidate` is a newer version of the same standard."""
    return candidate.urn == standard.urn and candidate.id != standard.id and version_key(candidate) > version_key(standard)


# -- what changed between two versions ------------------------------------------------------------

SAME = "same"
CHANGED = "changed"
NEW = "new"
REMOVED = "removed"


@dataclass(frozen=True)
class CriterionChange:
    """One assessable criterion matched by reference across two versions, and how its text compares."""

    ref: str
    kind: str
    change: str
    old: CriterionLine | None
    new: CriterionLine | None

    @property
    def line(self) -> CriterionLine:
        return self.new or self.old


@dataclass(frozen=True)
class Comparison:
    """The criteria of version N against those of version N+1, in the new version's order (removed ones last)."""

    old: Standard
    new: Standard
    changes: list[CriterionChange]

    def of(self, change: str) -> list[CriterionChange]:
        return [item for item in self.changes if item.change == change]

    @property
    def carried(self) -> dict[int, int]:
        """{old criterion id: new criterion id} for the criteria whose text is unchanged."""
        return {item.old.id: item.new.id for item in self.of(SAME)}

    @property
    def by_ref(self) -> dict[int, int]:
        """{new criterion id: old criterion id} for every criterion both versions have by reference."""
        return {item.new.id: item.old.id for item in self.changes if item.old and item.new}


def compare_versions(session: Session, old: Standard, new: Standard) -> Comparison:
    """Match the assessable criteria by reference (P1, K12); a criterion is the same when its text, its sub-items'
    texts and, where both versions have it, its English are the same but for spacing and case."""
    before = {line.ref: line for line in criterion_lines(session, old)}
    after = criterion_lines(session, new)
    changes = [_change(before.get(line.ref), line) for line in after]
    matched = {line.ref for line in after}
    changes += [CriterionChange(line.ref, line.kind, REMOVED, line, None) for line in before.values() if line.ref not in matched]
    return Comparison(old, new, changes)


def _change(old: CriterionLine | None, new: CriterionLine) -> CriterionChange:
    if old is None:
        return CriterionChange(new.ref, new.kind, NEW, None, new)
    same = old.kind == new.kind and old.words.language == new.words.language and _same_wording(old, new)
    return CriterionChange(new.ref, new.kind, SAME if same else CHANGED, old, new)


def _same_wording(old: CriterionLine, new: CriterionLine) -> bool:
    """The same text and sub-items, spacing and case ignored; the English compared too where both versions give it."""
    before, after = _texts(old), _texts(new)
    if len(before) != len(after):
        return False
    for (text, english), (text_after, english_after) in zip(before, after, strict=True):
        if text != text_after or (english and english_after and english != english_after):
            return False
    return True


def _texts(line: CriterionLine) -> list[tuple[str | None, str | None]]:
    return [(_plain(words.text), _plain(words.text_en)) for words in (line.words, *(words for _ref, words in line.parts))]


def _plain(text: str | None) -> str | None:
    return " ".join(text.split()).casefold() if text else None

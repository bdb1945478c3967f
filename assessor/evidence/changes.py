"""What changed between two submissions of an item: its text word by word, its files and its claims.

Texts are compared line by line (difflib, blank lines not anchoring a match, popular lines left to
difflib's autojunk); lines changed in place are compared again word by word, within a budget,
and long runs of unchanged lines fold to a count, so a long account with one new paragraph stays short.
"""
import difflib
import re
from dataclasses import dataclass, field

from .models import Submission
from .snapshot import FrozenClaim, FrozenFile, Judged, judged

EQUAL, ADDED, REMOVED, FOLDED = "equal", "added", "removed", "folded"
#: unchanged lines kept either side of a change before the rest fold away
CONTEXT_LINES = 2
#: how many characters of changed lines, in all, are compared word by word; past it, changed lines show whole
#: (removed, then added), so a text rewritten from end to end is still compared in well under a second
WORD_DIFF_LIMIT = 20_000
TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    """A run of text that is unchanged, added or removed; FOLDED carries the number of unchanged lines left out."""

    kind: str
    text: str = ""
    lines: int = 0


@dataclass
class Changes:
    title: tuple[str, str] | None = None
    description: list[Piece] = field(default_factory=list)
    body: list[Piece] = field(default_factory=list)
    files_added: list[FrozenFile] = field(default_factory=list)
    files_removed: list[FrozenFile] = field(default_factory=list)
    claims_added: list[FrozenClaim] = field(default_factory=list)
    claims_removed: list[FrozenClaim] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.title or self.description or self.body or self.files_added or self.files_removed
                    or self.claims_added or self.claims_removed)


def text_diff(before: str, after: str) -> list[Piece]:
    """The pieces that turn `before` into `after`; empty when they are the same."""
    before, after = before or "", after or ""
    if before == after:
        return []
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    pieces: list[Piece] = []
    opcodes = difflib.SequenceMatcher(_blank, old, new).get_opcodes()
    budget = WORD_DIFF_LIMIT
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if tag == "equal":
            pieces += _folded(old[i1:i2], first=n == 0, last=n == len(opcodes) - 1)
        elif tag == "replace" and len(removed) + len(added) <= budget:
            budget -= len(removed) + len(added)
            pieces += _words(removed, added)
        else:
            pieces += _swap(removed, added)
    return [piece for piece in pieces if piece.text or piece.kind == FOLDED]


def _blank(text: str) -> bool:
    """Blank lines and spaces match anywhere, so they never anchor a match (and a long text stays quick to compare)."""
    return not text.strip()


def _swap(removed: str, added: str) -> list[Piece]:
    return [Piece(REMOVED, removed), Piece(ADDED, added)]


def _folded(lines: list[str], *, first: bool, last: bool) -> list[Piece]:
    """Unchanged lines, with the middle of a long run folded to a count."""
    head = 0 if first else CONTEXT_LINES
    tail = 0 if last else CONTEXT_LINES
    if len(lines) <= head + tail + 1:
        return [Piece(EQUAL, "".join(lines))]
    kept_tail = lines[len(lines) - tail:] if tail else []
    return [Piece(EQUAL, "".join(lines[:head])), Piece(FOLDED, lines=len(lines) - head - tail), Piece(EQUAL, "".join(kept_tail))]


def _words(before: str, after: str) -> list[Piece]:
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    pieces = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece(EQUAL, "".join(old[i1:i2])))
        else:
            pieces += _swap("".join(old[i1:i2]), "".join(new[j1:j2]))
    return pieces


def changes_between(before: Judged, after: Judged) -> Changes:
    """What the later submitted version changed from the earlier one."""
    old_files = {(f.sha256, f.filename): f for f in before.files}
    new_files = {(f.sha256, f.filename): f for f in after.files}
    old_claims = {(c.enrolment_id, c.criterion_id): c for c in before.claims}
    new_claims = {(c.enrolment_id, c.criterion_id): c for c in after.claims}
    return Changes(
        title=(before.title, after.title) if before.title != after.title else None,
        description=text_diff(before.description, after.description),
        body=text_diff(before.body, after.body),
        files_added=[f for key, f in new_files.items() if key not in old_files],
        files_removed=[f for key, f in old_files.items() if key not in new_files],
        claims_added=[c for key, c in new_claims.items() if key not in old_claims],
        claims_removed=[c for key, c in old_claims.items() if key not in new_claims],
    )


def since_previous(submission: Submission) -> Changes | None:
    """What changed since the item's previous submission; None for a first submission."""
    earlier = [s for s in submission.evidence.submissions if s.number < submission.number]
    return changes_between(judged(earlier[-1]), judged(submission)) if earlier else None

"""What changed between two submissions: the text word by word, long unchanged runs folded, files and claims."""
from datetime import date

from assessor.evidence.changes import ADDED, EQUAL, FOLDED, REMOVED, changes_between, text_diff
from assessor.evidence.snapshot import FrozenClaim, FrozenFile, Judged


def pieces(before: str, after: str) -> list[tuple[str, str]]:
    return [(piece.kind, piece.text) for piece in text_diff(before, after)]


def test_the_same_text_has_no_changes():
    assert text_diff("Same.\n", "Same.\n") == [] and text_diff("", "") == []


def test_a_word_changed_in_a_line_is_shown_word_by_word():
    assert pieces("I called the client.\n", "I emailed the client.\n") == [
        (EQUAL, "I "), (REMOVED, "called"), (ADDED, "emailed"), (EQUAL, " the client.\n")]


def test_a_new_paragraph_is_added_whole_and_long_unchanged_runs_fold():
    before = "".join(f"Line {n}.\n" for n in range(1, 11))
    diff = text_diff(before, before + "A new line.\n")
    assert [piece.kind for piece in diff] == [FOLDED, EQUAL, ADDED]
    assert diff[0].lines == 8 and diff[1].text == "Line 9.\nLine 10.\n" and diff[2].text == "A new line.\n"


def test_removed_lines_are_shown_removed():
    assert pieces("Keep.\nDrop this.\n", "Keep.\n") == [(EQUAL, "Keep.\n"), (REMOVED, "Drop this.\n")]


def version(files=(), claims=(), **fields) -> Judged:
    values = {"kind": "account", "title": "T", "activity_date": date(2026, 10, 1), "description": "", "body": "",
              "witness_name": None, "witness_role": None, "witness_contact": None, "details": {}} | fields
    return Judged(None, None, files=list(files), claims=list(claims), **values)


def test_files_and_claims_added_and_removed():
    kept, gone, new = (FrozenFile(name, 1, "application/pdf", name[0] * 64, None) for name in ("a.pdf", "b.pdf", "c.pdf"))
    p1, p2, k1 = (FrozenClaim(1, n, ref, "") for n, ref in ((1, "P1"), (2, "P2"), (3, "K1")))
    changes = changes_between(version([kept, gone], [p1, p2], body="Old."), version([kept, new], [p1, k1], body="New."))
    assert changes.files_added == [new] and changes.files_removed == [gone]
    assert changes.claims_added == [k1] and changes.claims_removed == [p2]
    assert changes.any and changes.title is None
    assert not changes_between(version(), version()).any


def test_a_long_text_rewritten_from_end_to_end_is_compared_quickly():
    import time

    before = "\n\n".join(f"Paragraph {n}: we met the client and agreed the deadline again." for n in range(3000))
    after = "\n\n".join(f"Section {n}: the customer moved the date and we wrote it down." for n in range(3000))
    started = time.perf_counter()
    diff = text_diff(before, after)
    assert time.perf_counter() - started < 2 and {piece.kind for piece in diff} <= {ADDED, REMOVED, EQUAL, FOLDED}

"""The performance criteria and knowledge lists: items, their groups, wrapped lines, and lines it refuses to guess at."""
import re

from .parse_lines import (
    BARE_NUMBER,
    CODE_ALONE,
    GROUP_THEN_CODED,
    GROUP_THEN_NUMBERED,
    LOOKS_LIKE_ITEM,
    continues_item,
    holds_another_item,
    is_child_code,
    is_numbered_group,
    is_prompt,
    last_item,
    line_key,
    match_item,
    split_label,
)
from .parse_model import Item, Line, Problem, _l
from .vocabulary import HEADING_INDEX

CODE_PARTS = re.compile(r"^(?P<prefix>[A-Z]*)(?P<number>\d+)$")


class ListReader:
    """The walk's handling of lines inside the 'Performance criteria' and 'Knowledge' sections."""

    def reset_list_state(self) -> None:
        self.group_title_due = False
        #: a code alone on its line (code, line, already refused), waiting for its text on the next line
        self.pending_code: tuple[str, int, bool] | None = None

    def finish_lists(self) -> None:
        """Refuse a code left waiting for its text, and forget a group heading still waiting for its title."""
        if self.pending_code and not self.pending_code[2]:
            code, number, _ = self.pending_code
            self.errors.append(Problem(number, _l("'%(code)s' stands alone with no text after it: put the item's text on the same line as its code", code=code)))
        self.reset_list_state()

    def list_line(self, index: int, number: int, stripped: str) -> bool:
        """True when the line was an item, a numbered group heading or a code; False leaves it to the walk."""
        if is_numbered_group(stripped):
            self.finish_lists()
            self.group, self.group_title_due, self.after_item = stripped.rstrip(":"), True, False
            return True
        match = match_item(stripped)
        if match is not None:
            self.finish_lists()
            return self._item(match, number)
        alone = CODE_ALONE.match(stripped)
        if self.pending_code and (alone or BARE_NUMBER.match(stripped) or self._unsafe(stripped)):
            self.finish_lists()
        elif self.pending_code:
            code, code_line, _ = self.pending_code
            self.pending_code = None
            return self._item(("numbered" if code[0].isdigit() else "coded", code, stripped), code_line)
        if alone:
            self.pending_code = (alone.group("code").rstrip(".)").replace(" ", ""), number, False)
            return True
        if BARE_NUMBER.match(stripped):
            return self._bare_number(number, stripped)
        return self._group_then_item(number, stripped)

    def _item(self, match: tuple[str, str | None, str], number: int) -> bool:
        kind, code, text = match
        if holds_another_item(text, code):
            self.errors.append(Problem(number, _l("this line holds more than one item (another code or number inside it): put each item on a line of its own")))
            return True
        items = self.items[self.section]
        parent = items[-1] if items else None
        if parent and (kind == "lettered" or is_child_code(code, parent.code)):
            parent.children.append(Item(code, text, None, number))
        elif kind == "lettered":
            return False
        else:
            items.append(Item(code, text, self.group, number))
        self.after_item, self.group_title_due, self.pending_label = True, False, None
        return True

    def _group_then_item(self, number: int, stripped: str) -> bool:
        """A group heading and its first item on one line, as text copied out of a table gives them."""
        for pattern in (GROUP_THEN_CODED, GROUP_THEN_NUMBERED):
            found = pattern.match(stripped)
            if found is None or not found.group("group")[0].isupper() or self._unsafe(found.group("group")):
                continue
            if HEADING_INDEX.get(line_key(found.group("group"))):
                continue
            item = match_item(found.group("item"))
            if item is None or (pattern is GROUP_THEN_CODED and not self._expected(item[1])):
                continue
            self.group, self.after_item = found.group("group").strip().rstrip(":"), False
            return self._item(item, number)
        return False

    def _expected(self, code: str | None) -> bool:
        """True when `code` is the next one the list is waiting for (P4 after P3, or P1/K1/G1 first)."""
        parts = CODE_PARTS.match(code or "")
        items = self.items[self.section]
        last = CODE_PARTS.match(items[-1].code or "") if items else None
        if parts is None:
            return False
        if last is None:
            return parts["number"] == "1"
        return parts["prefix"] == last["prefix"] and int(parts["number"]) == int(last["number"]) + 1

    def _bare_number(self, number: int, stripped: str) -> bool:
        """A number alone: a page number, unless it is the next item's number, which cannot be told apart."""
        items = self.items[self.section]
        last = items[-1].code if items else "0"
        if last and last.isdigit() and int(stripped) == int(last) + 1:
            self.errors.append(
                Problem(number, _l("'%(number)s' alone could be a page number or the number of the next item: "
                                   "put the number on the same line as its text, or remove the page number", number=stripped))
            )
            self.pending_code = (stripped, number, True)
        else:
            self.warnings.append(Problem(number, _l("'%(number)s' alone on a line was taken for a page number and left out", number=stripped)))
        return True

    def _unsafe(self, stripped: str) -> bool:
        return bool(LOOKS_LIKE_ITEM.match(stripped) or holds_another_item(stripped, None))

    def plain_in_list(self, index: int, number: int, stripped: str) -> None:
        items = self.items[self.section]
        if self._unsafe(stripped) or (items and holds_another_item(stripped, items[-1].code)):
            self.errors.append(
                Problem(number, _l("this line looks like a numbered or bulleted item, but its numbering is not one the importer "
                                   "reads: start it with a code (P2, K2), a number and a full stop (2.) or a dash (-), or join it to the line before"))
            )
            return
        next_line = self.next_nonblank(index)
        next_is_item = next_line is not None and self._starts_item(next_line)
        if self.group_title_due:
            self.group, self.group_title_due = stripped.rstrip(":").strip(), False
            return
        if self.after_item and items and continues_item(last_item(items).text, stripped, next_is_item):
            last_item(items).text += " " + stripped
            return
        if is_prompt(stripped, next_is_item) and (not items and self.group is None or next_is_item):
            return
        if next_is_item:
            self.group, self.after_item = stripped.rstrip(":").strip(), False
            return
        if items and stripped[0].islower():
            last_item(items).text += " " + stripped
            return
        if self.title is None and self._followed_by_details(next_line):
            self.title = stripped
            self.warnings.append(Problem(number, _l("no title at the top: the line before the details was taken as the title")))
            return
        self.cannot_place(number, stripped)

    def _starts_item(self, line: Line) -> bool:
        stripped = line.text.strip()
        return match_item(stripped) is not None or CODE_ALONE.match(stripped) is not None

    def _followed_by_details(self, next_line: Line | None) -> bool:
        if next_line is None:
            return True
        return split_label(next_line.text.strip()) is not None or line_key(next_line.text) in HEADING_INDEX

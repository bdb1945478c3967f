"""The check's problems in the reader's language: one message per kind of problem (see Report.add's `kind`).

A problem of a kind not listed here is shown in the CLI's English, marked as such.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

LANGUAGES = {"cy": _l("Welsh"), "en": _l("English")}
MESSAGES = {
    "yaml_syntax": _l("This is not valid YAML: %(detail)s"),
    "missing_language": _l("The %(language)s text is missing."),
    "empty_language": _l("The %(language)s text is empty."),
    "dead_end": _l("Node %(node)s is a dead end: give it choices, a written reply or an ending."),
    "ending_way_out": _l("Node %(node)s is an ending, so it cannot also have choices or a written reply."),
    "two_turns": _l("Node %(node)s has both choices and a written reply: give it only one."),
    "missing_start": _l("The start node %(node)s does not exist."),
    "missing_node": _l("This leads to node %(node)s, which does not exist."),
    "unreachable": _l("Node %(node)s cannot be reached from the start node %(start)s."),
    "trapped_loop": _l("No ending can be reached from these nodes; they only loop among themselves: %(nodes)s."),
    "choices_all_conditional": _l("Every choice of node %(node)s has a condition: when none holds, the learner "
                                  "is stuck and no choice can be taken. Leave one choice without a condition."),
    "duplicate_choice_text": _l("Choices %(first)s and %(second)s of node %(node)s have the same %(language)s text."),
    "unknown_key": _l("Unknown key %(key)s here (allowed: %(allowed)s)."),
    "missing_key": _l("%(key)s is missing here."),
    "duplicate_key": _l("The key %(key)s appears twice: the later one silently replaces the earlier."),
    "yaml_boolean": _l("YAML reads yes, no, on, off, true and false as true or false: put the text in quotes."),
    "no_else": _l("This conditional next has no else: end it with an else branch."),
    "else_not_last": _l("The else branch must be the last: the branches after it are never used."),
    "branch_if_and_else": _l("A branch has either an if and a goto, or only an else."),
    "undeclared_placeholder": _l("{%(name)s} names no variable of the scenario's state."),
    "undeclared_condition": _l("The condition %(condition)s uses %(name)s, which is not a variable of the scenario's state."),
    "undeclared_effect": _l("This effect changes %(name)s, which is not a variable of the scenario's state."),
    "unused_variable": _l("%(name)s is never read: no condition or placeholder uses it."),
    "cited_twice": _l("%(urn)s version %(version)s is cited twice: merge the two entries."),
    "criterion_ambiguous": _l("%(ref)s is listed for %(urns)s: write it with the standard's URN in front."),
    "duplicate_rubric_dimension": _l("The rubric dimension %(id)s appears twice."),
    "identical_translation": _l("The Welsh and English texts are identical: is one of them untranslated?"),
    "unknown_standard": _l("Unknown standard %(urn)s (known: %(known)s)."),
    "unknown_version": _l("%(urn)s has no version %(version)s (known: %(known)s)."),
    "unknown_criterion": _l("%(ref)s is not a criterion of %(urn)s version %(version)s."),
    "criterion_not_listed": _l("%(ref)s is not listed among the scenario's criteria; add it there first."),
    "criterion_unused": _l("%(ref)s is listed, but no choice or written reply shows or evidences it."),
    "choice_never_open": _l("Choice %(choice)s of node %(node)s can never be taken: its condition %(condition)s is "
                            "false on every path that reaches the node."),
    "choice_never_open_sampled": _l("Choice %(choice)s of node %(node)s was not open in any of %(runs)s random "
                                    "playthroughs (seed %(seed)s), so its condition %(condition)s may never hold. "
                                    "The scenario has too many states (over %(cap)s) to try every path."),
    "branch_never_taken": _l("Branch %(branch)s of this next at node %(node)s can never be taken: on every path that "
                             "reaches it, its condition is false or an earlier branch is taken."),
    "branch_never_taken_sampled": _l("Branch %(branch)s of this next at node %(node)s was not taken in any of "
                                     "%(runs)s random playthroughs (seed %(seed)s). The scenario has too many states "
                                     "(over %(cap)s) to try every path."),
    "playthrough_stuck": _l("Random playthrough %(run)s (seed %(seed)s) got stuck at node %(node)s: "
                            "no choice's condition holds."),
    "playthrough_too_long": _l("Random playthrough %(run)s (seed %(seed)s) did not reach an ending within "
                               "%(steps)s steps."),
    "playthrough_error": _l("Random playthrough %(run)s (seed %(seed)s) stopped with an error: %(detail)s"),
}
ENGLISH_ONLY = _l("(in English only) %(message)s")

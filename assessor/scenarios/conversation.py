"""What the player's conversation (scenarios/_play_main.html) shows: for a learner's attempt and an author's preview."""
from __future__ import annotations

from flask_babel import get_locale
from markupsafe import Markup

from .catalogue import text
from .engine import AttemptState, available_choices, current_node, render
from .format import Scenario, node_kind
from .forms import AnswerForm, ChoiceForm, StepForm
from .transcript import Turn, ending_of, free_text_rubric, meters


def conversation(scenario: Scenario, turns: list[Turn], state: AttemptState, position: int, language: str,
                 form: StepForm | None = None, unsent: str | None = None) -> dict:
    """The turns so far, the reply form of the node reached (a choice or a written reply), the meters, the ending."""
    kind = node_kind(current_node(scenario, state))
    rubric = None
    if kind == "choices":
        form = form if isinstance(form, ChoiceForm) else ChoiceForm(formdata=None)
        form.choice.choices = [(index, render(text(choice["text"], language), state.variables))
                               for index, choice in available_choices(scenario, state)]
    elif kind == "free_text":
        form = form if isinstance(form, AnswerForm) else AnswerForm(formdata=None, answer=unsent)
        rubric = free_text_rubric(current_node(scenario, state)["free_text"], state.variables, language)
        form.answer.label.text = in_language(rubric.prompt, language)
        unsent = None
    if form is not None:
        form.at(position, state.node_id)
    return {"document": scenario.document, "turns": turns, "kind": kind, "form": form, "rubric": rubric,
            "meters": meters(scenario, state.variables, language), "unsent": unsent,
            "ending": ending_of(scenario, state, language), "content_lang": language}


def in_language(words: str, language: str) -> str | Markup:
    """The words marked with their language when the page is in another one."""
    if str(get_locale()) == language:
        return words
    return Markup('<span lang="{}">{}</span>').format(language, words)

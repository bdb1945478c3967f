"""Pure edits of a scenario document: each returns a new document, leaves its input alone, and refuses clearly."""
import copy

import pytest

from assessor.core.acts import Refused
from assessor.scenarios.editing import (
    add_choice,
    add_node,
    blank_node,
    delete_node,
    duplicate_node,
    move_choice,
    move_node,
    references_to,
    remove_choice,
    reorder_nodes,
)
from assessor.scenarios.loader import load_file

from .conftest import VALID


@pytest.fixture
def document():
    return load_file(VALID).data


def unchanged(operation, document, *args):
    before = copy.deepcopy(document)
    result = operation(document, *args)
    assert document == before
    return result


def test_add_node_appends_a_blank_node_or_places_it_after_another(document):
    assert list(unchanged(add_node, document, "fresh")["nodes"])[-1] == "fresh"
    result = add_node(document, "fresh", None, "open")
    assert list(result["nodes"])[:2] == ["open", "fresh"]
    assert result["nodes"]["fresh"] == blank_node()


@pytest.mark.parametrize("node_id", ["open", "Bad Id", "", "-dash"])
def test_add_node_refuses_a_taken_or_malformed_id(document, node_id):
    with pytest.raises(Refused) as refused:
        add_node(document, node_id)
    assert refused.value.field == "node_id"


def test_duplicate_gives_a_new_unique_id_just_after_the_original(document):
    once, first = unchanged(duplicate_node, document, "write")
    twice, second = duplicate_node(once, "write")
    assert (first, second) == ("write-copy", "write-copy-2")
    assert list(twice["nodes"])[1:4] == ["write", "write-copy-2", "write-copy"]
    assert twice["nodes"]["write-copy"] == document["nodes"]["write"]
    twice["nodes"]["write-copy"]["free_text"]["min_words"] = 99
    assert document["nodes"]["write"]["free_text"]["min_words"] == 3, "the copy shares nothing with the original"


def test_delete_is_refused_while_choices_lead_to_the_node_naming_each(document):
    with pytest.raises(Refused) as refused:
        delete_node(document, "good-end")
    messages = [str(message) for _field, message in refused.value.problems]
    assert messages == ["nodes.open.choices[3].next leads to good-end; point it elsewhere first.",
                        "nodes.write.free_text.next[1].goto leads to good-end; point it elsewhere first."]
    assert references_to(document, "good-end") == [("open", ("choices", 2, "next")),
                                                   ("write", ("free_text", "next", 0, "goto"))]


def test_delete_is_refused_for_the_start_node(document):
    with pytest.raises(Refused, match="where the scenario starts"):
        delete_node(document, "open")


def test_delete_removes_a_node_nothing_leads_to(document):
    extra = add_node(document, "spare")
    assert unchanged(delete_node, extra, "spare") == document


def test_delete_of_an_unknown_node_is_refused(document):
    with pytest.raises(Refused, match="no node called ghost"):
        delete_node(document, "ghost")


def test_move_and_reorder_nodes(document):
    assert list(unchanged(move_node, document, "bad-end", 0)["nodes"]) == ["bad-end", "open", "write", "good-end"]
    assert list(move_node(document, "open", 99)["nodes"])[-1] == "open"
    order = ["good-end", "bad-end", "write", "open"]
    assert list(unchanged(reorder_nodes, document, order)["nodes"]) == order
    with pytest.raises(Refused, match="every node exactly once"):
        reorder_nodes(document, ["open", "open", "write", "good-end"])


def test_choices_are_added_removed_and_moved(document):
    added = unchanged(add_choice, document, "open")
    assert len(added["nodes"]["open"]["choices"]) == 5
    removed = unchanged(remove_choice, document, "open", 0)
    assert [choice["text"]["en"] for choice in removed["nodes"]["open"]["choices"]] == ["Bad", "Secret", "Wait"]
    moved = unchanged(move_choice, document, "open", 2, 0)
    assert [choice["text"]["en"] for choice in moved["nodes"]["open"]["choices"]] == ["Secret", "Good", "Bad", "Wait"]


def test_choice_edits_are_refused_where_they_cannot_apply(document):
    with pytest.raises(Refused, match="written reply or an ending"):
        add_choice(document, "write")
    with pytest.raises(Refused, match="no choice 9"):
        remove_choice(document, "open", 8)
    only_one = remove_choice(remove_choice(remove_choice(document, "open", 0), "open", 0), "open", 0)
    with pytest.raises(Refused, match="at least one"):
        remove_choice(only_one, "open", 0)

"""The small forms of the structured editor's buttons: add a node, and the revision every button posts."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice

from .draft_forms import RevisionForm


class AddNodeForm(RevisionForm):
    node_id = StringField(_l("Node id"), description=_l("Lower-case letters, digits, - and _, such as “price-talk”"))
    after = SelectField(_l("Put it after"), validate_choice=False)

    def offer(self, node_ids) -> "AddNodeForm":
        """Offer every node as a place, and the end."""
        self.after.choices = [SelectChoice("", _l("The last node"))] + [SelectChoice(key, key) for key in node_ids]
        return self


class MoveForm(RevisionForm):
    """Up or down by one: the button pressed says which."""

    direction = StringField()

    @property
    def step(self) -> int:
        return -1 if self.direction.data == "up" else 1

"""What evidence tells the areas above it, as blinker signals sent inside the caller's transaction."""
from blinker import Namespace

signals = Namespace()

#: evidence, its mapping or its submission changed; receivers get `session=` and `enrolment_ids=`
evidence_changed = signals.signal("evidence-changed")

#: an item's page is shown; the sender is the item, receivers get `session=` and return its submissions,
#: newest first, each with the reviews and decisions made on it
item_history = signals.signal("item-history")

#: a witness confirmed or corrected a statement through their link; receivers get `session=` and `request=`
#: (a WitnessRequest), inside the transaction that records it
witness_signed = signals.signal("witness-signed")

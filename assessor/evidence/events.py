"""What evidence tells the areas above it, as blinker signals sent inside the caller's transaction."""
from blinker import Namespace

signals = Namespace()

#: evidence, its mapping or its submission changed; receivers get `session=` and `enrolment_ids=`
evidence_changed = signals.signal("evidence-changed")

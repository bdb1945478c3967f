"""What the IQA tells the areas above it, as blinker signals sent inside the caller's transaction."""
from blinker import Namespace

signals = Namespace()

#: the IQA agreed a sampled decision or referred it back; the sender is the sample, receivers get `session=`
sample_decided = signals.signal("sample-decided")
#: the assessor responded to the IQA's referral; the sender is the sample, receivers get `session=`
referral_answered = signals.signal("referral-answered")

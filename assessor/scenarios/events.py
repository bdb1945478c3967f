"""What scenarios tell the areas above them, as blinker signals sent inside the caller's transaction."""
from blinker import Namespace

signals = Namespace()

#: a provider's version was published, live at once or awaiting review (its review_state says which); the sender
#: is the ScenarioVersion, receivers get `session=`
version_published = signals.signal("scenario-version-published")
#: a reviewer approved a version or sent it back (its review_state and review_note say which); the sender is the
#: ScenarioVersion, receivers get `session=`
version_reviewed = signals.signal("scenario-version-reviewed")
#: a provider offered a scenario to the site; the sender is the ScenarioDraft, receivers get `session=`
scenario_offered = signals.signal("scenario-offered")
#: a site administrator accepted or declined an offer (its shared_state and share_note say which); the sender is
#: the ScenarioDraft, receivers get `session=`
share_decided = signals.signal("scenario-share-decided")

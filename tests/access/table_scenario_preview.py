"""Access table: an author previews a draft of their provider (another provider finds nothing; learners may not)."""
from sqlalchemy.orm import object_session

from .routes import Route
from .table_scenario_authoring import _draft, _drafted, draft


def previewed(world) -> dict:
    """Provider A's draft, which its administrator is previewing."""
    from assessor.scenarios.models import ScenarioDraft
    from assessor.scenarios.preview import start_preview

    args = draft(world)
    session = object_session(world.a.admin)
    start_preview(session, world.a.admin, session.get(ScenarioDraft, _draft(world)), "en")
    session.commit()
    return args


ROUTES = [
    #: no preview yet: the page to start one
    Route("scenario_preview.show", "GET", _drafted(200), args=draft),
    Route("scenario_preview.start", "POST", _drafted(302), args=draft, data=lambda world: {"language": "cy"}),
    #: posted without a reply, a node or a target: the page comes back with the problem
    Route("scenario_preview.step", "POST", _drafted(422), args=previewed),
    Route("scenario_preview.jump", "POST", _drafted(422), args=previewed),
    Route("scenario_preview.switch_language", "POST", _drafted(422), args=previewed),
    #: the preview has not reached an ending: back to it
    Route("scenario_preview.debrief", "GET", _drafted(302), args=previewed),
]

"""Access table: authoring a provider's own scenarios (its administrators only; another provider finds nothing)."""
from sqlalchemy.orm import object_session

from .routes import ADMIN, ANON, ANY_ACTOR, ASSESSOR, LEARNER, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

#: any provider's administrators author their own provider's scenarios
AUTHORS = {ANON: TO_SIGN_IN, ADMIN: 200, OTHER_PROVIDER: 200, ANY_ACTOR: 403}


def _drafted(admin_gets: int) -> dict:
    """Provider A's draft: its administrators only; people of no provider or another one do not find it."""
    return {ANON: TO_SIGN_IN, ADMIN: admin_gets, SITE_ADMIN: 404, OTHER_PROVIDER: 404, ANY_ACTOR: 403}


def _draft(world):
    """Provider A's own scenario with version 1 published."""
    if not hasattr(world, "scenario_draft"):
        from assessor.scenarios.authoring import create_draft, publish

        from ..scenarios.authoring_support import SOURCE
        from ..scenarios.conftest import TEST_STANDARDS

        session = object_session(world.a.admin)
        draft = create_draft(session, world.a.admin, world.a.provider.id, SOURCE)
        publish(session, world.a.admin, draft, draft.revision, "", TEST_STANDARDS)
        session.commit()
        world.scenario_draft = draft.id
    return world.scenario_draft


def draft(world) -> dict:
    return {"draft_id": _draft(world)}


def version(world) -> dict:
    return {"draft_id": _draft(world), "version": 1}


def node(world) -> dict:
    return {"draft_id": _draft(world), "node_id": "write"}


def choices(world) -> dict:
    return {"draft_id": _draft(world), "node_id": "open"}


def choice(world) -> dict:
    return {**choices(world), "index": 0}


def scenario_import(world) -> dict:
    """Provider A's import of one file, queued (no worker runs it here)."""
    if not hasattr(world, "scenario_import"):
        from assessor.scenarios.import_jobs import start_import
        from assessor.timeutil import utcnow

        from ..scenarios.authoring_support import SOURCE

        session = object_session(world.a.admin)
        job = start_import(session, world.a.admin, world.a.provider.id, [("first.yaml", SOURCE.encode())], utcnow())
        session.commit()
        world.scenario_import = job.id
    return {"job_id": world.scenario_import}


def own_scenario(world) -> dict:
    _draft(world)
    return {"scenario_id": "acme-first-call"}


ROUTES = [
    Route("scenario_authoring.index", "GET", AUTHORS),
    Route("scenario_authoring.new", "GET", AUTHORS),
    Route("scenario_authoring.export", "GET", AUTHORS),
    Route("scenario_import.upload", "GET", AUTHORS),
    #: no file chosen: the form comes back with the problem beside the field, nothing imported
    Route("scenario_import.upload", "POST", {**AUTHORS, ADMIN: 422, OTHER_PROVIDER: 422}),
    #: an import's page: its provider's authors only; people of no provider or another one do not find it
    Route("scenario_import.job", "GET", _drafted(200), args=scenario_import),
    #: nothing pasted: the form comes back with the problem beside the text area
    Route("scenario_authoring.new", "POST", {**AUTHORS, ADMIN: 422, OTHER_PROVIDER: 422}),
    Route("scenario_authoring.draft", "GET", _drafted(200), args=draft),
    #: posted without the revision the page was loaded at: a conflict, nothing saved
    Route("scenario_authoring.draft", "POST", _drafted(409), args=draft),
    #: the check of text as typed, with nothing typed: refused as empty (nothing is ever saved)
    Route("scenario_authoring.check", "POST", _drafted(422), args=draft),
    Route("scenario_authoring.publish", "POST", _drafted(409), args=draft),
    Route("scenario_authoring.retire", "POST", _drafted(409), args=draft),
    Route("scenario_authoring.download_draft", "GET", _drafted(200), args=draft),
    #: the provider's assessors review its versions, so they read them too
    Route("scenario_authoring.download_version", "GET", {**_drafted(200), ASSESSOR: 200}, args=version),
    #: version 1 has no version before it
    Route("scenario_authoring.changes", "GET", {**_drafted(404), ASSESSOR: 404}, args=version),
    #: the structured editor (editor_views.py, structure_views.py)
    Route("scenario_authoring.nodes", "GET", _drafted(200), args=draft),
    Route("scenario_authoring.node", "GET", _drafted(200), args=node),
    #: fields not posted keep the draft's values; without the revision the page was loaded at: a conflict
    Route("scenario_authoring.node", "POST", _drafted(409), args=node),
    Route("scenario_authoring.persona", "GET", _drafted(200), args=draft),
    Route("scenario_authoring.persona", "POST", _drafted(409), args=draft),
    Route("scenario_authoring.variables", "GET", _drafted(200), args=draft),
    Route("scenario_authoring.variables", "POST", _drafted(409), args=draft),
    #: the forms checked as typed (here with nothing posted): the page's problem panel, nothing saved
    Route("scenario_authoring.check_node", "POST", _drafted(200), args=node),
    Route("scenario_authoring.check_persona", "POST", _drafted(200), args=draft),
    Route("scenario_authoring.check_variables", "POST", _drafted(200), args=draft),
    #: no node id given: refused beside the field
    Route("scenario_authoring.add_node", "POST", _drafted(422), args=draft),
    #: the buttons posted without the revision: a conflict, nothing saved
    Route("scenario_authoring.duplicate_node", "POST", _drafted(409), args=node),
    #: other nodes lead to it: refused with each of them
    Route("scenario_authoring.delete_node", "POST", _drafted(422), args=node),
    Route("scenario_authoring.move_node", "POST", _drafted(409), args=node),
    Route("scenario_authoring.add_choice", "POST", _drafted(409), args=choices),
    Route("scenario_authoring.remove_choice", "POST", _drafted(409), args=choice),
    Route("scenario_authoring.move_choice", "POST", _drafted(409), args=choice),
    #: provider A's learner starts provider A's own scenario (provider B's learners get 404:
    #: tests/scenarios/test_authoring_pages.py, as the table has no learner of provider B)
    Route("scenarios.start", "POST", {ANON: TO_SIGN_IN, LEARNER: 302, ANY_ACTOR: 403}, args=own_scenario),
]

"""Access table: the scenario player (learners, their own attempts only) and transcripts (staff through evidence)."""
from sqlalchemy.orm import object_session

from .routes import ADMIN, ANON, ANY_ACTOR, ASSESSOR, IQA, LEARNER, OTHER_PROVIDER, SITE_ADMIN, TO_SIGN_IN, Route

LEARNERS_ONLY = {ANON: TO_SIGN_IN, LEARNER: 200, ANY_ACTOR: 403}
REFLECTION = "What went well, and what I would change next time: more questions before any promise."


def _own(learner_gets: int) -> dict:
    """Provider A's learner's own attempt: nobody else finds it."""
    return {ANON: TO_SIGN_IN, LEARNER: learner_gets, ANY_ACTOR: 404}


def _attempts(world) -> dict:
    """Provider A's learner's attempts on the fixture scenario: one under way, one finished, one in the portfolio."""
    if not hasattr(world, "scenario_attempts"):
        from assessor.scenarios.player import restart, start_attempt
        from assessor.scenarios.portfolio import add_to_portfolio

        from ..scenarios.player_support import fixture_document, load, play_to_end

        session = object_session(world.a.learner)
        learner = world.a.learner
        row = load(session, fixture_document())
        in_portfolio = play_to_end(session, start_attempt(session, learner, row))
        add_to_portfolio(session, learner, in_portfolio, REFLECTION, "en")
        finished = play_to_end(session, restart(session, learner, in_portfolio))
        playing = restart(session, learner, finished)
        session.commit()
        world.scenario_attempts = {"playing": playing.id, "finished": finished.id, "in_portfolio": in_portfolio.id}
    return world.scenario_attempts


def playing(world) -> dict:
    return {"attempt_id": _attempts(world)["playing"]}


def finished(world) -> dict:
    return {"attempt_id": _attempts(world)["finished"]}


def in_portfolio(world) -> dict:
    return {"attempt_id": _attempts(world)["in_portfolio"]}


def scenario(world) -> dict:
    _attempts(world)
    return {"scenario_id": "fixture-valid"}


ROUTES = [
    Route("scenarios.index", "GET", LEARNERS_ONLY),
    Route("scenarios.start", "POST", {ANON: TO_SIGN_IN, LEARNER: 302, ANY_ACTOR: 403}, args=scenario),
    Route("scenarios.play", "GET", _own(200), args=playing),
    Route("scenarios.play", "POST", _own(422), args=playing),
    Route("scenarios.restart", "POST", _own(302), args=playing),
    Route("scenarios.debrief", "GET", _own(200), args=finished),
    Route("scenarios.debrief", "POST", _own(422), args=finished),
    #: staff never see an attempt that is not evidence
    Route("scenarios.transcript", "GET", _own(200), args=finished),
    Route("scenarios.transcript", "GET",
          {ANON: TO_SIGN_IN, LEARNER: 200, ADMIN: 200, ASSESSOR: 200, IQA: 200, SITE_ADMIN: 404, OTHER_PROVIDER: 404},
          args=in_portfolio),
]

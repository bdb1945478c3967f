"""The shape of the access table: each route, how to build its URL, and what each actor gets.

Actors: ANON (signed out), SITE_ADMIN, and in provider A: ADMIN, ASSESSOR, IQA, LEARNER (the
learner enrolled with that assessor and IQA); OTHER_PROVIDER is provider B's administrator asking
for provider A's things. `expect` maps each actor to the status code (or a set of acceptable codes);
the key ANY_ACTOR gives the answer for every actor not named.
"""
from collections.abc import Callable
from dataclasses import dataclass, field

ANON = "anon"
SITE_ADMIN = "site_admin"
ADMIN = "admin"
ASSESSOR = "assessor"
IQA = "iqa"
LEARNER = "learner"
OTHER_PROVIDER = "other_provider"
ACTORS = (ANON, SITE_ADMIN, ADMIN, ASSESSOR, IQA, LEARNER, OTHER_PROVIDER)
ANY_ACTOR = "*"

#: what a signed-out person gets from a page that needs sign-in
TO_SIGN_IN = 302


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    expect: dict[str, int | frozenset[int]]
    #: the URL's arguments, built from the test world
    args: Callable[[object], dict] = field(default=lambda world: {})
    #: form data for POST (CSRF is off in the access test; validation still runs)
    data: Callable[[object], dict] = field(default=lambda world: {})

    def expected(self, actor: str) -> frozenset[int]:
        code = self.expect.get(actor, self.expect.get(ANY_ACTOR))
        if code is None:
            raise AssertionError(f"{self.endpoint} {self.method}: no expectation for {actor}")
        return code if isinstance(code, frozenset) else frozenset([code])


def codes(*values: int) -> frozenset[int]:
    return frozenset(values)

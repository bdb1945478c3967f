"""Who may do what: pure predicates on the acting user and the thing, in one place.

Views load the thing (404 when it does not exist or belongs to another provider), then ask one
of these (403 when it says no). None of them touches the database or the request.
"""
from .accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, User


def belongs_to(user: User, provider_id: int | None) -> bool:
    """The user works in this provider (site administrators belong to none)."""
    return provider_id is not None and user.provider_id == provider_id


def can_manage_providers(user: User) -> bool:
    return user.is_site_admin


def can_read_outbox(user: User) -> bool:
    return user.is_site_admin


def can_import_standards(user: User) -> bool:
    return user.is_site_admin or user.has_role(PROVIDER_ADMIN)


def can_administer(user: User, provider_id: int | None) -> bool:
    """Runs the provider: people, cohorts, enrolments."""
    return belongs_to(user, provider_id) and user.has_role(PROVIDER_ADMIN)


def is_learner(user: User) -> bool:
    return user.has_role(LEARNER)


def is_assessor(user: User) -> bool:
    return user.has_role(ASSESSOR)


def is_iqa(user: User) -> bool:
    return user.has_role(IQA)


def can_view_learner(user: User, learner: User, assigned_assessor_ids: set[int], assigned_iqa_ids: set[int]) -> bool:
    """The learner themself, their provider's administrators, and the assessors and IQAs assigned to them."""
    if not belongs_to(user, learner.provider_id):
        return False
    if user.id == learner.id or user.has_role(PROVIDER_ADMIN):
        return True
    return (is_assessor(user) and user.id in assigned_assessor_ids) or (is_iqa(user) and user.id in assigned_iqa_ids)


def can_verify(iqa: User, assessor_id: int | None) -> bool:
    """An IQA never verifies their own assessment decisions."""
    return is_iqa(iqa) and assessor_id is not None and assessor_id != iqa.id

"""Who may do what: pure predicates on the acting user and the thing, in one place.

Views load the thing (404 when it does not exist or belongs to another provider), then ask one
of these (403 when it says no). None of them touches the database or the request.
"""
from .accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, SCENARIO_AUTHOR, User


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


def can_add_evidence(user: User, learner: User) -> bool:
    """Learners build their own portfolio; nobody adds to someone else's (assessors record observations instead)."""
    return user.id == learner.id and is_learner(user)


def can_change_evidence(user: User, learner_id: int, editable: bool, created_by_id: int) -> bool:
    """The learner changes their own evidence while it is editable (a draft or referred back); the assessor their own observation."""
    return editable and user.id in (learner_id, created_by_id)


def can_ask_witness(user: User, learner: User, editable: bool, assessed: bool, assigned_assessor_ids: set[int]) -> bool:
    """The learner while their witness testimony is editable, or their assessor until it is assessed, asks the witness to confirm it."""
    if not belongs_to(user, learner.provider_id):
        return False
    return (user.id == learner.id and editable) or (not assessed and is_assessor(user) and user.id in assigned_assessor_ids)


def can_withdraw_witness_request(user: User, learner: User, assigned_assessor_ids: set[int]) -> bool:
    """Either of them may withdraw a waiting request at any time."""
    return belongs_to(user, learner.provider_id) and (user.id == learner.id or (is_assessor(user) and user.id in assigned_assessor_ids))


def can_assess(user: User, enrolment_provider_id: int, enrolment_assessor_id: int | None) -> bool:
    """Only the assessor assigned to an enrolment judges its criteria."""
    return belongs_to(user, enrolment_provider_id) and is_assessor(user) and enrolment_assessor_id == user.id


def can_record_observation(user: User, learner: User, assigned_assessor_ids: set[int]) -> bool:
    return belongs_to(user, learner.provider_id) and is_assessor(user) and user.id in assigned_assessor_ids


def can_countersign(user: User, learner_id: int) -> bool:
    return user.id == learner_id


def can_sample(user: User, provider_id: int, enrolment_iqa_id: int | None, assessor_id: int | None) -> bool:
    """The IQA assigned to the enrolment checks its sampled reviews, never their own."""
    return belongs_to(user, provider_id) and enrolment_iqa_id == user.id and can_verify(user, assessor_id)


def can_plan_sampling(user: User, provider_id: int | None) -> bool:
    return can_administer(user, provider_id)


def can_read_iqa_report(user: User, provider_id: int | None) -> bool:
    return belongs_to(user, provider_id) and (user.has_role(PROVIDER_ADMIN) or is_iqa(user))


def can_respond_to_referral(user: User, provider_id: int | None, sample_assessor_id: int | None) -> bool:
    """The assessor whose decision an IQA referred back answers the referral."""
    return belongs_to(user, provider_id) and is_assessor(user) and sample_assessor_id == user.id


def can_read_notice(user: User, notice_user_id: int) -> bool:
    """A notice is its recipient's alone."""
    return user.id == notice_user_id


def can_publish_standard(user: User, standard_provider_id: int | None) -> bool:
    """Whether the CASE service serves a standard is decided by the provider that imported it, or for the site's own standards by a site administrator."""
    if standard_provider_id is None:
        return user.is_site_admin
    return can_administer(user, standard_provider_id)


def can_move_versions(user: User, provider_id: int | None) -> bool:
    """A provider's administrators move its cohorts' learners to a newer version of a standard, and back."""
    return can_administer(user, provider_id)


def can_author_scenarios(user: User, provider_id: int | None) -> bool:
    """A provider's administrators and scenario authors write, publish and retire its own scenarios (the site's
    shipped ones are files)."""
    return belongs_to(user, provider_id) and user.has_role(PROVIDER_ADMIN, SCENARIO_AUTHOR)


def can_see_scenario(user: User, owner_provider_id: int | None, shared: bool = False) -> bool:
    """The site's scenarios, and a provider's own a site administrator accepted, are everyone's; a provider's other
    scenarios are seen only by its people."""
    return owner_provider_id is None or shared or belongs_to(user, owner_provider_id)


def may_review_scenarios(user: User, provider_id: int | None) -> bool:
    """A provider's administrators, scenario authors and assessors review the versions its authors publish."""
    return belongs_to(user, provider_id) and user.has_role(PROVIDER_ADMIN, SCENARIO_AUTHOR, ASSESSOR)


def can_review_scenario(user: User, provider_id: int | None, publisher_id: int | None) -> bool:
    """A second pair of eyes: a reviewer of the provider, never the person who published the version."""
    return may_review_scenarios(user, provider_id) and user.id != publisher_id


def can_decide_shared_scenarios(user: User) -> bool:
    """A site administrator accepts a provider's scenario for every provider, or declines it."""
    return user.is_site_admin


"""How roles and account states are named on the page."""
from flask_babel import lazy_gettext as _l

from .models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, SCENARIO_AUTHOR, User

INVITED = "invited"
ACTIVE = "active"
DEACTIVATED = "deactivated"

ROLE_LABELS = {
    PROVIDER_ADMIN: _l("Provider administrator"),
    ASSESSOR: _l("Assessor"),
    IQA: _l("IQA"),
    LEARNER: _l("Learner"),
    SCENARIO_AUTHOR: _l("Scenario author"),
}

STATE_LABELS = {
    INVITED: _l("Invited"),
    ACTIVE: _l("Active"),
    DEACTIVATED: _l("Deactivated"),
}


def account_state(user: User) -> str:
    """Deactivated, invited (no password yet) or active."""
    if not user.active:
        return DEACTIVATED
    return INVITED if user.password_hash is None else ACTIVE

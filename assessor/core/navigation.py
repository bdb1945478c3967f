"""The service navigation: what the signed-in person's roles let them reach."""
from dataclasses import dataclass

from flask import current_app, request, url_for
from flask_babel import lazy_gettext as _l

from ..accounts.models import ASSESSOR, IQA, LEARNER, PROVIDER_ADMIN, SCENARIO_AUTHOR


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: object
    blueprints: tuple[str, ...]


HOME = NavItem("core.home", _l("Home"), ("core",))
STANDARDS = NavItem("standards.index", _l("Standards"), ("standards",))
COHORTS = NavItem("cohorts.index", _l("Cohorts"), ("cohorts",))
PEOPLE = NavItem("people.index", _l("People"), ("people",))
IMPORT = NavItem("standards_import.new", _l("Import a standard"), ("standards_import",))
PROVIDERS = NavItem("admin.providers", _l("Providers"), ("admin",))
OUTBOX = NavItem("outbox.index", _l("Outbox"), ("outbox",))
PORTFOLIO = NavItem("evidence.portfolio", _l("My portfolio"), ("evidence",))
SCENARIOS = NavItem("scenarios.index", _l("Practise with scenarios"), ("scenarios",))
ASSESSMENT = NavItem("assessment.queue", _l("Assessment"), ("assessment",))
QUALITY = NavItem("iqa.queue", _l("Quality assurance"), ("iqa",))
AUTHORING = NavItem("scenario_authoring.index", _l("Scenarios you write"), ("scenario_authoring", "scenario_preview"))


def items_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return [STANDARDS]
    items = [HOME, STANDARDS]
    if user.is_site_admin:
        items += [PROVIDERS, IMPORT, OUTBOX]
    if user.has_role(LEARNER):
        items += [PORTFOLIO, SCENARIOS]
    if user.has_role(ASSESSOR):
        items.append(ASSESSMENT)
    if user.has_role(IQA):
        items.append(QUALITY)
    if user.has_role(PROVIDER_ADMIN):
        items += [COHORTS, PEOPLE, IMPORT, AUTHORING]
    if user.has_role(SCENARIO_AUTHOR):
        items.append(AUTHORING)
    unique = list(dict.fromkeys(items))
    return [item for item in unique if item.endpoint in current_app.view_functions]


def navigation(user) -> list[tuple[str, str, bool]]:
    """(href, label, is current) for each item the person may use."""
    return [(url_for(item.endpoint), str(item.label), request.blueprint in item.blueprints) for item in items_for(user)]

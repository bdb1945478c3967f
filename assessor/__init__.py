"""Assessor: competency assessment against the National Occupational Standards."""
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import db, i18n, security
from .accounts import login, throttle
from .assessment import audit_words as _assessment_audit_words  # noqa: F401  (how its entries read in the history)
from .assessment import subscribers as _assessment_subscribers  # noqa: F401  (signals: evidence -> assessment)
from .config import PROJECT_ROOT, load_config
from .core import limits, request_id, tasks
from .dashboards import subscribers as _dashboards_subscribers  # noqa: F401  (signals: assessment -> dashboards)
from .evidence import audit_words as _evidence_audit_words  # noqa: F401  (how its entries read in the history)
from .iqa import audit_words as _iqa_audit_words  # noqa: F401  (how its entries read in the history)
from .iqa import subscribers as _iqa_subscribers  # noqa: F401  (signals: assessment -> IQA)
from .mail import tasks as _mail_tasks  # noqa: F401  (registers the mail tasks)
from .notifications import subscribers as _notifications_subscribers  # noqa: F401  (signals: assessment, IQA -> notifications)
from .notifications import tasks as _notifications_tasks  # noqa: F401  (registers the daily digest)


def create_app(config: dict | None = None, instance_path: str | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    load_config(app, config)
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    request_id.init_app(app)
    limits.init_app(app)
    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    login.init_app(app)
    throttle.init_app(app)
    _register_blueprints(app)
    _register_template_globals(app)
    tasks.init_app(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from .accounts.session_views import bp as account_bp
    from .accounts.views import bp as accounts_bp
    from .admin.views import bp as admin_bp
    from .assessment.views import bp as assessment_bp
    from .cohorts.views import bp as cohorts_bp
    from .core.errors import register_error_pages
    from .core.health import bp as health_bp
    from .core.views import bp as core_bp
    from .dashboards.history_views import bp as audit_bp
    from .dashboards.views import bp as dashboards_bp
    from .evidence.views import bp as evidence_bp
    from .evidence.witness_public import bp as witness_bp
    from .export.views import bp as export_bp
    from .iqa.views import bp as iqa_bp
    from .mail.views import bp as outbox_bp
    from .notifications.views import bp as notifications_bp
    from .people.views import bp as people_bp
    from .scenarios import editor_views, form_check_views, structure_views  # noqa: F401 (their routes are on scenario_authoring)
    from .scenarios.authoring_views import bp as scenario_authoring_bp
    from .scenarios.import_views import bp as scenario_import_bp
    from .scenarios.preview_views import bp as scenario_preview_bp
    from .scenarios.review_views import bp as scenario_review_bp
    from .scenarios.sharing_views import bp as scenario_sharing_bp
    from .scenarios.views import bp as scenarios_bp
    from .standards.case_views import bp as case_bp
    from .standards.import_views import bp as standards_import_bp
    from .standards.views import bp as standards_bp

    blueprints = (
        core_bp,
        health_bp,
        accounts_bp,
        account_bp,
        standards_bp,
        standards_import_bp,
        case_bp,
        people_bp,
        cohorts_bp,
        admin_bp,
        outbox_bp,
        evidence_bp,
        witness_bp,
        assessment_bp,
        iqa_bp,
        audit_bp,
        export_bp,
        dashboards_bp,
        scenarios_bp,
        scenario_authoring_bp,
        scenario_review_bp,
        scenario_sharing_bp,
        scenario_import_bp,
        scenario_preview_bp,
        notifications_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    register_error_pages(app)


def _register_template_globals(app: Flask) -> None:
    from .core.navigation import navigation

    app.jinja_env.globals["navigation"] = navigation

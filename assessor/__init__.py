"""Assessor: competency assessment against the National Occupational Standards."""
from flask import Flask

from . import db, i18n, security
from .config import PROJECT_ROOT, load_config


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    load_config(app, config)
    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from .core.views import bp as core_bp
    from .standards.views import bp as standards_bp

    app.register_blueprint(core_bp)
    app.register_blueprint(standards_bp)

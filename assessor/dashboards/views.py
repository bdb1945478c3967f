"""The dashboards blueprint: the assessor's caseload and the provider's cohort dashboard with its CSV download."""
from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_login import current_user

from ..accounts.login import require_sign_in
from ..cohorts.blueprint import cohort_or_abort
from ..cohorts.labels import STATUS_LABELS
from ..db import get_session
from ..export.filenames import slug
from ..permissions import is_assessor
from ..timeutil import today, utcnow
from . import landing_views, portfolio_views  # noqa: F401  (the landing and portfolio pages, on other blueprints)
from .caseload import DEFAULT_SORT, SORT_KEYS, caseload
from .chart import progress_chart
from .cohort import Filters, all_rows, cohort_dashboard, cohort_standards
from .figures import RAG_STATUSES, Thresholds, rag_status
from .labels import RAG_LABELS, RAG_TAGS
from .snapshots import cohort_days
from .sorting import Sort
from .table_csv import dashboard_csv

bp = Blueprint("dashboards", __name__)
bp.before_request(require_sign_in)


@bp.app_context_processor
def dashboard_helpers() -> dict:
    """The status words and tags, and (for pages elsewhere) a sign that the cohort dashboard is served."""
    return {"rag_labels": RAG_LABELS, "rag_tags": RAG_TAGS, "dashboards_served": True}


@bp.get("/caseload", endpoint="caseload")
def caseload_page():
    if current_user.provider_id is None or not is_assessor(current_user):
        abort(403)
    sort = Sort.parse(request.args, SORT_KEYS, DEFAULT_SORT)
    per_page = current_app.config["CASELOAD_PER_PAGE"]
    learners = caseload(get_session(), current_user, sort=sort, page=request.args.get("page", 1, type=int), per_page=per_page)
    return render_template("dashboards/caseload.html", caseload=learners, sort=sort, now=utcnow())


@bp.get("/cohorts/<int:cohort_id>/dashboard")
def cohort(cohort_id: int):
    found = cohort_or_abort(cohort_id)
    db, filters = get_session(), Filters.from_args(request.args)
    per_page = current_app.config["COHORT_DASHBOARD_PER_PAGE"]
    thresholds = Thresholds.from_config(current_app.config)
    dashboard = cohort_dashboard(db, found, filters, thresholds, per_page=per_page)
    chart = progress_chart(cohort_days(db, found.id), found.start_date, found.target_end_date, today())
    overall = rag_status(chart.latest.met, chart.latest.total, dashboard.pace, thresholds) if chart.latest else None
    context = {"dashboard": dashboard, "filters": filters, "chart": chart, "thresholds": thresholds, "overall": overall}
    return render_template("dashboards/cohort.html", cohort=found, statuses=RAG_STATUSES, member_labels=STATUS_LABELS, **context)


@bp.get("/cohorts/<int:cohort_id>/dashboard.csv")
def cohort_csv(cohort_id: int):
    found = cohort_or_abort(cohort_id)
    db, filters = get_session(), Filters.from_args(request.args)
    rows = all_rows(db, found, filters, Thresholds.from_config(current_app.config))
    text = dashboard_csv(rows, cohort_standards(db, found.id))
    filename = f"{slug(found.name, fallback='cohort')}-{today().isoformat()}.csv"
    return Response(
        text.encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )

"""Cohorts, their learners and enrolments: the provider administrator's pages."""
from flask import Blueprint

bp = Blueprint("cohorts", __name__, url_prefix="/cohorts")

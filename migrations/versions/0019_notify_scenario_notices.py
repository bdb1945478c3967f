"""notices of scenarios and witnesses: five more kinds in the CHECKs of notices and notification_preferences

A version waiting for review, its review's outcome, a scenario offered to the site, the site's answer, and a
witness's signature. Going down forgets the notices and choices of these kinds. Nothing to backfill.

Revision ID: 0019_notify
Revises: 0018_preview
Create Date: 2026-12-06 12:00:00.000000
"""
from alembic import op

revision = '0019_notify'
down_revision = '0018_preview'
branch_labels = None
depends_on = None

#: written out, not imported, so this migration keeps meaning what it meant
KINDS_BEFORE = ('evidence_referred', 'evidence_assessed', 'awaiting_countersignature', 'countersigned', 'iqa_referral',
                'iqa_response', 'waiting')
ADDED = ('witness_signed', 'scenario_review_waiting', 'scenario_reviewed', 'scenario_offered', 'scenario_share_decided')
TABLES = ('notices', 'notification_preferences')


def _kinds_check(kinds: tuple[str, ...]) -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f'ck_{table}_kind'), type_='check')
            batch_op.create_check_constraint(op.f(f'ck_{table}_kind'), f"kind IN ({', '.join(repr(kind) for kind in kinds)})")


def upgrade() -> None:
    _kinds_check(KINDS_BEFORE + ADDED)


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DELETE FROM {table} WHERE kind IN ({', '.join(repr(kind) for kind in ADDED)})")
    _kinds_check(KINDS_BEFORE)

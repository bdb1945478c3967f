"""cohort progress days: the dashboard chart's daily snapshot

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cohort_progress_days',
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('criteria_met', sa.Integer(), nullable=False),
    sa.Column('criteria_total', sa.Integer(), nullable=False),
    sa.Column('learners', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_progress_days_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cohort_id', 'day', name=op.f('pk_cohort_progress_days'))
    )


def downgrade() -> None:
    op.drop_table('cohort_progress_days')

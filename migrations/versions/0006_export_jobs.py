"""export jobs: a cohort's ZIP of portfolios, from request to removal

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 13:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

ACTIVE = sa.text("status IN ('queued', 'running')")


def upgrade() -> None:
    op.create_table('export_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('file_path', sa.String(length=300), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_export_jobs_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_export_jobs_provider_id_providers')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_export_jobs_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_jobs'))
    )
    with op.batch_alter_table('export_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_export_jobs_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_export_jobs_provider_id'), ['provider_id'], unique=False)
        batch_op.create_index('uq_export_jobs_one_active', ['cohort_id', 'language'], unique=True,
                              sqlite_where=ACTIVE, postgresql_where=ACTIVE)


def downgrade() -> None:
    with op.batch_alter_table('export_jobs', schema=None) as batch_op:
        batch_op.drop_index('uq_export_jobs_one_active')
        batch_op.drop_index(batch_op.f('ix_export_jobs_provider_id'))
        batch_op.drop_index(batch_op.f('ix_export_jobs_cohort_id'))

    op.drop_table('export_jobs')

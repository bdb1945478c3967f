"""export jobs on a task queue: portfolio PDFs as jobs too (learner, digest), attempts counted

Revision ID: 0007_queue
Revises: 0006
Create Date: 2026-12-04 22:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_queue'
down_revision = '0006'
branch_labels = None
depends_on = None

ACTIVE = sa.text("status IN ('queued', 'running')")


def upgrade() -> None:
    with op.batch_alter_table('export_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='cohort_zip'))
        batch_op.add_column(sa.Column('learner_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('digest', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.alter_column('cohort_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(batch_op.f('fk_export_jobs_learner_id_users'), 'users', ['learner_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_export_jobs_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index('uq_export_jobs_one_active_portfolio', ['learner_id', 'language', 'digest'], unique=True,
                              sqlite_where=ACTIVE, postgresql_where=ACTIVE)


def downgrade() -> None:
    op.execute("DELETE FROM export_jobs WHERE kind <> 'cohort_zip'")
    with op.batch_alter_table('export_jobs', schema=None) as batch_op:
        batch_op.drop_index('uq_export_jobs_one_active_portfolio')
        batch_op.drop_index(batch_op.f('ix_export_jobs_learner_id'))
        batch_op.drop_constraint(batch_op.f('fk_export_jobs_learner_id_users'), type_='foreignkey')
        batch_op.alter_column('cohort_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('attempts')
        batch_op.drop_column('digest')
        batch_op.drop_column('learner_id')
        batch_op.drop_column('kind')

"""scenario imports on the task queue: the job a request makes, and each file it holds until it is answered

Revision ID: 0020_importq
Revises: 0019_notify
Create Date: 2026-12-07 12:00:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = '0020_importq'
down_revision = '0019_notify'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scenario_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_scenario_imports_status')),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_scenario_imports_provider_id_providers')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_scenario_imports_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_imports'))
    )
    op.create_index(op.f('ix_scenario_imports_provider_id'), 'scenario_imports', ['provider_id'], unique=False)
    op.create_table('scenario_import_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=True),
    sa.Column('declared_id', sa.String(length=100), nullable=True),
    sa.Column('scenario_id', sa.String(length=100), nullable=True),
    sa.Column('draft_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.JSON(), nullable=True),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.CheckConstraint("outcome IN ('created', 'updated', 'unchanged', 'refused')",
                       name=op.f('ck_scenario_import_files_outcome')),
    sa.ForeignKeyConstraint(['import_id'], ['scenario_imports.id'],
                            name=op.f('fk_scenario_import_files_import_id_scenario_imports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_import_files')),
    sa.UniqueConstraint('import_id', 'position', name=op.f('uq_scenario_import_files_import_id'))
    )


def downgrade() -> None:
    op.drop_table('scenario_import_files')
    op.drop_index(op.f('ix_scenario_imports_provider_id'), table_name='scenario_imports')
    op.drop_table('scenario_imports')

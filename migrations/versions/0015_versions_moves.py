"""moves to a new version of a standard: version_moves, and decisions carried over to the new criteria

Adds the version_moves table (a cohort's enrolments moved from one version of a standard to a newer
one: what was carried over, what was set aside, and whether it was reversed) and decisions.carried_from_id
(a decision copied onto the new version's criterion points to the decision it copies; decisions are
never edited, so the original stays on the old criterion). Nothing to backfill: no move was made before.

Revision ID: 0015_versions_moves
Revises: 0014_case_public_standards
Create Date: 2026-12-05 01:30:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = '0015_versions_moves'
down_revision = '0014_case_public_standards'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('version_moves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('from_standard_id', sa.Integer(), nullable=False),
    sa.Column('to_standard_id', sa.Integer(), nullable=False),
    sa.Column('moved_by_id', sa.Integer(), nullable=False),
    sa.Column('moved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decision_mark', sa.Integer(), nullable=False),
    sa.Column('sign_off_mark', sa.Integer(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('reversed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reversed_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_version_moves_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['from_standard_id'], ['standards.id'], name=op.f('fk_version_moves_from_standard_id_standards')),
    sa.ForeignKeyConstraint(['to_standard_id'], ['standards.id'], name=op.f('fk_version_moves_to_standard_id_standards')),
    sa.ForeignKeyConstraint(['moved_by_id'], ['users.id'], name=op.f('fk_version_moves_moved_by_id_users')),
    sa.ForeignKeyConstraint(['reversed_by_id'], ['users.id'], name=op.f('fk_version_moves_reversed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_version_moves'))
    )
    op.create_index(op.f('ix_version_moves_cohort_id'), 'version_moves', ['cohort_id'], unique=False)
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('carried_from_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_decisions_carried_from_id'), ['carried_from_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_decisions_carried_from_id_decisions'), 'decisions', ['carried_from_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_decisions_carried_from_id_decisions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_decisions_carried_from_id'))
        batch_op.drop_column('carried_from_id')
    op.drop_index(op.f('ix_version_moves_cohort_id'), table_name='version_moves')
    op.drop_table('version_moves')

"""scenario versions, attempts and their steps

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:50:59.779592
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scenario_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('summary_en', sa.Text(), nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_versions')),
    sa.UniqueConstraint('scenario_id', 'version', name=op.f('uq_scenario_versions_scenario_id'))
    )
    with op.batch_alter_table('scenario_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scenario_versions_scenario_id'), ['scenario_id'], unique=False)

    op.create_table('scenario_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('scenario_version_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.String(length=30), nullable=True),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('reflection', sa.Text(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_scenario_attempts_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['learner_id'], ['users.id'], name=op.f('fk_scenario_attempts_learner_id_users')),
    sa.ForeignKeyConstraint(['scenario_version_id'], ['scenario_versions.id'], name=op.f('fk_scenario_attempts_scenario_version_id_scenario_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_attempts')),
    sa.UniqueConstraint('evidence_id', name=op.f('uq_scenario_attempts_evidence_id'))
    )
    with op.batch_alter_table('scenario_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scenario_attempts_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scenario_attempts_scenario_version_id'), ['scenario_version_id'], unique=False)

    op.create_table('scenario_attempt_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.String(length=100), nullable=False),
    sa.Column('choice', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('feedback', sa.JSON(), nullable=True),
    sa.Column('variables', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['scenario_attempts.id'], name=op.f('fk_scenario_attempt_steps_attempt_id_scenario_attempts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_attempt_steps')),
    sa.UniqueConstraint('attempt_id', 'position', name=op.f('uq_scenario_attempt_steps_attempt_id'))
    )
    with op.batch_alter_table('scenario_attempt_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scenario_attempt_steps_attempt_id'), ['attempt_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('scenario_attempt_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scenario_attempt_steps_attempt_id'))

    op.drop_table('scenario_attempt_steps')
    with op.batch_alter_table('scenario_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scenario_attempts_scenario_version_id'))
        batch_op.drop_index(batch_op.f('ix_scenario_attempts_learner_id'))

    op.drop_table('scenario_attempts')
    with op.batch_alter_table('scenario_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scenario_versions_scenario_id'))

    op.drop_table('scenario_versions')

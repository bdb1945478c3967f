"""scenario versions reviewed before learners see them (optional per provider), and providers' scenarios shared with the site

providers.scenario_review_required (off for every provider); scenario_versions gain review_state
('live', 'awaiting_review', 'rejected'; every existing version is live), who reviewed it, when, the note
and the publish reason; scenario_drafts gain shared_state ('private', 'offered', 'shared', 'declined';
every existing draft is private) with who offered it, who decided, when, and the note.

Revision ID: 0017_review
Revises: 0016_scenown_scenario_owners
Create Date: 2026-12-06 10:00:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = '0017_review'
down_revision = '0016_scenown_scenario_owners'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('providers') as batch:
        batch.add_column(sa.Column('scenario_review_required', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('scenario_versions') as batch:
        batch.add_column(sa.Column('publish_reason', sa.Text(), nullable=True))
        batch.add_column(sa.Column('review_state', sa.String(length=20), nullable=False, server_default='live'))
        batch.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('review_note', sa.Text(), nullable=True))
        batch.create_foreign_key(batch.f('fk_scenario_versions_reviewed_by_id_users'), 'users', ['reviewed_by_id'], ['id'])
        batch.create_check_constraint(batch.f('ck_scenario_versions_review_state'),
                                      "review_state IN ('live', 'awaiting_review', 'rejected')")
    with op.batch_alter_table('scenario_drafts') as batch:
        batch.add_column(sa.Column('shared_state', sa.String(length=20), nullable=False, server_default='private'))
        batch.add_column(sa.Column('offered_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('offered_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('share_decided_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('share_decided_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('share_note', sa.Text(), nullable=True))
        batch.create_foreign_key(batch.f('fk_scenario_drafts_offered_by_id_users'), 'users', ['offered_by_id'], ['id'])
        batch.create_foreign_key(batch.f('fk_scenario_drafts_share_decided_by_id_users'), 'users',
                                 ['share_decided_by_id'], ['id'])
        batch.create_check_constraint(batch.f('ck_scenario_drafts_shared_state'),
                                      "shared_state IN ('private', 'offered', 'shared', 'declined')")


def downgrade() -> None:
    with op.batch_alter_table('scenario_drafts') as batch:
        batch.drop_constraint(batch.f('ck_scenario_drafts_shared_state'), type_='check')
        batch.drop_constraint(batch.f('fk_scenario_drafts_share_decided_by_id_users'), type_='foreignkey')
        batch.drop_constraint(batch.f('fk_scenario_drafts_offered_by_id_users'), type_='foreignkey')
        for column in ('share_note', 'share_decided_at', 'share_decided_by_id', 'offered_at', 'offered_by_id',
                       'shared_state'):
            batch.drop_column(column)
    with op.batch_alter_table('scenario_versions') as batch:
        batch.drop_constraint(batch.f('ck_scenario_versions_review_state'), type_='check')
        batch.drop_constraint(batch.f('fk_scenario_versions_reviewed_by_id_users'), type_='foreignkey')
        for column in ('review_note', 'reviewed_at', 'reviewed_by_id', 'review_state', 'publish_reason'):
            batch.drop_column(column)
    with op.batch_alter_table('providers') as batch:
        batch.drop_column('scenario_review_required')

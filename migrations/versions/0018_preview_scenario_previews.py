"""scenario_previews: an author plays a draft in the player, apart from learners' attempts

A preview is never an attempt: it lives in its own table, so no list, portfolio, dashboard or count of
attempts can include it. One row per author and draft, replaced when the author starts again. Nothing to
backfill.

Revision ID: 0018_preview
Revises: 0017_review
Create Date: 2026-12-06 10:00:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = '0018_preview'
down_revision = '0017_review'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scenario_previews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('draft_revision', sa.Integer(), nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("language IN ('cy', 'en')", name=op.f('ck_scenario_previews_language')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_scenario_previews_author_id_users'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['draft_id'], ['scenario_drafts.id'],
                            name=op.f('fk_scenario_previews_draft_id_scenario_drafts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_previews')),
    sa.UniqueConstraint('author_id', 'draft_id', name=op.f('uq_scenario_previews_author_id'))
    )
    op.create_index(op.f('ix_scenario_previews_draft_id'), 'scenario_previews', ['draft_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_scenario_previews_draft_id'), table_name='scenario_previews')
    op.drop_table('scenario_previews')

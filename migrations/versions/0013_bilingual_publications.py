"""official publications: the English (or Welsh) publication of a standard attached to the one held

Adds the standard_publications table: one row per standard and language, the publication's text in the
translation shape, where it came from, when, its sha256, and what could not be attached.

Revision ID: 0013_bilingual_publications
Revises: 0012_freeze_submissions
Create Date: 2026-12-05 01:40:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = '0013_bilingual_publications'
down_revision = '0012_freeze_submissions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('standard_publications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('standard_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('attached_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rendering', sa.JSON(), nullable=False),
    sa.Column('left_out', sa.JSON(), nullable=False),
    sa.CheckConstraint("language IN ('cy', 'en')", name=op.f('ck_standard_publications_language')),
    sa.ForeignKeyConstraint(['standard_id'], ['standards.id'], name=op.f('fk_standard_publications_standard_id_standards'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standard_publications')),
    sa.UniqueConstraint('standard_id', 'language', name=op.f('uq_standard_publications_standard_id'))
    )
    op.create_index(op.f('ix_standard_publications_standard_id'), 'standard_publications', ['standard_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_standard_publications_standard_id'), table_name='standard_publications')
    op.drop_table('standard_publications')

"""standards, criteria and suites

Revision ID: 0001
Revises: none
Create Date: 2026-11-23 09:05:55.383128
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('standards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('urn', sa.String(length=64), nullable=False),
    sa.Column('urn_is_local', sa.Boolean(), nullable=False),
    sa.Column('version', sa.String(length=32), nullable=False),
    sa.Column('version_given', sa.Boolean(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('legacy', sa.Boolean(), nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.Column('translation_en', sa.JSON(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standards')),
    sa.UniqueConstraint('urn', 'version', name=op.f('uq_standards_urn'))
    )
    with op.batch_alter_table('standards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standards_urn'), ['urn'], unique=False)

    op.create_table('criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('standard_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=2), nullable=False),
    sa.Column('ref', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=True),
    sa.Column('group', sa.Text(), nullable=True),
    sa.Column('group_en', sa.Text(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['criteria.id'], name=op.f('fk_criteria_parent_id_criteria'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['standard_id'], ['standards.id'], name=op.f('fk_criteria_standard_id_standards'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria')),
    sa.UniqueConstraint('standard_id', 'ref', name=op.f('uq_criteria_standard_id'))
    )
    with op.batch_alter_table('criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_standard_id'), ['standard_id'], unique=False)

    op.create_table('standard_suites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('standard_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('name_en', sa.String(length=255), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['standard_id'], ['standards.id'], name=op.f('fk_standard_suites_standard_id_standards'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standard_suites'))
    )
    with op.batch_alter_table('standard_suites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standard_suites_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_standard_suites_standard_id'), ['standard_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('standard_suites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standard_suites_standard_id'))
        batch_op.drop_index(batch_op.f('ix_standard_suites_name'))

    op.drop_table('standard_suites')
    with op.batch_alter_table('criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_standard_id'))

    op.drop_table('criteria')
    with op.batch_alter_table('standards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standards_urn'))

    op.drop_table('standards')

"""public standards for the CASE service: standards.public and standards.provider_id

A standard is served by the CASE service (/ims/case/v1p1/...) only when marked public: by a site
administrator for the site's own standards, by a provider's administrator for the standards that provider
imported (provider_id). Standards loaded before this revision are the site's own and not public.

Revision ID: 0014_case_public_standards
Revises: 0013_bilingual_publications
Create Date: 2026-12-05 01:40:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = '0014_case_public_standards'
down_revision = '0013_bilingual_publications'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('standards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('provider_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_standards_provider_id'), ['provider_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_standards_provider_id_providers'), 'providers', ['provider_id'], ['id'], ondelete='SET NULL'
        )


def downgrade() -> None:
    with op.batch_alter_table('standards', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_standards_provider_id_providers'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_standards_provider_id'))
        batch_op.drop_column('provider_id')
        batch_op.drop_column('public')

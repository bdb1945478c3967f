"""scenarios belong to someone: scenario_versions.provider_id/source/published_by_id, and scenario_drafts

A provider's own scenario is written as a draft (YAML text with a revision counter) and published as
immutable scenario_versions rows owned by the provider. Shipped scenarios keep provider_id NULL (the
site's). A new role, scenario_author, joins the roles a person may hold. Nothing to backfill.

Revision ID: 0016_scenown_scenario_owners
Revises: 0015_versions_moves
Create Date: 2026-12-05 02:10:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = '0016_scenown_scenario_owners'
down_revision = '0015_versions_moves'
branch_labels = None
depends_on = None

#: written out, not imported, so this migration keeps meaning what it meant
ROLES_BEFORE = ('provider_admin', 'assessor', 'iqa', 'learner')
ROLES_AFTER = ROLES_BEFORE + ('scenario_author',)


def _roles_check(roles: tuple[str, ...]) -> None:
    with op.batch_alter_table('user_roles', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_user_roles_role'), type_='check')
        batch_op.create_check_constraint(op.f('ck_user_roles_role'), f"role IN ({', '.join(repr(role) for role in roles)})")


def upgrade() -> None:
    _roles_check(ROLES_AFTER)
    op.create_table('scenario_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.String(length=100), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_scenario_drafts_created_by_id_users')),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_scenario_drafts_provider_id_providers')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_scenario_drafts_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_drafts')),
    sa.UniqueConstraint('scenario_id', name=op.f('uq_scenario_drafts_scenario_id'))
    )
    op.create_index(op.f('ix_scenario_drafts_provider_id'), 'scenario_drafts', ['provider_id'], unique=False)
    with op.batch_alter_table('scenario_versions') as batch:
        batch.add_column(sa.Column('provider_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('source', sa.Text(), nullable=True))
        batch.add_column(sa.Column('published_by_id', sa.Integer(), nullable=True))
        batch.create_index(batch.f('ix_scenario_versions_provider_id'), ['provider_id'], unique=False)
        batch.create_foreign_key(batch.f('fk_scenario_versions_provider_id_providers'), 'providers', ['provider_id'], ['id'])
        batch.create_foreign_key(batch.f('fk_scenario_versions_published_by_id_users'), 'users', ['published_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('scenario_versions') as batch:
        batch.drop_constraint(batch.f('fk_scenario_versions_published_by_id_users'), type_='foreignkey')
        batch.drop_constraint(batch.f('fk_scenario_versions_provider_id_providers'), type_='foreignkey')
        batch.drop_index(batch.f('ix_scenario_versions_provider_id'))
        batch.drop_column('published_by_id')
        batch.drop_column('source')
        batch.drop_column('provider_id')
    op.drop_index(op.f('ix_scenario_drafts_provider_id'), table_name='scenario_drafts')
    op.drop_table('scenario_drafts')
    op.execute("DELETE FROM user_roles WHERE role = 'scenario_author'")
    _roles_check(ROLES_BEFORE)

"""witness requests: single-use links a witness confirms or corrects a statement by

Revision ID: 0010_witness_requests
Revises: 0009_user_sessions
Create Date: 2026-12-05 00:32:34.660112

A resend is a new row (a new link) that closes the one it replaces; only the token's SHA-256 is kept.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_witness_requests'
down_revision = '0009_user_sessions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('witness_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('witness_name', sa.String(length=200), nullable=False),
    sa.Column('witness_role', sa.String(length=200), nullable=False),
    sa.Column('witness_email', sa.String(length=254), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('signed_name', sa.String(length=200), nullable=True),
    sa.Column('declaration', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=True),
    sa.Column('original_text', sa.Text(), nullable=True),
    sa.Column('confirmed_text', sa.Text(), nullable=True),
    sa.Column('shown', sa.JSON(), nullable=False),
    sa.Column('signed_hash', sa.String(length=64), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'confirmed', 'corrected', 'withdrawn', 'replaced')", name=op.f('ck_witness_requests_status')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_witness_requests_closed_by_id_users')),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_witness_requests_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_witness_requests_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_witness_requests')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_witness_requests_token_hash'))
    )
    op.create_index(op.f('ix_witness_requests_evidence_id'), 'witness_requests', ['evidence_id'], unique=False)
    op.create_index(op.f('ix_witness_requests_sent_at'), 'witness_requests', ['sent_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_witness_requests_sent_at'), table_name='witness_requests')
    op.drop_index(op.f('ix_witness_requests_evidence_id'), table_name='witness_requests')
    op.drop_table('witness_requests')

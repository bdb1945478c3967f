"""notifications: notices, preferences per kind, daily digests; the outbox's delivery state and attempts

Revision ID: 0011_notify_notifications
Revises: 0010_witness_requests
Create Date: 2026-12-05 00:45:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_notify_notifications'
down_revision = '0010_witness_requests'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_messages') as batch:
        batch.add_column(sa.Column('state', sa.String(length=10), nullable=False, server_default='recorded'))
        batch.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
    op.execute("UPDATE outbox_messages SET state = 'sent' WHERE sent_at IS NOT NULL")
    op.execute("UPDATE outbox_messages SET state = 'failed' WHERE sent_at IS NULL AND error IS NOT NULL")
    with op.batch_alter_table('outbox_messages') as batch:
        batch.alter_column('state', server_default=None)
        batch.alter_column('attempts', server_default=None)
        batch.create_check_constraint(op.f('ck_outbox_messages_state'), "state IN ('recorded', 'queued', 'sent', 'failed')")
        batch.create_index(op.f('ix_outbox_messages_state'), ['state'], unique=False)
    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('endpoint', sa.String(length=80), nullable=False),
    sa.Column('endpoint_args', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('delivery', sa.String(length=10), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("delivery IN ('at_once', 'daily')", name=op.f('ck_notices_delivery')),
    sa.CheckConstraint("kind IN ('evidence_referred', 'evidence_assessed', 'awaiting_countersignature', 'countersigned', 'iqa_referral', 'iqa_response', 'waiting')", name=op.f('ck_notices_kind')),
    sa.ForeignKeyConstraint(['message_id'], ['outbox_messages.id'], name=op.f('fk_notices_message_id_outbox_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notices_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    op.create_index('ix_notices_user_id_read_at', 'notices', ['user_id', 'read_at'], unique=False)
    op.create_table('notification_preferences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('delivery', sa.String(length=10), nullable=False),
    sa.CheckConstraint("delivery IN ('at_once', 'daily', 'off')", name=op.f('ck_notification_preferences_delivery')),
    sa.CheckConstraint("kind IN ('evidence_referred', 'evidence_assessed', 'awaiting_countersignature', 'countersigned', 'iqa_referral', 'iqa_response', 'waiting')", name=op.f('ck_notification_preferences_kind')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notification_preferences_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_preferences')),
    sa.UniqueConstraint('user_id', 'kind', name=op.f('uq_notification_preferences_user_id'))
    )
    op.create_table('digest_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['message_id'], ['outbox_messages.id'], name=op.f('fk_digest_runs_message_id_outbox_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_digest_runs_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digest_runs')),
    sa.UniqueConstraint('user_id', 'day', name=op.f('uq_digest_runs_user_id'))
    )


def downgrade() -> None:
    op.drop_table('digest_runs')
    op.drop_table('notification_preferences')
    op.drop_index('ix_notices_user_id_read_at', table_name='notices')
    op.drop_table('notices')
    with op.batch_alter_table('outbox_messages') as batch:
        batch.drop_index(op.f('ix_outbox_messages_state'))
        batch.drop_constraint(op.f('ck_outbox_messages_state'), type_='check')
        batch.drop_column('attempts')
        batch.drop_column('state')

"""evidence, assessment, iqa and the audit log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:39:10.820956
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.bulk_insert(
        sa.table('audit_head', sa.column('id', sa.Integer), sa.column('seq', sa.Integer), sa.column('hash', sa.String)),
        [{'id': 1, 'seq': 0, 'hash': '0' * 64}],
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('learner_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_log_actor_id_users')),
    sa.ForeignKeyConstraint(['learner_id'], ['users.id'], name=op.f('fk_audit_log_learner_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_log_hash')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_log_seq'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_learner_id'), ['learner_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('activity_date', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('witness_name', sa.String(length=200), nullable=True),
    sa.Column('witness_role', sa.String(length=200), nullable=True),
    sa.Column('witness_contact', sa.String(length=254), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_evidence_created_by_id_users')),
    sa.ForeignKeyConstraint(['learner_id'], ['users.id'], name=op.f('fk_evidence_learner_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('learner_id', 'number', name=op.f('uq_evidence_learner_id'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_status'), ['status'], unique=False)

    op.create_table('sampling_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('share_percent', sa.Integer(), nullable=False),
    sa.Column('new_assessor_percent', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_sampling_plans_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_sampling_plans_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sampling_plans')),
    sa.UniqueConstraint('cohort_id', name=op.f('uq_sampling_plans_cohort_id'))
    )
    op.create_table('evidence_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=127), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_evidence_files_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_evidence_files_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_files'))
    )
    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_files_evidence_id'), ['evidence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_files_sha256'), ['sha256'], unique=False)

    op.create_table('sampling_new_assessors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('assessor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['users.id'], name=op.f('fk_sampling_new_assessors_assessor_id_users')),
    sa.ForeignKeyConstraint(['plan_id'], ['sampling_plans.id'], name=op.f('fk_sampling_new_assessors_plan_id_sampling_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sampling_new_assessors')),
    sa.UniqueConstraint('plan_id', 'assessor_id', name=op.f('uq_sampling_new_assessors_plan_id'))
    )
    with op.batch_alter_table('sampling_new_assessors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sampling_new_assessors_plan_id'), ['plan_id'], unique=False)

    op.create_table('submissions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('declaration', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_submissions_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['users.id'], name=op.f('fk_submissions_submitted_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submissions')),
    sa.UniqueConstraint('evidence_id', 'number', name=op.f('uq_submissions_evidence_id'))
    )
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submissions_closed_at'), ['closed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_evidence_id'), ['evidence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_submitted_at'), ['submitted_at'], unique=False)

    op.create_table('enrolment_progress',
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('pc_total', sa.Integer(), nullable=False),
    sa.Column('pc_met', sa.Integer(), nullable=False),
    sa.Column('pc_submitted', sa.Integer(), nullable=False),
    sa.Column('pc_in_progress', sa.Integer(), nullable=False),
    sa.Column('pc_not_started', sa.Integer(), nullable=False),
    sa.Column('k_total', sa.Integer(), nullable=False),
    sa.Column('k_met', sa.Integer(), nullable=False),
    sa.Column('k_submitted', sa.Integer(), nullable=False),
    sa.Column('k_in_progress', sa.Integer(), nullable=False),
    sa.Column('k_not_started', sa.Integer(), nullable=False),
    sa.Column('awaiting_decision', sa.Integer(), nullable=False),
    sa.Column('oldest_awaiting_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('signed_off_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('countersigned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_activity_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('statuses', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolments.id'], name=op.f('fk_enrolment_progress_enrolment_id_enrolments')),
    sa.PrimaryKeyConstraint('enrolment_id', name=op.f('pk_enrolment_progress'))
    )
    op.create_table('evidence_mappings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['criteria.id'], name=op.f('fk_evidence_mappings_criterion_id_criteria')),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolments.id'], name=op.f('fk_evidence_mappings_enrolment_id_enrolments')),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_evidence_mappings_evidence_id_evidence')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_mappings')),
    sa.UniqueConstraint('evidence_id', 'criterion_id', name=op.f('uq_evidence_mappings_evidence_id'))
    )
    with op.batch_alter_table('evidence_mappings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_mappings_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_mappings_enrolment_id'), ['enrolment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_mappings_evidence_id'), ['evidence_id'], unique=False)

    op.create_table('reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('assessor_id', sa.Integer(), nullable=False),
    sa.Column('feedback', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['users.id'], name=op.f('fk_reviews_assessor_id_users')),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolments.id'], name=op.f('fk_reviews_enrolment_id_enrolments')),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_reviews_submission_id_submissions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    sa.UniqueConstraint('submission_id', 'enrolment_id', name=op.f('uq_reviews_submission_id'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_assessor_id'), ['assessor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviews_enrolment_id'), ['enrolment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviews_submission_id'), ['submission_id'], unique=False)

    op.create_table('sign_offs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('assessor_id', sa.Integer(), nullable=False),
    sa.Column('declaration', sa.Text(), nullable=False),
    sa.Column('signature_name', sa.String(length=200), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('signed_hash', sa.String(length=64), nullable=False),
    sa.Column('learner_signature_name', sa.String(length=200), nullable=True),
    sa.Column('learner_signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('learner_hash', sa.String(length=64), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.Column('withdrawn_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['users.id'], name=op.f('fk_sign_offs_assessor_id_users')),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolments.id'], name=op.f('fk_sign_offs_enrolment_id_enrolments')),
    sa.ForeignKeyConstraint(['withdrawn_by_id'], ['users.id'], name=op.f('fk_sign_offs_withdrawn_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_offs')),
    sa.UniqueConstraint('enrolment_id', 'sequence', name=op.f('uq_sign_offs_enrolment_id'))
    )
    with op.batch_alter_table('sign_offs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_offs_enrolment_id'), ['enrolment_id'], unique=False)

    op.create_table('decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('feedback', sa.Text(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('correction_reason', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['criteria.id'], name=op.f('fk_decisions_criterion_id_criteria')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_decisions_decided_by_id_users')),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolments.id'], name=op.f('fk_decisions_enrolment_id_enrolments')),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_decisions_evidence_id_evidence')),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_decisions_review_id_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decisions')),
    sa.UniqueConstraint('review_id', 'criterion_id', 'sequence', name=op.f('uq_decisions_review_id'))
    )
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decisions_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_enrolment_id'), ['enrolment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_evidence_id'), ['evidence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_review_id'), ['review_id'], unique=False)

    op.create_table('samples',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('assessor_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('selected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('response', sa.Text(), nullable=False),
    sa.Column('responded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['users.id'], name=op.f('fk_samples_assessor_id_users')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_samples_decided_by_id_users')),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolments.id'], name=op.f('fk_samples_enrolment_id_enrolments')),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_samples_review_id_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_samples')),
    sa.UniqueConstraint('review_id', name=op.f('uq_samples_review_id'))
    )
    with op.batch_alter_table('samples', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_samples_assessor_id'), ['assessor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_samples_enrolment_id'), ['enrolment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_samples_status'), ['status'], unique=False)

    with op.batch_alter_table('cohort_standards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('times_required', sa.Integer(), server_default='1', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('cohort_standards', schema=None) as batch_op:
        batch_op.drop_column('times_required')

    with op.batch_alter_table('samples', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_samples_status'))
        batch_op.drop_index(batch_op.f('ix_samples_enrolment_id'))
        batch_op.drop_index(batch_op.f('ix_samples_assessor_id'))

    op.drop_table('samples')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_review_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_evidence_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_enrolment_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_criterion_id'))

    op.drop_table('decisions')
    with op.batch_alter_table('sign_offs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_offs_enrolment_id'))

    op.drop_table('sign_offs')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_submission_id'))
        batch_op.drop_index(batch_op.f('ix_reviews_enrolment_id'))
        batch_op.drop_index(batch_op.f('ix_reviews_assessor_id'))

    op.drop_table('reviews')
    with op.batch_alter_table('evidence_mappings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_mappings_evidence_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_mappings_enrolment_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_mappings_criterion_id'))

    op.drop_table('evidence_mappings')
    op.drop_table('enrolment_progress')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submissions_submitted_at'))
        batch_op.drop_index(batch_op.f('ix_submissions_evidence_id'))
        batch_op.drop_index(batch_op.f('ix_submissions_closed_at'))

    op.drop_table('submissions')
    with op.batch_alter_table('sampling_new_assessors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sampling_new_assessors_plan_id'))

    op.drop_table('sampling_new_assessors')
    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_files_sha256'))
        batch_op.drop_index(batch_op.f('ix_evidence_files_evidence_id'))

    op.drop_table('evidence_files')
    op.drop_table('sampling_plans')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_status'))
        batch_op.drop_index(batch_op.f('ix_evidence_learner_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_learner_id'))

    op.drop_table('audit_log')
    op.drop_table('audit_head')

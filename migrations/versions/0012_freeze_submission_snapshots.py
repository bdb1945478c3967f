"""frozen submissions: what each submission sent (snapshot, its sha256, its files) and reopened decisions

Adds submissions.snapshot and submissions.snapshot_sha256, the submission_files table (the files as
submitted, whose stored blobs are then always kept) and decisions.reopen_reason.

Backfill: submissions made before this revision kept no copy of what was sent, so each one is given
the evidence as it stands when this migration runs (its fields, its files and its claims). For an item
changed after a referral, that is the changed text, not the one judged then; it cannot be recovered.

Revision ID: 0012_freeze_submissions
Revises: 0011_notify_notifications
Create Date: 2026-12-05 00:45:00.000000
"""
import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = '0012_freeze_submissions'
down_revision = '0011_notify_notifications'
branch_labels = None
depends_on = None

FIELDS = ("kind", "title", "description", "body", "witness_name", "witness_role", "witness_contact")
FILE_FIELDS = ("filename", "size", "media_type", "sha256")


def upgrade() -> None:
    op.create_table('submission_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=127), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_submission_files_submission_id_submissions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_files')),
    sa.UniqueConstraint('submission_id', 'position', name=op.f('uq_submission_files_submission_id'))
    )
    op.create_index(op.f('ix_submission_files_submission_id'), 'submission_files', ['submission_id'], unique=False)
    op.create_index(op.f('ix_submission_files_sha256'), 'submission_files', ['sha256'], unique=False)
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('snapshot', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('snapshot_sha256', sa.String(length=64), nullable=True))
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reopen_reason', sa.Text(), nullable=True))
    _backfill(op.get_bind())
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.alter_column('snapshot', existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column('snapshot_sha256', existing_type=sa.String(length=64), nullable=False)


def _backfill(connection) -> None:
    """Each existing submission takes the evidence as it stands now (see the docstring)."""
    meta = sa.MetaData()
    tables = {name: sa.Table(name, meta, autoload_with=connection)
              for name in ("submissions", "evidence", "evidence_files", "evidence_mappings", "criteria", "submission_files")}
    submissions, evidence = tables["submissions"], tables["evidence"]
    rows = connection.execute(sa.select(submissions.c.id.label("submission_id"), evidence).join(evidence, evidence.c.id == submissions.c.evidence_id)).mappings()
    for row in list(rows):
        snapshot, files = _snapshot(connection, tables, row)
        if files:
            connection.execute(tables["submission_files"].insert(),
                               [{"submission_id": row["submission_id"], "position": n, **file} for n, file in enumerate(files, start=1)])
        connection.execute(submissions.update().where(submissions.c.id == row["submission_id"])
                           .values(snapshot=snapshot, snapshot_sha256=_digest(snapshot | {"files": files})))


def _snapshot(connection, tables, row) -> tuple[dict, list[dict]]:
    files_table, mappings, criteria = tables["evidence_files"], tables["evidence_mappings"], tables["criteria"]
    files = [dict(file) for file in connection.execute(
        sa.select(*[files_table.c[name] for name in FILE_FIELDS]).where(files_table.c.evidence_id == row["id"]).order_by(files_table.c.id)
    ).mappings()]
    claims = [dict(claim) for claim in connection.execute(
        sa.select(mappings.c.enrolment_id, mappings.c.criterion_id, criteria.c.ref, mappings.c.note)
        .join(criteria, criteria.c.id == mappings.c.criterion_id).where(mappings.c.evidence_id == row["id"]).order_by(mappings.c.id)
    ).mappings()]
    details = row["details"] if isinstance(row["details"], dict) else json.loads(row["details"] or "{}")
    activity = row["activity_date"]
    snapshot = {name: row[name] for name in FIELDS} | {
        "reference": f"E-{row['number']:03d}", "activity_date": activity if isinstance(activity, str) else activity.isoformat(),
        "details": details, "claims": claims,
    }
    return snapshot, files


def _digest(data: dict) -> str:
    """As assessor/evidence/snapshot.py: sha256 over the canonical JSON (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def downgrade() -> None:
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_column('reopen_reason')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_column('snapshot_sha256')
        batch_op.drop_column('snapshot')
    op.drop_index(op.f('ix_submission_files_sha256'), table_name='submission_files')
    op.drop_index(op.f('ix_submission_files_submission_id'), table_name='submission_files')
    op.drop_table('submission_files')

"""status checks: every status, kind, outcome, role, purpose and reason column takes only the values the code uses

Revision ID: 0008_status_checks
Revises: 0007_queue
Create Date: 2026-12-04 22:40:00.000000

On SQLite each table is rebuilt by batch mode (`assessor db upgrade` turns foreign keys off meanwhile and
checks them before committing). The values are written out here, not imported, so that this migration
keeps meaning what it meant when the code changes.
"""
from alembic import op

revision = '0008_status_checks'
down_revision = '0007_queue'
branch_labels = None
depends_on = None

#: table -> column -> the values it may hold (NULL passes a CHECK, so nullable columns stay nullable)
CHECKS = {
    'user_roles': {'role': ('provider_admin', 'assessor', 'iqa', 'learner')},
    'auth_tokens': {'purpose': ('reset', 'invite')},
    'criteria': {'kind': ('pc', 'k')},
    'cohort_members': {'status': ('active', 'on_break', 'withdrawn', 'transferred')},
    'member_events': {'kind': ('joined', 'break_started', 'break_ended', 'withdrew', 'transferred_out',
                               'transferred_in', 'enrolled', 'assignment_changed')},
    'evidence': {'kind': ('file', 'account', 'witness', 'discussion', 'scenario', 'observation'),
                 'status': ('draft', 'submitted', 'assessed', 'referred')},
    'submissions': {'outcome': ('assessed', 'referred')},
    'decisions': {'outcome': ('met', 'not_yet')},
    'samples': {'reason': ('share', 'new_assessor', 'per_learner'),
                'status': ('pending', 'agreed', 'referred', 'responded')},
    'scenario_attempts': {'outcome': ('resolved', 'resolved_with_cost', 'escalated', 'referred',
                                      'relationship_lost', 'unresolved')},
    'export_jobs': {'status': ('queued', 'running', 'done', 'failed', 'expired'),
                    'kind': ('cohort_zip', 'portfolio_pdf')},
}


def one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    for table, columns in CHECKS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, values in columns.items():
                batch_op.create_check_constraint(op.f(f'ck_{table}_{column}'), one_of(column, values))


def downgrade() -> None:
    for table, columns in CHECKS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_constraint(op.f(f'ck_{table}_{column}'), type_='check')

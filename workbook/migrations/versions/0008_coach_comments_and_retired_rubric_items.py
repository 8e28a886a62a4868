"""coach comments, retired rubric items

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('coach_comments',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('candidate_id', sa.String(length=32), nullable=False),
    sa.Column('interview_id', sa.String(length=32), nullable=False),
    sa.Column('coach_id', sa.String(length=32), nullable=False),
    sa.Column('item', sa.String(length=100), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_coach_comments_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coach_id'], ['coaches.id'], name=op.f('fk_coach_comments_coach_id_coaches'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_coach_comments_interview_id_interviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_comments'))
    )
    with op.batch_alter_table('coach_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_comments_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_comments_coach_id'), ['coach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_comments_interview_id'), ['interview_id'], unique=False)

    with op.batch_alter_table('workshop_rubric_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('workshop_rubric_items', schema=None) as batch_op:
        batch_op.drop_column('retired_at')
    op.drop_table('coach_comments')

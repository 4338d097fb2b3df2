"""the change history: who changed what, when, and the reason of a correction

Revision ID: 0006_trail
Revises: 0005_attachments
Create Date: 2026-12-02 16:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_trail'
down_revision = '0005_attachments'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One sealed document per save (services/history.py); the clear columns are those of every
    # record hanging off a case (docs/threat-model.md).
    op.create_table('change_record',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('change_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_record_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('change_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_record_case_id'))
    op.drop_table('change_record')

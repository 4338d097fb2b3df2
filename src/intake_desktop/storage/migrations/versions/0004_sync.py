"""centre sync: where each row stood with the hub, and the conflicts waiting for a choice

Revision ID: 0004_sync
Revises: 0003
Create Date: 2026-12-02 16:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_sync'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_row',
        sa.Column('tbl', sa.String(length=64), nullable=False),
        sa.Column('row_id', sa.String(length=80), nullable=False),
        sa.Column('base_version', sa.Integer(), nullable=False),
        sa.Column('base_hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('tbl', 'row_id'),
    )
    op.create_table(
        'sync_conflict',
        sa.Column('tbl', sa.String(length=64), nullable=False),
        sa.Column('row_id', sa.String(length=80), nullable=False),
        sa.Column('theirs_version', sa.Integer(), nullable=False),
        sa.Column('theirs_pc', sa.String(length=36), nullable=False),
        sa.Column('theirs_tombstone', sa.Boolean(), nullable=False),
        sa.Column('theirs_payload', sa.LargeBinary(), nullable=True),
        sa.Column('detected_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('tbl', 'row_id'),
    )


def downgrade() -> None:
    op.drop_table('sync_conflict')
    op.drop_table('sync_row')

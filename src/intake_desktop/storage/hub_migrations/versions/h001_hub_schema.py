"""the centre server's first schema

Revision ID: h001
Revises:
Create Date: 2026-12-02 16:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'h001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'hub_meta',
        sa.Column('key', sa.String(length=64), primary_key=True),
        sa.Column('value', sa.Text(), nullable=False),
    )
    # seq orders every write the hub accepted; pushes hold a lock while they take numbers, so
    # seq order is commit order and a reader never skips a number that commits later.
    op.execute("CREATE SEQUENCE hub_row_seq")
    op.create_table(
        'hub_row',
        sa.Column('tbl', sa.String(length=64), primary_key=True),
        sa.Column('row_id', sa.String(length=80), primary_key=True),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('writer_pc', sa.String(length=36), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('tombstone', sa.Boolean(), nullable=False),
        sa.Column('payload', sa.LargeBinary(), nullable=True),
        sa.Column('bootstrap', sa.LargeBinary(), nullable=True),
    )
    op.create_index('ix_hub_row_seq', 'hub_row', ['seq'], unique=True)
    op.create_table(
        'hub_pc',
        sa.Column('pc_id', sa.String(length=36), primary_key=True),
        sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        'hub_number_block',
        sa.Column('kind', sa.String(length=64), primary_key=True),
        sa.Column('first', sa.BigInteger(), primary_key=True),
        sa.Column('last', sa.BigInteger(), nullable=False),
        sa.Column('pc_id', sa.String(length=36), nullable=False),
        sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        'hub_audit',
        sa.Column('pc_id', sa.String(length=36), primary_key=True),
        sa.Column('idx', sa.Integer(), primary_key=True),
        sa.Column('payload', sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    for table in ('hub_audit', 'hub_number_block', 'hub_pc', 'hub_row', 'hub_meta'):
        op.drop_table(table)
    op.execute("DROP SEQUENCE hub_row_seq")

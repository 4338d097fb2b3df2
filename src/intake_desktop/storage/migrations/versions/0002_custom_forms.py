"""custom forms

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:27:57.920581
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('custom_form',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('form_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('definition_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('source_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('yaml_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('imported_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('imported_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['imported_by'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('definition_hash')
    )
    with op.batch_alter_table('custom_form', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custom_form_form_id'), ['form_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('custom_form', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custom_form_form_id'))

    op.drop_table('custom_form')

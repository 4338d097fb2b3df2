"""login attempts refused during a lockout are recorded too

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 13:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "wrong": a passphrase or recovery key that did not open the slot (counted towards the
    # lockout); "locked_out": an attempt refused while locked out (logged, not counted).
    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(length=16), nullable=False, server_default='wrong'))


def downgrade() -> None:
    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.drop_column('reason')

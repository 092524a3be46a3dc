"""report parsed, held, bot message

迁移 ID: 7b1e2c9d4f30
父迁移: f9e31e460714
创建时间: 2026-12-04 20:40:00.000000

"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op
import sqlalchemy as sa


revision: str = '7b1e2c9d4f30'
down_revision: str | Sequence[str] | None = 'f9e31e460714'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade(name: str = "") -> None:
    if name:
        return
    with op.batch_alter_table('reports_dailyreport', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parsed', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('held_for', sa.Enum('site', 'confirm', name='heldfor', native_enum=False, length=16), nullable=True))
        batch_op.add_column(sa.Column('bot_message_id', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_reports_dailyreport_bot_message_id'), ['bot_message_id'], unique=False)


def downgrade(name: str = "") -> None:
    if name:
        return
    with op.batch_alter_table('reports_dailyreport', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_dailyreport_bot_message_id'))
        batch_op.drop_column('bot_message_id')
        batch_op.drop_column('held_for')
        batch_op.drop_column('parsed')

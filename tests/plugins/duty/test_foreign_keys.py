"""The declared foreign keys hold on SQLite too (PRAGMA foreign_keys is per connection)."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError


async def test_a_row_pointing_nowhere_is_refused(database):
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Site

    async with get_session() as session:
        session.add(Site(unit_id=987654, name="不存在的单位的地点", kind="路段"))
        with pytest.raises(IntegrityError):
            await session.commit()
    async with get_session() as session:
        assert (
            await session.scalar(
                sa.select(sa.func.count()).select_from(Site).where(Site.unit_id == 987654)
            )
            == 0
        )


@pytest.mark.skipif(bool(os.environ.get("DUTY_TEST_DATABASE_URL")), reason="SQLite pragma")
async def test_every_sqlite_connection_enforces_them(database):
    async with database.connect() as connection:
        assert (await connection.execute(sa.text("PRAGMA foreign_keys"))).scalar() == 1

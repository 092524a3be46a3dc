"""The units this deployment serves, loaded from the unit file(s) and synced at start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from dutybot.unit import Site, Unit, load_units

from . import service


@dataclass(frozen=True)
class ServedUnit:
    """A unit from its file together with its database ids."""

    unit: Unit
    unit_id: int
    site_ids: dict[str, int]

    def site_id(self, site: Site) -> int:
        return self.site_ids[site.name]

    def site_by_id(self, site_id: int) -> Site | None:
        for site in self.unit.sites:
            if self.site_ids.get(site.name) == site_id:
                return site
        return None


_served: list[ServedUnit] = []
_by_group: dict[int, ServedUnit] = {}


def read_unit_files(path: Path) -> list[Unit]:
    return load_units(path)


async def activate(session: AsyncSession, units: list[Unit]) -> list[ServedUnit]:
    """Sync the units into the database and serve them from now on."""
    served = []
    for unit in units:
        ids = await service.sync_unit(session, unit)
        served.append(ServedUnit(unit=unit, unit_id=ids.unit_id, site_ids=ids.site_ids))
    await session.commit()
    _served[:] = served
    _by_group.clear()
    _by_group.update({group: s for s in served for group in s.unit.groups})
    return served


def for_group(group_id: int) -> ServedUnit | None:
    return _by_group.get(group_id)


def all_served() -> list[ServedUnit]:
    return list(_served)


def for_staff_qq(qq: int) -> list[ServedUnit]:
    """Units whose file lists this QQ number (private chat finds its unit this way)."""
    return [s for s in _served if s.unit.staff_by_qq(qq) is not None]

"""Fixtures for the domain tests: the corpus units."""

from __future__ import annotations

import pytest

from dutybot.unit import Unit, load_unit

from .support import CORPUS


@pytest.fixture(scope="session")
def unit_a() -> Unit:
    return load_unit(CORPUS / "unit-a.toml")


@pytest.fixture(scope="session")
def unit_b() -> Unit:
    return load_unit(CORPUS / "unit-b.toml")


@pytest.fixture(scope="session")
def unit_b_shared() -> Unit:
    return load_unit(CORPUS / "unit-b-shared.toml")

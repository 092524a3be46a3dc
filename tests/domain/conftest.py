"""Fixtures for the domain tests: hypothesis profiles and the corpus units."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from dutybot.unit import Unit, load_unit

from .support import CORPUS

# CI runs the same examples every time (a failure there must be reproducible); a developer's
# run explores new ones and remembers failures in .hypothesis/.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def unit_a() -> Unit:
    return load_unit(CORPUS / "unit-a.toml")


@pytest.fixture(scope="session")
def unit_b() -> Unit:
    return load_unit(CORPUS / "unit-b.toml")

import os

from hypothesis import HealthCheck, settings

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

"""Benchmarks of dutybot (issue 8): ``python -m bench``.

Every figure is a ratio against a floor measured in the same run, because absolute times on a
shared machine drift. See ``python -m bench --help`` and README "性能".
"""

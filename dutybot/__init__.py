"""dutybot: the duty bot for civilised-city street and grid work.

This package is the plain-Python domain (no nonebot imports at module level): the unit file,
the clock, text matching, and later the report parser, roster generator and monthly figures.
The nonebot side lives in ``plugins/``.
"""

__version__ = "0.1.0"

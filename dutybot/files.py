"""Checks on the folders the bot writes to."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def unwritable_reason(folder: Path) -> str | None:
    """None when files can be created in ``folder`` (made if missing); else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        return error.strerror or str(error)
    return None

"""Where the embedded store lives: --store, then CWKG_STORE, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

STORE_ENV = "CWKG_STORE"


def default_store_path() -> Path:
    """The documented default: $XDG_DATA_HOME/cwkg/store (~/.local/share/cwkg/store)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cwkg" / "store"


def resolve_store_path(option: str | Path | None) -> Path:
    if option:
        return Path(option)
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env)
    return default_store_path()

"""Schema migrations (Alembic), run programmatically: ``Store.open`` upgrades to head.

Add a change with a new file under ``migrations/versions`` (``down_revision`` = the previous head).
"""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

HERE = Path(__file__).resolve().parent


def alembic_config(engine: sa.Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def pg_url():
    """URL of a throwaway PostgreSQL cluster (skips when none can be started here)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pgcluster

    cluster, why = pgcluster.start()
    if cluster is None:
        pytest.skip(why)
    yield cluster.url
    cluster.stop()


@pytest.fixture
def pg_db(pg_url):
    """A fresh, empty database in the throwaway cluster."""
    import uuid

    import psycopg

    name = "xf_" + uuid.uuid4().hex[:12]
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    yield pg_url.rsplit("/", 1)[0] + "/" + name

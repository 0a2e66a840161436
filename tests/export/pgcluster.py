"""A throwaway PostgreSQL cluster for tests: initdb + pg_ctl on a temp dir, loopback port.

Uses the Debian ``postgresql`` package's binaries (``scripts/install_postgres.sh``). PostgreSQL
refuses to run as root, so under root (CI runs ``.ci/run`` as root) the cluster is owned by and
run as the ``postgres`` system user via ``runuser``. ``start()`` returns None when no server can
be started here (binaries, psycopg or a non-root user missing): the tests then skip.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from typing import Optional


def _bindir() -> Optional[str]:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return os.path.dirname(os.path.realpath(found))
    cands = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return os.path.dirname(cands[0]) if cands else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, bindir: str, user: Optional[str]):
        self.bindir = bindir
        self.user = user                    # run as this system user (when we are root)
        self.dir = tempfile.mkdtemp(prefix="xf-pg-")
        self.data = os.path.join(self.dir, "data")
        self.port = _free_port()
        self.url = f"postgresql+psycopg://xinfang@127.0.0.1:{self.port}/postgres"
        if user:
            pw = pwd.getpwnam(user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        os.chmod(self.dir, 0o700)

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        cmd = [os.path.join(self.bindir, args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.dir)

    def start(self) -> None:
        r = self._run("initdb", "-D", self.data, "-U", "xinfang", "--auth=trust", "-E", "UTF8",
                      "--no-locale", "--no-sync")
        if r.returncode != 0:
            raise RuntimeError("initdb failed: " + r.stderr[-2000:])
        opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
        r = self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-o", opts,
                      "-w", "-t", "60", "start")
        if r.returncode != 0:
            log = ""
            try:
                log = open(os.path.join(self.dir, "log"), encoding="utf-8", errors="replace").read()
            except OSError:
                pass
            raise RuntimeError("pg_ctl start failed: " + r.stderr[-2000:] + log[-2000:])

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", timeout=60)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def start() -> tuple[Optional[Cluster], str]:
    """(cluster, "") or (None, why not)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg not installed (pip install -e '.[postgres]')"
    bindir = _bindir()
    if bindir is None:
        return None, "PostgreSQL server binaries not found (scripts/install_postgres.sh)"
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
            user = "postgres"
        except KeyError:
            return None, "running as root and no 'postgres' user to run the server as"
        if not shutil.which("runuser"):
            return None, "running as root and runuser is missing"
    c = Cluster(bindir, user)
    try:
        c.start()
    except Exception as e:  # pragma: no cover - environment problem: report and skip
        c.stop()
        return None, f"could not start PostgreSQL: {e}"
    return c, ""

"""Throwaway PostgreSQL and Redis servers on free loopback ports, for the integration and browser
tests. Each server lives in a temporary directory that is removed when it stops.

PostgreSQL refuses to run as root: when the tests run as root, the cluster belongs to the
``postgres`` system user (created by Debian's ``postgresql`` package) and its commands run through
``runuser``."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

START_TIMEOUT = 30


class ServiceError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port, process=None, timeout=START_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServiceError(f"the server on port {port} exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise ServiceError(f"nothing answered on port {port} after {timeout} s")


def postgres_bin_dir() -> Path:
    """The newest PostgreSQL server installed by Debian's packages, or the one on the PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServiceError("PostgreSQL is not installed (apt-get install postgresql)")


def _as_postgres(command):
    """Run a PostgreSQL command as the ``postgres`` user when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def postgres_server():
    """Yield the URL of a fresh PostgreSQL cluster (user ``postgres``, no password, fsync off)."""
    bin_dir = postgres_bin_dir()
    base = Path(tempfile.mkdtemp(prefix="passerelle-pg-"))
    data, log = base / "data", base / "server.log"
    if os.geteuid() == 0:
        shutil.chown(base, user="postgres")
    port = free_port()
    options = (
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    )
    try:
        subprocess.run(
            _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                          "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, capture_output=True, text=True,
        )
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w",
                          "-t", str(START_TIMEOUT), "start"]),
            check=True, capture_output=True, text=True,
        )
    except subprocess.CalledProcessError as error:
        details = log.read_text() if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        raise ServiceError(f"PostgreSQL did not start: {error.stderr}{error.stdout}\n{details}") from error
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/passerelle"
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def redis_server():
    """Yield the URL of a fresh Redis server that keeps nothing on disk."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise ServiceError("Redis is not installed (apt-get install redis-server)")
    base = Path(tempfile.mkdtemp(prefix="passerelle-redis-"))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--daemonize", "no", "--dir", str(base), "--loglevel", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def running_services():
    """Start PostgreSQL and Redis and yield the environment variables that point Django at them,
    with a temporary MEDIA_ROOT shared by the test process and any worker it starts."""
    with ExitStack() as stack:
        database_url = stack.enter_context(postgres_server())
        redis_url = stack.enter_context(redis_server())
        media_root = stack.enter_context(tempfile.TemporaryDirectory(prefix="passerelle-media-"))
        yield {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": media_root,
            "PASSERELLE_TEST_SERVICES": "1",
        }

"""Run pytest against real servers: ``python -m tests.run_with_services [pytest arguments]``.

Starts a throwaway PostgreSQL cluster and Redis server (tests/services.py), points Django at them
through DATABASE_URL and REDIS_URL (so Celery uses Redis and tasks are no longer eager), runs pytest
in a child process, then stops the servers whatever happened. The exit code is pytest's."""

import os
import signal
import subprocess
import sys
import time

from tests.services import running_services


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def main(argv):
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    started = time.monotonic()
    with running_services() as env:
        print(
            f"Test servers up in {time.monotonic() - started:.1f} s: "
            f"PostgreSQL {env['DATABASE_URL']}, Redis {env['REDIS_URL']}",
            flush=True,
        )
        child_env = {**os.environ, **env}
        try:
            return subprocess.run([sys.executable, "-m", "pytest", *argv], env=child_env).returncode  # noqa: S603
        except KeyboardInterrupt:
            return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

import os
from pathlib import Path

import pytest


def required(what, path):
    """Missing browser tooling fails the run under CI or `make test`, and skips a developer's run."""
    if Path(path).exists():
        return
    message = f"{what} not found at {path}"
    if os.environ.get("CI") or os.environ.get("PASSERELLE_REQUIRE_BROWSER"):
        pytest.fail(message + " (make test installs it)")
    pytest.skip(message)

"""Every interface language has a complete catalogue: no entry left empty or fuzzy, and every
placeholder of a message kept in its translation (msgfmt's format check), so a page never shows
a half-translated sentence or breaks on a missing %(name)s."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALES = Path(settings.BASE_DIR) / "locales"
TOOLS = ("msgfmt", "msgattrib")


def _needs_gettext():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"gettext tools missing: {missing} (make test installs the gettext package)")


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_the_catalogue_is_complete_and_keeps_every_placeholder(code):
    _needs_gettext()
    catalogue = LOCALES / code / "LC_MESSAGES" / "django.po"
    assert catalogue.exists(), f"no catalogue for {code}"
    checked = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(catalogue)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    for kind in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(["msgattrib", kind, "--no-wrap", str(catalogue)], capture_output=True, text=True,
                              check=True).stdout
        entries = [line for line in left.splitlines() if line.startswith("msgid ") and line != 'msgid ""']
        assert not entries, f"{code}: {len(entries)} entries {kind.strip('-')}: {entries[:5]}"

"""Print one closing line for all test stages, from the JUnit XML files pytest wrote:
``Total: N passed, N failed, N skipped``."""

import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own pytest output
from pathlib import Path


def main(folder):
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for path in sorted(Path(folder).glob("*.xml")):
        for suite in ET.parse(path).getroot().iter("testsuite"):  # noqa: S314
            for key in totals:
                totals[key] += int(suite.get(key, 0))
    failed = totals["failures"] + totals["errors"]
    passed = totals["tests"] - failed - totals["skipped"]
    print(f"Total: {passed} passed, {failed} failed, {totals['skipped']} skipped")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".test-results")

"""Checks a gettext catalogue the way a learner would notice its faults: an entry left untranslated or
fuzzy (Django shows the French, or the English msgid, instead), or a translation whose python-format
placeholders differ from its msgid's (a page that crashes or shows « %(name)s »). Used by
tests/lms/test_translation_completeness.py; ``python tools/catalogue_check.py FILE…`` prints the faults."""

import re
import sys

import polib

PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]")


def placeholders(text):
    """The python-format placeholders of a text, as a sorted list (« %% » is not one)."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        spec = match.group(0)
        if spec != "%%":
            found.append(f"%({match.group(1)})" if match.group(1) else spec[-1])
    return sorted(found)


def _translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def catalogue_problems(path):
    """One line per fault of the catalogue at ``path``."""
    problems = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        label = f"{path}: {entry.msgid[:60]!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"{label} is fuzzy")
        if not all(text.strip() for text in _translations(entry)):
            problems.append(f"{label} is not translated")
            continue
        if "python-format" in entry.flags:
            wanted = placeholders(entry.msgid)
            for text in _translations(entry):
                if placeholders(text) != wanted and not (entry.msgid_plural and set(placeholders(text)) <= set(wanted)):
                    problems.append(f"{label} has placeholders {placeholders(text)}, not {wanted}")
    return problems


if __name__ == "__main__":
    faults = [line for path in sys.argv[1:] for line in catalogue_problems(path)]
    print("\n".join(faults) or "No fault.")
    sys.exit(1 if faults else 0)

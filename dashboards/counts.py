"""Counts of people as reports show them: under ``SMALL_COUNT`` (but above zero), a count could point at
someone, so it is shown as « < 5 » in every page and file."""

from .constants import SMALL_COUNT


def shown_count(count):
    """The count, or « < 5 » for 1 to 4 (zero stays zero: it points at no one)."""
    if count is None:
        return ""
    if 0 < count < SMALL_COUNT:
        return f"< {SMALL_COUNT}"
    return count

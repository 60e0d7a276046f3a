"""Figures that come from community sessions (sessions held, attendees, active référents and their hours,
sessions a learner attended, skill sign-offs). The ``community`` app is built on another branch: until it
is merged, these return None and the pages and files leave the figures out. Wire them here, and only here."""


def centre_session_figures(*, centre, start, end):
    """{"sessions": …, "attendees": …, "referents": …, "referent_hours": …} for the period, or None."""
    return None


def learner_community_activity(*, learner, centre):
    """{"sessions": [...], "sign_offs": [...]} of one learner at the centre, or None."""
    return None

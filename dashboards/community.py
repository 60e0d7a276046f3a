"""Figures that come from community sessions (sessions held, attendees, active référents and their hours,
sessions a learner attended, skill sign-offs), read from ``community``'s selectors, here and only here."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from community import selectors


def session_figures(*, centres, start, end):
    """{"sessions", "attendees", "check_ins", "referents", "referent_hours"} of these centres for the period
    (dates, end included); each person is counted once, even across the centres of a network."""
    return selectors.session_figures(
        centres=centres, starts_at=timezone.make_aware(datetime.combine(start, time.min)),
        ends_before=timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )


def learner_community_activity(*, learner, centre):
    """{"sessions": [...], "sign_offs": [...]} of one learner at the centre."""
    return selectors.learner_community_activity(learner=learner, centre=centre)

"""Writes of community sessions. Views and tasks call these; they hold the rules.

- ``sessions``: planning, cancelling, the notes after a session;
- ``registrations``: registering, cancelling, the waiting list;
- ``check_ins``: the host's taps on the day, walk-ins included;
- ``sign_offs``: skills a host saw a learner show;
- ``referents``: a manager makes a learner a référent;
- ``reminders``: the day-before reminders (beat)."""

from .check_ins import check_in_record, walk_in_create
from .contacts import phone_contact_set
from .referents import referent_grant, referent_revoke
from .registrations import registration_cancel, registration_create
from .reminders import reminders_send
from .sessions import session_cancel, session_notes_save, session_plan, session_update
from .sign_offs import skill_sign_off

__all__ = [
    "check_in_record", "walk_in_create", "phone_contact_set", "referent_grant", "referent_revoke",
    "registration_cancel", "registration_create", "reminders_send", "session_cancel", "session_notes_save",
    "session_plan", "session_update", "skill_sign_off",
]

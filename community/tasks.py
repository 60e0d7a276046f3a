"""Periodic work of community sessions (run from Celery beat)."""

from celery import shared_task

from .services import reminders_send


@shared_task(acks_late=True)
def session_reminders_send():
    """Remind learners of tomorrow's sessions; safe to run twice (once per registration)."""
    return reminders_send()

"""Periodic work (run from Celery beat): hand in the exams whose deadline passed with nobody there."""

from celery import shared_task

from .services import attempts_overdue_submit


@shared_task(acks_late=True)
def exam_attempts_overdue_submit():
    return attempts_overdue_submit()

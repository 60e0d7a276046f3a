"""Periodic work of the dashboards (Celery beat): the daily retention sweep."""

from celery import shared_task

from .retention import retention_sweep


@shared_task(acks_late=True)
def retention_sweep_task():
    """Safe to run twice: a learner warned or erased once is not warned or erased again."""
    return retention_sweep()

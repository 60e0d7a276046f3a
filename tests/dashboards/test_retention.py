"""Retention: learners who stopped coming are listed a month before, then anonymised unless they came back."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.records import LessonProgress
from dashboards.models import RetentionNotice, RetentionPolicy
from dashboards.retention import retention_sweep
from dashboards.tasks import retention_sweep_task

from .conftest import client_of

DAYS_24_MONTHS = 24 * 30


def later(days):
    return timezone.now() + timedelta(days=days)


@pytest.mark.django_db
def test_a_learner_gone_for_23_months_is_listed_for_the_managers(place):
    assert retention_sweep(now=later(DAYS_24_MONTHS - 40))["warned"] == 0
    assert retention_sweep(now=later(DAYS_24_MONTHS - 10))["warned"] == 4  # the other centre's learner too
    assert RetentionNotice.objects.filter(centre=place.centre).count() == 3  # Amina, Yonas, the one never started
    assert retention_sweep(now=later(DAYS_24_MONTHS - 9))["warned"] == 0  # once
    notice = RetentionNotice.objects.get(learner=place.amina)
    assert notice.erase_on >= (later(DAYS_24_MONTHS - 10) + timedelta(days=30)).date()
    page = client_of(place.manager).get(reverse("dashboards:learner_list", args=[place.centre.pk])).content.decode()
    section = page[page.index('class="retention-notice"'):].split("</section>")[0]
    assert "Amina Diallo" in section


@pytest.mark.django_db
def test_the_account_is_anonymised_on_the_day_unless_the_learner_came_back(place):
    retention_sweep(now=later(DAYS_24_MONTHS - 10))
    LessonProgress.objects.filter(learner=place.yonas).update(updated_at=later(DAYS_24_MONTHS))  # came back
    totals = retention_sweep(now=later(DAYS_24_MONTHS + 25))
    assert totals["came_back"] == 1 and totals["erased"] == 3  # Amina, the one never started, Rahel elsewhere
    place.amina.refresh_from_db()
    place.yonas.refresh_from_db()
    assert (place.amina.is_active, place.amina.display_name) == (False, "")
    assert LessonProgress.objects.filter(learner=place.amina).count() == 2  # kept for aggregates, unnamed
    assert place.yonas.is_active and place.yonas.display_name == "Yonas Tesfaye"
    assert not RetentionNotice.objects.filter(learner=place.yonas).exists()


@pytest.mark.django_db
def test_the_centres_own_retention_is_used_and_other_centres_untouched(place):
    RetentionPolicy.objects.create(centre=place.centre, months=6)
    retention_sweep(now=later(6 * 30 - 5))
    assert RetentionNotice.objects.filter(centre=place.centre).count() == 3
    assert not RetentionNotice.objects.filter(learner=place.stranger).exists()  # 24 months at the other centre


@pytest.mark.django_db
def test_the_beat_task_runs_the_sweep(place):
    assert retention_sweep_task.delay().get() == {"warned": 0, "erased": 0, "came_back": 0}

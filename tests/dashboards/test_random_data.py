from datetime import timedelta

import pytest
from django.core.management import call_command

from centres.models import Centre
from courses.records import LessonProgress


@pytest.mark.django_db
def test_create_random_data_builds_a_centre_with_history(capsys):
    call_command("create_random_data", "--learners", "40", "--lessons", "10")
    centre = Centre.objects.get()
    assert centre.memberships.filter(role="learner").count() == 40
    dates = LessonProgress.objects.values_list("updated_at", flat=True)
    assert max(dates) - min(dates) > timedelta(days=30)  # spread over time
    assert "40 learners, 10 lessons" in capsys.readouterr().out

"""A trainer's view of the centre's learners: list, filters, sort, a learner's page, the matrix."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInLock
from centres.constants import Role
from centres.models import Membership
from dashboards.models import Outcome
from tests import factories

from .conftest import client_of, progress, staff


def names_in(response):
    return response.content.decode()


def list_url(place, **query):
    url = reverse("dashboards:learner_list", args=[place.centre.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.django_db
def test_the_trainer_sees_each_learner_with_lessons_time_and_badges(place):
    page = names_in(client_of(place.trainer).get(list_url(place)))
    assert "Amina Diallo" in page and "Yonas Tesfaye" in page
    assert "Rahel Lune" not in page  # the other centre's learner
    assert "1 / 2" in page  # Amina: one lesson completed of two started
    assert "45 min" in page  # 30 + 15 minutes
    assert "Certifié" in page or "Certified" in page


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "shown", "hidden"), [
    ({"q": "amina"}, ["Amina Diallo"], ["Yonas Tesfaye"]),
    ({"status": "struggling"}, ["Amina Diallo"], ["Yonas Tesfaye"]),
    ({"status": "not_started"}, ["HYPERLINK"], ["Amina Diallo", "Yonas Tesfaye"]),
    ({"certified": "yes"}, ["Amina Diallo"], ["Yonas Tesfaye"]),
    ({"certified": "no"}, ["Yonas Tesfaye"], ["Amina Diallo"]),
    ({"inactive": "on"}, ["Yonas Tesfaye", "HYPERLINK"], ["Amina Diallo"]),
])
def test_search_and_filters(place, query, shown, hidden):
    page = names_in(client_of(place.trainer).get(list_url(place, **query)))
    for name in shown:
        assert name in page
    for name in hidden:
        assert name not in page


@pytest.mark.django_db
def test_filter_by_cohort_course_and_locked(place):
    client = client_of(place.trainer)
    page = names_in(client.get(list_url(place, cohort=place.cohort.pk)))
    assert "Amina Diallo" in page and "HYPERLINK" not in page
    page = names_in(client.get(list_url(place, course=place.course.translation_key)))
    assert "Yonas Tesfaye" in page and "HYPERLINK" not in page
    SignInLock.objects.create(user=place.yonas, failures=5, locked_until=timezone.now() + timedelta(minutes=10))
    page = names_in(client.get(list_url(place, locked="on")))
    assert "Yonas Tesfaye" in page and "Amina Diallo" not in page


@pytest.mark.django_db
def test_another_centres_cohort_is_not_a_choice(place):
    other_cohort = place.other_centre.cohorts.create(name="Cohorte ailleurs")
    response = client_of(place.trainer).get(list_url(place, cohort=other_cohort.pk))
    assert response.status_code == 400
    assert "Amina Diallo" not in names_in(response)


@pytest.mark.django_db
def test_sort_by_lessons_completed(place):
    page = names_in(client_of(place.trainer).get(list_url(place, sort="-completed")))
    assert page.index("Amina Diallo") < page.index("Yonas Tesfaye")
    page = names_in(client_of(place.trainer).get(list_url(place, sort="completed")))
    assert page.index("Amina Diallo") > page.index("Yonas Tesfaye")


def _add_learners(place, count):
    for number in range(count):
        learner = factories.learner_in(place.centre, display_name=f"Extra {number}")
        progress(learner, place.lessons[number % 2], attempt=2, best_score=0.2)


LIST_QUERIES = 12


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [2, 60])
def test_list_and_matrix_queries_do_not_grow_with_learners(place, extra, django_assert_max_num_queries):
    _add_learners(place, extra)
    client = client_of(place.trainer)
    client.get(list_url(place))  # the session and the catalogue are read once
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(list_url(place, sort="-time", inactive="on")).status_code == 200
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(reverse("dashboards:matrix", args=[place.centre.pk])).status_code == 200
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(reverse("dashboards:missed_questions", args=[place.centre.pk])).status_code == 200


@pytest.mark.django_db
def test_the_matrix_colours_and_marks_each_lesson(place):
    page = names_in(client_of(place.trainer).get(reverse("dashboards:matrix", args=[place.centre.pk])))
    amina_row = page[page.index("Amina Diallo"):].split("</tr>")[0]
    assert 'class="cell cell--completed"' in amina_row and 'class="cell cell--struggling"' in amina_row
    assert "✓" in amina_row and "!" in amina_row
    yonas_row = page[page.index("Yonas Tesfaye"):].split("</tr>")[0]
    assert "cell--in_progress" in yonas_row and "cell--not_started" in yonas_row
    legend = page[page.index('class="legend"'):].split("</ul>")[0]
    for symbol in ("·", "◐", "✓", "!"):  # the legend does not rely on colour alone
        assert symbol in legend


@pytest.mark.django_db
def test_the_matrix_of_one_cohort(place):
    url = reverse("dashboards:matrix", args=[place.centre.pk]) + f"?cohort={place.cohort.pk}"
    page = names_in(client_of(place.trainer).get(url))
    assert "Amina Diallo" in page and "HYPERLINK" not in page


@pytest.mark.django_db
def test_a_learners_page(place):
    url = reverse("dashboards:learner_detail", args=[place.centre.pk, place.amina.pk])
    page = names_in(client_of(place.trainer).get(url))
    assert "Une adresse" in page and "Pièce jointe" in page
    assert "100 %" in page and "50 %" in page  # best scores
    assert "30 min" in page  # time spent on the first lesson
    assert "Où est la pièce jointe ?" in page  # the question she got wrong
    assert "PCIE Découverte" in page  # her certificate


@pytest.mark.django_db
def test_staff_record_an_outcome_once(place):
    url = reverse("dashboards:learner_detail", args=[place.centre.pk, place.amina.pk])
    client = client_of(place.trainer)
    day = timezone.localdate().isoformat()
    assert client.post(url, {"kind": "job_interview", "occurred_on": day}).status_code == 302
    again = client.post(url, {"kind": "job_interview", "occurred_on": day})
    assert again.status_code == 400
    assert Outcome.objects.filter(learner=place.amina).count() == 1
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert client.post(url, {"kind": "job", "occurred_on": future}).status_code == 400
    assert Outcome.objects.filter(learner=place.amina).count() == 1


@pytest.mark.django_db
def test_another_centres_learner_is_not_found(place):
    url = reverse("dashboards:learner_detail", args=[place.centre.pk, place.stranger.pk])
    assert client_of(place.trainer).get(url).status_code == 404
    url = reverse("dashboards:learner_detail", args=[place.other_centre.pk, place.stranger.pk])
    assert client_of(place.trainer).get(url).status_code == 403


@pytest.mark.django_db
def test_the_centres_questions_most_often_missed(place):
    page = names_in(client_of(place.trainer).get(reverse("dashboards:missed_questions", args=[place.centre.pk])))
    assert page.index("Où est la pièce jointe ?") >= 0
    assert "3 of 3" in page or "3 sur 3" in page or "3 de 3" in page


DASHBOARD_URLS = [
    ("dashboards:learner_list", False), ("dashboards:matrix", False), ("dashboards:missed_questions", False),
    ("dashboards:exports", False), ("dashboards:report", False), ("dashboards:learner_detail", True),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.LEARNER, Role.REFERENT])
@pytest.mark.parametrize(("name", "takes_learner"), DASHBOARD_URLS)
def test_learners_and_referents_are_refused(place, role, name, takes_learner):
    user = place.amina if role == Role.LEARNER else staff(place.centre, Role.REFERENT)
    args = [place.centre.pk, place.amina.pk] if takes_learner else [place.centre.pk]
    response = client_of(user).get(reverse(name, args=args))
    assert response.status_code == 403
    assert "Yonas Tesfaye" not in names_in(response)


@pytest.mark.django_db
def test_a_newcomer_who_joined_alone_is_marked(place):
    Membership.objects.filter(user=place.yonas).update(confirmed=False)
    page = names_in(client_of(place.trainer).get(list_url(place)))
    yonas_row = page[page.index("Yonas Tesfaye"):].split("</tr>")[0]
    assert "Joined alone" in yonas_row or "Inscrit seul" in yonas_row or "seul" in yonas_row

"""« Put in order » (issue 6.3): the right order cannot be worked out from the lesson page.

The page shows the step id and the items in a shuffled order; the shuffle must depend on a
server secret, and the item ids the tablet posts back must say nothing about the right order."""

import json
import random
import re
import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse

from courses.models import Answer
from tests import factories

pytestmark = pytest.mark.django_db

ITEMS = ["Ouvrir la boîte", "Cliquer sur « Écrire »", "Taper l'adresse", "Écrire l'objet",
         "Écrire le message", "Ajouter la pièce jointe", "Relire", "Envoyer"]


def ordering_lesson(course_page):
    question = {"prompt": "<p>Mets dans l'ordre.</p>", "image": None, "audio": None, "competence": None,
                "feedback_correct": "Bravo", "feedback_wrong": "Non", "items": ITEMS}
    return factories.lesson(course_page, steps=[("ordering", question)])


def shown_ordering(html):
    """(step id, item ids in the order the page shows them), as anyone reading the page sees them."""
    section = re.search(r'data-step-id="([^"]+)" data-kind="ordering".*?</section>', html, re.S)
    return section.group(1), re.findall(r'data-item-id="([^"]+)"', section.group(0))


def order_recomputed_the_old_way(step_id, shown_ids):
    """What the old code did: random.Random(step id) shuffled the right order. Undo that shuffle."""
    positions = list(range(len(shown_ids)))
    random.Random(str(step_id)).shuffle(positions)  # noqa: S311 - this is the attack being tested
    if positions == sorted(positions):
        positions = positions[1:] + positions[:1]
    right = [None] * len(shown_ids)
    for shown_index, right_index in enumerate(positions):
        right[right_index] = shown_ids[shown_index]
    return right


def post_order(client, lesson, step_id, order):
    return client.post(
        reverse("courses:answer_create", args=[lesson.pk]),
        data=json.dumps({"step_id": step_id, "client_uuid": str(uuid.uuid4()), "payload": {"order": order}}),
        content_type="application/json",
    )


def test_the_right_order_cannot_be_recomputed_from_the_step_id_on_the_page(learner_client, course_page):
    lesson = ordering_lesson(course_page)
    step_id, shown = shown_ordering(learner_client.get(lesson.url).content.decode())

    response = post_order(learner_client, lesson, step_id, order_recomputed_the_old_way(step_id, shown))

    assert response.status_code == 200
    assert response.json()["is_correct"] is False
    assert Answer.objects.get().is_correct is False


def test_item_ids_on_the_page_say_nothing_about_the_right_order(learner_client, course_page):
    lesson = ordering_lesson(course_page)
    step_id, shown = shown_ordering(learner_client.get(lesson.url).content.decode())
    right = [str(item.id) for item in lesson.steps[0].value["items"].bound_blocks]

    assert sorted(shown) == sorted(right)  # every item is there, once
    assert shown != right
    assert all(uuid.UUID(item_id).version == 4 for item_id in shown)  # random, not positions
    assert sorted(shown) != right


def test_the_shuffle_depends_on_the_server_secret(client, enrolled, course_page, settings):
    lesson = ordering_lesson(course_page)
    client.force_login(enrolled)
    _step, shown = shown_ordering(client.get(lesson.url).content.decode())

    settings.SECRET_KEY = "another-secret-on-another-server"
    client.force_login(enrolled)  # the session was signed with the old secret
    cache.clear()  # the steps HTML is cached per revision: render it again under the new secret
    _step, shown_elsewhere = shown_ordering(client.get(lesson.url).content.decode())

    assert sorted(shown) == sorted(shown_elsewhere)
    assert shown != shown_elsewhere


def test_posting_the_right_order_is_still_graded_right(learner_client, course_page):
    lesson = ordering_lesson(course_page)
    step_id, _shown = shown_ordering(learner_client.get(lesson.url).content.decode())
    right = [str(item.id) for item in lesson.steps[0].value["items"].bound_blocks]

    assert post_order(learner_client, lesson, step_id, right).json()["is_correct"] is True

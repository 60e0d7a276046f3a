"""« My data »: optional demographics with consent, the export of a learner's data, asking for erasure,
and erasure itself (after which the learner's name is nowhere in the database)."""

import json
import uuid

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.log_actions import log

from accounts import privacy
from accounts import services as accounts_services
from accounts.constants import SecretKind
from accounts.models import AgeBand, DemographicConsent, ErasureRequest, Gender, LearnerCard, LearnerSecret, User
from courses import services as courses_services
from courses.models import Answer, LessonProgress
from tests import factories

pytestmark = pytest.mark.django_db

NAME = "Zerihun Tesfaye"
NAME_PARTS = ("zerihun", "tesfaye")
PICTURES = ["cat", "sun", "key"]


def texts_naming(parts=NAME_PARTS):
    """Every (table, value) of the database whose text contains one of ``parts``: every column of every
    table, Django's and Wagtail's log tables included, read with plain SQL."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    text = value.decode("utf-8", "replace") if isinstance(value, bytes | memoryview) else str(value)
                    if any(part in text.casefold() for part in parts):
                        found.append((table, text[:120]))
    return found


def step_id(lesson, kind):
    return next(step.id for step in lesson.steps if step.block_type == kind)


def answer(learner, lesson, kind, payload):
    return courses_services.lesson_answer_record(
        learner=learner, lesson=lesson, step_id=step_id(lesson, kind), payload=payload, client_uuid=uuid.uuid4()
    )


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


@pytest.fixture
def lesson():
    return factories.lesson(factories.course())


@pytest.fixture
def learner(centre, lesson):
    """A learner with everything Passerelle may hold about someone: profile, credentials, card, lockout,
    demographics, a course, progress and answers (one typed with their own name), log entries."""
    user = factories.learner_in(
        centre, display_name=NAME, first_name="Zerihun", last_name="Tesfaye", email="zerihun.tesfaye@example.org",
        username="zerihun.t",
    )
    profile = accounts_services.learner_profile_ensure(user=user)
    profile.latin_name, profile.languages_spoken = NAME, "tigrinya, amharic"
    profile.save()
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PIN, value="4821")
    accounts_services.learner_card_issue(user=user)
    accounts_services.learner_secret_check(user=user, kind=SecretKind.PIN, value="0000")
    privacy.demographics_consent_give(user=user, gender=Gender.MAN, age_band=AgeBand.FROM_26)
    courses_services.enrolment_create(learner=user, course=lesson.get_parent().specific)
    answer(user, lesson, "typed_answer", {"text": f"{NAME} zerihun.tesfaye@example.org"})
    answer(user, lesson, "true_false", {"value": True})
    log(instance=user, action="wagtail.create")
    LogEntry.objects.create(
        user=user, content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk),
        object_repr=str(user), action_flag=ADDITION, change_message=f"Added {NAME}",
    )
    return user


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


# --- Export -----------------------------------------------------------------------------------


def test_export_holds_profile_memberships_progress_and_answers(learner, lesson):
    data = privacy.learner_data_export(user=learner)
    records = data["records"]
    assert data["account"]["display_name"] == NAME
    assert records["accounts.learnerprofile"][0]["latin_name"] == NAME
    assert records["centres.membership"][0]["centre"]["label"] == "Belleville"
    assert records["courses.enrolment"][0]["course"]["label"] == "Les e-mails"
    assert records["courses.lessonprogress"][0]["lesson"]["label"] == lesson.title
    assert {a["step_kind"] for a in records["courses.answer"]} == {"typed_answer", "true_false"}
    assert any(NAME in json.dumps(a["payload"]) for a in records["courses.answer"])
    assert records["accounts.demographicconsent"][0]["gender"] == Gender.MAN


def test_export_leaves_out_every_secret(learner):
    text = json.dumps(privacy.learner_data_export(user=learner), default=str)
    hashes = [
        learner.password, *LearnerSecret.objects.filter(user=learner).values_list("secret_hash", flat=True),
        *LearnerCard.objects.filter(user=learner).values_list("token_hash", flat=True),
    ]
    assert len(hashes) == 4 and not any(h in text for h in hashes)
    assert "secret_hash" not in text and "token_hash" not in text and '"password"' not in text
    assert privacy.learner_data_export(user=learner)["records"]["accounts.learnersecret"][0]["kind"]


def test_learner_reads_their_data_on_a_page(learner_client, lesson):
    response = learner_client.get(reverse("accounts:my_data_export"))
    html = response.content.decode()
    assert response.status_code == 200 and NAME in html and escape(lesson.title) in html
    assert "no-store" in response["Cache-Control"]


def test_learner_downloads_their_data_as_json(learner_client, learner):
    response = learner_client.get(reverse("accounts:my_data_export_json"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["username"] == "zerihun.t" and len(data["records"]["courses.answer"]) == 2
    assert learner.password not in response.content.decode()


def test_my_data_needs_a_signed_in_person(client):
    for name in ("my_data", "my_data_export", "my_data_export_json"):
        response = client.get(reverse(f"accounts:{name}"))
        assert response.status_code == 302 and "next=" in response["Location"]


# --- Demographics and consent ------------------------------------------------------------------


@pytest.fixture
def newcomer_client(client, centre):
    user = factories.learner_in(centre, display_name="Amina")
    client.force_login(user)
    client.user = user
    return client


def consent_post(client, lang="fr", **data):
    with translation.override(lang):
        url = reverse("accounts:consent_give")
    return client.post(url, data)


def test_the_questions_are_asked_in_the_learners_language(newcomer_client):
    with translation.override("ar"):
        response = newcomer_client.get(reverse("accounts:my_data"))
    html = response.content.decode()
    assert response.status_code == 200 and 'lang="ar"' in html and 'dir="rtl"' in html
    assert 'value="unsaid"' in html and 'name="consent"' in html


def test_consent_is_recorded_with_its_date_and_can_be_withdrawn(newcomer_client):
    response = consent_post(newcomer_client, gender=Gender.WOMAN, age_band=AgeBand.FROM_36, consent="on")
    assert response.status_code == 302
    consent = DemographicConsent.objects.get(user=newcomer_client.user)
    assert (consent.gender, consent.age_band) == (Gender.WOMAN, AgeBand.FROM_36)
    assert consent.consent_given_at is not None and consent.consent_withdrawn_at is None
    given_at = consent.consent_given_at

    assert newcomer_client.post(reverse("accounts:consent_withdraw")).status_code == 302
    consent.refresh_from_db()
    assert (consent.gender, consent.age_band) == ("", "")
    assert consent.consent_withdrawn_at >= given_at and consent.consent_given_at == given_at
    assert not consent.consented


def test_consent_given_again_after_withdrawal(newcomer_client):
    consent_post(newcomer_client, gender=Gender.UNSAID, consent="on")
    newcomer_client.post(reverse("accounts:consent_withdraw"))
    consent_post(newcomer_client, age_band=AgeBand.FROM_56, consent="on")
    consent = DemographicConsent.objects.get(user=newcomer_client.user)
    assert consent.consented and (consent.gender, consent.age_band) == ("", AgeBand.FROM_56)


def test_answers_without_the_consent_box_are_not_kept(newcomer_client):
    response = consent_post(newcomer_client, "en", gender=Gender.MAN)
    assert response.status_code == 400 and response.context["form"].errors["consent"]
    assert not DemographicConsent.objects.exists()


@pytest.mark.parametrize("field", ["gender", "age_band"])
def test_an_unknown_choice_is_refused_in_french_and_nothing_is_saved(newcomer_client, field):
    response = consent_post(newcomer_client, "fr", **{field: "asylum-seeker", "consent": "on"})
    assert response.status_code == 400
    error = response.context["form"].errors[field][0]
    assert "Sélectionnez un choix valide" in error and "Sélectionnez un choix valide" in response.content.decode()
    assert not DemographicConsent.objects.exists()


def test_demographics_without_consent_are_refused_by_the_database(newcomer_client):
    with pytest.raises(IntegrityError), transaction.atomic():
        DemographicConsent.objects.create(user=newcomer_client.user, gender=Gender.WOMAN)


@pytest.mark.parametrize("name", ["consent_give", "consent_withdraw", "erasure_request"])
def test_the_writing_endpoints_refuse_get(newcomer_client, name):
    assert newcomer_client.get(reverse(f"accounts:{name}")).status_code == 405


# --- Erasure -----------------------------------------------------------------------------------


def test_asking_twice_for_erasure_keeps_one_request(learner_client, learner):
    for _ in range(2):
        assert learner_client.post(reverse("accounts:erasure_request")).status_code == 302
    request = ErasureRequest.objects.get(user=learner)
    assert request.requested_by == learner and request.confirmed_at is None
    page = learner_client.get(reverse("accounts:my_data"))
    assert page.context["erasure_request"] == request
    assert reverse("accounts:erasure_request") not in page.content.decode(), "no second button"


def test_erasure_leaves_the_name_nowhere_in_the_database(learner, centre, lesson):
    before = {table for table, _text in texts_naming()}
    assert {"accounts_user", "accounts_learnerprofile", "courses_answer", "wagtailcore_modellogentry",
            "django_admin_log"} <= before
    manager = factories.UserFactory()
    progress_rows, answer_rows = LessonProgress.objects.count(), Answer.objects.count()

    request = privacy.learner_erase(user=learner, by=manager)

    assert texts_naming() == [], texts_naming()
    assert request.confirmed_by == manager and request.confirmed_at is not None
    assert LessonProgress.objects.count() == progress_rows and Answer.objects.count() == answer_rows
    assert LessonProgress.objects.get(learner=learner).seen_steps, "aggregate progress is kept"
    assert not Answer.objects.filter(learner=learner).exclude(payload={}).exists()


def test_an_erased_learner_cannot_sign_in_any_more(client, learner):
    card_token = accounts_services.learner_card_issue(user=learner)
    privacy.learner_erase(user=learner, by=factories.UserFactory())
    learner = User.objects.get(pk=learner.pk)
    assert learner.username.startswith("effacé-") and not learner.is_active and not learner.has_usable_password()
    for name in ("zerihun.t", learner.username):
        client.post(reverse("accounts:login"), {"username": name, "password": factories.PASSWORD})
        assert "_auth_user_id" not in client.session
    assert accounts_services.learner_card_resolve(token=card_token) is None
    assert not accounts_services.learner_secret_check(user=learner, kind=SecretKind.PIN, value="4821")
    assert not LearnerSecret.objects.filter(user=learner).exists()
    assert not DemographicConsent.objects.filter(user=learner).exists()
    assert learner.learner_profile.learner_code is None


def test_a_signed_in_session_ends_with_erasure(learner_client, learner):
    privacy.learner_erase(user=learner, by=factories.UserFactory())
    response = learner_client.get(reverse("accounts:my_data"))
    assert response.status_code == 302 and "next=" in response["Location"]

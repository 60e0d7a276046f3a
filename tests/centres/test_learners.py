"""A trainer creates learner accounts one by one: no e-mail, a learner code, a hashed picture password."""

import pytest
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accounts.constants import LEARNER_CODE_ALPHABET, LEARNER_CODE_LENGTH, PICTOGRAMS, SecretKind
from accounts.models import LearnerProfile, LearnerSecret, User
from accounts.services import learner_secret_check
from centres import imports, learners
from centres.constants import Role
from centres.forms import AVATAR_COLOURS, NewcomerForm
from centres.forms_learners import LearnerCreateForm
from centres.models import Cohort, Membership
from core.spreadsheet import looks_like_formula
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


@pytest.fixture
def trainer(centre):
    user = factories.UserFactory(display_name="Claire")
    Membership.objects.create(user=user, centre=centre, role=Role.TRAINER)
    return user


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def url(name, centre, lang="en"):
    with translation.override(lang):
        return reverse(f"centres:{name}", args=[centre.pk])


def test_a_learner_is_created_without_email_with_a_code_and_hashed_pictures(centre, trainer):
    cohort = Cohort.objects.create(centre=centre, name="Lundi matin")
    handover = learners.learner_create(
        centre=centre, display_name="ዮናስ ገብረሂወት", latin_name="Yonas Gebrehiwet", languages_spoken="tigrinya",
        cohort=cohort, pin="4821", created_by=trainer,
    )
    learner = User.objects.get(pk=handover.user.pk)
    assert learner.email == "" and not learner.has_usable_password()
    assert learner.display_name == "ዮናስ ገብረሂወት" and learner.learner_profile.latin_name == "Yonas Gebrehiwet"
    code = learner.learner_profile.learner_code
    assert code == handover.learner_code and len(code) == LEARNER_CODE_LENGTH
    assert set(code) <= set(LEARNER_CODE_ALPHABET) and code.lower() in learner.username
    membership = Membership.objects.get(user=learner)
    assert (membership.centre, membership.role, membership.cohort) == (centre, Role.LEARNER, cohort)
    pictures = list(handover.pictures)
    assert len(set(pictures)) == 3 and set(pictures) <= set(PICTOGRAMS)
    stored = LearnerSecret.objects.get(user=learner, kind=SecretKind.PICTURE).secret_hash
    assert "-".join(pictures) not in stored and check_password("-".join(pictures), stored)
    assert learner_secret_check(user=learner, kind=SecretKind.PICTURE, value=pictures)
    assert learner_secret_check(user=learner, kind=SecretKind.PIN, value="4821")


def test_chosen_pictures_are_kept(centre, trainer):
    handover = learners.learner_create(centre=centre, display_name="Amina", pictures=["cat", "sun", "key"],
                                       created_by=trainer)
    assert handover.pictures == ("cat", "sun", "key")


def test_a_cohort_of_another_centre_is_refused(centre, trainer):
    elsewhere = Cohort.objects.create(centre=factories.CentreFactory(), name="Ailleurs")
    with pytest.raises(ValidationError):
        learners.learner_create(centre=centre, display_name="Amina", cohort=elsewhere, created_by=trainer)
    assert not User.objects.filter(display_name="Amina").exists()


def test_a_bad_pin_creates_nothing(centre, trainer):
    with pytest.raises(ValidationError):
        learners.learner_create(centre=centre, display_name="Amina", pin="12a4", created_by=trainer)
    assert not User.objects.filter(display_name="Amina").exists()


def test_a_double_click_on_add_creates_one_learner(trainer_client, centre):
    data = {"display_name": "Karim B.", "avatar_colour": "#2a6f97", "picture_1": "moon", "picture_2": "tree",
            "picture_3": "cup", "once": trainer_client.get(url("learner_add", centre)).context["once"]}
    add = url("learner_add", centre)
    first, second = trainer_client.post(add, data), trainer_client.post(add, data)
    assert first.status_code == second.status_code == 302
    assert User.objects.filter(display_name="Karim B.").count() == 1


def test_the_trainer_adds_a_learner_and_sees_the_code_and_pictures_once(trainer_client, centre):
    response = trainer_client.post(url("learner_add", centre), {
        "display_name": "فرشته رحیمی", "latin_name": "Fereshta Rahimi", "avatar_colour": "#c2185b",
        "languages_spoken": "dari", "picture_1": "moon", "picture_2": "tree", "picture_3": "cup",
        "once": "first-click",
    })
    assert response.status_code == 302
    page = trainer_client.get(response["Location"])
    html = page.content.decode()
    learner = User.objects.get(display_name="فرشته رحیمی")
    assert learner.learner_profile.learner_code in html and "فرشته رحیمی" in html
    assert html.index("#pic-moon") < html.index("#pic-tree") < html.index("#pic-cup")
    assert 'id="pic-moon"' in html  # the sprite the pictures refer to is on the page
    assert "no-store" in page["Cache-Control"]
    again = trainer_client.get(response["Location"])
    assert again.status_code == 302 and learner.learner_profile.learner_code not in again.content.decode()


def test_the_form_shows_translated_errors_next_to_the_fields(trainer_client, centre):
    response = trainer_client.post(url("learner_add", centre, lang="fr"), {
        "display_name": "", "avatar_colour": "red", "pin": "12a4", "picture_1": "sun",
    })
    assert response.status_code == 400 and not User.objects.exclude(memberships__role=Role.TRAINER).exists()
    form = response.context["form"]
    assert set(form.errors) >= {"display_name", "avatar_colour", "pin", "picture_1"}
    html = response.content.decode()
    assert 'class="field-error"' in html and "This field is required." not in html
    assert str(form.errors["display_name"][0]) in html


def test_the_list_shows_this_centres_learners_only(trainer_client, centre, trainer):
    learners.learner_create(centre=centre, display_name="Amina Diallo", created_by=trainer)
    learners.learner_create(centre=factories.CentreFactory(), display_name="Yonas Tekle", created_by=trainer)
    html = trainer_client.get(url("learner_list", centre)).content.decode()
    assert "Amina Diallo" in html and "Yonas Tekle" not in html


def test_learners_home_leads_to_the_trainers_centre(trainer_client, centre):
    with translation.override("en"):
        response = trainer_client.get(reverse("centres:learners_home"))
    assert response["Location"] == url("learner_list", centre)


@pytest.mark.parametrize("page", ["learner_list", "learner_add", "learner_import", "import_template"])
def test_a_trainer_of_another_centre_is_refused(client, centre, page):
    learners.learner_create(centre=centre, display_name="Amina Diallo", created_by=None)
    outsider = factories.UserFactory()
    Membership.objects.create(user=outsider, centre=factories.CentreFactory(), role=Role.TRAINER)
    client.force_login(outsider)
    response = client.get(url(page, centre))
    assert response.status_code == 403 and "Amina" not in response.content.decode()


def test_a_trainer_of_another_centre_cannot_add_a_learner_here(client, centre):
    outsider = factories.UserFactory()
    Membership.objects.create(user=outsider, centre=factories.CentreFactory(), role=Role.MANAGER)
    client.force_login(outsider)
    response = client.post(url("learner_add", centre), {"display_name": "Intrus", "avatar_colour": "#2a6f97"})
    assert response.status_code == 403
    assert not User.objects.filter(display_name="Intrus").exists()


def test_a_learner_cannot_see_the_list(client, centre):
    learner = factories.learner_in(centre)
    client.force_login(learner)
    assert client.get(url("learner_list", centre)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, centre):
    assert client.get(url("learner_list", centre)).status_code == 302


# One formula guard (core.spreadsheet) for the import and both forms that name a learner ------------------

FORMULA_NAMES = ["=HYPERLINK(\"http://x.invalid\")", "+33 6 12", "-2+3", "@SUM(A1)", "\t=1+1", "  =1+1"]


@pytest.mark.parametrize("name", FORMULA_NAMES)
def test_the_add_a_learner_form_refuses_a_name_that_starts_like_a_formula(trainer_client, centre, name):
    response = trainer_client.post(url("learner_add", centre), {
        "display_name": name, "avatar_colour": "#2a6f97", "once": "formula",
    })
    assert response.status_code == 400
    assert [str(e) for e in response.context["form"].errors["display_name"]] == [
        "A name cannot start with = + - or @."
    ]
    assert not User.objects.filter(memberships__role=Role.LEARNER).exists()


def test_the_add_a_learner_form_refuses_a_formula_in_the_latin_name_and_languages(trainer_client, centre):
    response = trainer_client.post(url("learner_add", centre), {
        "display_name": "Amina", "latin_name": "=1+1", "languages_spoken": "@arabe", "avatar_colour": "#2a6f97",
    })
    assert response.status_code == 400 and set(response.context["form"].errors) == {"latin_name", "languages_spoken"}
    assert not User.objects.filter(display_name="Amina").exists()


@pytest.mark.parametrize("name", FORMULA_NAMES)
def test_the_newcomer_form_refuses_the_same_names(name):
    form = NewcomerForm({"display_name": name, "avatar_colour": AVATAR_COLOURS[0], "language": "fr",
                         "pictures": "moon,fish,key"})
    assert not form.is_valid() and form.errors["display_name"] == ["A name cannot start with = + - or @."]


@pytest.mark.parametrize("name", FORMULA_NAMES)
def test_the_import_refuses_the_same_names(centre, name):
    [report] = imports.import_rows_check(centre=centre, rows=[(2, {"display_name": name})])
    assert not report.ok and "like a spreadsheet formula" in report.errors[0]
    assert looks_like_formula(name)


def test_a_name_with_a_sign_inside_is_fine(trainer_client, centre):
    response = trainer_client.post(url("learner_add", centre), {
        "display_name": "Jean-Baptiste N'Diaye", "avatar_colour": "#2a6f97", "once": "inside",
    })
    assert response.status_code == 302 and User.objects.filter(display_name="Jean-Baptiste N'Diaye").exists()


# Field lengths come from the models ------------------------------------------------------------------------

MODEL_FIELDS = {
    "display_name": (User, "display_name"), "latin_name": (LearnerProfile, "latin_name"),
    "avatar_colour": (LearnerProfile, "avatar_colour"), "languages_spoken": (LearnerProfile, "languages_spoken"),
}


@pytest.mark.parametrize("field", MODEL_FIELDS)
def test_the_add_a_learner_form_takes_its_lengths_from_the_models(centre, field):
    model, name = MODEL_FIELDS[field]
    assert LearnerCreateForm(centre=centre).fields[field].max_length == model._meta.get_field(name).max_length
    assert NewcomerForm().fields["display_name"].max_length == User._meta.get_field("display_name").max_length


def test_the_import_takes_its_lengths_from_the_models(centre, monkeypatch):
    monkeypatch.setattr(User._meta.get_field("display_name"), "max_length", 10)
    monkeypatch.setattr(Cohort._meta.get_field("name"), "max_length", 5)
    with translation.override("en"):
        [report] = imports.import_rows_check(centre=centre, rows=[(2, {"display_name": "Amina Diallo",
                                                                        "cohort": "Samedi"})])
    assert report.errors == [
        "Name: at most 10 characters (this one has 12).", "Cohort: at most 5 characters (this one has 6).",
    ]

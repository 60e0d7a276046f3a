"""Learner cards: staff print a PDF of cards; the card's QR opens that learner's picture sign-in, until reissued.
The QR holds /<lang>/carte/#<token>: the page's script posts the token (tests post it as the script does)."""

import io

import pytest
import segno
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from accounts import cards as cards_module
from accounts import services as accounts_services
from accounts.constants import MAX_FAILURES, SecretKind
from centres import services as centre_services
from centres.constants import Role
from centres.models import Membership
from tests import factories

PICTURES = "cat,sun,key"


pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


def staff(centre, role=Role.TRAINER):
    user = factories.UserFactory()
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


@pytest.fixture
def trainer_client(client, centre):
    client.force_login(staff(centre))
    return client


def learner(centre, name="أمينة ديالو", latin="Amina Diallo", language="fr"):
    user = factories.learner_in(centre, display_name=name, preferred_language=language)
    profile = accounts_services.learner_profile_ensure(user=user)
    profile.latin_name = latin
    profile.save()
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    return user


@pytest.fixture
def printed(monkeypatch):
    """The cards each PDF was made of (the PDF is still built)."""
    made = []
    real = cards_module.cards_document

    def capture(cards, **kwargs):
        made.append(cards)
        return real(cards, **kwargs)

    monkeypatch.setattr(cards_module, "cards_document", capture)
    return made


def print_all(client, centre):
    return client.post(reverse("centres:cards_print", args=[centre.pk]), {"scope": "all"})


def reissue(client, centre, user):
    return client.post(reverse("centres:card_reissue", args=[centre.pk, user.pk]))


def path_of(url):
    """What a browser asks the server for when it opens ``url``: never the fragment."""
    return url.removeprefix("http://testserver").split("#", 1)[0]


def token_of(url):
    return url.split("#", 1)[1]


def post_token(client, token, language="fr"):
    """What the card page's script does with the token it finds after « # »."""
    with translation.override(language):
        return client.post(reverse("accounts:card_sign_in"), {"token": token})


def scan(client, token):
    """Open a card's QR address as a phone does; return the address the pictures (or PIN) are posted to."""
    response = post_token(client, token)
    assert response.status_code == 302
    return response["Location"]


def no_longer_valid(language):
    with translation.override(language):
        return translation.gettext("This card is no longer valid. Ask a trainer for a new one.")


# --- The PDF ------------------------------------------------------------------------------------


def test_the_cards_pdf_is_a_real_pdf_with_names_and_codes(trainer_client, centre):
    amina = learner(centre)
    farid = learner(centre, name="Farid Karimi", latin="")
    response = print_all(trainer_client, centre)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF") and len(body) > 5_000
    reader = PdfReader(io.BytesIO(body))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1
    for code in (amina.learner_profile.learner_code, farid.learner_profile.learner_code):
        assert code in text
    assert "Farid Karimi" in text and "Amina Diallo" in text


def test_eight_cards_fill_a_page(trainer_client, centre, printed):
    for i in range(9):
        learner(centre, name=f"Learner {i}", latin="")
    body = print_all(trainer_client, centre).content
    assert len(PdfReader(io.BytesIO(body)).pages) == 2
    assert len(cards_module.cards_document(printed[0]).pages) == 2


def test_an_arabic_name_is_kept_whole_and_right_to_left(centre):
    user = learner(centre, language="ar")
    [card] = cards_module.cards_issue(learners=[user], url_for=lambda learner, token: f"https://x/ar/carte/{token}/")
    assert card.url.startswith("https://x/ar/carte/#")
    html = cards_module.cards_html([card])
    assert card.rtl and 'dir="rtl"' in html and "أمينة ديالو" in html
    assert len(cards_module.cards_document([card]).pages) == 1


def test_the_qr_code_holds_the_absolute_card_address(trainer_client, centre, printed):
    user = learner(centre, language="ar")
    print_all(trainer_client, centre)
    [card] = printed[0]
    token = token_of(card.url)
    assert card.url == f"http://testserver/ar/carte/#{token}"
    assert accounts_services.learner_card_resolve(token=token) == user
    expected = segno.make(card.url, error="m", micro=False).svg_inline(border=2, omitsize=True, dark="#000")
    assert card.qr_svg == expected and expected in cards_module.cards_html([card])
    assert segno.make(card.url + "x", error="m").svg_inline(border=2, omitsize=True) not in card.qr_svg


# --- Scanning the card ---------------------------------------------------------------------------


def test_the_qr_link_shows_the_picture_screen_but_does_not_sign_in(client, trainer_client, centre, printed):
    learner(centre)
    print_all(trainer_client, centre)
    client.logout()
    url = printed[0][0].url
    page = client.get(path_of(url))
    assert page.status_code == 200 and "أمينة" not in page.content.decode()  # names no one before the token
    response = client.post(path_of(url), {"token": token_of(url)}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and "أمينة ديالو" in html and 'data-picture="cat"' in html
    assert "_auth_user_id" not in client.session
    assert all(token_of(url) not in address for address, _status in response.redirect_chain)


def test_card_then_pictures_signs_in(client, centre):
    user = learner(centre)
    token = accounts_services.learner_card_issue(user=user)
    response = client.post(scan(client, token), {"pictures": PICTURES})
    assert response.status_code == 302 and response["Location"] == reverse("courses:my_path")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_card_then_pin_signs_in_and_letters_are_refused(client, centre):
    user = learner(centre)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PIN, value="4821")
    token = accounts_services.learner_card_issue(user=user)
    scan(client, token)
    pin_url = reverse("accounts:home_pin")  # « Use my code instead » on the picture screen
    refused = client.post(pin_url, {"pin": "abcd"})
    assert refused.status_code == 400 and refused.context["form"].errors["pin"]
    assert client.post(pin_url, {"pin": "4821"}).status_code == 302


def test_wrong_pictures_then_the_locked_screen(client, centre):
    user = learner(centre)
    url = scan(client, accounts_services.learner_card_issue(user=user))
    wrong = client.post(url, {"pictures": "sun,moon,star"})
    assert wrong.status_code == 400 and "_auth_user_id" not in client.session
    for _ in range(MAX_FAILURES - 2):
        client.post(url, {"pictures": "sun,moon,star"})
    assert client.post(url, {"pictures": "sun,moon,star"}).status_code == 423
    locked = client.post(url, {"pictures": PICTURES})
    assert locked.status_code == 423 and "_auth_user_id" not in client.session


@pytest.mark.parametrize("token", ["forged", "x" * 32, "a" * 300, "", "   ", "https://x/fr/carte/#"])
def test_a_forged_card_is_refused_with_a_clear_message(client, centre, token):
    learner(centre)
    response = post_token(client, token, language="en")
    html = response.content.decode()
    assert response.status_code == 404 and "This card is no longer valid. Ask a trainer for a new one." in html
    assert "Amina" not in html and "أمينة" not in html
    assert client.get(reverse("accounts:home_picture"))["Location"] == reverse("accounts:home_code")


def test_reissue_invalidates_the_old_qr_link(client, trainer_client, centre, printed):
    user = learner(centre)
    print_all(trainer_client, centre)
    assert reissue(trainer_client, centre, user)["Content-Type"] == "application/pdf"
    old, new = token_of(printed[0][0].url), token_of(printed[1][0].url)
    client.logout()
    replayed = post_token(client, old)
    assert replayed.status_code == 404 and no_longer_valid("fr") in replayed.content.decode()
    assert "_auth_user_id" not in client.session
    assert 'data-picture="cat"' in client.get(scan(client, new)).content.decode()
    assert client.post(reverse("accounts:home_picture"), {"pictures": PICTURES}).status_code == 302


def test_a_deactivated_learner_card_stops_working(client, centre):
    user = learner(centre)
    token = accounts_services.learner_card_issue(user=user)
    user.is_active = False
    user.save()
    assert post_token(client, token).status_code == 404


def test_a_card_scanned_on_an_enrolled_tablet_follows_the_tablet_rules(client, centre):
    user = learner(centre)
    _device, cookie = centre_services.device_enrol(centre=centre, name="Tablette", by=None)
    client.cookies[centre_services.DEVICE_COOKIE] = cookie
    token = accounts_services.learner_card_issue(user=user)
    client.post(scan(client, token), {"pictures": PICTURES})
    assert client.session.get(centre_services.DEVICE_SESSION_KEY) and client.session.get_expiry_age() == 600
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("centres:tiles")


# --- Who may print ------------------------------------------------------------------------------


def test_the_card_page_lists_this_centres_learners(trainer_client, centre):
    learner(centre, name="Farid Karimi", latin="")
    learner(factories.CentreFactory(), name="Yonas Ahmadi", latin="")
    html = trainer_client.get(reverse("centres:cards_index", args=[centre.pk])).content.decode()
    assert "Farid Karimi" in html and "Yonas" not in html


def test_a_manager_may_print_too(client, centre):
    learner(centre)
    client.force_login(staff(centre, Role.MANAGER))
    assert print_all(client, centre)["Content-Type"] == "application/pdf"


def test_printing_only_the_chosen_learners(trainer_client, centre, printed):
    amina, farid = learner(centre), learner(centre, name="Farid Karimi", latin="")
    trainer_client.post(reverse("centres:cards_print", args=[centre.pk]), {"learner": [str(farid.pk)]})
    assert [card.name for card in printed[0]] == ["Farid Karimi"]
    assert not amina.cards.exists()


def test_printing_nobody_changes_nothing(trainer_client, centre):
    user = learner(centre)
    response = trainer_client.post(reverse("centres:cards_print", args=[centre.pk]), {})
    assert response.status_code == 302 and not user.cards.exists()


@pytest.mark.parametrize("role", [Role.TRAINER, Role.MANAGER])
def test_staff_of_another_centre_cannot_print_or_reissue(client, centre, role):
    user = learner(centre)
    token = accounts_services.learner_card_issue(user=user)
    client.force_login(staff(factories.CentreFactory(), role))
    assert client.get(reverse("centres:cards_index", args=[centre.pk])).status_code == 403
    assert print_all(client, centre).status_code == 403
    assert reissue(client, centre, user).status_code == 403
    assert accounts_services.learner_card_resolve(token=token) == user


def test_a_trainer_cannot_reissue_another_centres_learner_through_their_own_centre(client, centre):
    other = factories.CentreFactory()
    stranger = learner(other, name="Yonas Ahmadi", latin="")
    token = accounts_services.learner_card_issue(user=stranger)
    client.force_login(staff(centre))
    assert reissue(client, centre, stranger).status_code == 404
    response = client.post(reverse("centres:cards_print", args=[centre.pk]), {"learner": [str(stranger.pk)]})
    assert response.status_code == 302 and accounts_services.learner_card_resolve(token=token) == stranger


@pytest.mark.parametrize("role", [Role.LEARNER, Role.REFERENT])
def test_learners_and_referents_cannot_print(client, centre, role):
    learner(centre)
    client.force_login(staff(centre, role))
    assert print_all(client, centre).status_code == 403


def test_printing_needs_a_signed_in_user_and_a_post(client, centre):
    user = learner(centre)
    assert print_all(client, centre).status_code == 302 and not user.cards.exists()
    client.force_login(staff(centre))
    assert client.get(reverse("centres:card_reissue", args=[centre.pk, user.pk])).status_code == 405

"""Easy-French (FALC) hints for trainers (issue 12, item 5): the rules on French sentences, and the
admin endpoint the page editor calls while a trainer writes a step."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from courses import falc
from tests import factories

# --- The rules ------------------------------------------------------------------------------------


def test_a_sentence_of_more_than_15_words_is_long_and_one_of_15_is_not():
    fifteen = "Tu ouvres ta boîte de réception et tu lis le premier message de ta sœur."
    assert len(falc.tokens(fifteen)) == 15
    assert falc.analyse(fifteen).long_sentences == []
    long = "Quand tu reçois un message de la banque, tu ne cliques jamais sur le lien qui est dans le message."
    report = falc.analyse(long)
    assert [(s.text, s.words) for s in report.long_sentences] == [(long, 20)]


def test_sentences_end_at_full_stops_and_line_breaks_not_inside_addresses_or_numbers():
    text = "Va sur www.ameli.fr. Écris à amina.diallo@exemple.fr. Le prix est 3,50 €.\nMerci"
    assert falc.sentences(text) == [
        "Va sur www.ameli.fr.", "Écris à amina.diallo@exemple.fr.", "Le prix est 3,50 €.", "Merci"]
    assert falc.sentences("<p>Ouvre ta boîte.</p><p>Lis l&#x27;objet</p>") == ["Ouvre ta boîte.", "Lis l'objet"]


def test_an_elided_article_is_not_part_of_the_word():
    assert falc.rare_words("Écris l'adresse et l’objet du message.") == []
    assert falc.rare_words("Regarde l'hypothèque.") == ["hypothèque"]
    assert falc.rare_words("Aujourd'hui, c'est lundi. Dis-moi jusqu'à quand.") == []


def test_numbers_emails_urls_and_names_are_never_rare_words():
    text = ("Le 12/05/2025 à 10h30, Amina écrit à karim.benali@exemple.fr depuis https://www.ameli.fr/assure "
            "ou caf.fr pour 250 € le 1er mars.")
    assert falc.rare_words(text) == []
    assert falc.analyse("Le CERFA 15186*03 est là.").rare_words == []


def test_rare_words_are_found_once_each_in_reading_order_and_inflections_are_known():
    assert falc.rare_words("Nous mangeons. Ils cliquaient. Tu appuies. Les chaussettes sont rouges.") == ["chaussettes"]
    report = falc.analyse("Le bénéficiaire perçoit une indemnité. Le bénéficiaire signe.")
    assert report.rare_words == ["bénéficiaire", "perçoit", "indemnité"]
    assert falc.rare_words("Les Bénéficiaires") == []  # a capital inside the sentence: a name, not checked
    assert falc.rare_words("Bénéficiaire ou pas.") == ["bénéficiaire"]  # a capital at the start is checked


@pytest.mark.parametrize("sentence, passive", [
    ("Le dossier est envoyé par la CAF.", ["est envoyé"]),
    ("Les messages sont lus par la conseillère.", ["sont lus"]),
    ("Le formulaire a été rempli.", ["été rempli"]),
    ("La lettre n'est pas encore ouverte.", ["est pas encore ouverte"]),
    ("Ton compte sera bloqué demain.", ["sera bloqué"]),
    ("Le document doit être signé.", ["être signé"]),
    ("L'attestation est prise en compte.", ["est prise"]),
])
def test_passive_voice_is_found(sentence, passive):
    assert falc.passives(sentence) == passive


@pytest.mark.parametrize("sentence", [
    "Elle est arrivée hier.",  # a verb of movement: the past, active
    "Il s'est inscrit au cours.",  # reflexive
    "Je suis fatiguée.",  # how someone is
    "Le message est important.",
    "Tu es là ? C'est facile.",
    "Amina envoie le dossier à la CAF.",
    "Il est venu et il est parti.",
])
def test_active_sentences_are_not_passive(sentence):
    assert falc.passives(sentence) == []


def test_the_list_of_frequent_words_says_how_it_was_made_and_holds_1500_to_2000_words():
    text = falc.WORDS_FILE.read_text(encoding="utf-8")
    assert text.startswith("# Frequent French words") and "How it was made" in text
    words = falc.frequent_words()
    assert 1500 <= len(words) <= 2000
    assert {"adresse", "message", "cliquer", "être", "est", "aujourd'hui"} <= words
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines == sorted(set(lines)) and all(line == line.lower() for line in lines)


# --- The admin endpoint -----------------------------------------------------------------------------

@pytest.fixture
def trainer(db):
    """A member of "Editors", who may write the pages of the catalogue once there is one."""
    factories.course()
    user = factories.UserFactory(username="formatrice")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def post(client, data, language="fr"):
    return client.post(reverse("courses_falc"), data, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.django_db
def test_an_editor_gets_the_hints_as_json_in_her_language(client, trainer):
    client.force_login(trainer)
    with translation.override("fr"):
        response = post(client, {"text": "Le dossier est envoyé par l'organisme gestionnaire."})
    assert response.status_code == 200
    flags = response.json()["flags"]
    assert [(f["kind"], f["text"]) for f in flags] == [
        ("rare_word", "organisme"), ("rare_word", "gestionnaire"), ("passive", "est envoyé")]
    # The French words isolated from the message's direction (an Arabic admin shows them too).
    assert flags[-1]["message"] == "Voix passive\u00a0: «\u00a0\u2068est envoyé\u2069\u00a0». Dites qui fait l’action."
    assert post(client, {"text": "Ouvre ta boîte."}).json() == {"flags": []}


@pytest.mark.django_db
def test_missing_or_oversized_text_gets_a_translated_400(client, trainer):
    client.force_login(trainer)
    missing = post(client, {})
    assert missing.status_code == 400 and missing.json()["error"] == "Aucun texte reçu."
    huge = post(client, {"text": "mot " * (falc.MAX_TEXT_CHARS // 4 + 1)})
    assert huge.status_code == 400 and "trop long" in huge.json()["error"]
    assert client.get(reverse("courses_falc")).status_code == 405


@pytest.mark.django_db
def test_only_people_who_may_edit_pages_get_hints(client):
    response = post(client, {"text": "Bonjour."})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(factories.UserFactory())  # a learner: no admin access at all
    assert post(client, {"text": "Bonjour."}).status_code in (302, 403)
    admin_only = factories.UserFactory()
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))  # the admin, no page
    client.force_login(admin_only)
    response = post(client, {"text": "Bonjour."})
    assert response.status_code == 403 and "flags" not in response.json()

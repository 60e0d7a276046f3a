"""Every page of the accounts app, in one namespace: signing in and out, signing in by card or learner
code, and a learner's « my data » pages."""

from django.contrib.auth.views import LoginView
from django.urls import path

from .constants import SecretKind
from .forms import SignInForm
from .views import cards, languages, privacy, session

app_name = "accounts"

urlpatterns = [
    # Failed passwords are limited by django-axes, here as in Wagtail's admin login (see README).
    path(
        "connexion/",
        LoginView.as_view(
            template_name="accounts/login.html", authentication_form=SignInForm, redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("terminer/", session.sign_out, name="logout"),
    path("toujours-la/", session.session_ping, name="session_ping"),
    # A card's QR code holds /<lang>/carte/#<token>: the token stays in the fragment, out of every log.
    path("carte/", cards.card_sign_in, name="card_sign_in"),
    # The address of cards printed before: refused, the token is never looked up.
    path("carte/<str:token>/", cards.card_old_address, name="card_old_address"),
    path("connexion/code/", cards.home_code, name="home_code"),
    path("connexion/code/images/", cards.home_secret, name="home_picture"),
    path("connexion/code/chiffres/", cards.home_secret, {"kind": SecretKind.PIN}, name="home_pin"),
    path("mes-langues/", languages.content_languages_choose, name="content_languages"),
    path("mes-donnees/", privacy.my_data, name="my_data"),
    path("mes-donnees/consentement/", privacy.consent_give, name="consent_give"),
    path("mes-donnees/consentement/retirer/", privacy.consent_withdraw, name="consent_withdraw"),
    path("mes-donnees/export/", privacy.export_page, name="my_data_export"),
    path("mes-donnees/export.json", privacy.export_json, name="my_data_export_json"),
    path("mes-donnees/effacement/", privacy.erasure_request, name="erasure_request"),
]

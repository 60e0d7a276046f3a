from django.urls import path

from . import views_cards
from .constants import SecretKind

app_name = "cards"

urlpatterns = [
    # A card's QR code holds /<lang>/carte/#<token>: the token stays in the fragment, out of every log.
    path("carte/", views_cards.card_sign_in, name="card"),
    # The address of cards printed before: refused, the token is never looked up.
    path("carte/<str:token>/", views_cards.card_old_address, name="sign_in"),
    path("connexion/code/", views_cards.home_code, name="home"),
    path("connexion/code/images/", views_cards.home_secret, name="home_picture"),
    path("connexion/code/chiffres/", views_cards.home_secret, {"kind": SecretKind.PIN}, name="home_pin"),
]

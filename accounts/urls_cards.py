from django.urls import path

from . import views_cards
from .constants import SecretKind

app_name = "cards"

urlpatterns = [
    path("carte/<str:token>/", views_cards.card_sign_in, name="sign_in"),
    path("carte/<str:token>/code/", views_cards.card_sign_in, {"kind": SecretKind.PIN}, name="sign_in_pin"),
    path("connexion/code/", views_cards.home_code, name="home"),
    path("connexion/code/images/", views_cards.home_secret, name="home_picture"),
    path("connexion/code/chiffres/", views_cards.home_secret, {"kind": SecretKind.PIN}, name="home_pin"),
]

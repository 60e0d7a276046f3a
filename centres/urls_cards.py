from django.urls import path

from . import views_cards

app_name = "centre_cards"

urlpatterns = [
    path("centres/<int:centre_id>/cartes/", views_cards.cards_index, name="index"),
    path("centres/<int:centre_id>/cartes/imprimer/", views_cards.cards_print, name="print"),
    path("centres/<int:centre_id>/cartes/<int:user_id>/renouveler/", views_cards.card_reissue, name="reissue"),
]

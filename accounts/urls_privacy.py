from django.urls import path

from . import views_privacy as views

app_name = "privacy"

urlpatterns = [
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/consentement/", views.consent_give, name="consent_give"),
    path("mes-donnees/consentement/retirer/", views.consent_withdraw, name="consent_withdraw"),
    path("mes-donnees/export/", views.export_page, name="export"),
    path("mes-donnees/export.json", views.export_json, name="export_json"),
    path("mes-donnees/effacement/", views.erasure_request, name="erasure_request"),
]

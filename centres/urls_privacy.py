"""Staff pages about a learner's data. Include in lms/urls.py, inside i18n_patterns and before the
page-serving catch-all: ``path("", include("centres.urls_privacy"))``."""

from django.urls import path

from . import views_privacy as views

app_name = "centres_privacy"

urlpatterns = [
    path("centres/<int:centre_id>/effacements/", views.erasure_requests, name="erasure_requests"),
    path(
        "centres/<int:centre_id>/effacements/<int:request_id>/confirmer/", views.erasure_confirm,
        name="erasure_confirm",
    ),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/donnees/", views.learner_export, name="learner_export"),
    path(
        "centres/<int:centre_id>/apprenants/<int:user_id>/donnees.json", views.learner_export_json,
        name="learner_export_json",
    ),
    path(
        "centres/<int:centre_id>/apprenants/<int:user_id>/donnees/effacement/", views.erasure_request_for,
        name="erasure_request_for",
    ),
]

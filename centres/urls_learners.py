from django.urls import path

from . import views_learners as views

app_name = "centres_learners"

urlpatterns = [
    path("apprenants/", views.learners_home, name="home"),
    path("centres/<int:centre_id>/apprenants/", views.learner_list, name="list"),
    path("centres/<int:centre_id>/apprenants/ajouter/", views.learner_add, name="add"),
    path("centres/<int:centre_id>/apprenants/nouveau/", views.learner_created, name="created"),
    path("centres/<int:centre_id>/apprenants/importer/", views.learner_import, name="import"),
    path("centres/<int:centre_id>/apprenants/importer/confirmer/", views.learner_import_confirm, name="import_confirm"),
    path("centres/<int:centre_id>/apprenants/importer/modele.csv", views.import_template, name="import_template"),
]

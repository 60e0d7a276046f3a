"""Every page of the centres app, in one namespace: the shared tablet, joining a centre, a centre's
learners, their cards and their data (staff side)."""

from django.urls import path

from accounts.constants import SecretKind

from .views import cards, joining, learners, pictures, privacy, tablet

app_name = "centres"

urlpatterns = [
    # The shared tablet.
    path("bienvenue/", tablet.sign_in_start, name="start"),
    path("tablette/", tablet.tiles, name="tiles"),
    path("tablette/<int:user_id>/", tablet.learner_sign_in, name="sign_in_picture"),
    path("tablette/<int:user_id>/code/", tablet.learner_sign_in, {"kind": SecretKind.PIN}, name="sign_in_pin"),
    path("centres/<int:centre_id>/tablettes/", tablet.devices, name="devices"),
    path("centres/<int:centre_id>/tablettes/<int:device_id>/retirer/", tablet.device_revoke, name="device_revoke"),
    # Joining a centre, and staff confirming newcomers.
    path("rejoindre/", joining.join, name="join"),
    path("rejoindre/<str:code>/", joining.join, name="join_with_code"),
    path("centres/<int:centre_id>/rejoindre/", joining.join_manage, name="join_manage"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/confirmer/", joining.newcomer_confirm,
         name="newcomer_confirm"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/retirer/", joining.newcomer_remove,
         name="newcomer_remove"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/images/", pictures.learner_pictures,
         name="learner_pictures"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/debloquer/", joining.learner_unlock,
         name="learner_unlock"),
    # A centre's learners: the list, adding one, importing a file.
    path("apprenants/", learners.learners_home, name="learners_home"),
    path("centres/<int:centre_id>/apprenants/", learners.learner_list, name="learner_list"),
    path("centres/<int:centre_id>/apprenants/ajouter/", learners.learner_add, name="learner_add"),
    path("centres/<int:centre_id>/apprenants/nouveau/", learners.learner_created, name="learner_created"),
    path("centres/<int:centre_id>/apprenants/importer/", learners.learner_import, name="learner_import"),
    path("centres/<int:centre_id>/apprenants/importer/confirmer/", learners.learner_import_confirm,
         name="learner_import_confirm"),
    path("centres/<int:centre_id>/apprenants/importer/modele.csv", learners.import_template, name="import_template"),
    # Learner cards.
    path("centres/<int:centre_id>/cartes/", cards.cards_index, name="cards_index"),
    path("centres/<int:centre_id>/cartes/imprimer/", cards.cards_print, name="cards_print"),
    path("centres/<int:centre_id>/cartes/<int:user_id>/renouveler/", cards.card_reissue, name="card_reissue"),
    # A learner's data, staff side: exports and erasure requests.
    path("centres/<int:centre_id>/effacements/", privacy.erasure_requests, name="erasure_requests"),
    path("centres/<int:centre_id>/effacements/<int:request_id>/confirmer/", privacy.erasure_confirm,
         name="erasure_confirm"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/donnees/", privacy.learner_export, name="learner_export"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/donnees.json", privacy.learner_export_json,
         name="learner_export_json"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/donnees/effacement/", privacy.erasure_request_for,
         name="erasure_request_for"),
]

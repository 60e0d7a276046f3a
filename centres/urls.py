from django.urls import path

from accounts.constants import SecretKind

from . import views, views_joining

app_name = "centres"

urlpatterns = [
    path("bienvenue/", views.sign_in_start, name="start"),
    path("tablette/", views.tiles, name="tiles"),
    path("tablette/<int:user_id>/", views.learner_sign_in, name="sign_in_picture"),
    path("tablette/<int:user_id>/code/", views.learner_sign_in, {"kind": SecretKind.PIN}, name="sign_in_pin"),
    path("centres/<int:centre_id>/tablettes/", views.devices, name="devices"),
    path("centres/<int:centre_id>/tablettes/<int:device_id>/retirer/", views.device_revoke, name="device_revoke"),
    path("rejoindre/", views_joining.join, name="join"),
    path("rejoindre/<str:code>/", views_joining.join, name="join_with_code"),
    path("centres/<int:centre_id>/rejoindre/", views_joining.join_manage, name="join_manage"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/confirmer/", views_joining.newcomer_confirm,
         name="newcomer_confirm"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/retirer/", views_joining.newcomer_remove,
         name="newcomer_remove"),
    path("centres/<int:centre_id>/apprenants/<int:user_id>/debloquer/", views_joining.learner_unlock,
         name="learner_unlock"),
]

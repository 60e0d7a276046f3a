from django.urls import path

from accounts.constants import SecretKind

from . import views

app_name = "centres"

urlpatterns = [
    path("bienvenue/", views.sign_in_start, name="start"),
    path("tablette/", views.tiles, name="tiles"),
    path("tablette/<int:user_id>/", views.learner_sign_in, name="sign_in_picture"),
    path("tablette/<int:user_id>/code/", views.learner_sign_in, {"kind": SecretKind.PIN}, name="sign_in_pin"),
    path("centres/<int:centre_id>/tablettes/", views.devices, name="devices"),
    path("centres/<int:centre_id>/tablettes/<int:device_id>/retirer/", views.device_revoke, name="device_revoke"),
]

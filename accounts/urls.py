from django.contrib.auth.views import LoginView
from django.urls import path

from . import views
from .forms import SignInForm

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
    path("terminer/", views.sign_out, name="logout"),
    path("toujours-la/", views.session_ping, name="session_ping"),
]

from django.urls import path

from . import views
from .forms import SignInForm

app_name = "accounts"

urlpatterns = [
    path(
        "connexion/",
        views.ThrottledLoginView.as_view(
            template_name="accounts/login.html", authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("terminer/", views.sign_out, name="logout"),
    path("toujours-la/", views.session_ping, name="session_ping"),
]

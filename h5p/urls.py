from django.urls import path

from .views import api, player

app_name = "h5p"

urlpatterns = [
    path("<int:pk>/frame/", player.frame, name="frame"),
    path("<int:pk>/files/<path:path>", player.package_file, name="file"),
    path("api/statements/", api.statements, name="statements"),
    path("api/state/<int:pk>/", api.state, name="state"),
]

from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("parcours/", views.my_path, name="my_path"),
    path("aide/pictogrammes/", views.glossary, name="glossary"),
    path("cours/<int:course_id>/commencer/", views.course_start, name="course_start"),
    path("lecons/<int:lesson_id>/recommencer/", views.lesson_restart, name="lesson_restart"),
    path("api/lecons/<int:lesson_id>/reponses/", views.answer_create, name="answer_create"),
    path("api/lecons/<int:lesson_id>/etapes/", views.step_visit, name="step_visit"),
    path("api/lecons/<int:lesson_id>/etapes/<uuid:step_id>/<str:language>/", views.step_in_language,
         name="step_in_language"),
    path("api/lecons/<int:lesson_id>/apercu/", views.answer_preview, name="answer_preview"),
    path("api/cours/<int:course_id>/nouvelle-lecon/apercu/", views.answer_preview_new, name="answer_preview_new"),
]

"""Every page of the dashboards, in one namespace: a centre's learners, matrix and questions, its exports
and funders' report, and networks of centres."""

from django.urls import path

from .views import exports, learners, network, report, settings

app_name = "dashboards"

urlpatterns = [
    path("tableau-de-bord/", learners.home, name="home"),
    path("centres/<int:centre_id>/tableau-de-bord/", learners.learner_list, name="learner_list"),
    path("centres/<int:centre_id>/tableau-de-bord/apprenants/<int:learner_id>/", learners.learner_detail,
         name="learner_detail"),
    path("centres/<int:centre_id>/tableau-de-bord/matrice/", learners.cohort_matrix, name="matrix"),
    path("centres/<int:centre_id>/tableau-de-bord/questions/", learners.missed_questions, name="missed_questions"),
    path("centres/<int:centre_id>/tableau-de-bord/exports/", exports.export_index, name="exports"),
    path("centres/<int:centre_id>/tableau-de-bord/exports/<str:kind>.<str:file_format>", exports.export_download,
         name="export_download"),
    path("centres/<int:centre_id>/tableau-de-bord/rapport/", report.funders_report, name="report"),
    path("centres/<int:centre_id>/tableau-de-bord/rapport.<str:file_format>", report.funders_report_download,
         name="report_download"),
    path("centres/<int:centre_id>/reglages/", settings.centre_settings, name="settings"),
    path("reseaux/", network.network_home, name="network_home"),
    path("reseaux/<int:network_id>/", network.network_report, name="network_report"),
    path("reseaux/<int:network_id>/rapport.<str:file_format>", network.network_report_download,
         name="network_report_download"),
]

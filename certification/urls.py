from django.urls import path

from .views import centre, exam, exam_api, learner, supervisor, verify

app_name = "certification"

urlpatterns = [
    path("certificats/", learner.my_certificates, name="my_certificates"),
    path("certificats/<int:pk>/pdf/", learner.certificate_pdf, name="certificate_pdf"),
    path("certificats/<int:pk>/credential.json", learner.certificate_credential, name="certificate_credential"),
    path("certificats/<int:pk>/revoquer/", centre.certificate_revoke, name="revoke"),
    path("certificats/verifier/", verify.verify, name="verify"),
    path("certificats/verifier/<str:code>/", verify.verify_code, name="verify_code"),
    path("centres/<int:centre_id>/certificats/", centre.centre_certificates, name="centre_list"),
    path("centres/<int:centre_id>/certificats/export.csv", centre.centre_certificates_export, name="centre_export"),
    path("centres/<int:centre_id>/certificats/export.xlsx", centre.centre_certificates_export, {"file_format": "xlsx"},
         name="centre_export_xlsx"),
    # The exam day, the candidate's tablet.
    path("examens/", exam.exam_home, name="exam_home"),
    path("examens/sessions/<int:exam_session_id>/", exam.exam_waiting, name="exam_waiting"),
    path("examens/sessions/<int:exam_session_id>/commencer/", exam.exam_start, name="exam_start"),
    path("examens/entrainement/<int:level_id>/", exam.practice_start, name="practice_start"),
    path("examens/copies/<int:attempt_id>/", exam.exam_attempt, name="exam_attempt"),
    # The exam day, the supervisor's screen.
    path("examens/surveillance/", supervisor.exam_sessions_home, name="exam_sessions_home"),
    path("centres/<int:centre_id>/examens/", supervisor.exam_sessions, name="exam_sessions"),
    path("centres/<int:centre_id>/examens/<int:exam_session_id>/", supervisor.exam_session, name="exam_session"),
    path("centres/<int:centre_id>/examens/<int:exam_session_id>/candidats/<int:candidate_id>/decision/",
         supervisor.candidate_decide, name="candidate_decide"),
    path("centres/<int:centre_id>/examens/<int:exam_session_id>/candidats/<int:candidate_id>/amenagements/",
         supervisor.candidate_adapt, name="candidate_adapt"),
    path("centres/<int:centre_id>/examens/<int:exam_session_id>/incidents/", supervisor.incident_add,
         name="incident_add"),
    path("centres/<int:centre_id>/examens/<int:exam_session_id>/fermer/", supervisor.session_close,
         name="session_close"),
    # The exam tablet's JSON API.
    path("api/examens/rejoindre/", exam_api.session_join, name="api_join"),
    path("api/examens/sessions/<int:session_id>/commencer/", exam_api.attempt_start, name="api_start"),
    path("api/examens/<int:attempt_id>/", exam_api.attempt_detail, name="api_attempt"),
    path("api/examens/<int:attempt_id>/reponses/", exam_api.answer_create, name="api_answer"),
    path("api/examens/<int:attempt_id>/rendre/", exam_api.attempt_submit, name="api_submit"),
]

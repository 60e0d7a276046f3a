from django.urls import path

from .views import centre, exam_api, learner, verify

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
    path("api/examens/rejoindre/", exam_api.session_join, name="api_join"),
    path("api/examens/sessions/<int:session_id>/commencer/", exam_api.attempt_start, name="api_start"),
    path("api/examens/<int:attempt_id>/", exam_api.attempt_detail, name="api_attempt"),
    path("api/examens/<int:attempt_id>/reponses/", exam_api.answer_create, name="api_answer"),
    path("api/examens/<int:attempt_id>/rendre/", exam_api.attempt_submit, name="api_submit"),
]

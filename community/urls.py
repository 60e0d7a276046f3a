"""Every page of the community app, in one namespace: learners' sessions, hosts' sessions and check-in,
managers' référents."""

from django.urls import path

from .views import check_in, hosting, learner, referents

app_name = "community"

urlpatterns = [
    # Learners.
    path("seances/", learner.sessions, name="sessions"),
    path("seances/<int:session_id>/inscription/", learner.register, name="register"),
    path("seances/<int:session_id>/desinscription/", learner.unregister, name="unregister"),
    path("seances/sms/", learner.phone_set, name="phone_set"),
    # Hosts: référents, trainers, managers.
    path("animer/", hosting.host_home, name="host_home"),
    path("centres/<int:centre_id>/seances/", hosting.host_sessions, name="host_sessions"),
    path("centres/<int:centre_id>/seances/nouvelle/", hosting.session_plan, name="session_plan"),
    path("animer/seances/<int:session_id>/", hosting.session_detail, name="session_detail"),
    path("animer/seances/<int:session_id>/modifier/", hosting.session_edit, name="session_edit"),
    path("animer/seances/<int:session_id>/annuler/", hosting.session_cancel, name="session_cancel"),
    path("animer/seances/<int:session_id>/accueil/", check_in.check_in, name="check_in"),
    path("animer/seances/<int:session_id>/accueil/pointer/", check_in.check_in_tap, name="check_in_tap"),
    path("animer/seances/<int:session_id>/bilan/", hosting.session_review, name="session_review"),
    path("animer/participants/<int:learner_id>/", hosting.attendee_progress, name="attendee_progress"),
    # Managers.
    path("centres/<int:centre_id>/referents/", referents.referents, name="referents"),
    path("centres/<int:centre_id>/referents/<int:user_id>/nommer/", referents.referent_grant, name="referent_grant"),
    path("centres/<int:centre_id>/referents/<int:user_id>/retirer/", referents.referent_revoke,
         name="referent_revoke"),
]

"""Signal receivers of the community app (connected in CommunityConfig.ready)."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from . import selectors
from .notifications import message_text

HOST_SESSION_KEY = "is_session_host"


@receiver(user_logged_in, dispatch_uid="community.notices_on_sign_in")
def notices_on_sign_in(sender, request, user, **kwargs):
    """The notices waiting for a learner (a reminder, a cancelled session, a seat freed) are shown once,
    at their next sign-in, in the language of the page they sign in on."""
    if request is None or not hasattr(request, "_messages"):
        return
    notices = list(selectors.notices_unshown(learner=user))
    for notice in notices:
        messages.info(request, message_text(notice.kind, notice.session))
    if notices:
        selectors.notices_unshown(learner=user).filter(pk__in=[n.pk for n in notices]).update(shown_at=timezone.now())


@receiver(user_logged_in, dispatch_uid="community.remember_host_role")
def remember_host_role(sender, request, user, **kwargs):
    """Remember whether this person may host sessions, so every page can link to theirs without a query."""
    if request is not None and hasattr(request, "session"):
        request.session[HOST_SESSION_KEY] = selectors.host_centres(user).exists()

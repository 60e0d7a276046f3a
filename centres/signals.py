"""Signal receivers of the centres app (connected in CentresConfig.ready)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from accounts.views.session import AFTER_SIGN_OUT

from . import services
from .models import Membership


@receiver(user_logged_in, dispatch_uid="centres.device_session_on_sign_in")
def device_session_on_sign_in(sender, request, user, **kwargs):
    """Whoever signs in on an enrolled tablet gets the tablet's session rules: idle sign-out after the
    tablet centre's time, and back to its tiles on « Terminer ». Any sign-in counts (tile, card, learner
    code, joining, a staff password), and anyone: a learner of another centre, a newcomer who joined
    another centre here, staff. The tablet is shared whoever holds it."""
    if request is None or not hasattr(request, "session"):
        return
    device = services.request_device(request)
    if device is None:
        return
    request.session[services.DEVICE_SESSION_KEY] = device.pk
    request.session[AFTER_SIGN_OUT] = reverse("centres:tiles")
    request.session.set_expiry(device.centre.idle_timeout_minutes * 60)
    services.device_seen(device=device)


STAFF_SESSION_KEY = "is_centre_staff"


@receiver(user_logged_in, dispatch_uid="centres.remember_staff_role")
def remember_staff_role(sender, request, user, **kwargs):
    """Remember in the session whether this person staffs a centre, so every page can show the
    staff menu without a query."""
    if request is not None and hasattr(request, "session"):
        from .selectors import centres_readable_by

        request.session[STAFF_SESSION_KEY] = centres_readable_by(user).exists()


@receiver(post_save, sender=Membership, dispatch_uid="centres.role_groups_on_save")
def role_groups_on_save(sender, instance, raw=False, **kwargs):
    """A person made trainer or manager somewhere gets the admin's groups of that role."""
    if not raw:
        services.role_groups_sync(user_id=instance.user_id)


@receiver(post_delete, sender=Membership, dispatch_uid="centres.role_groups_on_delete")
def role_groups_on_delete(sender, instance, **kwargs):
    """A person who no longer holds a role anywhere loses its groups."""
    services.role_groups_sync(user_id=instance.user_id, adding=False)

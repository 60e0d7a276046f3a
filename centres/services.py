"""Writes about centres: enrolling and revoking shared tablets, telling which tablet a request is from, and
keeping a person's admin groups in step with their roles."""

import hashlib
import secrets

from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

from .constants import ROLE_GROUPS
from .models import EnrolledDevice, Membership

DEVICE_COOKIE = "passerelle_device"
DEVICE_SESSION_KEY = "device_id"
DEVICE_COOKIE_MAX_AGE = 5 * 365 * 24 * 3600
# How long a tablet's "still enrolled" is remembered between requests. Revoking through
# device_revoke() takes effect at once; a revocation written another way, within this time.
DEVICE_ACTIVE_SECONDS = 30
_SALT = "centres.device"
_REQUEST_ATTRIBUTE = "_enrolled_device"


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _active_key(device_id):
    return f"device-active:{device_id}"


def device_enrol(*, centre, name, by):
    """Enrol a tablet; returns the device and the signed cookie value to store on it (shown once)."""
    token = secrets.token_urlsafe(32)
    device = EnrolledDevice.objects.create(centre=centre, name=name, token_hash=_hash(token), enrolled_by=by)
    return device, signing.dumps(token, salt=_SALT)


def device_revoke(*, device):
    """The tablet's cookie stops working, and the sessions open on it end at their next request."""
    if device.revoked_at is None:
        device.revoked_at = timezone.now()
        device.save(update_fields=["revoked_at"])
    cache.set(_active_key(device.pk), False, DEVICE_ACTIVE_SECONDS)


def device_is_active(device_id) -> bool:
    """Whether the tablet is still enrolled; remembered a few seconds so that a lesson page pays no query."""
    active = cache.get(_active_key(device_id))
    if active is None:
        active = EnrolledDevice.objects.filter(pk=device_id, revoked_at__isnull=True).exists()
        cache.set(_active_key(device_id), active, DEVICE_ACTIVE_SECONDS)
    return active


def device_from_cookie(value):
    """The enrolled, unrevoked device a cookie belongs to; None for a forged or revoked one."""
    if not value:
        return None
    try:
        token = signing.loads(value, salt=_SALT)
    except signing.BadSignature:
        return None
    return (
        EnrolledDevice.objects.select_related("centre")
        .filter(token_hash=_hash(token), revoked_at__isnull=True)
        .first()
    )


def request_device(request):
    """The enrolled tablet this request comes from (by its cookie), or None; looked up once per request."""
    if not hasattr(request, _REQUEST_ATTRIBUTE):
        setattr(request, _REQUEST_ATTRIBUTE, device_from_cookie(request.COOKIES.get(DEVICE_COOKIE)))
    return getattr(request, _REQUEST_ATTRIBUTE)


def request_device_id(request):
    device = request_device(request)
    return device.pk if device else None


def device_seen(*, device):
    now = timezone.now()
    if device.last_seen_at is None or (now - device.last_seen_at).total_seconds() > 300:
        device.last_seen_at = now
        device.save(update_fields=["last_seen_at"])


def role_groups_sync(*, user_id, adding=True):
    """Put the person in the Wagtail groups of the staff roles they hold at any centre (unless ``adding`` is
    off: after a membership is deleted, the person may be on their way out), and take them out of those
    of the roles they no longer hold. Other groups are left as they are."""
    held = set(Membership.objects.filter(user_id=user_id, role__in=ROLE_GROUPS).values_list("role", flat=True))
    wanted = {ROLE_GROUPS[role] for role in held}
    groups = Group.objects.filter(name__in=set(ROLE_GROUPS.values()))
    through = Group.user_set.through
    through.objects.filter(user_id=user_id, group__in=groups.exclude(name__in=wanted)).delete()
    if adding:
        have = set(through.objects.filter(user_id=user_id).values_list("group_id", flat=True))
        through.objects.bulk_create([through(user_id=user_id, group_id=group.pk)
                                     for group in groups.filter(name__in=wanted) if group.pk not in have])

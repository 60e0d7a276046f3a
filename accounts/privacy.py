"""A learner's data: optional demographics with consent, the export of everything held about them,
and erasure (the account anonymised, progress kept only as anonymous aggregates).

``accounts`` knows nothing of centres or courses: rows about the learner are found through the
user's reverse relations, so a model added later by another app is exported and erased too. An app
whose rows need more than that (rows that reach the learner through another row, rows to delete or
to detach on erasure, a summary in the export) says so from its ``AppConfig.ready()`` with
``personal_data_register`` (see h5p/apps.py and certification/apps.py)."""

import datetime
import decimal
import json
import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone

from .models import DemographicConsent, ErasureRequest, LearnerCard, LearnerProfile, LearnerSecret, SignInLock

logger = logging.getLogger("passerelle.privacy")

EXPORT_FORMAT = "passerelle-export/1"

# Never exported: what would let someone sign in as the learner.
SECRET_FIELD_NAMES = {"password", "secret_hash", "token_hash", "session_key", "session_data"}
SECRET_FIELD_SUFFIXES = ("_hash", "_token")

# The account's own fields shown in an export.
ACCOUNT_FIELDS = (
    "username", "display_name", "first_name", "last_name", "email", "preferred_language",
    "date_joined", "last_login", "is_active",
)

# Deleted outright on erasure: credentials, lockouts and demographics.
ERASED_MODELS = (LearnerSecret, LearnerCard, SignInLock, DemographicConsent)

# Free-text fields (TextField, JSONField) of rows owned by the learner are cleared on erasure,
# except these, known to hold no personal text (they make the anonymous aggregates).
ERASURE_KEPT_FIELDS = {
    "courses.lessonprogress": {"seen_steps"},
    "admin.logentry": {"object_id"},
}

# Short fields of rows owned by the learner that may hold personal text, cleared on erasure.
ERASURE_CLEARED_CHAR_FIELDS = {
    "accounts.learnerprofile": {"avatar", "languages_spoken", "latin_name"},
}

ERASED_USERNAME_PREFIX = "effacé-"
ERASED_LABEL = "—"


# --- What other apps register --------------------------------------------------------------------

# What erasure does to the rows of a registered model.
ERASE_CLEAR = "clear"  # its free text and the fields named in ``cleared`` are emptied; the row stays
ERASE_DELETE = "delete"  # the rows are deleted
ERASE_DETACH = "detach"  # the fields named in ``detached`` are set to null: a record that stays without the person


@dataclass(frozen=True)
class PersonalData:
    """How the rows of one model are exported and erased, beyond the rules above.

    ``lookup`` goes from the model to the person: a foreign key of its own (``"learner"``), or a
    path through another row (``"attempt__learner"``); rows reached through a path are exported too
    (the user's reverse relations do not reach them). ``summary`` (a row → a dict of JSON values,
    keyed by field names) is exported instead of the row's fields."""

    lookup: str
    on_erasure: str = ERASE_CLEAR
    cleared: tuple[str, ...] = ()
    detached: tuple[str, ...] = ()
    summary: Callable | None = None

    @property
    def is_indirect(self):
        return "__" in self.lookup


_registered: dict[str, PersonalData] = {}


def personal_data_register(label: str, **rules) -> None:
    """Register a model (``"app_label.modelname"``) holding personal data; see ``PersonalData``."""
    data = PersonalData(**rules)
    if data.on_erasure not in (ERASE_CLEAR, ERASE_DELETE, ERASE_DETACH):
        raise ValueError(f"Unknown erasure for {label}: {data.on_erasure!r}")
    _registered[label.lower()] = data


def registered_personal_data() -> dict[str, PersonalData]:
    return dict(_registered)


# --- Demographics and consent ------------------------------------------------------------------


def demographics_get(*, user):
    return DemographicConsent.objects.filter(user=user).first()


def demographics_consent_give(*, user, gender: str, age_band: str) -> DemographicConsent:
    """The learner agrees that Passerelle keeps their answers (either may be empty or "prefer not to say")."""
    consent, _created = DemographicConsent.objects.update_or_create(
        user=user,
        defaults={
            "gender": gender, "age_band": age_band,
            "consent_given_at": timezone.now(), "consent_withdrawn_at": None,
        },
    )
    return consent


def demographics_consent_withdraw(*, user) -> DemographicConsent | None:
    """The answers are cleared at once; the date of withdrawal is kept as a record."""
    consent = demographics_get(user=user)
    if consent is None or not consent.consented:
        return consent
    consent.gender = consent.age_band = ""
    consent.consent_withdrawn_at = timezone.now()
    consent.save(update_fields=["gender", "age_band", "consent_withdrawn_at", "updated_at"])
    return consent


# --- Export ------------------------------------------------------------------------------------


def _is_secret(field) -> bool:
    return field.name in SECRET_FIELD_NAMES or field.name.endswith(SECRET_FIELD_SUFFIXES)


def _plain(value):
    """A value as JSON understands it."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    return value


def _row(obj, fields, user_fk_name):
    data = {"id": obj.pk}
    for field in fields:
        if field.name == user_fk_name or _is_secret(field):
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            data[field.name] = None if related is None else {"id": related.pk, "label": str(related)}
        else:
            data[field.name] = _plain(getattr(obj, field.attname))
    return data


def _user_relations(user_model):
    """(model, field name) of every model row that points to a user, one-to-one, many-to-one or many-to-many."""
    for relation in user_model._meta.related_objects:
        yield relation.related_model, relation.field


def _rows_of(model, lookup, user):
    """The exported rows of ``model`` whose ``lookup`` is ``user`` (a registered summary, or every field)."""
    own_field = lookup if "__" not in lookup else None
    fields = [f for f in model._meta.concrete_fields if f.name != model._meta.pk.name]
    forward = [f.name for f in fields if f.is_relation and f.name != own_field and not _is_secret(f)]
    rows = model._default_manager.filter(**{lookup: user}).select_related(*forward).order_by("pk")
    rules = _registered.get(model._meta.label_lower)
    if rules is not None and rules.summary is not None:
        return [{"id": obj.pk, **{k: _plain(v) for k, v in rules.summary(obj).items()}} for obj in rows]
    return [_row(obj, fields, own_field) for obj in rows]


def learner_data_export(*, user) -> dict:
    """Everything Passerelle holds about ``user``: the account, then every row that points to it
    (profile, memberships, enrolments, lesson progress, answers...), keyed ``app_label.model``.
    Password, picture-password, PIN and card hashes are left out."""
    account = {name: _plain(getattr(user, name)) for name in ACCOUNT_FIELDS}
    records = {}
    for model, field in _user_relations(get_user_model()):
        rows = _rows_of(model, field.name, user)
        if rows:
            records.setdefault(model._meta.label_lower, []).extend(rows)
    for label, rules in _registered.items():
        rows = _rows_of(apps.get_model(label), rules.lookup, user) if rules.is_indirect else []
        if rows:
            records.setdefault(label, []).extend(rows)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": account,
        "records": records,
    }


def _shown(field, value):
    if isinstance(value, dict) and set(value) == {"id", "label"}:
        return value["label"]
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        return formats.localize(timezone.localtime(datetime.datetime.fromisoformat(value)))
    if field is not None and field.choices and value not in (None, ""):
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def export_sections(data: dict) -> list[dict]:
    """The export grouped for a readable page: a title and the rows of each kind of record,
    each row a list of (field label, value shown)."""
    sections = []
    for key, rows in data["records"].items():
        model = apps.get_model(key)
        fields = {f.name: f for f in model._meta.concrete_fields}
        sections.append({
            "key": key,
            "title": model._meta.verbose_name_plural,
            "rows": [
                [
                    (fields[name].verbose_name if name in fields else name, _shown(fields.get(name), value))
                    for name, value in row.items() if name != "id"
                ]
                for row in rows
            ],
        })
    return sections


# --- Erasure requests --------------------------------------------------------------------------


def erasure_request_pending(*, user):
    return ErasureRequest.objects.filter(user=user, confirmed_at__isnull=True).first()


def erasure_request_create(*, user, by=None) -> ErasureRequest:
    """Ask for ``user``'s erasure (by themselves, or ``by`` a trainer on their behalf). Asking twice
    keeps the first request."""
    with transaction.atomic():
        pending = ErasureRequest.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
        if pending is not None:
            return pending
        return ErasureRequest.objects.create(user=user, requested_by=by or user)


def erasure_requests_pending_for(*, user_ids):
    """The pending requests of these users (a centre's learners), oldest first."""
    return ErasureRequest.objects.filter(user_id__in=user_ids, confirmed_at__isnull=True).select_related("user")


# --- Erasure -----------------------------------------------------------------------------------


def _erased_username(user_model) -> str:
    while True:
        name = f"{ERASED_USERNAME_PREFIX}{secrets.token_hex(4)}"
        if not user_model._default_manager.filter(username=name).exists():
            return name


def _anonymise_account(user):
    user.username = _erased_username(get_user_model())
    user.display_name = user.first_name = user.last_name = user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


def _cleared_value(field):
    if field.null:
        return None
    if isinstance(field, models.JSONField):
        return field.get_default() if field.has_default() else {}
    return ""


def _fields_to_clear(model):
    key = model._meta.label_lower
    kept = ERASURE_KEPT_FIELDS.get(key, set())
    chars = ERASURE_CLEARED_CHAR_FIELDS.get(key, set())
    return [
        f for f in model._meta.concrete_fields
        if f.name not in kept
        and (isinstance(f, models.TextField | models.JSONField) or f.name in chars)
        and not f.primary_key and not f.is_relation
    ]


def _owned_relations(user_model):
    """Relations whose rows belong to the user (they would be deleted with the account)."""
    for model, field in _user_relations(user_model):
        if not field.many_to_many and field.remote_field.on_delete is models.CASCADE:
            yield model, field


def _owned_rows(user):
    """The content types and ids of every row owned by the user: their log entries also name the user."""
    owned = {ContentType.objects.get_for_model(user): {str(user.pk)}}
    for model, field in _owned_relations(get_user_model()):
        ids = [str(pk) for pk in model._default_manager.filter(**{field.name: user}).values_list("pk", flat=True)]
        if ids:
            owned.setdefault(ContentType.objects.get_for_model(model), set()).update(ids)
    return owned


def _clear_free_text(user):
    """Clear the free text (typed answers, notes, statements) of every row owned by the user."""
    for model, field in _owned_relations(get_user_model()):
        to_clear = _fields_to_clear(model)
        if to_clear:
            model._default_manager.filter(**{field.name: user}).update(
                **{f.name: _cleared_value(f) for f in to_clear}
            )


def _erase_registered(user):
    """What the apps registered: rows deleted, detached from the person, or their fields cleared."""
    for label, rules in _registered.items():
        model = apps.get_model(label)
        rows = model._default_manager.filter(**{rules.lookup: user})
        if rules.on_erasure == ERASE_DELETE:
            rows.delete()
        elif rules.on_erasure == ERASE_DETACH:
            rows.update(**{name: None for name in rules.detached})
        else:
            fields = {f.name: f for f in model._meta.concrete_fields}
            to_clear = {*(f.name for f in _fields_to_clear(model)), *rules.cleared}
            # An update cannot follow a path: rows reached through another row are picked by id.
            model._default_manager.filter(pk__in=rows.values("pk")).update(
                **{name: _cleared_value(fields[name]) for name in to_clear}
            )


def _scrub_log_entries(touched):
    """Admin and Wagtail log entries repeat an object's name when it was created or edited there."""
    admin_log = apps.get_model("admin", "LogEntry") if apps.is_installed("django.contrib.admin") else None
    wagtail_log = apps.get_model("wagtailcore", "ModelLogEntry") if apps.is_installed("wagtail") else None
    for content_type, ids in touched.items():
        if admin_log is not None:
            admin_log.objects.filter(content_type=content_type, object_id__in=ids).update(
                object_repr=ERASED_LABEL, change_message=""
            )
        if wagtail_log is not None:
            wagtail_log.objects.filter(content_type=content_type, object_id__in=ids).update(
                label=ERASED_LABEL, data={}
            )


def learner_erase(*, user, by) -> ErasureRequest:
    """Erase a learner, as confirmed by ``by`` (a manager of their centre; the caller checks that).

    In one transaction: the account is anonymised and can no longer sign in; credentials, lockouts and
    demographics are deleted; what other apps registered is deleted, detached or cleared (H5P
    results and saved state deleted; certificates detached, see certification/apps.py); typed answers
    and other free text are cleared; lesson progress stays, attached to the anonymous account, for
    the centre's aggregate figures."""
    with transaction.atomic():
        user = get_user_model()._default_manager.select_for_update().get(pk=user.pk)
        for model in ERASED_MODELS:
            model.objects.filter(user=user).delete()
        _erase_registered(user)
        LearnerProfile.objects.filter(user=user).update(learner_code=None)
        _scrub_log_entries(_owned_rows(user))
        _clear_free_text(user)
        _anonymise_account(user)
        request = erasure_request_create(user=user, by=by)
        request.confirmed_by, request.confirmed_at = by, timezone.now()
        request.save(update_fields=["confirmed_by", "confirmed_at"])
    logger.info("learner %s erased, confirmed by %s", user.pk, getattr(by, "pk", None))
    return request

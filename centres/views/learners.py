"""A trainer's pages for the learners of a centre they staff: the list, adding one, importing a file.

What waits between two pages (a new learner's pictures until they are shown, an import's rows until the
trainer confirms) is kept in ``core.stash`` for minutes, encrypted, never in the session store: the session
holds only the token of a new learner's handover, and an import's token is in the preview page's form, so
no server store ever holds an import's names or PINs readable.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accounts.constants import PICTOGRAMS
from core.once import first_submission, once_token
from core.stash import stash_id, stash_put, stash_take

from .. import learners, selectors
from ..constants import Role
from ..forms_learners import ImportConfirmForm, LearnerCreateForm, LearnerImportForm
from ..imports import (
    COLUMN_LABELS,
    COLUMNS,
    FILE_TOO_LARGE,
    MAX_FILE_BYTES,
    ImportRefused,
    import_file_read,
    import_rows_check,
)
from ..models import Membership
from ..permissions import staffed_centre_or_403

HANDOVER_SESSION_KEY = "learner_handover"
IMPORT_SESSION_KEY = "learner_import"  # which preview may be confirmed: the latest (its id, not its key)
HANDOVER_SECONDS = 10 * 60  # from "Create the account" to the page that shows the pictures: a redirect
IMPORT_SECONDS = 30 * 60  # time to read the preview of a long list before confirming
# A multipart body holds the file, the CSRF token and the parts' headers: a little more than the file.
MAX_IMPORT_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024


def _centre_learners(centre):
    centre_memberships = Membership.objects.filter(centre=centre, role=Role.LEARNER).select_related("cohort")
    return selectors.centre_learner_tiles(centre=centre).select_related("sign_in_lock").prefetch_related(
        Prefetch("memberships", queryset=centre_memberships, to_attr="centre_memberships")
    )


@login_required
@never_cache
def learners_home(request):
    """Straight to the learners of the trainer's centre; a choice when they staff several."""
    centres = list(selectors.centres_readable_by(request.user).order_by("name"))
    if not centres:
        raise PermissionDenied(_("Only trainers and managers of a centre can see its learners."))
    if len(centres) == 1:
        return redirect("centres:learner_list", centre_id=centres[0].pk)
    return render(request, "centres/learners/home.html", {"centres": centres})


@login_required
@never_cache
def learner_list(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    return render(request, "centres/learners/list.html", {
        "centre": centre, "learners": _centre_learners(centre), "now": timezone.now(),
    })


@login_required
@never_cache
def learner_add(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    form = LearnerCreateForm(request.POST or None, centre=centre)
    if request.method == "POST" and form.is_valid():
        if not first_submission(request):  # a second click: the first one created the learner
            return redirect("centres:learner_list", centre_id=centre.pk)
        data = form.cleaned_data
        try:
            handover = learners.learner_create(
                centre=centre, display_name=data["display_name"], latin_name=data["latin_name"],
                avatar=data["avatar"], avatar_colour=data["avatar_colour"],
                languages_spoken=data["languages_spoken"], cohort=data["cohort"], pictures=data["pictures"],
                pin=data["pin"] or None, created_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[HANDOVER_SESSION_KEY] = stash_put({
                "centre_id": centre.pk, "user_id": handover.user.pk, "learner_code": handover.learner_code,
                "pictures": list(handover.pictures),
            }, ttl=HANDOVER_SECONDS)
            return redirect("centres:learner_created", centre_id=centre.pk)
    status = 400 if request.method == "POST" else 200
    context = {"centre": centre, "form": form, "once": once_token()}
    return render(request, "centres/learners/add.html", context, status=status)


def _pictures_labelled(keys):
    return [(key, PICTOGRAMS[key]) for key in keys]


@login_required
@never_cache
def learner_created(request, centre_id):
    """The new learner's code and pictures, shown once: a reload shows the list instead."""
    centre = staffed_centre_or_403(request.user, centre_id)
    handover = stash_take(request.session.pop(HANDOVER_SESSION_KEY, None), ttl=HANDOVER_SECONDS)
    if not handover or handover["centre_id"] != centre.pk:
        return redirect("centres:learner_list", centre_id=centre.pk)
    learner = _centre_learners(centre).filter(pk=handover["user_id"]).first()
    return render(request, "centres/learners/created.html", {
        "centre": centre, "learner": learner, "learner_code": handover["learner_code"],
        "pictures": _pictures_labelled(handover["pictures"]),
    })


def _request_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > MAX_IMPORT_REQUEST_BYTES


@login_required
@never_cache
@csrf_exempt  # the size is checked first: the CSRF check would read the whole body to find its token
def learner_import(request, centre_id):
    """Upload a file and see, row by row, what would be imported. Nothing is written here. A body over
    the size limit is refused before anything of it is read."""
    centre = staffed_centre_or_403(request.user, centre_id)
    if request.method == "POST" and _request_too_large(request):
        form = LearnerImportForm.refused(FILE_TOO_LARGE)
        return render(request, "centres/learners/import.html", _import_context(centre, form), status=413)
    return _learner_import(request, centre)


def _import_context(centre, form):
    """The import page: the columns named in the trainer's language, as in the empty list to fill in."""
    return {"centre": centre, "form": form, "column_labels": [COLUMN_LABELS[column] for column in COLUMNS],
            "required": COLUMN_LABELS["display_name"], "cohort": COLUMN_LABELS["cohort"], "pin": COLUMN_LABELS["pin"]}


@csrf_protect
def _learner_import(request, centre):
    form = LearnerImportForm(request.POST or None, request.FILES or None)
    context = _import_context(centre, form)
    if request.method != "POST":
        return render(request, "centres/learners/import.html", context)
    if form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            read = import_file_read(name=uploaded.name, data=uploaded.read())
        except ImportRefused as refused:
            form.add_error("file", refused.message)
        else:
            return _import_preview(request, centre, read, uploaded.name)
    return render(request, "centres/learners/import.html", context, status=400)


def _import_preview(request, centre, read, filename):
    reports = import_rows_check(centre=centre, rows=read.rows)
    valid = [(r.number, raw) for r, (_number, raw) in zip(reports, read.rows, strict=True) if r.ok]
    token = ""
    if valid:
        token = stash_put({"centre_id": centre.pk, "user_id": request.user.pk, "rows": valid}, ttl=IMPORT_SECONDS)
        request.session[IMPORT_SESSION_KEY] = stash_id(token)
    return render(request, "centres/learners/preview.html", {
        "centre": centre, "filename": filename, "reports": reports, "notices": read.notices,
        "errors": [r for r in reports if not r.ok], "valid_count": len(valid),
        "confirm_form": ImportConfirmForm(initial={"token": token}),
    })


@require_POST
@login_required
@never_cache
def learner_import_confirm(request, centre_id):
    """Import the valid rows of the latest previewed file, all at once. The rows can be taken once: a
    second click, a replay, an older preview or a confirmation after ``IMPORT_SECONDS`` imports nothing."""
    centre = staffed_centre_or_403(request.user, centre_id)
    form = ImportConfirmForm(request.POST)
    token = form.cleaned_data["token"] if form.is_valid() else ""
    latest = stash_id(token) is not None and request.session.get(IMPORT_SESSION_KEY) == stash_id(token)
    pending = stash_take(token, ttl=IMPORT_SECONDS) if latest else None
    if not (pending and pending["centre_id"] == centre.pk and pending["user_id"] == request.user.pk):
        return render(request, "centres/learners/import_expired.html", {"centre": centre}, status=409)
    del request.session[IMPORT_SESSION_KEY]
    rows = [(number, raw) for number, raw in pending["rows"]]
    result = learners.learners_import(centre=centre, rows=rows, created_by=request.user)
    return render(request, "centres/learners/imported.html", {
        "centre": centre, "imported": [(h, _pictures_labelled(h.pictures)) for h in result.imported],
        "errors": [r for r in result.reports if not r.ok],
    })


@login_required
def import_template(request, centre_id):
    """An empty CSV with the expected columns, to fill in a spreadsheet."""
    staffed_centre_or_403(request.user, centre_id)
    headers = [str(COLUMN_LABELS[column]) for column in COLUMNS]  # in the trainer's language; read back as such
    response = HttpResponse("\ufeff" + ";".join(headers) + "\r\n", content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="learners.csv"'
    return response

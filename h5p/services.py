"""Writes of the H5P app: storing a checked package, the results and saved state the player sends.

A package is checked entirely (``h5p.validation``) before the first byte is written; if writing
fails halfway, what was written is removed. Results are idempotent on the statement id, and only
for a learner who follows the lesson and a step of that lesson that plays that package."""

import json
import uuid
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.selectors import lesson_enrolment_exists
from courses.services import lesson_step_result_record

from .constants import DEFAULT_PASS_THRESHOLD, MAX_STATE_BYTES, PACKAGES_PREFIX
from .models import H5PPackage, H5PResult, H5PUserState
from .selectors import lesson_h5p_step
from .statements import StatementRefused, package_activity_path, statement_id_parse, statement_parse
from .validation import package_check

# Namespace of the lesson answers H5P statements make (uuid5 of the statement id).
PROGRESS_NAMESPACE = uuid.UUID("6f1d2c2e-5b0a-4c55-9a3e-2f7e0c1b9d41")


@dataclass
class StatementOutcome:
    result: H5PResult | None
    created: bool = False


# --- Packages ------------------------------------------------------------------------------------


def h5p_package_create(*, uploaded_file, by, title="") -> H5PPackage:
    """Check an uploaded .h5p (``PackageRefused`` if it is refused: nothing is written), then unpack
    it under a folder of its own in the default storage and record it."""
    checked = package_check(uploaded_file)
    key = uuid.uuid4().hex
    prefix = f"{PACKAGES_PREFIX}/{key}"
    written = []
    try:
        _unpack(uploaded_file, checked.files, prefix, written)
        package = H5PPackage(
            title=(title or "").strip() or checked.title[:255], storage_prefix=prefix,
            main_library=checked.main_library, main_library_version=checked.main_library_version,
            language=checked.language, size_bytes=checked.size_bytes, file_count=checked.file_count,
            uploaded_by=by if by is not None and by.is_authenticated else None, validated_at=timezone.now(),
        )
        uploaded_file.seek(0)
        package.file.save(f"{key}.h5p", File(uploaded_file), save=False)
        written.append(package.file.name)
        package.save()
    except BaseException:
        storage_files_delete(written)
        raise
    return package


def _unpack(uploaded_file, files, prefix, written):
    uploaded_file.seek(0)
    with zipfile.ZipFile(uploaded_file) as archive:
        for info in files:
            name = f"{prefix}/{info.filename}"
            saved = default_storage.save(name, ContentFile(archive.read(info)))
            written.append(saved)
            if saved != name:
                raise RuntimeError(f"the storage renamed {name} to {saved}")


def storage_files_delete(names):
    for name in names:
        default_storage.delete(name)


def _storage_tree(prefix):
    folders, files = default_storage.listdir(prefix)
    yield from (f"{prefix}/{name}" for name in files)
    for folder in folders:
        yield from _storage_tree(f"{prefix}/{folder}")


def h5p_package_files_delete(*, storage_prefix, file_name):
    """Remove a deleted package's files from storage (its unpacked folder and the .h5p)."""
    try:
        storage_files_delete(list(_storage_tree(storage_prefix)))
    except FileNotFoundError:
        pass
    if file_name:
        default_storage.delete(file_name)


# --- Results and saved state ---------------------------------------------------------------------


def _require_step(*, learner, package, lesson, step_id):
    if not lesson_enrolment_exists(learner=learner, lesson=lesson):
        raise StatementRefused(_("Start this course before doing its activities."), status=403)
    step = lesson_h5p_step(lesson=lesson, step_id=statement_id_parse(step_id))
    if step is None or step.get("package") != package.pk:
        raise StatementRefused(_("This activity is not part of this lesson. Reload the page."))
    return step


def _same_statement(result, *, learner, package, lesson, step_id) -> bool:
    return (
        result.learner_id == learner.pk and result.package_id == package.pk
        and str(result.lesson_key) == str(lesson.translation_key) and str(result.step_id) == str(step_id)
    )


def _replayed(result, **context):
    if not _same_statement(result, **context):
        raise StatementRefused(_("This result was already sent for another activity. Reload the page."), status=409)
    return StatementOutcome(result, created=False)


def h5p_statement_record(*, learner, package, lesson, step_id, statement) -> StatementOutcome:
    """Store what the player reported for the learner in an H5P step of a lesson they follow. The
    same statement sent again returns the first result unchanged; statements Passerelle does not
    keep (sub-contents, other verbs) are acknowledged with no result."""
    step = _require_step(learner=learner, package=package, lesson=lesson, step_id=step_id)
    parsed = statement_parse(statement, activity_path=package_activity_path(package))
    context = {"learner": learner, "package": package, "lesson": lesson, "step_id": statement_id_parse(step_id)}
    earlier = H5PResult.objects.filter(statement_id=parsed.statement_id).first()
    if earlier is not None:
        return _replayed(earlier, **context)
    if not parsed.kept:
        return StatementOutcome(None)
    try:
        with transaction.atomic():
            result = H5PResult.objects.create(
                learner=learner, package=package, lesson=lesson, lesson_key=lesson.translation_key,
                step_id=context["step_id"], statement_id=parsed.statement_id, verb=parsed.verb,
                score_raw=parsed.score_raw, score_max=parsed.score_max, score_scaled=parsed.score_scaled,
                completion=parsed.completion, success=parsed.success, statement=statement,
            )
            h5p_result_to_progress(result=result, lesson=lesson, step=step)
    except IntegrityError:
        earlier = H5PResult.objects.filter(statement_id=parsed.statement_id).first()
        if earlier is None:
            raise
        return _replayed(earlier, **context)  # the same statement arrived twice at once
    return StatementOutcome(result, created=True)


def h5p_result_to_progress(*, result, lesson, step):
    """Count an H5P result in the learner's progress through the lesson, like any other step: the
    step is seen; it is passed when the score reaches the step's pass threshold (a learner may retry
    inside the activity until it does). Only a required step counts in the lesson's score, so an
    optional one never holds the lesson back. The score never counts for certification."""
    return lesson_step_result_record(
        learner=result.learner, lesson=lesson, step_id=result.step_id, score=result.score_scaled,
        passed=step_passed(result=result, step=step), client_uuid=progress_client_uuid(result.statement_id),
    )


def step_passed(*, result, step) -> bool:
    """Whether the result reaches the step's pass threshold. A result without a score (content
    without points) passes when the player says it succeeded, or when the step asks for no points."""
    threshold = step.get("pass_threshold", DEFAULT_PASS_THRESHOLD)
    if result.score_scaled is None:
        return bool(result.success) or not threshold
    return result.score_scaled * 100 >= threshold


def progress_client_uuid(statement_id) -> uuid.UUID:
    """The id of the lesson answer a statement makes: the same statement always makes the same one."""
    return uuid.uuid5(PROGRESS_NAMESPACE, str(statement_id))


def h5p_state_save(*, learner, package, data) -> H5PUserState | None:
    """Save where the learner is in an activity (the player's state, a JSON text of at most 64 KB);
    an empty state forgets it."""
    if data in (None, ""):
        H5PUserState.objects.filter(learner=learner, package=package).delete()
        return None
    if isinstance(data, str) and len(data.encode()) > MAX_STATE_BYTES:
        raise StatementRefused(_("The activity's saved state is too large (64 KB at most)."), status=413)
    try:
        json.loads(data)
    except (TypeError, ValueError, RecursionError):
        raise StatementRefused(_("The activity's saved state is damaged.")) from None
    state, _created = H5PUserState.objects.update_or_create(
        learner=learner, package=package, defaults={"data": data}
    )
    return state

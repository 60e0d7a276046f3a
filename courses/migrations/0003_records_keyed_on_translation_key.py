"""Enrolments, progress and answers follow the learner across languages: they are keyed on the
course or lesson in all its languages (its ``translation_key``) instead of one language's page, and
the step to resume at is a step id (the same in every translation) instead of an index.

Existing rows get their keys from their page. A learner who already had progress in two
languages of one lesson keeps one row: the one used last, with the other's attempts numbered
before its own (so no answers collide and the current attempt stays current), the best score,
the earliest completion and the time spent in both. Two enrolments in one course keep the first."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, F, Max, Min, OuterRef, Subquery, Sum


def _fill_keys(apps):
    Page = apps.get_model("wagtailcore", "Page")
    key_of = lambda fk: Subquery(Page.objects.filter(pk=OuterRef(fk)).values("translation_key")[:1])  # noqa: E731
    apps.get_model("courses", "Enrolment").objects.update(course_key=key_of("course_id"))
    apps.get_model("courses", "LessonProgress").objects.update(lesson_key=key_of("lesson_id"))
    apps.get_model("courses", "Answer").objects.update(lesson_key=key_of("lesson_id"))


def _step_ids(lesson):
    return [str(item.get("id")) for item in lesson.steps.raw_data]


def _fill_current_step_ids(apps):
    LessonProgress = apps.get_model("courses", "LessonProgress")
    LessonPage = apps.get_model("courses", "LessonPage")
    lessons = LessonPage.objects.in_bulk(set(LessonProgress.objects.values_list("lesson_id", flat=True)))
    for progress in LessonProgress.objects.only("pk", "lesson_id", "current_step"):
        ids = _step_ids(lessons[progress.lesson_id])
        if progress.current_step < len(ids):
            LessonProgress.objects.filter(pk=progress.pk).update(current_step_id=ids[progress.current_step])


def _merge_progress(apps, learner_id, lesson_key):
    """One progress row per learner and lesson: the one used last survives."""
    LessonProgress = apps.get_model("courses", "LessonProgress")
    Answer = apps.get_model("courses", "Answer")
    rows = LessonProgress.objects.filter(learner_id=learner_id, lesson_key=lesson_key)
    totals = rows.aggregate(
        best=Max("best_score"), started=Min("started_at"), time=Sum("time_spent_seconds"),
        completed=Min("completed_at"),
    )
    ordered = list(rows.order_by("updated_at", "pk"))
    offset = 0
    for row in ordered:  # earlier rows' attempts first, the survivor's last
        Answer.objects.filter(learner_id=learner_id, lesson_id=row.lesson_id).update(attempt=F("attempt") + offset)
        offset += row.attempt
    keep = ordered[-1]
    changes = {
        "attempt": offset, "best_score": totals["best"], "started_at": totals["started"],
        "time_spent_seconds": totals["time"], "completed_at": totals["completed"],
    }
    if totals["completed"] is not None:
        changes["status"] = "completed"
    LessonProgress.objects.filter(pk=keep.pk).update(**changes)
    rows.exclude(pk=keep.pk).delete()


def _merge_duplicates(apps):
    LessonProgress = apps.get_model("courses", "LessonProgress")
    Enrolment = apps.get_model("courses", "Enrolment")
    twice = LessonProgress.objects.values("learner_id", "lesson_key").annotate(n=Count("pk")).filter(n__gt=1)
    for group in list(twice):
        _merge_progress(apps, group["learner_id"], group["lesson_key"])
    twice = Enrolment.objects.values("learner_id", "course_key").annotate(n=Count("pk")).filter(n__gt=1)
    for group in list(twice):
        rows = Enrolment.objects.filter(learner_id=group["learner_id"], course_key=group["course_key"])
        first = rows.order_by("created_at", "pk").first()
        rows.exclude(pk=first.pk).delete()


def forwards(apps, schema_editor):
    _fill_keys(apps)
    _fill_current_step_ids(apps)
    _merge_duplicates(apps)


def backwards(apps, schema_editor):
    """Back to one row per page: rows whose page is gone cannot go back and are dropped; the
    step to resume at becomes an index again (0 when the page no longer has that step)."""
    for name in ("Enrolment",):
        apps.get_model("courses", name).objects.filter(course__isnull=True).delete()
    for name in ("LessonProgress", "Answer"):
        apps.get_model("courses", name).objects.filter(lesson__isnull=True).delete()
    LessonProgress = apps.get_model("courses", "LessonProgress")
    for progress in LessonProgress.objects.select_related("lesson"):
        ids = _step_ids(progress.lesson)
        current = str(progress.current_step_id)
        progress.current_step = ids.index(current) if current in ids else 0
        progress.save(update_fields=["current_step"])


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0002_field_labels"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="enrolment", name="enrolment_unique_learner_course"),
        migrations.RemoveConstraint(model_name="lessonprogress", name="progress_unique_learner_lesson"),
        migrations.RemoveConstraint(model_name="answer", name="answer_once_per_step_attempt"),
        migrations.RemoveIndex(model_name="answer", name="courses_ans_learner_62f290_idx"),
        migrations.AddField(
            model_name="enrolment", name="course_key",
            field=models.UUIDField(null=True, verbose_name="course (all languages)"),
        ),
        migrations.AddField(
            model_name="lessonprogress", name="lesson_key",
            field=models.UUIDField(null=True, verbose_name="lesson (all languages)"),
        ),
        migrations.AddField(
            model_name="answer", name="lesson_key",
            field=models.UUIDField(null=True, verbose_name="lesson (all languages)"),
        ),
        migrations.AddField(
            model_name="lessonprogress", name="current_step_id",
            field=models.UUIDField(blank=True, null=True, verbose_name="current step"),
        ),
        migrations.AlterField(
            model_name="enrolment", name="course",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="enrolments",
                to="courses.coursepage", verbose_name="course",
            ),
        ),
        migrations.AlterField(
            model_name="lessonprogress", name="lesson",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="progress",
                to="courses.lessonpage", verbose_name="lesson",
            ),
        ),
        migrations.AlterField(
            model_name="answer", name="lesson",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="answers",
                to="courses.lessonpage", verbose_name="lesson",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="enrolment", name="course_key",
            field=models.UUIDField(verbose_name="course (all languages)"),
        ),
        migrations.AlterField(
            model_name="lessonprogress", name="lesson_key",
            field=models.UUIDField(verbose_name="lesson (all languages)"),
        ),
        migrations.AlterField(
            model_name="answer", name="lesson_key",
            field=models.UUIDField(verbose_name="lesson (all languages)"),
        ),
        migrations.RemoveField(model_name="lessonprogress", name="current_step"),
        migrations.AddConstraint(
            model_name="enrolment",
            constraint=models.UniqueConstraint(fields=("learner", "course_key"), name="enrolment_unique_learner_course"),
        ),
        migrations.AddConstraint(
            model_name="lessonprogress",
            constraint=models.UniqueConstraint(fields=("learner", "lesson_key"), name="progress_unique_learner_lesson"),
        ),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.UniqueConstraint(
                fields=("learner", "lesson_key", "attempt", "step_id"), name="answer_once_per_step_attempt"
            ),
        ),
    ]
